import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';
import { jurisdictionCodeProblem } from '#domain';

class JurisdictionCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const problem = jurisdictionCodeProblem(value);
    if (problem) {
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `行政区划代码有误：${problem}`, details: [{ field: 'code', problems: [problem] }] });
    }
    return value;
  }
}

export const JurisdictionParam = () => Param('code', new JurisdictionCodePipe());
