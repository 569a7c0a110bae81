import { MemoryReadStore } from '../memory/memory-read-store.js';
import { projectInMemory } from '../testing/project-in-memory.js';
import { RegistryLog } from '../testing/registry-log.js';
import { InvalidReadQueryError, RegistryQueries } from './registry.queries.js';
import fc from 'fast-check';
import { addDays } from '#domain';
import { isValidOn } from '../time/bitemporal.js';
import { quotaTimeline } from './quota-timeline.js';

const J = '370700';

describe('registry queries', () => {
  it('default to today in China time and to now', async () => {
    const log = new RegistryLog('2024-05-01T00:00:00.000Z');
    log.establish('a', '2024-05-02', { name: '甲领导小组' });
    const { store } = await projectInMemory(log.events);
    // 2024-05-01T16:30Z is already 2024-05-02 in China
    const queries = new RegistryQueries(store, () => new Date('2024-05-01T16:30:00.000Z'));
    const registry = await queries.registry(J);
    expect(registry.date).toBe('2024-05-02');
    expect(registry.knownAt).toBe('2024-05-01T16:30:00.000Z');
    expect(registry.total).toBe(1);
  });

  it('read a bare knownAt date as the end of that day in China time, and an instant with an offset as that instant', async () => {
    const log = new RegistryLog('2024-05-01T15:00:00.000Z'); // 23:00 in China, 2024-05-01
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    const { queries } = await projectInMemory(log.events);
    expect((await queries.registry(J, '2020-01-01', '2024-05-01')).total).toBe(1);
    expect((await queries.registry(J, '2020-01-01', '2024-04-30')).total).toBe(0);
    expect((await queries.registry(J, '2020-01-01', '2024-05-01T22:59:59+08:00')).total).toBe(0);
    expect((await queries.registry(J, '2020-01-01', '2024-05-01T23:00:00+08:00')).knownAt).toBe('2024-05-01T15:00:00.000Z');
  });

  it('refuse malformed dates and instants, and a range that ends before it starts', async () => {
    const queries = new RegistryQueries(new MemoryReadStore());
    await expect(queries.registry(J, '2020-02-30')).rejects.toBeInstanceOf(InvalidReadQueryError);
    await expect(queries.registry(J, '2020-02-01', 'yesterday')).rejects.toMatchObject({ field: 'knownAt' });
    await expect(queries.changes(J, '2021-01-01', '2020-01-01')).rejects.toMatchObject({ field: 'from' });
    await expect(queries.quota(J, '2020-01-01', 'soon')).rejects.toMatchObject({ field: 'to' });
  });
});

describe('quota timeline', () => {
  const entry = (id: string, validFrom: string, validTo: string | null, series: 'party' | 'government' = 'government') => ({
    validFrom,
    validTo,
    entry: { id, name: id, aliases: [], kind: '其他' as const, series, duration: 'standing' as const, establishedOn: validFrom, hostDepartment: '办' },
  });
  const baseline = (validFrom: string, validTo: string | null, total: number) => ({
    validFrom,
    validTo,
    baseline: { total, documentNo: `文${total}`, effectiveDate: validFrom, eventId: `q${total}` },
  });

  it('with no baseline, marks the count changes only and no violations', () => {
    const timeline = quotaTimeline([entry('a', '2020-01-01', '2020-03-01'), entry('b', '2020-02-01', null)], [], '2020-01-01', '2020-12-31');
    expect(timeline.points.map((p) => [p.date, p.active, p.baseline])).toEqual([
      ['2020-01-01', 1, null],
      ['2020-02-01', 2, null],
      ['2020-03-01', 1, null],
    ]);
    expect(timeline.violations).toEqual([]);
  });

  it('closes a violation the day before the count comes back within the baseline, and runs one to the end of the period', () => {
    const entries = [entry('a', '2020-01-01', null), entry('b', '2020-01-01', '2020-02-01'), entry('c', '2020-06-01', null)];
    const timeline = quotaTimeline(entries, [baseline('2019-01-01', null, 1)], '2020-01-01', '2020-12-31');
    expect(timeline.violations).toEqual([
      { from: '2020-01-01', to: '2020-01-31', maxOver: 1 },
      { from: '2020-06-01', to: '2020-12-31', maxOver: 1 },
    ]);
  });

  it('before the first baseline, counts what the first baseline counts (its series), so the line does not jump when it starts', () => {
    const entries = [entry('gov', '2019-01-01', null), entry('party', '2019-01-01', null, 'party')];
    const governmentOnly = { ...baseline('2020-06-01', null, 1), baseline: { ...baseline('2020-06-01', null, 1).baseline, series: 'government' as const } };
    const timeline = quotaTimeline(entries, [governmentOnly], '2020-01-01', '2020-12-31');
    expect(timeline.points.map((p) => [p.date, p.active, p.baseline, p.series])).toEqual([
      ['2020-01-01', 1, null, 'government'],
      ['2020-06-01', 1, 1, 'government'],
    ]);
  });

  it('marks a new baseline even when the count does not change', () => {
    const timeline = quotaTimeline([entry('a', '2020-01-01', null)], [baseline('2019-01-01', '2020-05-01', 5), baseline('2020-05-01', null, 3)], '2020-01-01', '2020-12-31');
    expect(timeline.points.map((p) => [p.date, p.active, p.baseline])).toEqual([
      ['2020-01-01', 1, 5],
      ['2020-05-01', 1, 3],
    ]);
  });

  it('counts, on every day of the period, the entries valid that day of the series the baseline in force names, or before the first baseline the first one names (against a day-by-day count)', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2020-01-01', n));
    const interval = fc.tuple(day, fc.option(fc.integer({ min: 1, max: 40 }), { nil: null })).map(([validFrom, length]) => ({ validFrom, validTo: length === null ? null : addDays(validFrom, length) }));
    const entries = fc.array(fc.tuple(interval, fc.constantFrom('party' as const, 'government' as const)), { maxLength: 12 });
    const baselines = fc.array(fc.tuple(interval, fc.integer({ min: 0, max: 6 }), fc.option(fc.constantFrom('party' as const, 'government' as const), { nil: undefined })), { maxLength: 3 });
    fc.assert(
      fc.property(entries, baselines, day, fc.integer({ min: 0, max: 50 }), (es, bs, from, length) => {
        const to = addDays(from, length);
        const docs = es.map(([v, series], i) => ({ ...entry(`e${i}`, v.validFrom, v.validTo, series) }));
        const bases = bs.map(([v, total, series], i) => ({ ...v, baseline: { total, documentNo: `文${i}`, effectiveDate: v.validFrom, eventId: `q${i}`, ...(series ? { series } : {}) } }));
        const { points } = quotaTimeline(docs, bases, from, to);
        for (let d = from; d <= to; d = addDays(d, 1)) {
          const point = points.filter((p) => p.date <= d).at(-1)!;
          const baseline = bases.find((b) => isValidOn(b, d))?.baseline;
          // Before the first baseline, the series the first one counts (ADR 0013).
          const firstDay = bases.map((b) => b.validFrom).sort()[0];
          const first = firstDay !== undefined && d < firstDay ? bases.find((b) => isValidOn(b, firstDay))?.baseline : undefined;
          const series = baseline ? baseline.series : first?.series;
          const expected = docs.filter((e) => isValidOn(e, d) && (series === undefined || e.entry.series === series)).length;
          expect([d, point.active, point.baseline]).toEqual([d, expected, baseline ? baseline.total : null]);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });
});
