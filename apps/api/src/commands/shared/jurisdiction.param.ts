import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { jurisdictionCodeProblem } from '#domain';
import { badField } from '../../http/error-body.js';

class JurisdictionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const problem = jurisdictionCodeProblem(value);
    if (problem) {
      throw new BadRequestException(badField('code', problem, `行政区划代码有误：${problem}`));
    }
    return value;
  }
}

export const JurisdictionParam = () => Param('code', new JurisdictionCodePipe());
