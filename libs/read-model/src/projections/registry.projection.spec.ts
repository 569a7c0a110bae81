/**
 * The registry views, given events, when asked as of a date (and as known at a moment).
 */
import { RegistryProjection } from './registry.projection.js';
import { applyAll, projectInMemory } from '../testing/project-in-memory.js';
import { RegistryLog } from '../testing/registry-log.js';

const J = '370700';
const names = (registry: { bodies: Array<{ name: string }> }) => registry.bodies.map((b) => b.name);

describe('registry as of a date', () => {
  it('given an establishment, the body is in the registry from its effective date on, not the day before', async () => {
    const log = new RegistryLog();
    log.establish('a', '2020-03-31', { name: '潍坊市防汛抗旱指挥部' });
    const { queries } = await projectInMemory(log.events);

    expect((await queries.registry(J, '2020-03-30')).total).toBe(0);
    const onTheDay = await queries.registry(J, '2020-03-31');
    expect(onTheDay.bodies).toEqual([
      {
        id: 'a',
        name: '潍坊市防汛抗旱指挥部',
        aliases: [],
        kind: '指挥部',
        series: 'government',
        duration: 'standing',
        establishedOn: '2020-03-31',
        hostDepartment: '市政府办公室',
      },
    ]);
    expect(onTheDay.counts).toEqual({ standing: 1, temporary: 0, party: 0, government: 1 });
  });

  it('given an abolition effective on E, the body is there on E-1 and gone on E', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.abolish('a', '2021-06-01', 2, 'joint-meeting');
    const { queries } = await projectInMemory(log.events);

    expect(names(await queries.registry(J, '2021-05-31'))).toEqual(['甲领导小组']);
    expect(names(await queries.registry(J, '2021-06-01'))).toEqual([]);
    const changes = await queries.changes(J, '2021-01-01', '2021-12-31');
    expect(changes.abolished).toEqual([
      expect.objectContaining({ bodyId: 'a', name: '甲领导小组', reason: 2, disposition: 'joint-meeting', dispositionText: '调整为部门联席会议', effectiveDate: '2021-06-01' }),
    ]);
  });

  it('lists bodies in establishment order, then by name, and counts them by duration and series', async () => {
    const log = new RegistryLog();
    log.establish('c', '2020-02-01', { name: '丙委员会', series: 'party' });
    log.establish('b', '2020-01-01', { name: '乙协调小组', duration: 'temporary' });
    log.establish('a', '2020-01-01', { name: '乙领导小组' });
    const { queries } = await projectInMemory(log.events);
    const registry = await queries.registry(J, '2020-12-31');
    expect(registry.bodies.map((b) => b.id)).toEqual(['b', 'a', 'c']);
    expect(registry.counts).toEqual({ standing: 2, temporary: 1, party: 1, government: 2 });
    expect(registry.bodies[0].termEnd).toBe('2030-12-31');
  });

  it('given a rename, the new name shows from its effective date and the old one before', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.rename('a', '2020-07-01', '甲委员会', ['甲工作委员会']);
    const { queries } = await projectInMemory(log.events);
    expect((await queries.registry(J, '2020-06-30')).bodies[0]).toMatchObject({ name: '甲领导小组', aliases: [] });
    expect((await queries.registry(J, '2020-07-01')).bodies[0]).toMatchObject({ name: '甲委员会', aliases: ['甲工作委员会'] });
    const changes = await queries.changes(J, '2020-01-01', '2020-12-31');
    expect(changes.renamed).toEqual([expect.objectContaining({ bodyId: 'a', previousName: '甲领导小组', newName: '甲委员会' })]);
  });

  it('given an affiliation change and an adjustment of the host department, the list shows both from their dates', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.changeAffiliation('a', '2020-01-01', 'party');
    log.adjust('a', '2020-02-01', { hostDepartment: '市委办公室', memberUnits: ['市委组织部'] });
    const { queries } = await projectInMemory(log.events);
    expect((await queries.registry(J, '2019-12-31')).bodies[0]).toMatchObject({ series: 'government', hostDepartment: '市政府办公室' });
    expect((await queries.registry(J, '2020-01-01')).bodies[0]).toMatchObject({ series: 'party', hostDepartment: '市政府办公室' });
    expect((await queries.registry(J, '2020-02-01')).bodies[0]).toMatchObject({ series: 'party', hostDepartment: '市委办公室' });
    const changes = await queries.changes(J, '2020-01-01', '2020-12-31');
    expect(changes.affiliationChanged).toEqual([expect.objectContaining({ from: 'government', to: 'party', name: '甲领导小组' })]);
    expect(changes.adjusted).toEqual([expect.objectContaining({ fields: ['hostDepartment', 'memberUnits'] })]);
  });

  it('given a merger into an existing body, the sources leave on its date and the target stays', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.establish('b', '2019-01-01', { name: '乙领导小组' });
    log.establish('t', '2019-01-01', { name: '丙委员会' });
    log.merge({ mergerId: 'm1', date: '2021-01-01', sources: ['a', 'b'], target: { bodyId: 't' }, reason: 2 });
    const { queries } = await projectInMemory(log.events);
    expect(names(await queries.registry(J, '2020-12-31'))).toEqual(['丙委员会', '乙领导小组', '甲领导小组']);
    expect(names(await queries.registry(J, '2021-01-01'))).toEqual(['丙委员会']);
    expect((await queries.bodyAsOf('a', '2021-01-01'))).toMatchObject({ status: 'merged', endedOn: '2021-01-01', mergedInto: 't' });
    const changes = await queries.changes(J, '2021-01-01', '2021-01-01');
    expect(changes.merged).toEqual([
      expect.objectContaining({
        mergerId: 'm1',
        reason: 2,
        sources: [
          { id: 'a', name: '甲领导小组' },
          { id: 'b', name: '乙领导小组' },
        ],
        target: { id: 't', name: '丙委员会', established: false },
      }),
    ]);
  });

  it('given a merger into a new body, the new body is established on its date, once', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.establish('b', '2019-01-01', { name: '乙领导小组' });
    log.merge({ mergerId: 'm1', date: '2021-01-01', sources: ['a', 'b'], target: { bodyId: 'n', establish: { name: '甲乙委员会' } } });
    const { queries } = await projectInMemory(log.events);
    const registry = await queries.registry(J, '2021-01-01');
    expect(registry.bodies).toEqual([expect.objectContaining({ id: 'n', name: '甲乙委员会', establishedOn: '2021-01-01' })]);
    const changes = await queries.changes(J, '2021-01-01', '2021-01-01');
    expect(changes.established).toEqual([expect.objectContaining({ bodyId: 'n', origin: 'merger', mergerId: 'm1' })]);
    expect(changes.merged[0].target).toEqual({ id: 'n', name: '甲乙委员会', established: true });
  });

  it('given an abolition recorded late with an earlier date, it is gone from that date as known after the record, and there before', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.adjust('a', '2021-05-01', { memberUnits: ['市财政局'] });
    const before = log.lastRecordedAt;
    log.abolish('a', '2021-01-01');
    const { queries } = await projectInMemory(log.events);

    expect(names(await queries.registry(J, '2021-03-01'))).toEqual([]);
    expect(names(await queries.registry(J, '2021-06-01'))).toEqual([]);
    expect(names(await queries.registry(J, '2021-03-01', before))).toEqual(['甲领导小组']);
    expect(names(await queries.registry(J, '2020-12-31'))).toEqual(['甲领导小组']);
  });

  it('given a correction of the establishment date, the registry follows it, and still answers as known before the correction', async () => {
    const log = new RegistryLog();
    const established = log.establish('a', '2020-01-01', { name: '甲领导小组' });
    const before = log.lastRecordedAt;
    log.correct(established, { effectiveDate: '2020-03-01', fields: { name: '甲工作领导小组' } });
    const { queries } = await projectInMemory(log.events);

    expect(names(await queries.registry(J, '2020-02-01'))).toEqual([]);
    expect((await queries.registry(J, '2020-03-01')).bodies[0]).toMatchObject({ name: '甲工作领导小组', establishedOn: '2020-03-01' });
    expect((await queries.registry(J, '2020-02-01', before)).bodies[0]).toMatchObject({ name: '甲领导小组', establishedOn: '2020-01-01' });
    const changes = await queries.changes(J, '2020-01-01', '2020-12-31');
    expect(changes.established).toEqual([expect.objectContaining({ name: '甲工作领导小组', effectiveDate: '2020-03-01' })]);
    const believedBefore = await queries.changes(J, '2020-01-01', '2020-12-31', before);
    expect(believedBefore.established).toEqual([expect.objectContaining({ name: '甲领导小组', effectiveDate: '2020-01-01' })]);
  });

  it('given a correction of a merger date, its sources leave on the corrected date', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.establish('t', '2019-01-01', { name: '丙委员会' });
    const merged = log.merge({ mergerId: 'm1', date: '2021-01-01', sources: ['a'], target: { bodyId: 't' } });
    log.correct(merged, { effectiveDate: '2021-02-01' });
    const { queries } = await projectInMemory(log.events);
    expect(names(await queries.registry(J, '2021-01-15'))).toEqual(['丙委员会', '甲领导小组']);
    expect(names(await queries.registry(J, '2021-02-01'))).toEqual(['丙委员会']);
  });

  it('given a body of another jurisdiction, it is not in this registry', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.establish('x', '2019-01-01', { name: '寿光市甲领导小组', jurisdiction: '370783' });
    const { queries } = await projectInMemory(log.events);
    expect(names(await queries.registry(J, '2020-01-01'))).toEqual(['甲领导小组']);
    expect(names(await queries.registry('370783', '2020-01-01'))).toEqual(['寿光市甲领导小组']);
  });
});

describe('a body as of a date', () => {
  it('is undefined before its establishment, and its state with annual reports after', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.fileReport('a', '2020-03-31', 2019, 4);
    log.fileReport('a', '2021-03-31', 2020, 3);
    log.adjust('a', '2021-05-01', { leaders: [{ title: '市委书记' }] });
    const { queries } = await projectInMemory(log.events);

    expect(await queries.bodyAsOf('a', '2018-12-31')).toBeUndefined();
    expect(await queries.bodyAsOf('a', '2020-06-01')).toMatchObject({
      status: 'active',
      leaders: [{ title: '市长' }],
      annualReports: [{ year: 2019, filedOn: '2020-03-31', meetingsHeld: 4 }],
      lastActivityOn: '2020-03-31',
    });
    expect(await queries.bodyAsOf('a', '2021-06-01')).toMatchObject({
      leaders: [{ title: '市委书记' }],
      annualReports: [
        { year: 2019, filedOn: '2020-03-31', meetingsHeld: 4 },
        { year: 2020, filedOn: '2021-03-31', meetingsHeld: 3 },
      ],
      lastActivityOn: '2021-03-31',
    });
    expect(await queries.bodyAsOf('nobody', '2021-06-01')).toBeUndefined();
  });

  it('after its abolition, is its final state with the abolition', async () => {
    const log = new RegistryLog();
    log.establish('a', '2019-01-01', { name: '甲领导小组' });
    log.abolish('a', '2020-01-01', 7, 'delisted');
    const { queries } = await projectInMemory(log.events);
    expect(await queries.bodyAsOf('a', '2020-01-01')).toMatchObject({
      status: 'abolished',
      endedOn: '2020-01-01',
      abolition: { reason: 7, disposition: 'delisted' },
    });
  });
});

describe('quota', () => {
  it('marks each day the active count or the baseline changed, and the stretches over the baseline', async () => {
    const log = new RegistryLog();
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    log.establish('b', '2020-02-01', { name: '乙领导小组' });
    log.setBaseline(J, '2020-03-01', 1);
    log.establish('c', '2020-04-01', { name: '丙领导小组', series: 'party' });
    log.abolish('a', '2020-05-01');
    log.abolish('b', '2020-06-01');
    const { queries } = await projectInMemory(log.events);
    const quota = await queries.quota(J, '2020-01-15', '2020-12-31');
    expect(quota.points.map(({ date, active, baseline }) => ({ date, active, baseline }))).toEqual([
      { date: '2020-01-15', active: 1, baseline: null },
      { date: '2020-02-01', active: 2, baseline: null },
      { date: '2020-03-01', active: 2, baseline: 1 },
      { date: '2020-04-01', active: 3, baseline: 1 },
      { date: '2020-05-01', active: 2, baseline: 1 },
      { date: '2020-06-01', active: 1, baseline: 1 },
    ]);
    expect(quota.violations).toEqual([{ from: '2020-03-01', to: '2020-05-31', maxOver: 2 }]);
  });

  it('counts only the baseline series when the baseline names one, and follows a corrected baseline', async () => {
    const log = new RegistryLog();
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    log.establish('p', '2020-01-01', { name: '党委甲领导小组', series: 'party' });
    const baseline = log.setBaseline(J, '2020-01-01', 0, { series: 'party' });
    const before = log.lastRecordedAt;
    log.correct(baseline, { fields: { total: 1 } });
    const { queries } = await projectInMemory(log.events);
    expect((await queries.quota(J, '2020-01-01', '2020-01-31')).points).toEqual([
      { date: '2020-01-01', active: 1, baseline: 1, series: 'party', baselineDocumentNo: baseline.documentNo },
    ]);
    const believed = await queries.quota(J, '2020-01-01', '2020-01-31', before);
    expect(believed.violations).toEqual([{ from: '2020-01-01', to: '2020-01-31', maxOver: 1 }]);
  });
});

describe('the projection itself', () => {
  it('skips an event at or below its checkpoint', async () => {
    const log = new RegistryLog();
    const event = log.establish('a', '2020-01-01', { name: '甲领导小组' });
    const projection = new RegistryProjection();
    expect(projection.apply(event)).toEqual({ status: 'applied' });
    expect(projection.apply(event)).toEqual({ status: 'skipped' });
    expect(projection.takeBatch()?.inserts.filter((d) => d.document.collection === 'body_rows')).toHaveLength(1);
    expect(projection.takeBatch()).toBeUndefined();
  });

  it('after a restart, asks for the history of a body it has not seen, then applies', async () => {
    const log = new RegistryLog();
    const first = log.establish('a', '2020-01-01', { name: '甲领导小组' });
    const second = log.rename('a', '2020-06-01', '甲委员会');
    const projection = new RegistryProjection({ checkpoint: { position: first.position, transactionTime: first.recordedAt } });
    const outcome = projection.apply(second);
    expect(outcome).toEqual({ status: 'needs-history', request: { before: second.position, bodies: ['a'], streams: [] } });
    projection.supply({ before: second.position, bodies: new Map([['a', [first]]]), streams: new Map() });
    expect(projection.apply(second)).toEqual({ status: 'applied' });
    const batch = projection.takeBatch()!;
    expect(batch.basedOn).toBe(first.position);
    // in order after its history: only its own row, with the new list line
    expect(batch.closures).toEqual([]);
    expect(batch.inserts.map(({ document: d }) => [d.key, d.collection === 'body_rows' ? d.entry?.name : undefined])).toEqual([[`a@${second.position}`, '甲委员会']]);
  });

  it('writes one row per event in order, and only rewrites rows for an event recorded late: closed within the batch, they arrive closed', async () => {
    const log = new RegistryLog();
    const established = log.establish('a', '2020-01-01', { name: '甲领导小组' });
    const adjusted = log.adjust('a', '2020-06-01', { memberUnits: ['市财政局'] });
    const renamed = log.rename('a', '2020-09-01', '甲委员会');
    const projection = new RegistryProjection();
    for (const event of log.events) projection.apply(event);
    const inOrder = projection.takeBatch()!;
    expect(inOrder.closures).toEqual([]);
    expect(inOrder.inserts.map(({ document: d, recordedTo }) => [d.key, recordedTo])).toEqual([
      [`a@${established.position}`, null],
      [`a@${adjusted.position}`, null],
      [`a@${renamed.position}`, null],
    ]);
    // the rename's list line: only the rows that change a line carry one
    expect(inOrder.inserts.map(({ document: d }) => (d.collection === 'body_rows' ? d.entry !== undefined : undefined))).toEqual([true, false, true]);

    // recorded late, dated before the rename: the rename's row no longer changes the list (the body is gone)
    const abolished = log.abolish('a', '2020-03-01');
    await applyAll(projection, [abolished], log.events);
    const late = projection.takeBatch()!;
    expect(late.closures.map((c) => c.document.key)).toEqual([`a@${renamed.position}`]);
    expect(late.inserts.map(({ document: d }) => [d.key, d.collection === 'body_rows' ? d.entry : undefined])).toEqual([
      [`a@${abolished.position}`, null],
      [`a@${renamed.position}`, undefined],
    ]);

    // all in one batch: the rename's row, opened and closed within it, arrives closed
    const once = new RegistryProjection();
    await applyAll(once, log.events);
    const batch = once.takeBatch()!;
    expect(batch.closures).toEqual([]);
    expect(batch.inserts.map(({ document: d, recordedTo }) => [d.key, recordedTo === null ? 'open' : 'closed']).sort()).toEqual(
      [
        [`a@${established.position}`, 'open'],
        [`a@${adjusted.position}`, 'open'],
        [`a@${renamed.position}`, 'closed'],
        [`a@${renamed.position}`, 'open'],
        [`a@${abolished.position}`, 'open'],
      ].sort(),
    );
  });
});
