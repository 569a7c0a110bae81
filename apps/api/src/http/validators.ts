/**
 * class-validator's decorators with Chinese messages, given through its own `message` option
 * (a function of the constraint, so limits and allowed values come from the decorator itself).
 * Each also writes its constraint into the OpenAPI schema of the property (type integer,
 * minimum, maxLength, enum, pattern…), so the document says what validation checks.
 * DTOs import their decorators from here instead of from 'class-validator'.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import * as cv from 'class-validator';
import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { valueLabel } from './labels.js';

export { Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface, type ValidationOptions } from 'class-validator';

/**
 * The constraint in the property's schema; the DTO's own @ApiProperty keeps its description and
 * wins where both say something. Not for `each` (the schema is the list's, not its items').
 */
const documented = (decorator: PropertyDecorator, options: ValidationOptions | undefined, schema: ApiPropertyOptions): PropertyDecorator =>
  options?.each ? decorator : (applyDecorators(decorator, ApiProperty(schema)) as PropertyDecorator);

export const IsOptional = (options?: ValidationOptions) => applyDecorators(cv.IsOptional(options), ApiProperty({ required: false })) as PropertyDecorator;

type Message = (args: ValidationArguments) => string;

/** The message for one value, or for each value of a list when `each` is set. */
function zh(options: ValidationOptions | undefined, message: Message): ValidationOptions {
  return { ...options, message: options?.message ?? ((args) => (options?.each ? `每一项${message(args)}` : message(args))) };
}

/** A required nested object: ValidateNested alone lets a missing one through. */
export const IsDefined = (options?: ValidationOptions) => cv.IsDefined(zh(options, () => '必填'));
export const IsString = (options?: ValidationOptions) => cv.IsString(zh(options, () => '须为文本(字符串)'));
export const IsInt = (options?: ValidationOptions) => documented(cv.IsInt(zh(options, () => '须为整数')), options, { type: 'integer' });
export const IsBoolean = (options?: ValidationOptions) => documented(cv.IsBoolean(zh(options, () => '须为 true 或 false')), options, { type: 'boolean' });
export const IsArray = (options?: ValidationOptions) => cv.IsArray(zh(options, () => '须为列表(数组)'));
export const IsObject = (options?: ValidationOptions) => cv.IsObject(zh(options, () => '须为对象'));
export const IsUUID = (version?: cv.IsUUIDVersion, options?: ValidationOptions) => documented(cv.IsUUID(version, zh(options, () => '须为 UUID')), options, { format: 'uuid' });
export const IsIn = (values: readonly unknown[], options?: ValidationOptions) =>
  documented(cv.IsIn(values, zh(options, (args) => `须为以下之一：${values.map((v) => valueLabel(v, args.property)).join('、')}`)), options, { enum: values as unknown[] as string[] });
export const Min = (min: number, options?: ValidationOptions) => documented(cv.Min(min, zh(options, () => `不得小于 ${min}`)), options, { minimum: min });
export const Max = (max: number, options?: ValidationOptions) => documented(cv.Max(max, zh(options, () => `不得大于 ${max}`)), options, { maximum: max });
export const MinLength = (min: number, options?: ValidationOptions) =>
  documented(cv.MinLength(min, zh(options, () => (min === 1 ? '不能为空' : `长度不得少于 ${min} 个字符`))), options, { minLength: min });
export const MaxLength = (max: number, options?: ValidationOptions) => documented(cv.MaxLength(max, zh(options, () => `长度不得超过 ${max} 个字符`)), options, { maxLength: max });
export const ArrayMinSize = (min: number, options?: ValidationOptions) => documented(cv.ArrayMinSize(min, zh(options, () => `至少须有 ${min} 项`)), options, { minItems: min });
export const ArrayMaxSize = (max: number, options?: ValidationOptions) => documented(cv.ArrayMaxSize(max, zh(options, () => `至多 ${max} 项`)), options, { maxItems: max });
export const Matches = (pattern: RegExp, options?: ValidationOptions) => documented(cv.Matches(pattern, zh(options, () => '格式不符')), options, { pattern: pattern.source });
export const ValidateNested = (options?: ValidationOptions) => cv.ValidateNested(zh(options, () => '须为对象'));
