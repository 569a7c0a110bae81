import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** class-validator's messages are English; registrars read Chinese. The number in a message is kept. */
const CHINESE: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isString: () => '须为字符串',
  isInt: () => '须为整数',
  isArray: () => '须为数组',
  isObject: () => '须为对象',
  isUuid: () => '须为 UUID',
  isNotEmpty: () => '不能为空',
  nestedValidation: () => '须为对象',
  isIn: (m) => `须为以下之一：${m.split(': ').slice(1).join(': ')}`,
  maxLength: (m) => `长度不得超过 ${numberIn(m)}`,
  minLength: (m) => `长度不得少于 ${numberIn(m)}`,
  min: (m) => `不得小于 ${numberIn(m)}`,
  max: (m) => `不得大于 ${numberIn(m)}`,
  arrayMinSize: (m) => `至少须有 ${numberIn(m)} 项`,
  arrayMaxSize: (m) => `至多 ${numberIn(m)} 项`,
};
const numberIn = (message: string) => message.match(/-?\d+(\.\d+)?/)?.[0] ?? '';

/** Flattens class-validator's tree into one entry per bad field, with its dotted path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const missing = error.value === undefined && error.constraints !== undefined && !('whitelistValidation' in error.constraints);
    const problems = missing ? ['必填'] : Object.entries(error.constraints ?? {}).map(([name, message]) => CHINESE[name]?.(message) ?? message);
    const own = problems.length > 0 ? [{ field, problems }] : [];
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Unknown fields and wrong types are refused with 400 naming each field; nothing is written. */
export const registryValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  // The value is read to tell a missing field from a wrong one; it is never echoed back.
  validationError: { target: false, value: true },
  exceptionFactory: (errors) => {
    const details = fieldProblems(errors);
    return new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      message: `请求格式有误：${details.map((d) => d.field).join('、')}`,
      details,
    });
  },
});
