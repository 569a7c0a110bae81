import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { JURISDICTION_CODE } from './decision.dto.js';

class JurisdictionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!JURISDICTION_CODE.test(value)) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: '行政区划代码须为六位数字', details: [{ field: 'code', problems: ['须为六位行政区划代码，如 370700'] }] });
    }
    return value;
  }
}

export const JurisdictionParam = () => Param('code', new JurisdictionCodePipe());
