/**
 * The 编办's annual report (市级办法 第二十条: the host departments report by year end; the 编办
 * gathers them and reports to 市委、市政府): the registry at the start and end of the year, every
 * change with its document, the reports filed and missing, the alerts open at year end with
 * the candidates for abolition or merger, and the quota line of the year.
 */
import {
  ABOLITION_DISPOSITIONS,
  ABOLITION_REASONS,
  CAMPAIGN_OUTCOME_LABELS,
  fieldLabel,
  MERGER_REASONS,
  SERIES_NAMES,
  type BodiesMerged,
  type Series,
  type BodyState,
  type CampaignConcluded,
  type LocalDate,
  type PolicyAdopted,
  type QuotaBaselineSet,
} from '#domain';
import type { StoredEvent } from '#event-store';
import type { Instant } from '#read-model';
import type { ComplianceAlert } from '../compliance/alerts.js';
import { reportDeadline } from '../compliance/alerts.js';
import { alertsOn, policySummary, type PolicySummary } from '../compliance/compliance.js';
import { isMergerEstablishment } from '#read-model';
import {
  activeBodiesOn,
  baselineOn,
  changeDates,
  dayAfter,
  dayBefore,
  daysBetween,
  type JurisdictionHistory,
} from '../history/jurisdiction-history.js';

export interface RegistryCounts {
  total: number;
  standing: number;
  temporary: number;
  party: number;
  government: number;
  /** Bodies set up jointly by party and government; present only when there are some. */
  joint?: number;
}

export type ChangeKind = 'established' | 'adjusted' | 'renamed' | 'affiliationChanged' | 'abolished' | 'merged' | 'baseline' | 'policy' | 'campaign';
export const CHANGE_LABELS: Record<ChangeKind, string> = {
  established: '设立',
  adjusted: '调整',
  renamed: '更名',
  affiliationChanged: '改变隶属关系',
  abolished: '撤销',
  merged: '合并',
  baseline: '总量控制基准',
  policy: '采用管理办法',
  campaign: '清理规范',
};

export interface ChangeLine {
  date: LocalDate;
  kind: ChangeKind;
  label: string;
  bodies: Array<{ id: string; name: string }>;
  documentNo: string;
  detail: string;
  eventId: string;
}

export interface FiledReport {
  bodyId: string;
  name: string;
  hostDepartment: string;
  filedOn: string;
  meetingsHeld: number;
  late: boolean;
}

export interface MissingReport {
  bodyId: string;
  name: string;
  hostDepartment: string;
  deadline: LocalDate;
}

export interface QuotaLine {
  /** The baselines in force at some time in the year. */
  baselines: Array<{ total: number; series?: string; documentNo: string; effectiveDate: LocalDate }>;
  /** 1 January and every later day of the year on which the count or the baseline changed. */
  points: Array<{ date: LocalDate; active: number; baseline?: number }>;
  /** Stretches of the year over the baseline, with the greatest excess in each. */
  over: Array<{ from: LocalDate; to: LocalDate; maxOver: number }>;
  daysOver: number;
}

export interface AnnualReport {
  jurisdiction: string;
  jurisdictionName?: string;
  year: number;
  /** The report shows what was recorded by this moment. */
  knownAt: Instant;
  /** Reports counted as filed if filed (valid time) on or before this day. */
  reportsAsOf: LocalDate;
  policy: PolicySummary;
  counts: { start: RegistryCounts; end: RegistryCounts; established: number; ended: number };
  changes: ChangeLine[];
  reports: { deadline: LocalDate; due: number; filed: FiledReport[]; missing: MissingReport[] };
  alerts: ComplianceAlert[];
  candidates: {
    abolish: Array<{ id: string; name: string; rule: string; ground: string }>;
    merge: Array<{ bodies: Array<{ id: string; name: string }>; ground: string }>;
  };
  quota: QuotaLine;
}

export function countsOf(bodies: readonly BodyState[]): RegistryCounts {
  return {
    total: bodies.length,
    standing: bodies.filter((b) => b.duration === 'standing').length,
    temporary: bodies.filter((b) => b.duration === 'temporary').length,
    party: bodies.filter((b) => b.series === 'party').length,
    government: bodies.filter((b) => b.series === 'government').length,
    ...(bodies.some((b) => b.series === 'joint') ? { joint: bodies.filter((b) => b.series === 'joint').length } : {}),
  };
}

const seriesText = (series: unknown) => `${SERIES_NAMES[series as Series] ?? String(series)}序列`;

export function annualReport(
  history: JurisdictionHistory,
  year: number,
  options: { reportsAsOf: LocalDate; jurisdictionName?: string },
): AnnualReport {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const start = activeBodiesOn(history, first);
  const end = activeBodiesOn(history, last);
  const changes = changesIn(history, first, last);
  const alerts = alertsOn(history, last);
  return {
    jurisdiction: history.jurisdiction,
    ...(options.jurisdictionName ? { jurisdictionName: options.jurisdictionName } : {}),
    year,
    knownAt: history.knownAt,
    reportsAsOf: options.reportsAsOf,
    policy: policySummary(history, last),
    counts: {
      start: countsOf(start),
      end: countsOf(end),
      established: [...history.bodies.values()].filter((t) => t.segments[0].from >= first && t.segments[0].from <= last).length,
      ended: countEnded(history, first, last),
    },
    changes,
    reports: reportsOf(history, year, options.reportsAsOf),
    alerts,
    candidates: candidatesOf(alerts),
    quota: quotaLine(history, first, last),
  };
}

/** Bodies that left the registry in the year (abolished, delisted, joint meeting, merged away). */
function countEnded(history: JurisdictionHistory, first: LocalDate, last: LocalDate): number {
  return [...history.bodies.values()].filter((t) => {
    const state = t.stateOn(last);
    return !!state && state.status !== 'active' && !!state.endedOn && state.endedOn >= first;
  }).length;
}

const nameOn = (history: JurisdictionHistory, id: string, date: LocalDate) =>
  history.bodies.get(id)?.stateOn(date)?.name ?? history.bodies.get(id)?.stateOn(dayBefore(date))?.name ?? history.bodies.get(id)?.segments.at(-1)?.state.name ?? id;

/** Every decision with an effective date in [first, last], with its document, in date order. */
export function changesIn(history: JurisdictionHistory, first: LocalDate, last: LocalDate): ChangeLine[] {
  const lines: Array<ChangeLine & { position: number }> = [];
  const add = (e: StoredEvent, kind: ChangeKind, bodies: ChangeLine['bodies'], detail: string, label = CHANGE_LABELS[kind]) =>
    lines.push({ date: e.effectiveDate, kind, label, bodies, documentNo: e.documentNo, detail, eventId: e.eventId, position: e.position });
  for (const e of history.events) {
    if (e.effectiveDate < first || e.effectiveDate > last) continue;
    const d = e.data as Record<string, any>;
    const body = e.bodyId ? [{ id: e.bodyId, name: nameOn(history, e.bodyId, e.effectiveDate) }] : [];
    switch (e.type) {
      case 'BodyEstablished':
        if (isMergerEstablishment(e)) break;
        add(e, 'established', body, [
          d.duration !== 'temporary' ? '长期设置' : d.termEnd ? `临时性设置，期限至 ${d.termEnd}` : `临时性设置，${d.abolitionCondition}`,
          seriesText(d.series),
          ...(d.origin === 'import' ? ['据公布名单登记'] : []),
          ...(d.origin === 'split' ? [`由 ${nameOn(history, d.splitFrom, dayBefore(e.effectiveDate))} 分设`] : []),
          ...(d.origin === 'unrecorded' ? ['设立文件未存档，据调整文件登记'] : []),
        ].join('；'));
        break;
      case 'BodyAdjusted':
        add(e, 'adjusted', body, `调整：${Object.keys(d.changes).map(fieldLabel).join('、')}${e.reason ? `；${e.reason}` : ''}`);
        break;
      case 'BodyRenamed':
        add(e, 'renamed', body, `${d.previousName} 更名为 ${d.newName}${d.aliases?.length ? `(对外名称：${d.aliases.join('、')})` : ''}`);
        break;
      case 'BodyAffiliationChanged':
        add(e, 'affiliationChanged', body, `${seriesText(d.from)}改为${seriesText(d.to)}`);
        break;
      case 'BodyAbolished':
        add(
          e,
          'abolished',
          [{ id: e.bodyId!, name: nameOn(history, e.bodyId!, dayBefore(e.effectiveDate)) }],
          [
            `第十五条${ABOLITION_REASONS[d.abolitionReason as keyof typeof ABOLITION_REASONS]}`,
            ...(d.selfAbolition ? [`任务完成后自行撤销(${d.selfAbolition.condition})：${d.selfAbolition.evidence}`] : []),
            ...(d.splitInto ? [`分设为 ${(d.splitInto as string[]).map((id) => nameOn(history, id, e.effectiveDate)).join('、')}`] : []),
            ...(e.reason ? [e.reason] : []),
          ].join('；'),
          d.selfAbolition ? '自行撤销' : d.splitInto ? '分设' : ABOLITION_DISPOSITIONS[d.disposition as keyof typeof ABOLITION_DISPOSITIONS],
        );
        break;
      case 'BodiesMerged': {
        const m = d as BodiesMerged['data'];
        const sources = m.sourceBodyIds.map((id) => ({ id, name: nameOn(history, id, dayBefore(e.effectiveDate)) }));
        const target = { id: m.targetBodyId, name: m.establishedTarget?.name ?? nameOn(history, m.targetBodyId, e.effectiveDate) };
        add(e, 'merged', [...sources, target], `${sources.map((s) => s.name).join('、')}${m.establishedTarget ? `合并设立${target.name}` : `并入${target.name}`}；第十六条${MERGER_REASONS[m.mergerReason]}`);
        break;
      }
      case 'QuotaBaselineSet': {
        const q = d as QuotaBaselineSet['data'];
        add(e, 'baseline', [], `总量控制基准 ${q.total} 个${q.standing !== undefined ? `(长期 ${q.standing}、临时 ${q.temporary})` : ''}${q.series ? `，${seriesText(q.series)}` : ''}`);
        break;
      }
      case 'PolicyAdopted':
        add(e, 'policy', [], `采用${(d as PolicyAdopted['data']).policy.name}${(d as PolicyAdopted['data']).policy.documentNo ? `(${(d as PolicyAdopted['data']).policy.documentNo})` : ''}`);
        break;
      case 'CampaignConcluded': {
        const c = d as CampaignConcluded['data'];
        const parts = Object.entries(c.counts).filter(([, n]) => n > 0).map(([k, n]) => `${CAMPAIGN_OUTCOME_LABELS[k as keyof typeof CAMPAIGN_OUTCOME_LABELS]} ${n} 个`);
        add(e, 'campaign', [], `清理结论：共 ${c.reviewed} 个，${parts.join('，')}`);
        break;
      }
    }
  }
  return lines
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.position - b.position))
    .map(({ position: _p, ...line }) => line);
}

/** 第二十条: which host departments reported on the year, on time or late, and which did not. */
export function reportsOf(history: JurisdictionHistory, year: number, asOf: LocalDate): AnnualReport['reports'] {
  const { deadline } = reportDeadline(history, year);
  const filed: FiledReport[] = [];
  const missing: MissingReport[] = [];
  for (const body of activeBodiesOn(history, `${year}-12-31`)) {
    const timeline = history.bodies.get(body.id)!;
    const later = timeline.stateOn(asOf) ?? body;
    const report = later.annualReports.find((r) => r.year === year);
    if (report) filed.push({ bodyId: body.id, name: body.name, hostDepartment: body.hostDepartment, filedOn: report.filedOn, meetingsHeld: report.meetingsHeld, late: report.filedOn > deadline });
    else missing.push({ bodyId: body.id, name: body.name, hostDepartment: body.hostDepartment, deadline });
  }
  return { deadline, due: filed.length + missing.length, filed, missing };
}

function candidatesOf(alerts: ComplianceAlert[]): AnnualReport['candidates'] {
  const abolish = new Map<string, { id: string; name: string; rule: string; ground: string }>();
  const merge: AnnualReport['candidates']['merge'] = [];
  for (const a of alerts) {
    const candidate = a.details.candidate as { action: string; ground: string } | undefined;
    if (!candidate) continue;
    if (candidate.action === 'abolish') {
      for (const b of a.bodies) if (!abolish.has(b.id)) abolish.set(b.id, { ...b, rule: a.rule, ground: candidate.ground });
    } else merge.push({ bodies: a.bodies, ground: candidate.ground });
  }
  return { abolish: [...abolish.values()], merge };
}

/** The count against the baseline in force, every day it changed in the year. */
export function quotaLine(history: JurisdictionHistory, first: LocalDate, last: LocalDate): QuotaLine {
  const dates = [first, ...changeDates(history).filter((d) => d > first && d <= last)];
  const points = dates
    .map((date) => {
      const baseline = baselineOn(history, date);
      const active = activeBodiesOn(history, date).filter((b) => !baseline?.series || b.series === baseline.series).length;
      return { date, active, ...(baseline ? { baseline: baseline.total } : {}) };
    })
    .filter((p, i, all) => i === 0 || p.active !== all[i - 1].active || p.baseline !== all[i - 1].baseline);
  const over: QuotaLine['over'] = [];
  points.forEach((p, i) => {
    const to = i + 1 < points.length ? dayBefore(points[i + 1].date) : last;
    const excess = p.baseline !== undefined ? p.active - p.baseline : 0;
    if (excess <= 0) return;
    const open = over.at(-1);
    if (open && dayAfter(open.to) === p.date) {
      open.to = to;
      open.maxOver = Math.max(open.maxOver, excess);
    } else over.push({ from: p.date, to, maxOver: excess });
  });
  const baselines = new Map<string, QuotaLine['baselines'][number]>();
  for (const p of dates) {
    const b = baselineOn(history, p);
    if (b) baselines.set(b.effectiveDate, { total: b.total, ...(b.series ? { series: b.series } : {}), documentNo: b.documentNo, effectiveDate: b.effectiveDate });
  }
  return {
    baselines: [...baselines.values()],
    points,
    over,
    daysOver: over.reduce((n, s) => n + daysBetween(s.from, s.to) + 1, 0),
  };
}
