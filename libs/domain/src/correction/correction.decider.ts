import { enforce, RuleViolationError, type Violation } from '../shared/violations.js';
import { isLocalDate } from '../shared/dates.js';
import type { DomainEvent, RecordedDomainEvent } from '../shared/domain-event.js';
import type { EventCorrected } from './correction.events.js';
import { applicationRule, basisRule, leaderRule, singleSeriesRule, temporaryTermRule } from '../rules/body.rules.js';
import { quotaBaselineRule } from '../jurisdiction/jurisdiction.decider.js';
import type { QuotaBaselineSet } from '../jurisdiction/jurisdiction.events.js';

export interface CorrectEvent {
  type: 'CorrectEvent';
  eventId: string;
  fields?: Record<string, unknown>;
  effectiveDate?: string;
  documentNo?: string;
  /** Why the record was wrong: required, an auditor reads it. */
  reason: string;
  /** The correction's own document, if one was issued. */
  correctionDocumentNo?: string;
  today: string;
}

/** Fields that give an event its identity: a correction never moves them. */
const IDENTITY_FIELDS = new Set(['bodyId', 'mergerId', 'origin', 'sourceBodyIds', 'targetBodyId', 'previousName', 'from']);

/**
 * 更正: a new event in the corrected event's stream naming the fields it supersedes. The
 * corrected result is judged again by `revalidate` (the rules of the corrected action).
 */
export function decideCorrection(
  command: CorrectEvent,
  target: RecordedDomainEvent | undefined,
  revalidate: (corrected: DomainEvent) => Violation[],
): EventCorrected[] {
  if (!target) throw new RuleViolationError([{ rule: 'correction', severity: 'error', source: '—', message: `事件 ${command.eventId} 不存在` }]);
  const violations: Violation[] = [];
  const fields = command.fields ?? {};
  if (target.type === 'EventCorrected') {
    violations.push({ rule: 'correction', severity: 'error', source: '—', message: '不能更正一条更正，请直接指向原事件' });
  }
  if (!command.reason?.trim()) violations.push({ rule: 'correction', severity: 'error', source: '—', message: '须说明更正理由(reason)' });
  if (Object.keys(fields).length === 0 && command.effectiveDate === undefined && command.documentNo === undefined) {
    violations.push({ rule: 'correction', severity: 'error', source: '—', message: '须列明至少一项更正内容(fields、effectiveDate 或 documentNo)' });
  }
  const known = new Set(Object.keys(target.data));
  const unknown = Object.keys(fields).filter((f) => !known.has(f) && !optionalFieldsOf(target.type).has(f));
  const fixed = Object.keys(fields).filter((f) => IDENTITY_FIELDS.has(f));
  if (unknown.length > 0) violations.push({ rule: 'correction', severity: 'error', source: '—', message: `${target.type} 没有这些字段：${unknown.join('、')}` });
  if (fixed.length > 0) violations.push({ rule: 'correction', severity: 'error', source: '—', message: `这些字段标识事件本身，不能更正：${fixed.join('、')}` });
  if (command.effectiveDate !== undefined && !isLocalDate(command.effectiveDate)) {
    violations.push({ rule: 'correction', severity: 'error', source: '—', message: 'effectiveDate 须为 YYYY-MM-DD' });
  }
  enforce(violations, undefined);
  const corrected: DomainEvent = {
    ...target,
    effectiveDate: command.effectiveDate ?? target.effectiveDate,
    documentNo: command.documentNo ?? target.documentNo,
    data: { ...target.data, ...fields },
  };
  const errors = revalidate(corrected).filter((v) => v.severity === 'error');
  if (errors.length > 0) throw new RuleViolationError(errors);
  return [{
    type: 'EventCorrected',
    streamId: target.streamId,
    jurisdiction: target.jurisdiction,
    ...(target.bodyId ? { bodyId: target.bodyId } : {}),
    effectiveDate: command.today,
    documentNo: command.correctionDocumentNo ?? target.documentNo,
    reason: command.reason,
    data: {
      correctedEventId: target.eventId,
      correctedType: target.type,
      fields,
      ...(command.effectiveDate !== undefined ? { effectiveDate: command.effectiveDate } : {}),
      ...(command.documentNo !== undefined ? { documentNo: command.documentNo } : {}),
    },
  }];
}

const OPTIONAL_FIELDS: Record<string, string[]> = {
  BodyEstablished: ['aliases', 'kind', 'members', 'termEnd', 'abolitionCondition', 'location', 'funding', 'mirrorsUpperBody'],
  QuotaBaselineSet: ['standing', 'temporary', 'series'],
};
function optionalFieldsOf(type: string): Set<string> {
  return new Set(OPTIONAL_FIELDS[type] ?? []);
}

/** The error rules a corrected event must still pass, by the type of the corrected event. */
export function correctionRevalidation(corrected: DomainEvent): Violation[] {
  if (corrected.type === 'QuotaBaselineSet') return quotaBaselineRule(corrected.data as QuotaBaselineSet['data']);
  if (corrected.type !== 'BodyEstablished') return [];
  const profile = corrected.data as import('../body/body.types.js').BodyProfile;
  return [
    ...basisRule(profile),
    ...applicationRule(profile, corrected.documentNo),
    ...temporaryTermRule(profile, corrected.effectiveDate),
    ...singleSeriesRule(profile.series),
    ...leaderRule(profile.leaders),
  ];
}
