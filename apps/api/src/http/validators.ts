/**
 * class-validator's decorators with Chinese messages, given through its own `message` option
 * (a function of the constraint, so limits and allowed values come from the decorator itself).
 * DTOs import their decorators from here instead of from 'class-validator'.
 */
import * as cv from 'class-validator';
import type { ValidationArguments, ValidationOptions } from 'class-validator';
import { valueLabel } from './labels.js';

export { IsOptional, Validate, ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface, type ValidationOptions } from 'class-validator';

type Message = (args: ValidationArguments) => string;

/** The message for one value, or for each value of a list when `each` is set. */
function zh(options: ValidationOptions | undefined, message: Message): ValidationOptions {
  return { ...options, message: options?.message ?? ((args) => (options?.each ? `每一项${message(args)}` : message(args))) };
}

export const IsString = (options?: ValidationOptions) => cv.IsString(zh(options, () => '须为文本(字符串)'));
export const IsInt = (options?: ValidationOptions) => cv.IsInt(zh(options, () => '须为整数'));
export const IsBoolean = (options?: ValidationOptions) => cv.IsBoolean(zh(options, () => '须为 true 或 false'));
export const IsArray = (options?: ValidationOptions) => cv.IsArray(zh(options, () => '须为列表(数组)'));
export const IsObject = (options?: ValidationOptions) => cv.IsObject(zh(options, () => '须为对象'));
export const IsUUID = (version?: cv.IsUUIDVersion, options?: ValidationOptions) => cv.IsUUID(version, zh(options, () => '须为 UUID'));
export const IsIn = (values: readonly unknown[], options?: ValidationOptions) =>
  cv.IsIn(values, zh(options, () => `须为以下之一：${values.map(valueLabel).join('、')}`));
export const Min = (min: number, options?: ValidationOptions) => cv.Min(min, zh(options, () => `不得小于 ${min}`));
export const Max = (max: number, options?: ValidationOptions) => cv.Max(max, zh(options, () => `不得大于 ${max}`));
export const MinLength = (min: number, options?: ValidationOptions) =>
  cv.MinLength(min, zh(options, () => (min === 1 ? '不能为空' : `长度不得少于 ${min} 个字符`)));
export const MaxLength = (max: number, options?: ValidationOptions) => cv.MaxLength(max, zh(options, () => `长度不得超过 ${max} 个字符`));
export const ArrayMinSize = (min: number, options?: ValidationOptions) => cv.ArrayMinSize(min, zh(options, () => `至少须有 ${min} 项`));
export const ArrayMaxSize = (max: number, options?: ValidationOptions) => cv.ArrayMaxSize(max, zh(options, () => `至多 ${max} 项`));
export const Matches = (pattern: RegExp, options?: ValidationOptions) => cv.Matches(pattern, zh(options, () => '格式不符'));
export const ValidateNested = (options?: ValidationOptions) => cv.ValidateNested(zh(options, () => '须为对象'));
