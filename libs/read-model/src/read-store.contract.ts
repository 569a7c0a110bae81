/**
 * The contract every ReadStore adapter keeps. Each adapter's spec calls `readStoreContract`
 * with a factory for a fresh, empty store.
 */
import fc from 'fast-check';
import type { BodyRowDocument, BodyVersionState, ChangeRecord, Recorded, RegistryEntry, ViewDocument } from './read-documents.js';
import { CheckpointConflictError, type DocumentInsert, type ReadModelBatch, type ReadStore } from './read-store.port.js';
import { registryByReplay } from './replay/registry-by-replay.js';
import { historyArbitrary, historyFromSteps, JURISDICTIONS } from './testing/history-arbitrary.js';
import { projectInMemory } from './testing/project-in-memory.js';

const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';
const T3 = '2024-03-01T00:00:00.000Z';
const J = '370700';

function line(bodyId: string, name = `${bodyId}领导小组`): RegistryEntry {
  return { id: bodyId, name, aliases: ['别名'], kind: '领导小组', series: 'party', duration: 'temporary', establishedOn: '2020-01-01', hostDepartment: '市委办公室', termEnd: '2025-12-31' };
}

/** A body row; `entry` a name for a list line, null for leaving the registry. */
function row(bodyId: string, validFrom: string, position: number, extra: Omit<Partial<BodyRowDocument>, 'entry'> & { entry?: string | null } = {}): BodyRowDocument {
  const { entry, ...rest } = extra;
  return {
    collection: 'body_rows',
    key: `${bodyId}@${position}`,
    jurisdiction: J,
    bodyId,
    validFrom,
    position,
    ...(entry === undefined ? {} : { entry: entry === null ? null : line(bodyId, entry) }),
    ...rest,
  };
}

function state(bodyId: string, name: string): BodyVersionState {
  return {
    id: bodyId,
    jurisdiction: J,
    status: 'active',
    establishedOn: '2020-01-01',
    establishedBy: '潍政字〔2020〕1号',
    formerNames: [],
    name,
    aliases: [],
    kind: '领导小组',
    series: 'government',
    duration: 'standing',
    basis: { conditions: [2], text: '跨部门' },
    reason: '需要',
    leaders: [{ title: '市长', rank: 'bureau' }],
    deputies: [],
    members: [],
    memberUnits: ['市财政局'],
    tasks: '统筹',
    duties: '协调',
    hostDepartment: '市政府办公室',
  };
}

function adjusted(eventId: string, bodyId: string, effectiveDate: string, position: number): ChangeRecord {
  return { type: 'adjusted', eventId, bodyId, effectiveDate, documentNo: '文号', recordedAt: T1, position, name: '甲', fields: ['memberUnits'] };
}

/** A row with one adjustment's change line. */
const changeRow = (eventId: string, bodyId: string, effectiveDate: string, position: number) =>
  row(bodyId, effectiveDate, position, { changes: [adjusted(eventId, bodyId, effectiveDate, position)] });

const open = <D extends ViewDocument>(doc: D, at: string): Recorded<D> => ({ ...doc, recordedFrom: at, recordedTo: null }) as Recorded<D>;

/** A stored document as the insert that writes it. */
export function insertOf({ recordedFrom, recordedTo, ...document }: Recorded): DocumentInsert {
  return { document: document as ViewDocument, recordedFrom, recordedTo };
}

function batch(basedOn: number, position: number, at: string, inserts: Recorded[], closures: ReadModelBatch['closures'] = []): ReadModelBatch {
  return { basedOn, closures, inserts: inserts.map(insertOf), checkpoint: { position, transactionTime: at } };
}

export function readStoreContract(adapterName: string, makeStore: () => Promise<ReadStore>): void {
  describe(`ReadStore contract: ${adapterName}`, () => {
    let store: ReadStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty, at checkpoint 0', async () => {
      expect(await store.isEmpty()).toBe(true);
      expect(await store.checkpoint()).toEqual({ position: 0, transactionTime: null });
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T1 })).toEqual([]);
      await store.ping();
    });

    it('answers "valid on D" with validFrom inclusive and validTo (the next list line of the body) exclusive, and "known at K" likewise', async () => {
      await store.apply(batch(0, 5, T1, [open(row('a', '2020-01-01', 1, { entry: '甲' }), T1), open(row('a', '2021-01-01', 3, { entry: null }), T1), open(row('b', '2020-06-01', 2, { entry: '乙' }), T1)]));
      const ids = async (date: string, knownAt: string) => (await store.registryEntries(J, { date, knownAt })).map((d) => d.bodyId).sort();
      expect(await ids('2019-12-31', T2)).toEqual([]);
      expect(await ids('2020-01-01', T2)).toEqual(['a']);
      expect(await ids('2020-12-31', T2)).toEqual(['a', 'b']);
      expect(await ids('2021-01-01', T2)).toEqual(['b']);
      expect(await ids('2020-12-31', '2023-12-31T23:59:59.999Z')).toEqual([]);
      expect(await ids('2020-12-31', T1)).toEqual(['a', 'b']);
      expect(await store.registryEntries('370783', { date: '2020-12-31', knownAt: T2 })).toEqual([]);
      expect(await store.isEmpty()).toBe(false);
      expect(await store.checkpoint()).toEqual({ position: 5, transactionTime: T1 });
    });

    it('gives a line back as it was written, from the last row with a list line by D (rows without one leave it as it is)', async () => {
      await store.apply(batch(0, 3, T1, [open(row('a', '2020-01-01', 1, { entry: '甲' }), T1), open(changeRow('e2', 'a', '2020-02-01', 2), T1)]));
      expect(await store.registryEntries(J, { date: '2020-03-01', knownAt: T1 })).toEqual([
        { jurisdiction: J, bodyId: 'a', validFrom: '2020-01-01', validTo: null, position: 1, entry: line('a', '甲'), recordedFrom: T1, recordedTo: null },
      ]);
    });

    it('orders a body\'s rows of one date by log position', async () => {
      await store.apply(batch(0, 9, T1, [open(row('a', '2020-01-01', 9, { entry: '乙' }), T1), open(row('a', '2020-01-01', 4, { entry: '甲' }), T1)]));
      expect((await store.registryEntries(J, { date: '2020-01-01', knownAt: T1 })).map((d) => d.entry.name)).toEqual(['乙']);
      const between = await store.registryEntriesBetween(J, { from: '2019-01-01', to: '2020-12-31', knownAt: T1 });
      expect(between.map((d) => [d.entry.name, d.validTo])).toEqual([['乙', null]]);
    });

    it('closes a believed row: believed before its recordedTo, not from it', async () => {
      const renamed = row('a', '2020-06-01', 2, { entry: '乙' });
      await store.apply(batch(0, 1, T1, [open(row('a', '2020-01-01', 1, { entry: '甲' }), T1)]));
      await store.apply(batch(1, 2, T2, [open(renamed, T2)]));
      await store.apply(batch(2, 3, T3, [open(row('a', '2020-06-01', 2, { entry: '丙' }), T3)], [{ document: renamed, recordedTo: T3 }]));
      const names = async (date: string, knownAt: string) => (await store.registryEntries(J, { date, knownAt })).map((d) => d.entry.name);
      expect(await names('2020-07-01', T1)).toEqual(['甲']);
      expect(await names('2020-07-01', T2)).toEqual(['乙']);
      expect(await names('2020-05-31', T2)).toEqual(['甲']);
      expect(await names('2020-07-01', T3)).toEqual(['丙']);
      const [closed] = await store.registryEntries(J, { date: '2020-07-01', knownAt: T2 });
      expect(closed.recordedTo).toBe(T3);
    });

    it('inserts documents that arrive closed (opened and closed within one batch)', async () => {
      await store.apply(batch(0, 2, T2, [{ ...row('a', '2020-01-01', 1, { entry: '甲' }), recordedFrom: T1, recordedTo: T2 }]));
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T1 })).toHaveLength(1);
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T2 })).toHaveLength(0);
    });

    it('refuses a batch projected on another checkpoint, and writes nothing of it', async () => {
      await store.apply(batch(0, 3, T1, [open(row('a', '2020-01-01', 1, { entry: '甲' }), T1)]));
      await expect(store.apply(batch(0, 4, T2, [open(row('b', '2020-01-01', 4, { entry: '乙' }), T2)]))).rejects.toBeInstanceOf(CheckpointConflictError);
      await expect(store.apply(batch(2, 4, T2, [open(row('b', '2020-01-01', 4, { entry: '乙' }), T2)]))).rejects.toBeInstanceOf(CheckpointConflictError);
      expect(await store.checkpoint()).toEqual({ position: 3, transactionTime: T1 });
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).toHaveLength(1);
    });

    it('applies a batch all or nothing: a closure of no believed document fails the whole batch', async () => {
      await store.apply(batch(0, 1, T1, [open(row('a', '2020-01-01', 1, { entry: '甲' }), T1)]));
      await expect(
        store.apply(batch(1, 2, T2, [open(row('b', '2020-01-01', 2, { entry: '乙' }), T2)], [{ document: row('zz', '2020-01-01', 1), recordedTo: T2 }])),
      ).rejects.toThrow();
      expect(await store.checkpoint()).toEqual({ position: 1, transactionTime: T1 });
      expect((await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).map((d) => d.bodyId)).toEqual(['a']);
    });

    it('answers the stretches of registry lines overlapping a range of days, each ending at the next list line of its body', async () => {
      await store.apply(
        batch(0, 6, T1, [
          open(row('a', '2020-01-01', 1, { entry: '甲' }), T1),
          open(row('a', '2020-03-01', 4, { entry: null }), T1),
          open(row('b', '2020-03-01', 2, { entry: '乙' }), T1),
          open(row('b', '2020-03-01', 5, { entry: '乙二' }), T1),
          open(row('c', '2021-01-01', 3, { entry: '丙' }), T1),
          open(row('c', '2021-06-01', 6, { entry: '丙二' }), T1),
        ]),
      );
      const stretches = async (from: string, to: string) =>
        (await store.registryEntriesBetween(J, { from, to, knownAt: T1 })).map((d) => [d.bodyId, d.validFrom, d.validTo, d.entry.name]).sort();
      expect(await stretches('2020-02-01', '2020-02-29')).toEqual([['a', '2020-01-01', null, '甲']]);
      // b's first line lasted no day: not a stretch
      expect(await stretches('2020-02-01', '2020-03-01')).toEqual([['a', '2020-01-01', '2020-03-01', '甲'], ['b', '2020-03-01', null, '乙二']]);
      expect(await stretches('2020-03-01', '2020-12-31')).toEqual([['b', '2020-03-01', null, '乙二']]);
      expect(await stretches('2021-01-01', '2021-12-31')).toEqual([['b', '2020-03-01', null, '乙二'], ['c', '2021-01-01', '2021-06-01', '丙'], ['c', '2021-06-01', null, '丙二']]);
      expect(await stretches('2019-01-01', '2019-12-31')).toEqual([]);
      const series = async (from: string, to: string) =>
        (await store.seriesStretchesBetween(J, { from, to, knownAt: T1 })).map((d) => [d.bodyId, d.validFrom, d.validTo, d.entry]).sort();
      expect(await series('2020-02-01', '2020-03-01')).toEqual([['a', '2020-01-01', '2020-03-01', { series: 'party' }], ['b', '2020-03-01', null, { series: 'party' }]]);
      expect(await series('2021-01-01', '2021-12-31')).toEqual([['b', '2020-03-01', null, { series: 'party' }], ['c', '2021-01-01', '2021-06-01', { series: 'party' }], ['c', '2021-06-01', null, { series: 'party' }]]);
    });

    it('answers the rows a body\'s state folds up to the date, as known then, in (validFrom, position) order', async () => {
      const v1 = row('a', '2020-01-01', 1, { changed: state('a', '甲'), entry: '甲' });
      const v2 = row('a', '2020-06-01', 3, { changed: { name: '乙' } });
      const v2fixed = row('a', '2020-06-01', 3, { changed: { name: '乙（更正）', aliases: ['乙'] } });
      const sameDay = row('a', '2020-06-01', 2, { changed: { tasks: '统筹协调' } });
      const report = row('a', '2020-03-01', 4, { report: { year: 2019, filedOn: '2020-03-01', meetingsHeld: 2 } });
      const onlyLine = changeRow('e5', 'a', '2020-02-01', 5);
      await store.apply(batch(0, 5, T1, [open(v2, T1), open(v1, T1), open(report, T1), open(sameDay, T1), open(onlyLine, T1)]));
      await store.apply(batch(5, 6, T2, [open(v2fixed, T2)], [{ document: v2, recordedTo: T2 }]));
      const keys = async (date: string, knownAt: string) =>
        (await store.bodyStateRows('a', { date, knownAt })).map((v) => v.changed?.name ?? v.changed?.tasks ?? `report ${v.report?.year}`);
      expect(await keys('2019-12-31', T2)).toEqual([]);
      expect(await keys('2020-05-31', T2)).toEqual(['甲', 'report 2019']);
      expect(await keys('2020-06-01', T1)).toEqual(['甲', 'report 2019', '统筹协调', '乙']);
      expect(await keys('2020-06-01', T2)).toEqual(['甲', 'report 2019', '统筹协调', '乙（更正）']);
      expect(await store.bodyStateRows('b', { date: '2020-06-01', knownAt: T2 })).toEqual([]);
      const all = await store.bodyStateRows('a', { date: '2030-01-01', knownAt: T2 });
      expect(all[1]).toEqual({ validFrom: '2020-03-01', position: 4, report: { year: 2019, filedOn: '2020-03-01', meetingsHeld: 2 }, recordedFrom: T1, recordedTo: null });
      expect(all[3]).toEqual({ validFrom: '2020-06-01', position: 3, changed: { name: '乙（更正）', aliases: ['乙'] }, recordedFrom: T2, recordedTo: null });
    });

    it('answers change lines within [from, to] by (effectiveDate, position, body), whole, closures included', async () => {
      const c1 = changeRow('e1', 'a', '2020-01-01', 1);
      const merger: ChangeRecord[] = [
        { type: 'merged', eventId: 'm', bodyId: 'c', effectiveDate: '2020-02-01', documentNo: '文号', recordedAt: T1, position: 2, name: '丙', role: 'target', mergerId: 'm1', mergerReason: 1, sourceBodyIds: ['b'], targetBodyId: 'c', newTarget: true },
        { type: 'established', eventId: 'm', bodyId: 'c', effectiveDate: '2020-02-01', documentNo: '文号', recordedAt: T1, position: 2, name: '丙', kind: '领导小组', series: 'party', duration: 'standing', origin: 'merger', mergerId: 'm1' },
      ];
      await store.apply(
        batch(0, 3, T1, [
          open(row('c', '2020-02-01', 2, { changes: merger }), T1),
          open(changeRow('e3', 'b', '2020-02-01', 2), T1),
          open(c1, T1),
          open(changeRow('e2', 'a', '2020-12-31', 3), T1),
          open(row('a', '2020-06-01', 4, { report: { year: 2019, filedOn: '2020-06-01', meetingsHeld: 1 } }), T1),
        ]),
      );
      const moved = row('a', '2020-01-02', 1, { changes: [{ ...adjusted('e1', 'a', '2020-01-02', 1), documentNo: undefined as unknown as string }] });
      await store.apply(batch(3, 4, T2, [open(moved, T2)], [{ document: c1, recordedTo: T2 }]));
      const ids = async (from: string, to: string, knownAt = T2) => (await store.changes(J, { from, to, knownAt })).map((d) => `${d.eventId}:${d.bodyId}:${d.type}`);
      expect(await ids('2020-01-01', '2020-12-31', T1)).toEqual(['e1:a:adjusted', 'e3:b:adjusted', 'm:c:merged', 'm:c:established', 'e2:a:adjusted']);
      expect(await ids('2020-01-01', '2020-01-01')).toEqual([]);
      expect(await ids('2020-01-02', '2020-12-30')).toEqual(['e1:a:adjusted', 'e3:b:adjusted', 'm:c:merged', 'm:c:established']);
      const [first] = await store.changes(J, { from: '2020-01-02', to: '2020-01-02', knownAt: T2 });
      const { documentNo: _missing, ...withoutDocumentNo } = adjusted('e1', 'a', '2020-01-02', 1);
      expect(first).toEqual(withoutDocumentNo);
      expect((await store.changes(J, { from: '2020-02-01', to: '2020-02-01', knownAt: T2 })).slice(1)).toEqual(merger);
    });

    it('answers quota baselines in force on some day of a range, by validFrom', async () => {
      const b = (validFrom: string, validTo: string | null, total: number) => ({
        collection: 'quota_baselines' as const,
        key: `${J}@${validFrom}`,
        jurisdiction: J,
        validFrom,
        validTo,
        baseline: { total, series: 'party' as const, documentNo: '潍政办字〔2020〕37号', effectiveDate: validFrom, eventId: `q${total}` },
      });
      await store.apply(batch(0, 1, T1, [open(b('2021-01-01', null, 60), T1), open(b('2020-03-31', '2021-01-01', 66), T1)]));
      const totals = async (from: string, to: string) => (await store.quotaBaselines(J, { from, to, knownAt: T1 })).map((d) => d.baseline.total);
      expect(await totals('2020-01-01', '2020-03-30')).toEqual([]);
      expect(await totals('2020-01-01', '2021-01-01')).toEqual([66, 60]);
      expect(await totals('2021-01-01', '2021-12-31')).toEqual([60]);
      expect((await store.quotaBaselines(J, { from: '2021-01-01', to: '2021-01-01', knownAt: T1 }))[0]).toEqual(open(b('2021-01-01', null, 60), T1));
    });

    it('builds beside the live views and switches readers over in one step', async () => {
      await store.apply(batch(0, 1, T1, [open(row('old', '2020-01-01', 1, { entry: '旧' }), T1)]));
      const build = await store.beginRebuild();
      expect(await build.checkpoint()).toEqual({ position: 0, transactionTime: null });
      await build.apply(batch(0, 7, T2, [open(row('new', '2020-01-01', 2, { entry: '新' }), T2)]));
      const ids = async () => (await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).map((d) => d.bodyId);
      expect(await ids()).toEqual(['old']);
      expect((await store.checkpoint()).position).toBe(1);
      await build.complete();
      expect(await ids()).toEqual(['new']);
      expect(await store.checkpoint()).toEqual({ position: 7, transactionTime: T2 });
      await store.apply(batch(7, 8, T3, [open(row('next', '2020-01-01', 8, { entry: '后' }), T3)]));
      expect((await ids()).sort()).toEqual(['new', 'next']);
    });

    it('drops an abandoned build and keeps the live views', async () => {
      await store.apply(batch(0, 1, T1, [open(row('old', '2020-01-01', 1, { entry: '旧' }), T1)]));
      const build = await store.beginRebuild();
      await build.apply(batch(0, 7, T2, [open(row('new', '2020-01-01', 2, { entry: '新' }), T2)]));
      await build.abandon();
      await expect(build.apply(batch(7, 8, T2, []))).rejects.toThrow();
      expect((await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).map((d) => d.bodyId)).toEqual(['old']);
    });

    it('resets to empty views', async () => {
      await store.apply(batch(0, 1, T1, [open(row('old', '2020-01-01', 1, { entry: '旧' }), T1)]));
      await store.reset();
      expect(await store.isEmpty()).toBe(true);
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).toEqual([]);
    });

    it('answers like a replay of the log, for projected random histories', async () => {
      const histories = fc.sample(historyArbitrary(40), { numRuns: 6, seed: 20200331 });
      for (const steps of histories) {
        await store.reset();
        const { events } = historyFromSteps(steps);
        const { queries } = await projectInMemory(events, { store, batchSize: 7 });
        const knownAts = [events[Math.floor(events.length / 2)].recordedAt, '2099-01-01T00:00:00.000Z'];
        for (const knownAt of knownAts) {
          for (const date of ['2020-01-01', '2020-06-30', '2020-12-31', '2021-06-30']) {
            for (const jurisdiction of JURISDICTIONS) {
              expect(await queries.registry(jurisdiction, date, knownAt)).toEqual(registryByReplay(events, jurisdiction, date, knownAt));
            }
          }
        }
      }
    });
  });
}
