import { MemoryReadStore } from '../memory/memory-read-store.js';
import { projectInMemory } from '../testing/project-in-memory.js';
import { RegistryLog } from '../testing/registry-log.js';
import { InvalidReadQueryError, RegistryQueries } from './registry.queries.js';
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
});
