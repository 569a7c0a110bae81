import { enforce, type Violation } from '../shared/violations.js';
import { streamIds } from '../shared/domain-event.js';
import type { LocalDate } from '../shared/dates.js';
import type { DecisionRecord } from '../body/body.commands.js';
import type { Series } from '../body/body.types.js';
import { documentNoRule, type QuotaBaselineInForce } from '../rules/body.rules.js';
import type { JurisdictionEvent, QuotaBaselineSet } from './jurisdiction.events.js';

export type SetQuotaBaseline = DecisionRecord & {
  type: 'SetQuotaBaseline';
  jurisdiction: string;
  total: number;
  standing?: number;
  temporary?: number;
  series?: Series;
  /** The title of the list the baseline comes from, as published. */
  listTitle?: string;
};

export interface JurisdictionState {
  baselines: Array<QuotaBaselineSet['data'] & { effectiveDate: LocalDate; documentNo: string }>;
}

export const initialJurisdictionState = (): JurisdictionState => ({ baselines: [] });

export function evolveJurisdiction(state: JurisdictionState, event: JurisdictionEvent): JurisdictionState {
  switch (event.type) {
    case 'QuotaBaselineSet':
      return { baselines: [...state.baselines, { ...event.data, effectiveDate: event.effectiveDate, documentNo: event.documentNo }] };
  }
}

/** The baseline in force on a date: the latest one effective on or before it. */
export function baselineInForce(state: JurisdictionState, date: LocalDate): QuotaBaselineInForce | undefined {
  let found: JurisdictionState['baselines'][number] | undefined;
  for (const b of state.baselines) {
    if (b.effectiveDate <= date && (!found || b.effectiveDate >= found.effectiveDate)) found = b;
  }
  return found && { total: found.total, series: found.series, documentNo: found.documentNo, effectiveDate: found.effectiveDate };
}

/** A baseline's counts are whole numbers, and standing plus temporary make the total (潍坊名单: 55 + 11 = 66). */
export function quotaBaselineRule(counts: { total: number; standing?: number; temporary?: number }): Violation[] {
  const violations: Violation[] = [];
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const wholeOrAbsent = (n: unknown) => n === undefined || whole(n);
  if (!whole(counts.total) || !wholeOrAbsent(counts.standing) || !wholeOrAbsent(counts.temporary)) {
    violations.push({ rule: 'quota', severity: 'error', source: '潍坊名单', message: '基准数须为非负整数' });
  } else if (counts.standing !== undefined && counts.temporary !== undefined && counts.standing + counts.temporary !== counts.total) {
    violations.push({ rule: 'quota', severity: 'error', source: '潍坊名单', message: `长期设置 ${counts.standing} 个与临时性设置 ${counts.temporary} 个之和不等于总数 ${counts.total}` });
  }
  return violations;
}

/** 总量控制基准 (潍坊名单): a published list's count becomes the ceiling. */
export function decideJurisdiction(command: SetQuotaBaseline, _state: JurisdictionState): JurisdictionEvent[] {
  enforce([...documentNoRule(command.documentNo, '潍坊名单'), ...quotaBaselineRule(command)], undefined);
  return [{
    type: 'QuotaBaselineSet',
    streamId: streamIds.jurisdiction(command.jurisdiction),
    jurisdiction: command.jurisdiction,
    effectiveDate: command.effectiveDate,
    documentNo: command.documentNo,
    ...(command.reason ? { reason: command.reason } : {}),
    data: {
      total: command.total,
      ...(command.standing !== undefined ? { standing: command.standing } : {}),
      ...(command.temporary !== undefined ? { temporary: command.temporary } : {}),
      ...(command.series ? { series: command.series } : {}),
      ...(command.listTitle ? { listTitle: command.listTitle } : {}),
    },
  }];
}
