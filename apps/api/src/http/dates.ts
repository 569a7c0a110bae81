import { BadRequestException, Query, type PipeTransform } from '@nestjs/common';
import { isLocalDate } from '#domain';
import { badField } from './error-body.js';

/**
 * The calendar the registry accepts: real dates (no 2020-13-01, no 2020-02-30) between these
 * bounds. Earlier or later dates are typing mistakes, and far years break date arithmetic
 * (a ten-year default period before 0005-01-01).
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export function isRegistryDate(value: unknown): value is string {
  return isLocalDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

export const dateProblem = `须为 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间的真实日期，格式 YYYY-MM-DD`;

/** An optional date in the query: absent or empty stays undefined, anything else must be a real date. */
export class LocalDatePipe implements PipeTransform<unknown, string | undefined> {
  constructor(private readonly field: string) {}

  transform(value: unknown): string | undefined {
    if (value === undefined || value === '') return undefined;
    if (!isRegistryDate(value)) throw new BadRequestException(badField(this.field, dateProblem, `${this.field} ${dateProblem}：${String(value).slice(0, 40)}`));
    return value;
  }
}

/** `@DateQuery('to') to?: string`: the query parameter, checked as a real date. */
export const DateQuery = (name: string) => Query(name, new LocalDatePipe(name));
