import { enforce, type Violation } from '../shared/violations.js';
import { isLocalDate, type LocalDate } from '../shared/dates.js';
import { streamIds } from '../shared/domain-event.js';
import type { DecisionRecord } from '../body/body.commands.js';
import { RANKS_HIGH_TO_LOW } from '../body/body.types.js';
import { documentNoRule } from '../rules/body.rules.js';
import { MUNICIPAL_POLICY, POLICY_PARAMETERS, type Policy } from './policy.js';
import type { PolicyAdopted } from './policy.events.js';

/** 采用管理办法: the jurisdiction's rule set from the effective date on. */
export type AdoptPolicy = DecisionRecord & {
  type: 'AdoptPolicy';
  jurisdiction: string;
  policy: Policy;
  /** The profile (seeds/policies/profiles) the policy was taken from, if any. */
  fromProfile?: string;
};

const SOURCE = '市级办法 第二十三条';
const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** A policy's limits are whole, ordered and well formed; otherwise it cannot judge anything. */
export function policyRule(policy: Partial<Policy> | undefined): Violation[] {
  const problems: string[] = [];
  const p = policy ?? {};
  const whole = (n: unknown, min: number) => Number.isInteger(n) && (n as number) >= min;
  if (typeof p.name !== 'string' || p.name.trim() === '') problems.push('须写明办法名称(name)');
  if (!whole(p.maxMemberUnits, 1)) problems.push('成员单位上限(maxMemberUnits)须为正整数');
  if (!whole(p.minDeputies, 0)) problems.push('副职下限(minDeputies)须为非负整数');
  if (!whole(p.maxDeputies, 0)) problems.push('副职上限(maxDeputies)须为非负整数');
  if (whole(p.minDeputies, 0) && whole(p.maxDeputies, 0) && (p.minDeputies as number) > (p.maxDeputies as number)) {
    problems.push('副职下限不能大于上限');
  }
  if (!RANKS_HIGH_TO_LOW.includes(p.lowestMemberRank as never)) problems.push(`最低成员职级(lowestMemberRank)须为 ${RANKS_HIGH_TO_LOW.join('/')}`);
  if (typeof p.jointEstablishmentAllowed !== 'boolean') problems.push('jointEstablishmentAllowed 须为 true 或 false');
  const md = typeof p.annualReportDeadline === 'string' ? MONTH_DAY.exec(p.annualReportDeadline) : null;
  if (!md || !isLocalDate(`2000-${md[1]}-${md[2]}`)) problems.push('年度报告截止日(annualReportDeadline)须为 MM-DD');
  if (p.annualReportDueNextYear !== undefined && typeof p.annualReportDueNextYear !== 'boolean') problems.push('annualReportDueNextYear 须为 true 或 false');
  if (p.dormantAfterDays !== undefined && !whole(p.dormantAfterDays, 1)) problems.push('dormantAfterDays 须为正整数');
  if (p.conditionReviewAfterDays !== undefined && !whole(p.conditionReviewAfterDays, 1)) problems.push('conditionReviewAfterDays 须为正整数');
  if (problems.length === 0) return [];
  return [{ rule: 'application', severity: 'error', source: SOURCE, message: `管理办法内容不完整或有误：${problems.join('；')}` }];
}

/** Records the adoption with the whole policy; an invalid policy is refused. */
export function decidePolicy(command: AdoptPolicy): PolicyAdopted[] {
  enforce([...documentNoRule(command.documentNo, SOURCE), ...policyRule(command.policy)], undefined);
  const policy = Object.fromEntries(Object.entries(command.policy).filter(([, v]) => v !== undefined)) as Policy;
  return [{
    type: 'PolicyAdopted',
    streamId: streamIds.jurisdiction(command.jurisdiction),
    jurisdiction: command.jurisdiction,
    effectiveDate: command.effectiveDate,
    documentNo: command.documentNo,
    ...(command.reason ? { reason: command.reason } : {}),
    data: { policy, ...(command.fromProfile ? { profile: command.fromProfile } : {}) },
  }];
}

/** Which policy judged a date, and on what record. */
export interface PolicyInForce {
  policy: Policy;
  /** False for the default (市级办法) of a jurisdiction that has recorded none in force then. */
  recorded: boolean;
  effectiveDate?: LocalDate;
  documentNo?: string;
  profile?: string;
}

interface AdoptionLike {
  type: string;
  effectiveDate: LocalDate;
  documentNo: string;
  data: object;
}

/**
 * The policy in force on `date`: the latest PolicyAdopted effective on or before it (two on
 * the same date: the one recorded later). Events come in recording order, corrections applied.
 * A policy adopted later never reaches back before its effective date.
 */
export function policyInForce(events: readonly AdoptionLike[], date: LocalDate, fallback: Policy = MUNICIPAL_POLICY): PolicyInForce {
  let found: AdoptionLike | undefined;
  for (const event of events) {
    if (event.type !== 'PolicyAdopted' || event.effectiveDate > date) continue;
    if (!found || event.effectiveDate >= found.effectiveDate) found = event;
  }
  if (!found) return { policy: fallback, recorded: false };
  const data = found.data as PolicyAdopted['data'];
  return {
    policy: data.policy,
    recorded: true,
    effectiveDate: found.effectiveDate,
    documentNo: found.documentNo,
    ...(data.profile ? { profile: data.profile } : {}),
  };
}

/** A profile with some limits replaced: what an adoption "参照…，成员单位不超过15个" records. */
export function policyWithOverrides(base: Policy, overrides: Partial<Policy>): Policy {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<Policy>;
  const changed = POLICY_PARAMETERS.filter((k) => k in defined && defined[k] !== base[k]);
  const provenance = { ...base.provenance };
  for (const k of changed) provenance[k] = '采用时另行规定';
  return { ...base, ...defined, ...(base.provenance || changed.length > 0 ? { provenance } : {}) };
}
