import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { fieldLabel } from './labels.js';

export interface FieldProblem {
  field: string;
  /** The field's Chinese name, with its API name: `序列(series)`. */
  label: string;
  problems: string[];
}

/**
 * Messages come from the decorators (http/validators.ts, class-validator's `message` option);
 * the one constraint without such an option is the pipe's own refusal of unknown fields.
 */
const PIPE_MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许的字段',
};

/** Flattens class-validator's tree into one entry per bad field, with its dotted path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const missing = error.value === undefined && error.constraints !== undefined && !('whitelistValidation' in error.constraints);
    const problems = missing ? ['必填'] : Object.entries(error.constraints ?? {}).map(([name, message]) => PIPE_MESSAGES[name] ?? message);
    const own = problems.length > 0 ? [{ field, label: fieldLabel(field), problems }] : [];
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
      message: `请求格式有误：${details.map((d) => `${d.label} ${d.problems.join('，')}`).join('；')}`,
      details,
    });
  },
});
