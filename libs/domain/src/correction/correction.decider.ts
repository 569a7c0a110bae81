import { enforce, RuleViolationError, type Justifications, type Violation } from '../shared/violations.js';
import { waiverRecord } from '../shared/waivers.js';
import { isLocalDate } from '../shared/dates.js';
import type { DomainEvent, RecordedDomainEvent } from '../shared/domain-event.js';
import type { EventCorrected } from './correction.events.js';
import {
  documentNoRule,
  duplicateRule,
  establishmentRules,
  importedEstablishmentRules,
  quotaRule,
  singleSeriesRule,
  type DecisionContext,
} from '../rules/body.rules.js';
import { adjustmentRules, profileFrom } from '../body/body.decider.js';
import type { BodyAdjusted, BodyAffiliationChanged, BodyEstablished, BodyRenamed } from '../body/body.events.js';
import type { BodyDecisionState } from '../body/body.state.js';
import { MUNICIPAL_POLICY, type Policy } from '../policy/policy.js';
import { policyRule } from '../policy/policy.decider.js';
import { correctionFieldProblems, InvalidFieldsError } from './event-fields.js';
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
  /** For warnings the corrected record raises that the record as it stood did not. */
  justification?: string;
  justifications?: Justifications;
  today: string;
}

/** Fields that give an event its identity: a correction never moves them. */
const IDENTITY_FIELDS = new Set(['bodyId', 'mergerId', 'origin', 'sourceBodyIds', 'targetBodyId', 'previousName', 'from']);

/** Corrections are how the 编办 puts a wrong record right (市级办法 第二十一条 纠正). */
const SOURCE = '市级办法 第二十一条';

/**
 * 更正: a new event in the corrected event's stream naming the fields it supersedes. The
 * corrected event passes the same field validation (400) and the same rules as the decision it
 * corrects (`rulesOf`, by the corrected event's type): errors refuse it; a warning the corrected
 * record raises that the record as it stood did not must be justified like the original's, and
 * is recorded on the correction (waivedRules), so that supervision sees it.
 * `target` is the event as read through the earlier corrections of its stream.
 */
export function decideCorrection(
  command: CorrectEvent,
  target: RecordedDomainEvent | undefined,
  rulesOf: (event: DomainEvent) => Violation[],
): EventCorrected[] {
  if (!target) throw new RuleViolationError([{ rule: 'correction', severity: 'error', source: SOURCE, message: `事件 ${command.eventId} 不存在` }]);
  const violations: Violation[] = [];
  const fields = command.fields ?? {};
  if (target.type === 'EventCorrected') {
    violations.push({ rule: 'correction', severity: 'error', source: SOURCE, message: '不能更正一条更正，请直接指向原事件' });
  }
  if (!command.reason?.trim()) violations.push({ rule: 'correction', severity: 'error', source: SOURCE, message: '须说明更正理由(reason)' });
  if (Object.keys(fields).length === 0 && command.effectiveDate === undefined && command.documentNo === undefined) {
    violations.push({ rule: 'correction', severity: 'error', source: SOURCE, message: '须列明至少一项更正内容(fields、effectiveDate 或 documentNo)' });
  }
  const known = new Set(Object.keys(target.data));
  const unknown = Object.keys(fields).filter((f) => !known.has(f) && !optionalFieldsOf(target.type).has(f));
  const fixed = Object.keys(fields).filter((f) => IDENTITY_FIELDS.has(f));
  if (unknown.length > 0) violations.push({ rule: 'correction', severity: 'error', source: SOURCE, message: `${target.type} 没有这些字段：${unknown.join('、')}` });
  if (fixed.length > 0) violations.push({ rule: 'correction', severity: 'error', source: SOURCE, message: `这些字段标识事件本身，不能更正：${fixed.join('、')}` });
  if (command.effectiveDate !== undefined && !isLocalDate(command.effectiveDate)) {
    violations.push({ rule: 'correction', severity: 'error', source: SOURCE, message: 'effectiveDate 须为 YYYY-MM-DD' });
  }
  enforce(violations, undefined);
  const shapeProblems = correctionFieldProblems(target.type, fields);
  if (shapeProblems.length > 0) throw new InvalidFieldsError(shapeProblems);
  const corrected: DomainEvent = {
    ...target,
    effectiveDate: command.effectiveDate ?? target.effectiveDate,
    documentNo: command.documentNo ?? target.documentNo,
    data: { ...target.data, ...fields },
  };
  // warnings the record already raised as it stood were the original decision's to justify
  const before = new Set(rulesOf(target).filter((v) => v.severity === 'warning').map((v) => `${v.rule}\u0000${v.message}`));
  const judged = rulesOf(corrected).filter((v) => v.severity === 'error' || !before.has(`${v.rule}\u0000${v.message}`));
  const waived = enforce(judged, command.justification, command.justifications);
  return [{
    type: 'EventCorrected',
    streamId: target.streamId,
    jurisdiction: target.jurisdiction,
    ...(target.bodyId ? { bodyId: target.bodyId } : {}),
    effectiveDate: command.today,
    documentNo: command.correctionDocumentNo ?? target.documentNo,
    reason: command.reason,
    ...waiverRecord(waived),
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
  BodyEstablished: [
    'aliases', 'kind', 'members', 'termEnd', 'abolitionCondition', 'location', 'funding', 'mirrorsUpperBody',
    'leadUnits', 'secretaries', 'office', 'liaison', 'workingRules',
  ],
  BodyRenamed: ['kind'],
  QuotaBaselineSet: ['standing', 'temporary', 'series'],
};
function optionalFieldsOf(type: string): Set<string> {
  return new Set(OPTIONAL_FIELDS[type] ?? []);
}

/**
 * The rules of the decision an event records, judged on the event (corrected or not), without
 * the jurisdiction's other bodies: what a correction is held to when no context is at hand.
 * The executor uses `correctionRules` with the body's state before the event and the context.
 */
export function correctionRevalidation(corrected: DomainEvent): Violation[] {
  return correctionRules(corrected, undefined, { policy: MUNICIPAL_POLICY, activeBodies: [] });
}

/**
 * The rules of the decision `event` records, by its type, as its decider applies them:
 * `before` is the body as it stood just before the event, `context` the jurisdiction on the
 * event's date (the policy in force, the other active bodies, the baseline).
 */
export function correctionRules(event: DomainEvent, before: BodyDecisionState, context: DecisionContext): Violation[] {
  const record = { documentNo: event.documentNo, effectiveDate: event.effectiveDate };
  switch (event.type) {
    case 'QuotaBaselineSet':
      return [...documentNoRule(event.documentNo, '潍坊名单'), ...quotaBaselineRule(event.data as QuotaBaselineSet['data'])];
    case 'BodyEstablished': {
      const data = event.data as BodyEstablished['data'];
      const profile = profileFrom(data);
      if (data.origin === 'import' || data.origin === 'unrecorded') return importedEstablishmentRules(profile, record, context.policy);
      // a merger's or split's new body did not raise the count on its own
      return establishmentRules(profile, record, context, data.origin === 'merger' || data.origin === 'split' ? 0 : 1);
    }
    case 'BodyAdjusted': {
      if (!before) return documentNoRule(event.documentNo, '市级办法 第十四条');
      return adjustmentRules(before, { ...record, changes: (event.data as BodyAdjusted['data']).changes ?? {} }, context);
    }
    case 'BodyRenamed': {
      const data = event.data as BodyRenamed['data'];
      return [
        ...documentNoRule(event.documentNo, '市级办法 第十四条'),
        ...(typeof data.newName !== 'string' || data.newName.trim() === '' ? [{ rule: 'application' as const, severity: 'error' as const, source: '市级办法 第十条', message: '须写明新名称' }] : []),
        ...duplicateRule({ name: data.newName, aliases: data.aliases, series: before?.series }, context.activeBodies),
      ];
    }
    case 'BodyAffiliationChanged': {
      const data = event.data as BodyAffiliationChanged['data'];
      return [
        ...documentNoRule(event.documentNo, '市级办法 第十八条'),
        ...singleSeriesRule(data.to, data.from, context.policy),
        ...quotaRule({ delta: context.baseline?.series ? 1 : 0, series: data.to }, context),
      ];
    }
    case 'BodyAbolished':
    case 'BodiesMerged':
    case 'BodyMergedAway':
    case 'BodyAbsorbedMerger':
      return documentNoRule(event.documentNo, '市级办法 第十八条');
    case 'PolicyAdopted':
      return [...documentNoRule(event.documentNo, '市级办法 第二十三条'), ...policyRule((event.data as { policy?: Policy }).policy)];
    default:
      return [];
  }
}
