/**
 * Supervision alerts, one function per rule, each answering for any date D from the history
 * of the jurisdiction: what is wrong on D, which bodies it concerns, the article it comes
 * from, and the first day of the unbroken stretch up to D on which it was already wrong.
 * Every limit comes from the policy in force (policyOn), never from a later one.
 */
import {
  ABOLITION_REASONS,
  addDays,
  conditionReviewAfterDaysOf,
  memberUnitsRule,
  MERGER_REASONS,
  annualReportDeadlineOf,
  articleOf,
  dormantAfterDaysOf,
  type BodyState,
  type LocalDate,
  type Policy,
} from '#domain';
import { compareBodies, type SimilarityThresholds } from '#domain';
import {
  activeBodiesOn,
  baselineOn,
  changeDates,
  dayAfter,
  dayBefore,
  daysBetween,
  policyOn,
  waiversOf,
  type BodyTimeline,
  type JurisdictionHistory,
} from '../history/jurisdiction-history.js';

export type AlertRule =
  | 'quota'
  | 'term-expired'
  | 'term-review'
  | 'annual-report'
  | 'dormant'
  | 'member-units'
  | 'duplicate'
  | 'deputies'
  | 'leader'
  | 'member-rank'
  | 'discipline'
  | 'mirror'
  | 'single-series'
  | 'establishment-missing';
export const ALERT_RULES: readonly AlertRule[] = [
  'quota', 'term-expired', 'term-review', 'annual-report', 'dormant', 'member-units', 'duplicate',
  'deputies', 'leader', 'member-rank', 'discipline', 'mirror', 'single-series', 'establishment-missing',
];

export interface AlertBody {
  id: string;
  name: string;
}

export interface ComplianceAlert {
  rule: AlertRule;
  /** The article the alert cites under the policy in force, e.g. "市级办法 第十五条(二)". */
  article: string;
  message: string;
  /** First day of the unbroken stretch, ending on the date asked, on which the alert held. */
  since: LocalDate;
  bodies: AlertBody[];
  details: Record<string, unknown>;
}

/** What a supervisor may suggest for a body an alert names (第十五、十六条). */
export interface Candidate {
  action: 'abolish' | 'merge';
  ground: string;
}

export interface AlertOptions {
  /** Overrides the policy's dormant span (days). */
  dormantAfterDays?: number;
  similarity?: SimilarityThresholds;
}

const ref = (b: BodyState): AlertBody => ({ id: b.id, name: b.name });

/**
 * The first day of the stretch ending on `date` over which a body's condition held. Within
 * one segment (constant state) `firstDay(state, from)` names the first day the condition holds
 * (it then holds to the segment's end) or undefined when it never does.
 */
export function sinceInTimeline(
  timeline: BodyTimeline,
  date: LocalDate,
  firstDay: (state: BodyState, from: LocalDate) => LocalDate | undefined,
): LocalDate | undefined {
  const segments = timeline.segments.filter((s) => s.from <= date);
  let since: LocalDate | undefined;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    const last = i === segments.length - 1 ? date : dayBefore(segments[i + 1].from);
    const first = firstDay(s.state, s.from);
    if (first === undefined || first > last) break;
    since = first;
    if (first > s.from) break;
  }
  return since;
}

// ---------------------------------------------------------------------------------------------
// quota (潍坊名单 总量控制)

function countedOn(history: JurisdictionHistory, date: LocalDate): { baseline: ReturnType<typeof baselineOn>; bodies: BodyState[] } {
  const baseline = baselineOn(history, date);
  const bodies = activeBodiesOn(history, date).filter((b) => !baseline?.series || b.series === baseline.series);
  return { baseline, bodies };
}

const overOn = (history: JurisdictionHistory, date: LocalDate) => {
  const { baseline, bodies } = countedOn(history, date);
  return !!baseline && bodies.length > baseline.total;
};

export function quotaAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const { baseline, bodies } = countedOn(history, date);
  if (!baseline || bodies.length <= baseline.total) return [];
  // Walk back over the days on which the count or the baseline changed.
  const points = changeDates(history).filter((d) => d <= date).reverse();
  let since = points.at(-1) ?? date;
  let maxOver = bodies.length - baseline.total;
  for (const point of points) {
    since = point;
    if (!overOn(history, dayBefore(point))) break;
    const before = countedOn(history, dayBefore(point));
    maxOver = Math.max(maxOver, before.bodies.length - before.baseline!.total);
  }
  const excess = bodies.length - baseline.total;
  const newest = [...bodies].sort((a, b) => (a.establishedOn < b.establishedOn ? 1 : a.establishedOn > b.establishedOn ? -1 : 0)).slice(0, excess);
  const scope = baseline.series === 'government' ? '政府序列' : baseline.series === 'party' ? '党委序列' : '';
  return [{
    rule: 'quota',
    article: `${articleOf(policyOn(history, date).policy, 'quota')}；基准 ${baseline.documentNo}`,
    message: `${scope}在册议事协调机构 ${bodies.length} 个，超出总量控制基准 ${baseline.total} 个(${baseline.documentNo})${excess} 个`,
    since,
    bodies: newest.map(ref),
    details: {
      baseline: { total: baseline.total, ...(baseline.series ? { series: baseline.series } : {}), documentNo: baseline.documentNo, effectiveDate: baseline.effectiveDate },
      active: bodies.length,
      excess,
      maxExcessSince: maxOver,
      /** The bodies listed are the most recently established, as many as the excess. */
      bodiesListed: 'newest',
    },
  }];
}

// ---------------------------------------------------------------------------------------------
// term-expired (第十五条(二))

export function termExpiredAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const policy = policyOn(history, date).policy;
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body || body.duration !== 'temporary' || !body.termEnd || body.termEnd >= date) continue;
    const since = sinceInTimeline(timeline, date, (s, from) =>
      s.status === 'active' && s.duration === 'temporary' && s.termEnd ? maxDate(from, dayAfter(s.termEnd)) : undefined,
    )!;
    alerts.push({
      rule: 'term-expired',
      article: articleOf(policy, 'term-expired'),
      message: `临时性机构${body.name}设立期限已于 ${body.termEnd} 届满，仍在册 ${daysBetween(body.termEnd, date)} 天；工作任务已经完成的应当予以撤销`,
      since,
      bodies: [ref(body)],
      details: {
        termEnd: body.termEnd,
        ...(body.abolitionCondition ? { abolitionCondition: body.abolitionCondition } : {}),
        daysPastTerm: daysBetween(body.termEnd, date),
        candidate: { action: 'abolish', ground: `第十五条${ABOLITION_REASONS[2]}` } satisfies Candidate,
      },
    });
  }
  return alerts;
}

// ---------------------------------------------------------------------------------------------
// annual-report (第二十条)

/** The report of `year` is owed by a body active on the year's last day; its deadline comes from the policy then. */
export function reportDeadline(history: JurisdictionHistory, year: number): { deadline: LocalDate; policy: Policy } {
  const policy = policyOn(history, `${year}-12-31`).policy;
  return { deadline: annualReportDeadlineOf(policy, year), policy };
}

export function annualReportAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const policy = policyOn(history, date).policy;
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body) continue;
    const filed = new Set(body.annualReports.map((r) => r.year));
    // A gap followed by a later report is closed: it stays in that year's annual report and the
    // body's history; the alert shows the run of missing years since the last report (ADR 0013).
    const lastFiledYear = Math.max(0, ...filed);
    const missing: Array<{ year: number; deadline: LocalDate }> = [];
    for (let year = Math.max(Number(body.establishedOn.slice(0, 4)), lastFiledYear + 1); year <= Number(date.slice(0, 4)); year++) {
      const { deadline } = reportDeadline(history, year);
      if (deadline < date && !filed.has(year) && timeline.activeOn(`${year}-12-31`)) missing.push({ year, deadline });
    }
    if (missing.length === 0) continue;
    const last = [...body.annualReports].sort((a, b) => b.year - a.year)[0];
    alerts.push({
      rule: 'annual-report',
      article: articleOf(policy, 'annual-report'),
      message: `${body.name}${body.hostDepartment ? `(承担日常工作的部门：${body.hostDepartment})` : ''}未报送 ${missing.map((m) => m.year).join('、')} 年度工作情况报告`,
      since: dayAfter(missing[0].deadline),
      bodies: [ref(body)],
      details: {
        hostDepartment: body.hostDepartment,
        missing,
        ...(last ? { lastReport: last } : {}),
      },
    });
  }
  return alerts;
}

// ---------------------------------------------------------------------------------------------
// dormant (第十五条(七))

/** The last sign of work on or before `date`: a report recording a meeting, else the establishment. */
export function lastSignOfWork(body: BodyState): { date: LocalDate; by: 'report' | 'establishment'; year?: number } {
  let sign: { date: LocalDate; by: 'report' | 'establishment'; year?: number } = { date: body.establishedOn, by: 'establishment' };
  for (const r of body.annualReports) {
    if (r.meetingsHeld > 0 && r.filedOn > sign.date) sign = { date: r.filedOn, by: 'report', year: r.year };
  }
  return sign;
}

export function dormantAlerts(history: JurisdictionHistory, date: LocalDate, options: AlertOptions = {}): ComplianceAlert[] {
  const policy = policyOn(history, date).policy;
  const span = options.dormantAfterDays ?? dormantAfterDaysOf(policy);
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body) continue;
    const sign = lastSignOfWork(body);
    const quietDays = daysBetween(sign.date, date);
    if (quietDays <= span) continue;
    const reports = [...body.annualReports].sort((a, b) => b.year - a.year);
    alerts.push({
      rule: 'dormant',
      article: articleOf(policy, 'dormant'),
      message: `${body.name}自 ${sign.date} 起 ${quietDays} 天无召开会议的记录(无年度报告或报告未记载会议)，长期不开展工作的可予撤销`,
      since: dormantSince(history, date, sign.date, options.dormantAfterDays),
      bodies: [ref(body)],
      details: {
        lastSignOfWork: sign,
        quietDays,
        spanDays: span,
        ...(reports[0] ? { lastReport: reports[0] } : {}),
        candidate: { action: 'abolish', ground: `第十五条${ABOLITION_REASONS[7]}` } satisfies Candidate,
      },
    });
  }
  return alerts;
}

/**
 * The first day of the quiet stretch ending on `date` that already counted as dormant, each
 * day judged by the span of the policy in force that day (a later, shorter span does not
 * reach back before its own effective date).
 */
function dormantSince(history: JurisdictionHistory, date: LocalDate, sign: LocalDate, override?: number): LocalDate {
  const starts = [...new Set(history.policies.map((p) => p.effectiveDate))].filter((d) => d > sign && d <= date).sort().reverse();
  const spanOn = (day: LocalDate) => override ?? dormantAfterDaysOf(policyOn(history, day).policy);
  let periodEnd = date;
  let since = date;
  for (const periodStart of [...starts, sign]) {
    const first = maxDate(periodStart, addDays(sign, spanOn(periodEnd) + 1));
    if (first > periodEnd) break;
    since = first;
    if (first > periodStart) break;
    periodEnd = dayBefore(periodStart);
  }
  return since;
}

// ---------------------------------------------------------------------------------------------
// member-units (第八条: 原则上不超过10个，确因工作需要可以适当增加)

/**
 * The decision that set a body's member units is judged by the domain's own rule
 * (memberUnitsRule) under the policy in force on its effective date. A bend stays in view while
 * it lasts: justified (the decision, or a correction of it, recorded the need) or not.
 */
export function memberUnitsAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body) continue;
    const setting = timeline
      .eventsUpTo(date)
      .filter((v) => v.event.type === 'BodyEstablished' || (v.event.type === 'BodyAdjusted' && v.event.data.changes?.memberUnits !== undefined))
      .at(-1);
    if (!setting) continue;
    const units = setting.event.type === 'BodyEstablished' ? setting.event.data.memberUnits : setting.event.type === 'BodyAdjusted' ? setting.event.data.changes.memberUnits! : [];
    const policy = policyOn(history, setting.event.effectiveDate).policy;
    const bent = memberUnitsRule(units, policy)[0];
    if (!bent) continue;
    const waiver = waiversOf(history, setting.source).find((w) => w.rule === 'member-units');
    alerts.push({
      rule: 'member-units',
      article: articleOf(policy, 'member-units'),
      message: waiver
        ? `${body.name}成员单位 ${units.length} 个，超过${policy.name}规定的 ${policy.maxMemberUnits} 个；已记载理由：${waiver.justification ?? ''}`
        : `${body.name}成员单位 ${units.length} 个，超过${policy.name}规定的 ${policy.maxMemberUnits} 个，且未记载确因工作需要增加的理由`,
      since: setting.event.effectiveDate,
      bodies: [ref(body)],
      details: {
        memberUnits: units.length,
        limit: policy.maxMemberUnits,
        policy: policy.name,
        justified: !!waiver,
        ...(waiver ? { recordedJustification: { documentNo: waiver.documentNo, justification: waiver.justification, eventId: waiver.eventId } } : {}),
        setBy: { type: setting.source.type, eventId: setting.source.eventId, documentNo: setting.event.documentNo, effectiveDate: setting.event.effectiveDate },
      },
    });
  }
  return alerts;
}

// ---------------------------------------------------------------------------------------------
// justified bends of the other warning rules (deputies, leader, member-rank, discipline, mirror,
// single-series): docs/domain.md promises that a decision recorded with a justification shows up in
// supervision views, for as long as what it set stands.

type BentRule = 'deputies' | 'leader' | 'member-rank' | 'discipline' | 'mirror' | 'single-series';
const BENT_RULES: readonly BentRule[] = ['deputies', 'leader', 'member-rank', 'discipline', 'mirror', 'single-series'];
const BENT_LABELS: Record<BentRule, string> = {
  deputies: '副职人数超出规定',
  leader: '设多名组长(主任)',
  'member-rank': '列入非领导职务或低于规定级别的成员',
  discipline: '纪检监察负责同志参加非纪检监察议事协调机构',
  mirror: '对口上级设立而无上级明确规定',
  'single-series': '党政联合设立',
};
/** Whether an event sets what a rule judges (a later one that sets it again ends the bend). */
const SETS: Record<BentRule, (type: string, data: Record<string, unknown>) => boolean> = {
  deputies: (t, d) => t === 'BodyEstablished' || (t === 'BodyAdjusted' && (d.changes as Record<string, unknown>)?.deputies !== undefined),
  leader: (t, d) => t === 'BodyEstablished' || (t === 'BodyAdjusted' && (d.changes as Record<string, unknown>)?.leaders !== undefined),
  'member-rank': (t, d) => t === 'BodyEstablished' || (t === 'BodyAdjusted' && ['leaders', 'deputies', 'members', 'secretaries'].some((k) => (d.changes as Record<string, unknown>)?.[k] !== undefined)),
  discipline: (t, d) => t === 'BodyEstablished' || (t === 'BodyAdjusted' && ['leaders', 'deputies', 'members', 'secretaries'].some((k) => (d.changes as Record<string, unknown>)?.[k] !== undefined)),
  mirror: (t) => t === 'BodyEstablished',
  'single-series': (t) => t === 'BodyEstablished' || t === 'BodyAffiliationChanged',
};
const MUNICIPAL_SOURCES: Record<BentRule, string> = {
  deputies: '市级办法 第八条',
  leader: '市级办法 第八条',
  'member-rank': '市级办法 第九条',
  discipline: '市级办法 第九条',
  mirror: '市级办法 第七条',
  'single-series': '市级办法(旧) 第八条',
};

export function bentRuleAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body) continue;
    const events = timeline.eventsUpTo(date);
    for (const rule of BENT_RULES) {
      const setting = events.filter((v) => SETS[rule](v.event.type, v.event.data as Record<string, unknown>)).at(-1);
      if (!setting) continue;
      const waiver = waiversOf(history, setting.source).find((w) => w.rule === rule);
      if (!waiver) continue;
      const policy = policyOn(history, setting.event.effectiveDate).policy;
      alerts.push({
        rule,
        article: rule === 'mirror' || rule === 'discipline' ? MUNICIPAL_SOURCES[rule] : policy.articles?.[rule] ?? waiver.source ?? MUNICIPAL_SOURCES[rule],
        message: `${body.name}${BENT_LABELS[rule]}：${waiver.message}；已记载理由：${waiver.justification ?? ''}`,
        since: setting.event.effectiveDate,
        bodies: [ref(body)],
        details: {
          justified: true,
          recordedJustification: { documentNo: waiver.documentNo, justification: waiver.justification, eventId: waiver.eventId },
          setBy: { type: setting.source.type, eventId: setting.source.eventId, documentNo: setting.event.documentNo, effectiveDate: setting.event.effectiveDate },
        },
      });
    }
  }
  return alerts;
}

// ---------------------------------------------------------------------------------------------
// term-review (第十五条(二)): a temporary body ended by a condition, not a date, is asked about
// after the policy's span (conditionReviewAfterDays) from its establishment.

export function termReviewAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const policy = policyOn(history, date).policy;
  const span = conditionReviewAfterDaysOf(policy);
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body || body.duration !== 'temporary' || body.termEnd) continue;
    const due = addDays(body.establishedOn, span);
    if (due > date) continue;
    alerts.push({
      rule: 'term-review',
      article: articleOf(policy, 'term-expired'),
      message: `临时性机构${body.name}未定期限，以“${body.abolitionCondition ?? ''}”为撤销条件，设立已满 ${daysBetween(body.establishedOn, date)} 天，请核实任务是否已经完成`,
      since: due,
      bodies: [ref(body)],
      details: {
        abolitionCondition: body.abolitionCondition,
        establishedOn: body.establishedOn,
        reviewAfterDays: span,
        candidate: { action: 'abolish', ground: `第十五条${ABOLITION_REASONS[2]}` } satisfies Candidate,
      },
    });
  }
  return alerts;
}

// ---------------------------------------------------------------------------------------------
// establishment-missing: a body first recorded from an adjustment, its establishment not on file.

export function establishmentMissingAlerts(history: JurisdictionHistory, date: LocalDate): ComplianceAlert[] {
  const alerts: ComplianceAlert[] = [];
  for (const timeline of history.bodies.values()) {
    const body = timeline.activeOn(date);
    if (!body?.establishmentNotOnFile) continue;
    alerts.push({
      rule: 'establishment-missing',
      article: '市级办法 第十、十一条',
      message: `${body.name}的设立文件未存档：自 ${body.establishedOn} 据调整文件 ${body.establishedBy} 登记，请补录设立决定`,
      since: body.establishedOn,
      bodies: [ref(body)],
      details: { firstRecordedBy: body.establishedBy },
    });
  }
  return alerts;
}

// ---------------------------------------------------------------------------------------------
// duplicate (第六条(三); 第十六条(一)(二))

export function duplicateAlerts(history: JurisdictionHistory, date: LocalDate, options: AlertOptions = {}): ComplianceAlert[] {
  const policy = policyOn(history, date).policy;
  const timelines = [...history.bodies.values()].filter((t) => t.activeOn(date));
  const alerts: ComplianceAlert[] = [];
  for (let i = 0; i < timelines.length; i++) {
    for (let j = i + 1; j < timelines.length; j++) {
      const [ta, tb] = [timelines[i], timelines[j]];
      const a = ta.activeOn(date)!;
      const b = tb.activeOn(date)!;
      const verdict = compareBodies(a, b, options.similarity);
      if (!verdict.similar) continue;
      // Back over the days either body changed, while both were active and still alike.
      const points = [...new Set([...ta.segments, ...tb.segments].map((s) => s.from).filter((d) => d <= date))].sort().reverse();
      let since = points[0];
      for (const point of points) {
        since = point;
        const day = dayBefore(point);
        const [pa, pb] = [ta.activeOn(day), tb.activeOn(day)];
        if (!pa || !pb || !compareBodies(pa, pb, options.similarity).similar) break;
      }
      const [older, newer] = a.establishedOn <= b.establishedOn ? [a, b] : [b, a];
      const newerTimeline = newer === a ? ta : tb;
      const waiver = newerTimeline.segments[0].events.map((v) => v.source).find((s) => (s.waivedRules ?? []).some((w) => w.rule === 'duplicate'));
      const ground = verdict.basis === 'duties' && verdict.dutyScore < 0.9 ? 2 : 1;
      const what = verdict.basis === 'duties' ? '职责' : '名称';
      alerts.push({
        rule: 'duplicate',
        article: articleOf(policy, 'duplicate'),
        message: `${older.name}与${newer.name}${what}相同或者相近，可依第十六条${MERGER_REASONS[ground]}予以合并`,
        since,
        bodies: [ref(older), ref(newer)],
        details: {
          basis: verdict.basis,
          nameScore: verdict.nameScore,
          dutyScore: verdict.dutyScore,
          ...(verdict.basis !== 'duties' ? { matchedNames: verdict.names } : {}),
          ...(waiver ? { recordedJustification: { documentNo: waiver.documentNo, justification: waiver.justification } } : {}),
          candidate: { action: 'merge', ground: `第十六条${MERGER_REASONS[ground]}` } satisfies Candidate,
        },
      });
    }
  }
  return alerts;
}

const maxDate = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
