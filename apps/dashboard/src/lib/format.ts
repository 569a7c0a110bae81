/** Chinese labels and date helpers. */
import type { Duration, Series } from './types';

import {
  ABOLITION_REASON_LABELS,
  DISPOSITION_LABELS,
  DURATION_LABELS,
  EVENT_TYPE_LABELS,
  FIELD_LABELS,
  RANK_LABELS,
  SERIES_LABELS,
  SERIES_LONG_LABELS,
} from '#domain/labels';

// The one label table (libs/domain/src/labels.ts), under the names the views use.
export const SERIES: Record<Series, string> = SERIES_LABELS;
export const SERIES_LONG: Record<Series, string> = SERIES_LONG_LABELS;
export const DURATION: Record<Duration, string> = DURATION_LABELS;
export const KINDS = ['领导小组', '委员会', '联席会议', '指挥部', '协调小组', '其他'];
export const EVENT_TYPES: Record<string, string> = EVENT_TYPE_LABELS;
export const DISPOSITIONS: Record<string, string> = DISPOSITION_LABELS;
/** 市级办法 第十五条 (一)–(八). */
export const ABOLITION_REASONS: Record<number, string> = ABOLITION_REASON_LABELS;
export const RANKS: Record<string, string> = RANK_LABELS;
export { FIELD_LABELS };

const CHINA = 8 * 3600_000;

/** Today in China time, YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + CHINA).toISOString().slice(0, 10);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 2020-03-31 → 2020年3月31日 */
export function cnDate(date: string | undefined | null): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An instant shown in China time: 2020-06-01 09:30:12. */
export function cnTime(instant: string | undefined | null): string {
  if (!instant) return '';
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return instant;
  return new Date(t + CHINA).toISOString().replace('T', ' ').slice(0, 19);
}

/** The value of an <input type="datetime-local"> (China time) as an ISO instant with offset. */
export function knownAtParam(local: string): string | undefined {
  if (!local) return undefined;
  if (isDate(local)) return local;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(local);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00` : undefined;
}

export function postText(post: { title: string; rank?: string } | undefined): string {
  if (!post) return '';
  return post.rank && RANKS[post.rank] ? `${post.title}(${RANKS[post.rank]})` : post.title;
}

/** Search key: name, aliases and former names, without spaces and brackets. */
export function normalize(text: string): string {
  return text.replace(/[\s()（）“”"'《》·]/g, '').toLowerCase();
}

export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
