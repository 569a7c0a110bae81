/**
 * The alerts on the demo history (演示市 370799: near-duplicates planted, reports missing,
 * temporary bodies left past their term), checked against figures computed here from the raw
 * events with plain loops, not with the folds the alerts use.
 */
import type { StoredEvent } from '#event-store';
import { DEMO_JURISDICTION } from '#official-list';
import { SupervisionQueries } from '../supervision.queries.js';
import { demoStore, type DemoStore } from '../testing/demo-store.js';
import { active, days, nextDay, rawBodiesOn } from '../testing/raw-facts.js';
import type { ComplianceAlert } from './alerts.js';

const byRule = (alerts: ComplianceAlert[], rule: string) => alerts.filter((a) => a.rule === rule);

describe('compliance on the demo history, against figures from the raw events', () => {
  let demo: DemoStore;
  let events: StoredEvent[];
  let queries: SupervisionQueries;

  beforeAll(async () => {
    demo = await demoStore();
    events = await demo.store.readAll();
    queries = new SupervisionQueries(demo.store);
  });
  afterAll(() => demo.close());

  const dates = ['2003-04-14', '2008-06-30', '2018-01-01', '2021-03-31', '2026-06-30'];

  it.each(dates)('on %s: temporary bodies past their term (第十五条(二)) are those the raw events show', async (date) => {
    const answer = await queries.compliance(DEMO_JURISDICTION, date);
    const expected = active(rawBodiesOn(events, date)).filter((b) => b.duration === 'temporary' && b.termEnd && b.termEnd < date);
    const alerts = byRule(answer.alerts, 'term-expired');
    expect(alerts.map((a) => a.bodies[0].name).sort()).toEqual(expected.map((b) => b.name).sort());
    for (const b of expected) expect(alerts.find((a) => a.bodies[0].id === b.id)?.since).toBe(nextDay(b.termEnd!));
    expect(answer.active).toBe(active(rawBodiesOn(events, date)).length);
  });

  it('the decisions of issue 12: the body still awaiting its condition is asked about (term-review), the joint body\'s justified bend is in view, the self-abolished one is gone', async () => {
    const end = await queries.compliance(DEMO_JURISDICTION, '2026-06-30');
    expect(byRule(end.alerts, 'term-review').map((a) => [a.bodies[0].name, a.since])).toEqual([['演示市省运动会筹备工作领导小组', '2026-03-11']]);
    expect(byRule(end.alerts, 'single-series').map((a) => a.bodies[0].name)).toEqual(['演示市优化营商环境工作领导小组']);
    const census = events.find((e) => e.type === 'BodyAbolished' && (e.data as { selfAbolition?: unknown }).selfAbolition);
    expect(census).toMatchObject({ effectiveDate: '2023-06-30', data: { abolitionReason: 2 } });
    const before = await queries.compliance(DEMO_JURISDICTION, '2023-06-29');
    expect(byRule(before.alerts, 'term-review').map((a) => a.bodies[0].id)).toEqual([census!.bodyId]);
    expect(byRule(end.alerts, 'term-review').some((a) => a.bodies[0].id === census!.bodyId)).toBe(false);
  });

  it('at the end of the story, the three temporary bodies the demo leaves past their term', async () => {
    const answer = await queries.compliance(DEMO_JURISDICTION, '2026-06-30');
    expect(byRule(answer.alerts, 'term-expired').map((a) => a.bodies[0].name).sort()).toEqual([...demo.history.pastTermAtEnd].sort());
  });

  it.each(dates)('on %s: the quota alert (潍坊名单 总量控制) matches the baseline in force and the government count', async (date) => {
    const baselines = events.filter((e) => e.type === 'QuotaBaselineSet' && e.effectiveDate <= date)
      .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position));
    const baseline = baselines.at(-1);
    const counted = active(rawBodiesOn(events, date)).filter((b) => !baseline || b.series === (baseline.data as any).series);
    const alerts = byRule((await queries.compliance(DEMO_JURISDICTION, date)).alerts, 'quota');
    if (!baseline || counted.length <= (baseline.data as any).total) {
      expect(alerts).toEqual([]);
    } else {
      expect(alerts).toHaveLength(1);
      expect(alerts[0].details).toMatchObject({ active: counted.length, excess: counted.length - (baseline.data as any).total, baseline: { total: (baseline.data as any).total, documentNo: baseline.documentNo } });
    }
  });

  it.each(dates)('on %s: missing annual reports (第二十条) are the years each active body owed and did not file since its last report', async (date) => {
    const bodies = rawBodiesOn(events, date);
    const expected = new Map<string, number[]>();
    for (const b of active(bodies)) {
      const missing: number[] = [];
      const lastReport = Math.max(0, ...[...b.reports.entries()].filter(([, r]) => r.filedOn <= date).map(([year]) => year));
      for (let year = Math.max(Number(b.establishedOn.slice(0, 4)), lastReport + 1); `${year}-12-31` < date; year++) {
        const yearEnd = rawBodiesOn(events, `${year}-12-31`).get(b.id);
        if (yearEnd && !yearEnd.endedOn && !b.reports.has(year)) missing.push(year);
      }
      if (missing.length > 0) expected.set(b.id, missing);
    }
    const alerts = byRule((await queries.compliance(DEMO_JURISDICTION, date)).alerts, 'annual-report');
    const got = new Map(alerts.map((a) => [a.bodies[0].id, (a.details.missing as Array<{ year: number }>).map((m) => m.year)]));
    expect(got).toEqual(expected);
    for (const a of alerts) expect(a.since).toBe(`${got.get(a.bodies[0].id)![0] + 1}-01-01`);
  });

  it.each(dates)('on %s: dormant bodies (第十五条(七)) are those without a report recording a meeting for over 1095 days', async (date) => {
    const expected = active(rawBodiesOn(events, date)).filter((b) => {
      const signs = [b.establishedOn, ...[...b.reports.values()].filter((r) => r.meetingsHeld > 0).map((r) => r.filedOn)].sort();
      return days(signs.at(-1)!, date) > 1095;
    });
    const alerts = byRule((await queries.compliance(DEMO_JURISDICTION, date)).alerts, 'dormant');
    expect(alerts.map((a) => a.bodies[0].id).sort()).toEqual(expected.map((b) => b.id).sort());
  });

  it('the two bodies the demo leaves without reports (语言文字, 地方志) are dormant at the end', async () => {
    const names = byRule((await queries.compliance(DEMO_JURISDICTION, '2026-06-30')).alerts, 'dormant').map((a) => a.bodies[0].name);
    expect(names).toEqual(expect.arrayContaining(['演示市语言文字工作委员会', '演示市地方志编纂委员会']));
  });

  it('member units (第八条): every decision over ten units carries its recorded need, so every alert is marked justified', async () => {
    const unrecorded = events.filter((e) => {
      const units = e.type === 'BodyEstablished' ? (e.data as any).memberUnits : e.type === 'BodyAdjusted' ? (e.data as any).changes.memberUnits : undefined;
      return units && units.length > 10 && !(e.waivedRules ?? []).some((w) => w.rule === 'member-units');
    });
    expect(unrecorded).toEqual([]);
    for (const date of dates) {
      const alerts = byRule((await queries.compliance(DEMO_JURISDICTION, date)).alerts, 'member-units');
      expect(alerts.filter((a) => a.details.justified !== true)).toEqual([]);
    }
  });

  it('duplicates (第六条(三)): each planted near-duplicate is an alert while both bodies are active', async () => {
    const planted = events.filter((e) => e.type === 'BodyEstablished' && (e.waivedRules ?? []).some((w) => w.rule === 'duplicate'));
    expect(planted).toHaveLength(demo.history.plantedDuplicates.length);
    for (const e of planted) {
      const alerts = byRule((await queries.compliance(DEMO_JURISDICTION, e.effectiveDate)).alerts, 'duplicate');
      const alert = alerts.find((a) => a.bodies.some((b) => b.id === e.bodyId));
      expect(alert).toMatchObject({ since: e.effectiveDate, details: { recordedJustification: { justification: e.justification } } });
    }
  });
});
