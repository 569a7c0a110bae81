/**
 * The two time axes of the read model (docs/domain.md "Time: two axes"):
 *
 * - valid time: `YYYY-MM-DD` dates of effect (China calendar). A document is valid on D when
 *   `validFrom <= D` and (`validTo` is null or `D < validTo`): established on D counts on D,
 *   abolished on E is gone on E.
 * - transaction time: instants, kept in one canonical form (`YYYY-MM-DDTHH:mm:ss.sssZ`) so that
 *   they compare as strings. A document is known at K when `recordedFrom <= K` and
 *   (`recordedTo` is null or `K < recordedTo`).
 */
import { chinaDateOf, isLocalDate, type LocalDate } from '#domain';

export type Instant = string;

export interface RecordedInterval {
  /** Transaction time from which this document was believed (inclusive). */
  recordedFrom: Instant;
  /** Transaction time from which it no longer was (exclusive); null while it still is. */
  recordedTo: Instant | null;
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant in the canonical UTC form; throws on anything that is not one. */
export function canonicalInstant(value: string): Instant {
  if (CANONICAL.test(value)) return value;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RangeError(`不是有效的时间：${value}`);
  return new Date(time).toISOString();
}

/**
 * A `knownAt` parameter: an ISO instant, or a bare date meaning the end of that day in China
 * time ("as known on 2020-06-01" includes what was recorded that day).
 */
export function knownAtInstant(value: string): Instant {
  if (isLocalDate(value)) return new Date(Date.parse(`${value}T23:59:59.999+08:00`)).toISOString();
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) throw new RangeError(`knownAt 须为 ISO-8601 时间或 YYYY-MM-DD：${value}`);
  return canonicalInstant(value);
}

export function todayInChina(now: Date): LocalDate {
  return chinaDateOf(now);
}

export function isKnownAt(doc: RecordedInterval, knownAt: Instant): boolean {
  return doc.recordedFrom <= knownAt && (doc.recordedTo === null || knownAt < doc.recordedTo);
}

export function isValidOn(doc: { validFrom: LocalDate; validTo: LocalDate | null }, date: LocalDate): boolean {
  return doc.validFrom <= date && (doc.validTo === null || date < doc.validTo);
}

/** Overlaps the closed range of days [from, to]. */
export function overlapsDays(doc: { validFrom: LocalDate; validTo: LocalDate | null }, from: LocalDate, to: LocalDate): boolean {
  return doc.validFrom <= to && (doc.validTo === null || doc.validTo > from);
}
