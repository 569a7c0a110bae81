import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { JURISDICTION_CODE } from './decision.dto.js';
import { badField } from '../../http/error-body.js';

class JurisdictionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!JURISDICTION_CODE.test(value)) {
      throw new BadRequestException(badField('code', '须为六位行政区划代码，如 370700'));
    }
    return value;
  }
}

export const JurisdictionParam = () => Param('code', new JurisdictionCodePipe());
