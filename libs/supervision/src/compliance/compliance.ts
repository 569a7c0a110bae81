/**
 * `GET /jurisdictions/{code}/compliance?date=`: every supervision alert open on a date, under
 * the policy in force that day.
 */
import { conditionReviewAfterDaysOf, type LocalDate, type Policy } from '#domain';
import type { Instant } from '#read-model';
import { activeBodiesOn, policyOn, type JurisdictionHistory } from '../history/jurisdiction-history.js';
import {
  ALERT_RULES,
  annualReportAlerts,
  bentRuleAlerts,
  dormantAlerts,
  establishmentMissingAlerts,
  termReviewAlerts,
  duplicateAlerts,
  memberUnitsAlerts,
  quotaAlerts,
  termExpiredAlerts,
  type AlertOptions,
  type AlertRule,
  type ComplianceAlert,
} from './alerts.js';

export interface PolicySummary {
  name: string;
  title?: string;
  documentNo?: string;
  /** False: no policy recorded in force that day; the default of the jurisdiction's level applies. */
  recorded: boolean;
  /** Effective date and 文号 of the adoption in force. */
  adoptedOn?: LocalDate;
  adoptionDocumentNo?: string;
  profile?: string;
  limits: Pick<Policy, 'maxMemberUnits' | 'minDeputies' | 'maxDeputies' | 'lowestMemberRank' | 'jointEstablishmentAllowed' | 'annualReportDeadline'> & {
    annualReportDueNextYear: boolean;
    dormantAfterDays: number;
    /** Days after which a temporary body ended by a condition is asked about (term-review). */
    conditionReviewAfterDays: number;
  };
}

export interface ComplianceAnswer {
  jurisdiction: string;
  date: LocalDate;
  knownAt: Instant;
  policy: PolicySummary;
  /** Bodies in the registry that day. */
  active: number;
  counts: Record<AlertRule, number>;
  alerts: ComplianceAlert[];
}

export function policySummary(history: JurisdictionHistory, date: LocalDate, options: AlertOptions = {}): PolicySummary {
  const inForce = policyOn(history, date);
  const p = inForce.policy;
  return {
    name: p.name,
    ...(p.title ? { title: p.title } : {}),
    ...(p.documentNo ? { documentNo: p.documentNo } : {}),
    recorded: inForce.recorded,
    ...(inForce.effectiveDate ? { adoptedOn: inForce.effectiveDate, adoptionDocumentNo: inForce.documentNo } : {}),
    ...(inForce.profile ? { profile: inForce.profile } : {}),
    limits: {
      maxMemberUnits: p.maxMemberUnits,
      minDeputies: p.minDeputies,
      maxDeputies: p.maxDeputies,
      lowestMemberRank: p.lowestMemberRank,
      jointEstablishmentAllowed: p.jointEstablishmentAllowed,
      annualReportDeadline: p.annualReportDeadline,
      annualReportDueNextYear: p.annualReportDueNextYear ?? false,
      dormantAfterDays: options.dormantAfterDays ?? p.dormantAfterDays ?? 1095,
      conditionReviewAfterDays: conditionReviewAfterDaysOf(p),
    },
  };
}

export function alertsOn(history: JurisdictionHistory, date: LocalDate, options: AlertOptions = {}): ComplianceAlert[] {
  const alerts = [
    ...quotaAlerts(history, date),
    ...termExpiredAlerts(history, date),
    ...annualReportAlerts(history, date),
    ...dormantAlerts(history, date, options),
    ...memberUnitsAlerts(history, date),
    ...duplicateAlerts(history, date, options),
    ...termReviewAlerts(history, date),
    ...bentRuleAlerts(history, date),
    ...establishmentMissingAlerts(history, date),
  ];
  const order = (rule: AlertRule) => ALERT_RULES.indexOf(rule);
  return alerts.sort((a, b) =>
    order(a.rule) - order(b.rule) || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) || (a.bodies[0]?.name ?? '').localeCompare(b.bodies[0]?.name ?? '', 'zh'),
  );
}

export function complianceOn(history: JurisdictionHistory, date: LocalDate, options: AlertOptions = {}): ComplianceAnswer {
  const alerts = alertsOn(history, date, options);
  const counts = Object.fromEntries(ALERT_RULES.map((r) => [r, alerts.filter((a) => a.rule === r).length])) as Record<AlertRule, number>;
  return {
    jurisdiction: history.jurisdiction,
    date,
    knownAt: history.knownAt,
    policy: policySummary(history, date, options),
    active: activeBodiesOn(history, date).length,
    counts,
    alerts,
  };
}
