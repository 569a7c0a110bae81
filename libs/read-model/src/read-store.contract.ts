/**
 * The contract every ReadStore adapter keeps. Each adapter's spec calls `readStoreContract`
 * with a factory for a fresh, empty store.
 */
import fc from 'fast-check';
import type { BodyVersionState, ChangeDocument, Recorded, RegistryEntryDocument, ViewDocument } from './read-documents.js';
import { CheckpointConflictError, type DocumentInsert, type ReadModelBatch, type ReadStore } from './read-store.port.js';
import { registryByReplay } from './replay/registry-by-replay.js';
import { historyArbitrary, historyFromSteps, JURISDICTIONS } from './testing/history-arbitrary.js';
import { projectInMemory } from './testing/project-in-memory.js';

const T1 = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';
const T3 = '2024-03-01T00:00:00.000Z';
const J = '370700';

function entry(bodyId: string, validFrom: string, validTo: string | null, name = `${bodyId}领导小组`): RegistryEntryDocument {
  return {
    collection: 'registry_entries',
    key: `${bodyId}@${validFrom}`,
    jurisdiction: J,
    bodyId,
    validFrom,
    validTo,
    entry: { id: bodyId, name, aliases: ['别名'], kind: '领导小组', series: 'party', duration: 'temporary', establishedOn: '2020-01-01', hostDepartment: '市委办公室', termEnd: '2025-12-31' },
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

function change(key: string, effectiveDate: string, position: number): ChangeDocument {
  return {
    collection: 'changes',
    key,
    jurisdiction: J,
    bodyId: 'a',
    effectiveDate,
    change: { type: 'adjusted', eventId: key, bodyId: 'a', effectiveDate, documentNo: '文号', recordedAt: T1, position, name: '甲', fields: ['memberUnits'] },
  };
}

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

    it('answers "valid on D" with validFrom inclusive and validTo exclusive, and "known at K" likewise', async () => {
      await store.apply(batch(0, 5, T1, [open(entry('a', '2020-01-01', '2021-01-01'), T1), open(entry('b', '2020-06-01', null), T1)]));
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

    it('gives documents back as they were written', async () => {
      const doc = open(entry('a', '2020-01-01', null), T1);
      await store.apply(batch(0, 1, T1, [doc]));
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T1 })).toEqual([doc]);
    });

    it('closes a believed document: believed before its recordedTo, not from it', async () => {
      const first = entry('a', '2020-01-01', null, '甲');
      await store.apply(batch(0, 1, T1, [open(first, T1)]));
      await store.apply(batch(1, 2, T2, [open(entry('a', '2020-01-01', '2020-06-01', '甲'), T2), open(entry('a', '2020-06-01', null, '乙'), T2)], [{ document: first, recordedTo: T2 }]));
      const names = async (date: string, knownAt: string) => (await store.registryEntries(J, { date, knownAt })).map((d) => d.entry.name);
      expect(await names('2020-07-01', T1)).toEqual(['甲']);
      expect(await names('2020-07-01', T2)).toEqual(['乙']);
      expect(await names('2020-05-31', T2)).toEqual(['甲']);
      const [closed] = (await store.registryEntries(J, { date: '2020-07-01', knownAt: T1 }));
      expect(closed.recordedTo).toBe(T2);
    });

    it('inserts documents that arrive closed (opened and closed within one batch)', async () => {
      await store.apply(batch(0, 2, T2, [{ ...entry('a', '2020-01-01', null), recordedFrom: T1, recordedTo: T2 }]));
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T1 })).toHaveLength(1);
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T2 })).toHaveLength(0);
    });

    it('refuses a batch projected on another checkpoint, and writes nothing of it', async () => {
      await store.apply(batch(0, 3, T1, [open(entry('a', '2020-01-01', null), T1)]));
      await expect(store.apply(batch(0, 4, T2, [open(entry('b', '2020-01-01', null), T2)]))).rejects.toBeInstanceOf(CheckpointConflictError);
      await expect(store.apply(batch(2, 4, T2, [open(entry('b', '2020-01-01', null), T2)]))).rejects.toBeInstanceOf(CheckpointConflictError);
      expect(await store.checkpoint()).toEqual({ position: 3, transactionTime: T1 });
      expect(await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).toHaveLength(1);
    });

    it('applies a batch all or nothing: a closure of no believed document fails the whole batch', async () => {
      await store.apply(batch(0, 1, T1, [open(entry('a', '2020-01-01', null), T1)]));
      await expect(
        store.apply(batch(1, 2, T2, [open(entry('b', '2020-01-01', null), T2)], [{ document: entry('zz', '2020-01-01', null), recordedTo: T2 }])),
      ).rejects.toThrow();
      expect(await store.checkpoint()).toEqual({ position: 1, transactionTime: T1 });
      expect((await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).map((d) => d.bodyId)).toEqual(['a']);
    });

    it('answers registry entries overlapping a range of days', async () => {
      await store.apply(batch(0, 1, T1, [open(entry('a', '2020-01-01', '2020-03-01'), T1), open(entry('b', '2020-03-01', null), T1), open(entry('c', '2021-01-01', null), T1)]));
      const ids = async (from: string, to: string) => (await store.registryEntriesBetween(J, { from, to, knownAt: T1 })).map((d) => d.bodyId).sort();
      expect(await ids('2020-02-01', '2020-02-29')).toEqual(['a']);
      expect(await ids('2020-02-01', '2020-03-01')).toEqual(['a', 'b']);
      expect(await ids('2020-03-01', '2020-12-31')).toEqual(['b']);
      expect(await ids('2019-01-01', '2019-12-31')).toEqual([]);
    });

    it('answers the body versions up to the date, as known then, in validFrom order', async () => {
      const v1 = { collection: 'body_versions' as const, key: 'a@2020-01-01', jurisdiction: J, bodyId: 'a', validFrom: '2020-01-01', changed: state('a', '甲') };
      const v2 = { ...v1, key: 'a@2020-06-01', validFrom: '2020-06-01', changed: { name: '乙' } };
      const v2fixed = { ...v2, changed: { name: '乙（更正）', aliases: ['乙'] } };
      await store.apply(batch(0, 1, T1, [open(v2, T1), open(v1, T1)]));
      await store.apply(batch(1, 2, T2, [open(v2fixed, T2)], [{ document: v2, recordedTo: T2 }]));
      const names = async (date: string, knownAt: string) => (await store.bodyVersions('a', { date, knownAt })).map((v) => v.changed.name);
      expect(await names('2019-12-31', T2)).toEqual([]);
      expect(await names('2020-05-31', T2)).toEqual(['甲']);
      expect(await names('2020-06-01', T1)).toEqual(['甲', '乙']);
      expect(await names('2020-06-01', T2)).toEqual(['甲', '乙（更正）']);
      expect(await store.bodyVersions('b', { date: '2020-06-01', knownAt: T2 })).toEqual([]);
      expect(await store.bodyVersions('a', { date: '2030-01-01', knownAt: T2 })).toEqual([open(v1, T1), open(v2fixed, T2)]);
    });

    it('answers annual reports up to the date in (validFrom, position) order', async () => {
      const report = (key: string, validFrom: string, position: number, year: number) => ({
        collection: 'annual_reports' as const,
        key,
        jurisdiction: J,
        bodyId: 'a',
        validFrom,
        position,
        report: { year, filedOn: validFrom, meetingsHeld: 1 },
      });
      await store.apply(batch(0, 9, T1, [open(report('r3', '2021-03-01', 9, 2020), T1), open(report('r1', '2020-03-01', 7, 2019), T1), open(report('r2', '2020-03-01', 5, 2019), T1)]));
      const keys = async (date: string) => (await store.annualReports('a', { date, knownAt: T1 })).map((d) => d.key);
      expect(await keys('2020-12-31')).toEqual(['r2', 'r1']);
      expect(await keys('2021-03-01')).toEqual(['r2', 'r1', 'r3']);
      expect((await store.annualReports('a', { date: '2021-03-01', knownAt: T1 }))[2]).toEqual(open(report('r3', '2021-03-01', 9, 2020), T1));
    });

    it('answers change lines within [from, to] by (effectiveDate, position), closures included', async () => {
      const c1 = change('e1', '2020-01-01', 1);
      await store.apply(batch(0, 3, T1, [open(change('e3', '2020-02-01', 2), T1), open(c1, T1), open(change('e2', '2020-12-31', 3), T1)]));
      await store.apply(batch(3, 4, T2, [open({ ...c1, effectiveDate: '2020-01-02', change: { ...c1.change, effectiveDate: '2020-01-02' } }, T2)], [{ document: c1, recordedTo: T2 }]));
      const keys = async (from: string, to: string, knownAt = T2) => (await store.changes(J, { from, to, knownAt })).map((d) => d.key);
      expect(await keys('2020-01-01', '2020-12-31', T1)).toEqual(['e1', 'e3', 'e2']);
      expect(await keys('2020-01-01', '2020-01-01')).toEqual([]);
      expect(await keys('2020-01-02', '2020-12-30')).toEqual(['e1', 'e3']);
      const [line] = await store.changes(J, { from: '2020-01-02', to: '2020-01-02', knownAt: T2 });
      expect(line.change).toEqual({ ...c1.change, effectiveDate: '2020-01-02' });
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
      await store.apply(batch(0, 1, T1, [open(entry('old', '2020-01-01', null), T1)]));
      const build = await store.beginRebuild();
      expect(await build.checkpoint()).toEqual({ position: 0, transactionTime: null });
      await build.apply(batch(0, 7, T2, [open(entry('new', '2020-01-01', null), T2)]));
      const ids = async () => (await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).map((d) => d.bodyId);
      expect(await ids()).toEqual(['old']);
      expect((await store.checkpoint()).position).toBe(1);
      await build.complete();
      expect(await ids()).toEqual(['new']);
      expect(await store.checkpoint()).toEqual({ position: 7, transactionTime: T2 });
      await store.apply(batch(7, 8, T3, [open(entry('next', '2020-01-01', null), T3)]));
      expect((await ids()).sort()).toEqual(['new', 'next']);
    });

    it('drops an abandoned build and keeps the live views', async () => {
      await store.apply(batch(0, 1, T1, [open(entry('old', '2020-01-01', null), T1)]));
      const build = await store.beginRebuild();
      await build.apply(batch(0, 7, T2, [open(entry('new', '2020-01-01', null), T2)]));
      await build.abandon();
      await expect(build.apply(batch(7, 8, T2, []))).rejects.toThrow();
      expect((await store.registryEntries(J, { date: '2020-01-01', knownAt: T3 })).map((d) => d.bodyId)).toEqual(['old']);
    });

    it('resets to empty views', async () => {
      await store.apply(batch(0, 1, T1, [open(entry('old', '2020-01-01', null), T1)]));
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
