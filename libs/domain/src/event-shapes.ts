/**
 * What each event type's data must hold for the folds to read it (schemaVersion 1). A stored
 * event that fails this was damaged outside the program; the store reports it as corrupt,
 * naming it, instead of a fold failing on it later (`aliases is not iterable`).
 * Checks only what readers rely on: the fields they iterate, compare or count.
 */
import type { RegistryEventType } from './registry-event.js';

type Check = (value: unknown) => boolean;
const text: Check = (v) => typeof v === 'string';
const count: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const record: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (item: Check): Check => (v) => Array.isArray(v) && v.every(item);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const post: Check = (v) => text(v) || (record(v) && text((v as { title?: unknown }).title));
const texts = list(text);
const posts = list(post);

type Shape = Record<string, Check>;
const profile: Shape = {
  name: text,
  aliases: texts,
  kind: text,
  series: text,
  duration: text,
  basis: record,
  leaders: posts,
  deputies: posts,
  members: optional(posts),
  memberUnits: texts,
  termEnd: optional(text),
};
const changes: Shape = { leaders: optional(posts), deputies: optional(posts), members: optional(posts), memberUnits: optional(texts), termEnd: optional(text) };
const outcome: Check = (v) => record(v) && text((v as { bodyId?: unknown }).bodyId) && text((v as { outcome?: unknown }).outcome);
const shaped = (shape: Shape): Check => {
  const entries = Object.entries(shape);
  return (v) => record(v) && entries.every(([field, check]) => check((v as Record<string, unknown>)[field]));
};

const SHAPES: Record<RegistryEventType, Shape> = {
  BodyEstablished: { bodyId: text, ...profile },
  BodyAdjusted: { changes: shaped(changes) },
  BodyRenamed: { previousName: text, newName: text, aliases: texts },
  BodyAffiliationChanged: { from: text, to: text },
  BodyAbolished: { abolitionReason: count, disposition: optional(text) },
  BodyMergedAway: { mergerId: text, targetBodyId: text },
  BodyAbsorbedMerger: { mergerId: text, sourceBodyIds: texts },
  AnnualReportFiled: { year: count, summary: optional(text), meetingsHeld: optional(count), filedOn: optional(text) },
  BodiesMerged: { mergerId: text, mergerReason: count, sourceBodyIds: texts, targetBodyId: text, establishedTarget: optional(shaped(profile)) },
  QuotaBaselineSet: { total: count, standing: optional(count), temporary: optional(count), series: optional(text) },
  EventCorrected: { correctedEventId: text, correctedType: text, fields: record, effectiveDate: optional(text), documentNo: optional(text) },
  PolicyAdopted: { policy: shaped({ name: text }) },
  CampaignOpened: { campaignId: text, title: text, scope: record },
  CampaignOutcomesListed: { campaignId: text, outcomes: list(outcome) },
  CampaignConcluded: { campaignId: text, outcomes: list(outcome), counts: record, reviewed: count },
};

// field checks as arrays, built once: the store runs this on every event it reads, a rebuild's million included
const CHECKS = new Map(Object.entries(SHAPES).map(([type, shape]) => [type, Object.entries(shape)]));

/** The schemaVersion every event type is written with today. */
export const EVENT_SCHEMA_VERSION = 1;

/**
 * The first problem with a stored event's shape for its type and schemaVersion, in Chinese,
 * naming the field; undefined when the folds can read it.
 */
export function eventShapeProblem(event: { type: string; schemaVersion?: unknown; data: unknown }): string | undefined {
  const checks = CHECKS.get(event.type);
  if (!checks) return `未知的事件类型 ${event.type}`;
  if (event.schemaVersion !== EVENT_SCHEMA_VERSION) return `不支持的 schemaVersion ${String(event.schemaVersion)}(${event.type} 为 ${EVENT_SCHEMA_VERSION})`;
  if (!record(event.data)) return 'data 须为对象';
  const data = event.data as Record<string, unknown>;
  for (const [field, check] of checks) {
    if (!check(data[field])) return `data.${field} 不符合 ${event.type} 的格式(${data[field] === undefined ? '缺失' : JSON.stringify(data[field]).slice(0, 60)})`;
  }
  return undefined;
}
