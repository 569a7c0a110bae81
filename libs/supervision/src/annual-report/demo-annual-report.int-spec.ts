/**
 * The 编办's annual report of the demo history for 2019 (机构改革: abolitions, a merger into a
 * new body, an affiliation change, adjustments, missing reports), checked against figures
 * computed here from the raw events.
 */
import ExcelJS from 'exceljs';
import { FIELD_LABELS, RULE_LABELS } from '#domain';
import type { StoredEvent } from '#event-store';
import { DEMO_JURISDICTION } from '#official-list';
import { SupervisionQueries } from '../supervision.queries.js';
import { demoStore, type DemoStore } from '../testing/demo-store.js';
import { active, nextDay, rawBodiesOn, type RawBody } from '../testing/raw-facts.js';
import type { AnnualReport } from './annual-report.js';
import { formatAnnualReportMarkdown, formatAnnualReportXlsx } from './annual-report.format.js';

const YEAR = 2019;
const counts = (bodies: RawBody[]) => ({
  total: bodies.length,
  standing: bodies.filter((b) => b.duration === 'standing').length,
  temporary: bodies.filter((b) => b.duration === 'temporary').length,
  party: bodies.filter((b) => b.series === 'party').length,
  government: bodies.filter((b) => b.series === 'government').length,
});

describe(`the annual report (市级办法 第二十条) of the demo history for ${YEAR}, against the raw events`, () => {
  let demo: DemoStore;
  let events: StoredEvent[];
  let report: AnnualReport;

  beforeAll(async () => {
    demo = await demoStore();
    events = await demo.store.readAll();
    report = await new SupervisionQueries(demo.store).annualReport(DEMO_JURISDICTION, YEAR, { jurisdictionName: '演示市' });
  });
  afterAll(() => demo.close());

  it('counts at the start and the end of the year by series and duration', () => {
    expect(report.counts.start).toEqual(counts(active(rawBodiesOn(events, `${YEAR}-01-01`))));
    expect(report.counts.end).toEqual(counts(active(rawBodiesOn(events, `${YEAR}-12-31`))));
    const before = rawBodiesOn(events, `${YEAR - 1}-12-31`);
    const after = rawBodiesOn(events, `${YEAR}-12-31`);
    expect(report.counts.established).toBe([...after.keys()].filter((id) => !before.has(id)).length);
    expect(report.counts.ended).toBe([...after.values()].filter((b) => b.endedOn && b.endedOn >= `${YEAR}-01-01`).length);
    console.log(`  ${YEAR}: start ${JSON.stringify(report.counts.start)}, end ${JSON.stringify(report.counts.end)}, established ${report.counts.established}, ended ${report.counts.ended}`);
  });

  it('every decision of the year, each with its document', () => {
    const types = ['BodyEstablished', 'BodyAdjusted', 'BodyRenamed', 'BodyAffiliationChanged', 'BodyAbolished', 'BodiesMerged', 'QuotaBaselineSet', 'PolicyAdopted', 'CampaignConcluded'];
    const expected = events.filter((e) => types.includes(e.type) && e.effectiveDate.startsWith(`${YEAR}-`) && (e.data as { origin?: string }).origin !== 'merger');
    expect(report.changes.map((c) => [c.eventId, c.documentNo])).toEqual(
      expected.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position)).map((e) => [e.eventId, e.documentNo]),
    );
    expect(report.changes.filter((c) => c.kind === 'abolished').every((c) => c.detail.includes('第十五条'))).toBe(true);
    expect(report.changes.find((c) => c.kind === 'merged')?.detail).toContain('合并设立演示市生态环境保护委员会');
  });

  it('reports filed and missing for the year: every body active at year end owed one', () => {
    const due = active(rawBodiesOn(events, `${YEAR}-12-31`));
    const now = rawBodiesOn(events, report.reportsAsOf);
    const filed = due.filter((b) => now.get(b.id)!.reports.has(YEAR));
    expect(report.reports.due).toBe(due.length);
    expect(report.reports.filed.map((r) => r.bodyId).sort()).toEqual(filed.map((b) => b.id).sort());
    expect(report.reports.missing.map((r) => r.bodyId).sort()).toEqual(due.filter((b) => !filed.includes(b)).map((b) => b.id).sort());
    expect(report.reports.missing.length).toBeGreaterThan(0);
    expect(report.reports.filed.filter((r) => r.late)).toEqual(filed.filter((b) => now.get(b.id)!.reports.get(YEAR)!.filedOn > `${YEAR}-12-31`).map(() => expect.anything()));
  });

  it('alerts open at year end, with candidates for abolition (第十五条) and merger (第十六条)', async () => {
    const atYearEnd = await new SupervisionQueries(demo.store).compliance(DEMO_JURISDICTION, `${YEAR}-12-31`);
    expect(report.alerts).toEqual(atYearEnd.alerts);
    const abolishable = report.alerts.filter((a) => a.rule === 'term-expired' || a.rule === 'dormant').flatMap((a) => a.bodies.map((b) => b.id));
    expect(report.candidates.abolish.map((c) => c.id).sort()).toEqual([...new Set(abolishable)].sort());
    expect(report.candidates.merge).toHaveLength(report.alerts.filter((a) => a.rule === 'duplicate').length);
  });

  it('the quota line of the year: the count against the baseline on every day, checked day by day', () => {
    const baselineOn = (date: string) => events.filter((e) => e.type === 'QuotaBaselineSet' && e.effectiveDate <= date)
      .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position)).at(-1);
    let daysOver = 0;
    for (let day = `${YEAR}-01-01`; day <= `${YEAR}-12-31`; day = nextDay(day)) {
      const baseline = baselineOn(day)!;
      const counted = active(rawBodiesOn(events, day)).filter((b) => b.series === (baseline.data as { series: string }).series).length;
      const point = [...report.quota.points].reverse().find((p) => p.date <= day)!;
      expect([day, point.active, point.baseline]).toEqual([day, counted, (baseline.data as { total: number }).total]);
      if (counted > (baseline.data as { total: number }).total) daysOver++;
    }
    expect(report.quota.daysOver).toBe(daysOver);
    console.log(`  ${YEAR} quota: ${report.quota.points.length} points, ${report.quota.daysOver} days over, baselines ${report.quota.baselines.map((b) => `${b.total}(${b.documentNo})`).join(', ')}`);
  });

  it('reads as Markdown and as a workbook', async () => {
    const md = formatAnnualReportMarkdown(report);
    expect(md).toContain(`# 演示市${YEAR}年度议事协调机构工作情况报告`);
    for (const section of ['## 一、机构数量', '## 二、年度变化', '## 三、年度工作情况报告', '## 四、年末监督提示', '## 五、总量控制']) expect(md).toContain(section);
    expect(md).toContain(`未报 ${report.reports.missing.length} 个`);
    // A reader sees Chinese names, never a rule code or a field name (调整：成员单位, not memberUnits).
    const codes = new Set([...Object.keys(RULE_LABELS), ...Object.keys(FIELD_LABELS)]);
    expect((md.match(/[A-Za-z][A-Za-z-]+/g) ?? []).filter((word) => codes.has(word))).toEqual([]);
    expect(md).toMatch(/调整：[^a-zA-Z\n|]+/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await formatAnnualReportXlsx(report)) as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['机构数量', '年度变化', '年度报告', '监督提示', '总量控制']);
    expect(workbook.getWorksheet('年度变化')!.rowCount).toBe(report.changes.length + 2);
    expect(workbook.getWorksheet('年度报告')!.rowCount).toBe(report.reports.due + 2);
  });
});
