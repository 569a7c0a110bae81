import { enforce, type Violation } from '../shared/violations.js';
import { streamIds } from '../shared/domain-event.js';
import type { LocalDate } from '../shared/dates.js';
import type { DecisionRecord } from '../body/body.commands.js';
import type { Series } from '../body/body.types.js';
import type { QuotaBaselineInForce } from '../rules/body.rules.js';
import type { JurisdictionEvent, QuotaBaselineSet } from './jurisdiction.events.js';

export type SetQuotaBaseline = DecisionRecord & {
  type: 'SetQuotaBaseline';
  jurisdiction: string;
  total: number;
  standing?: number;
  temporary?: number;
  series?: Series;
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

/** 总量控制基准 (潍坊名单): a published list's count becomes the ceiling. */
export function decideJurisdiction(command: SetQuotaBaseline, _state: JurisdictionState): JurisdictionEvent[] {
  const violations: Violation[] = [];
  const whole = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
  if (!whole(command.total) || !whole(command.standing) || !whole(command.temporary)) {
    violations.push({ rule: 'quota', severity: 'error', source: '潍坊名单', message: '基准数须为非负整数' });
  } else if (command.standing !== undefined && command.temporary !== undefined && command.standing + command.temporary !== command.total) {
    violations.push({ rule: 'quota', severity: 'error', source: '潍坊名单', message: `长期设置 ${command.standing} 个与临时性设置 ${command.temporary} 个之和不等于总数 ${command.total}` });
  }
  enforce(violations, undefined);
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
    },
  }];
}
