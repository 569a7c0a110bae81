/**
 * The Projector against the embedded stores: it follows the log, writes documents with the
 * checkpoint, resumes after a crash, rebuilds beside the live views, and answers what a
 * replay of the log answers.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SqliteEventStore, type EventStore } from '#event-store';
import { RegistryQueries } from '../queries/registry.queries.js';
import { registryByReplay } from '../replay/registry-by-replay.js';
import { SqliteReadStore } from '../sqlite/sqlite-read-store.js';
import { LogAppender } from '../testing/append-log.js';
import { historyArbitrary, historyFromSteps, JURISDICTIONS } from '../testing/history-arbitrary.js';
import { RegistryLog } from '../testing/registry-log.js';
import { Projector, type RebuildProgress } from './projector.js';

const root = mkdtempSync(join(tmpdir(), 'registry-projector-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const J = '370700';
const longest = <T extends { events: unknown[] }>(histories: T[]) => histories.reduce((a, b) => (b.events.length > a.events.length ? b : a));

function stores() {
  const dataDir = join(root, `data-${++n}`);
  const eventStore = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  const readStore = SqliteReadStore.inDataDir(dataDir);
  return { dataDir, eventStore, readStore, queries: new RegistryQueries(readStore) };
}

async function expectReplayAnswers(eventStore: EventStore, queries: RegistryQueries, dates = ['2019-06-01', '2020-01-01', '2020-06-30', '2021-01-01', '2022-01-01']) {
  const events = await eventStore.readAll();
  const instants = [...new Set(events.map((e) => e.recordedAt))];
  for (const knownAt of [instants[Math.floor(instants.length / 3)], instants[Math.floor((2 * instants.length) / 3)], '2099-01-01T00:00:00.000Z']) {
    for (const date of dates) {
      for (const jurisdiction of JURISDICTIONS) {
        expect(await queries.registry(jurisdiction, date, knownAt)).toEqual(registryByReplay(events, jurisdiction, date, knownAt));
      }
    }
  }
}

describe('Projector', () => {
  it('catches up from the stored checkpoint when started, then follows new events; waitForPosition gives read-your-own-write', async () => {
    const { eventStore, readStore, queries } = stores();
    const log = new RegistryLog();
    const appender = new LogAppender(eventStore);
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    await appender.append(log.events);
    const projector = new Projector({ eventStore, readStore, batchMs: 10_000 });
    await projector.start();
    expect(projector.position).toBe(1);
    expect((await queries.registry(J, '2020-01-01')).total).toBe(1);

    const renamed = log.rename('a', '2020-06-01', '甲委员会');
    const position = await appender.append([renamed]);
    expect(await projector.waitForPosition(position, 2000)).toBe(true);
    expect((await queries.registry(J, '2020-06-01')).bodies[0].name).toBe('甲委员会');
    expect(await readStore.checkpoint()).toEqual({ position, transactionTime: renamed.recordedAt });
    expect(await projector.waitForPosition(position + 10, 50)).toBe(false);
    await projector.stop();
    await eventStore.close();
    await readStore.close();
  });

  it('loses nothing when it stops before writing: the next start resumes from the lagging checkpoint', async () => {
    const { dataDir, eventStore, readStore } = stores();
    const log = new RegistryLog();
    const appender = new LogAppender(eventStore);
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    log.establish('b', '2020-01-01', { name: '乙领导小组' });
    log.adjust('b', '2020-06-01', { memberUnits: ['市财政局'] });
    await appender.append(log.events);
    // left running without stop() at the end, as a crashed process would be: its errors are not ours
    const crashing = new Projector({ eventStore, readStore, batchMs: 60_000, batchSize: 1_000_000, onError: () => undefined });
    await crashing.start();
    expect(crashing.position).toBe(3);
    // it applies what follows, and dies before writing it: the batch never reaches the store
    log.abolish('a', '2020-03-01');
    log.rename('b', '2020-02-01', '乙委员会');
    await appender.append(log.events.slice(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(crashing.position).toBe(3);
    await readStore.close();

    const reopened = SqliteReadStore.inDataDir(dataDir);
    expect((await reopened.checkpoint()).position).toBe(3);
    const next = new Projector({ eventStore, readStore: reopened });
    await next.start();
    expect(next.position).toBe(5);
    const queries = new RegistryQueries(reopened);
    expect((await queries.registry(J, '2020-03-01')).bodies.map((b) => b.name)).toEqual(['乙委员会']);
    await expectReplayAnswers(eventStore, queries);
    await next.stop();
    await eventStore.close();
    await reopened.close();
  });

  it('rebuilds into fresh tables, switches over at the end and reports progress', async () => {
    const { eventStore, readStore, queries } = stores();
    const { events } = longest(fc.sample(historyArbitrary(120), { numRuns: 20, seed: 7 }).map(historyFromSteps));
    await new LogAppender(eventStore).append(events);
    const projector = new Projector({ eventStore, readStore, rebuildBatchSize: 10, rebuildPageSize: 25 });
    expect(await projector.catchUpFromScratchIfEmpty()).toBe(true);
    await expectReplayAnswers(eventStore, queries);
    const before = await readStore.checkpoint();
    const progress: RebuildProgress[] = [];
    const result = await projector.rebuild((p) => progress.push(p));
    expect(result.events).toBe(events.length);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress[progress.length - 1].position).toBe(before.position);
    expect(await readStore.checkpoint()).toEqual(before);
    expect(await projector.catchUpFromScratchIfEmpty()).toBe(false);
    await expectReplayAnswers(eventStore, queries);
    await eventStore.close();
    await readStore.close();
  });

  it('takes views of the previous format (1) for none: refuses to read them with a message to rebuild, and rebuilds them when started', async () => {
    const dataDir = join(root, `data-${++n}`);
    mkdirSync(dataDir, { recursive: true });
    // A data folder as the previous version left it: `live` names a view-set file of format 1
    // (its tables, its user_version 0, a checkpoint of 5 and one registry entry).
    const old = new Database(join(dataDir, 'read-models.format1.sqlite'));
    old.pragma('journal_mode = WAL');
    old.exec(`
      CREATE TABLE checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, transaction_time TEXT);
      INSERT INTO checkpoint VALUES (1, 5, '2024-01-01T00:00:00.000Z');
      CREATE TABLE registry_entries (jurisdiction TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT, body_id TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, entry TEXT NOT NULL);
      INSERT INTO registry_entries VALUES ('370700', '2020-01-01', NULL, 'old', '2024-01-01T00:00:00.000Z', NULL, '{"id":"old","name":"旧"}');
      CREATE TABLE body_versions (body_id TEXT NOT NULL, valid_from TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, jurisdiction TEXT NOT NULL, changed TEXT NOT NULL);
      CREATE TABLE annual_reports (body_id TEXT NOT NULL, valid_from TEXT NOT NULL, position INTEGER NOT NULL, event_id TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, jurisdiction TEXT NOT NULL, report TEXT NOT NULL);
      CREATE TABLE changes (jurisdiction TEXT NOT NULL, effective_date TEXT NOT NULL, position INTEGER NOT NULL, change_key TEXT NOT NULL, body_id TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, change TEXT NOT NULL);
      CREATE TABLE quota_baselines (jurisdiction TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT, recorded_from TEXT NOT NULL, recorded_to TEXT, baseline TEXT NOT NULL);
    `);
    old.close();
    const meta = new Database(join(dataDir, 'read-models.sqlite'));
    meta.pragma('journal_mode = WAL');
    meta.exec(`CREATE TABLE read_model_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL); INSERT INTO read_model_meta VALUES ('live', 'format1');`);
    meta.close();

    const eventStore = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const log = new RegistryLog();
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    log.rename('a', '2021-01-01', '甲委员会');
    await new LogAppender(eventStore).append(log.events);
    const readStore = SqliteReadStore.inDataDir(dataDir);
    const queries = new RegistryQueries(readStore);
    expect(await readStore.isEmpty()).toBe(true);
    expect(await readStore.checkpoint()).toEqual({ position: 0, transactionTime: null });
    await expect(queries.registry(J, '2021-06-01')).rejects.toThrow(/格式为 1.*npm run cli -- rebuild/);
    await expect(readStore.apply({ basedOn: 0, closures: [], inserts: [], checkpoint: { position: 1, transactionTime: null } })).rejects.toThrow(/npm run cli -- rebuild/);

    // what the server does at start
    const projector = new Projector({ eventStore, readStore });
    expect(await projector.catchUpFromScratchIfEmpty()).toBe(true);
    expect((await queries.registry(J, '2021-06-01')).bodies.map((b) => b.name)).toEqual(['甲委员会']);
    expect(existsSync(join(dataDir, 'read-models.format1.sqlite'))).toBe(false);
    await expectReplayAnswers(eventStore, queries);
    await eventStore.close();
    await readStore.close();
  });

  it('stops a rebuild at the first failed write while later batches are queued, and keeps the live views', async () => {
    const { eventStore, readStore, queries } = stores();
    const { events } = longest(fc.sample(historyArbitrary(80), { numRuns: 10, seed: 11 }).map(historyFromSteps));
    await new LogAppender(eventStore).append(events);
    const projector = new Projector({ eventStore, readStore, rebuildBatchSize: 5, rebuildPageSize: 20 });
    await projector.catchUpFromScratchIfEmpty();
    const before = await readStore.checkpoint();
    const beginRebuild = readStore.beginRebuild.bind(readStore);
    let applied = 0;
    let abandoned = false;
    readStore.beginRebuild = async () => {
      const build = await beginRebuild();
      return {
        ...build,
        writesInFlight: 3,
        apply: async (batch) => {
          // the second batch fails late, after the third was handed over
          if (++applied === 2) return new Promise<void>((_, reject) => setTimeout(() => reject(new Error('磁盘已满')), 20));
          return build.apply(batch);
        },
        abandon: async () => {
          abandoned = true;
          await build.abandon();
        },
      };
    };
    await expect(projector.rebuild()).rejects.toThrow('磁盘已满');
    expect(applied).toBeGreaterThanOrEqual(3);
    expect(abandoned).toBe(true);
    expect(await readStore.checkpoint()).toEqual(before);
    await expectReplayAnswers(eventStore, queries);
    await eventStore.close();
    await readStore.close();
  });

  it('keeps following after a rebuild, when it was following before', async () => {
    const { eventStore, readStore, queries } = stores();
    const log = new RegistryLog();
    const appender = new LogAppender(eventStore);
    log.establish('a', '2020-01-01', { name: '甲领导小组' });
    await appender.append(log.events);
    const projector = new Projector({ eventStore, readStore });
    await projector.start();
    await projector.rebuild();
    expect(projector.isFollowing).toBe(true);
    const position = await appender.append([log.establish('b', '2020-01-01', { name: '乙领导小组' })]);
    expect(await projector.waitForPosition(position, 2000)).toBe(true);
    expect((await queries.registry(J, '2020-01-01')).total).toBe(2);
    await projector.stop();
    await eventStore.close();
    await readStore.close();
  });

  it('answers like a replay of the log when events arrive late and corrected while it follows, across restarts', async () => {
    const { eventStore, readStore, queries } = stores();
    const { events } = longest(fc.sample(historyArbitrary(150), { numRuns: 20, seed: 42 }).map(historyFromSteps));
    expect(events.length).toBeGreaterThan(60);
    expect(events.filter((e) => e.type === 'EventCorrected').length).toBeGreaterThan(5);
    const appender = new LogAppender(eventStore);
    let projector = new Projector({ eventStore, readStore, batchSize: 5, batchMs: 5 });
    await projector.start();
    const third = Math.ceil(events.length / 3);
    for (const [i, chunk] of [events.slice(0, third), events.slice(third, 2 * third), events.slice(2 * third)].entries()) {
      const position = await appender.append(chunk);
      expect(await projector.waitForPosition(position, 5000)).toBe(true);
      if (i < 2) {
        await projector.stop();
        projector = new Projector({ eventStore, readStore, batchSize: 5, batchMs: 5 });
        await projector.start();
      }
    }
    await expectReplayAnswers(eventStore, queries);
    await projector.stop();
    await eventStore.close();
    await readStore.close();
  });

  it('recovers when another projector moved the checkpoint under it', async () => {
    const { dataDir, eventStore, readStore, queries } = stores();
    const otherReadStore = SqliteReadStore.inDataDir(dataDir);
    const errors: unknown[] = [];
    const a = new Projector({ eventStore, readStore, batchMs: 1, onError: (e) => errors.push(e) });
    const b = new Projector({ eventStore, readStore: otherReadStore, batchMs: 1, onError: (e) => errors.push(e) });
    await a.start();
    await b.start();
    const log = new RegistryLog();
    const appender = new LogAppender(eventStore);
    for (let i = 0; i < 20; i++) {
      log.establish(`b${i}`, '2020-01-01', { name: `机构${i}` });
      log.rename(`b${i}`, '2020-02-01', `机构${i}（新）`);
    }
    const position = await appender.append(log.events);
    const reached = await Promise.all([a.waitForPosition(position, 5000), b.waitForPosition(position, 5000)]);
    await a.stop();
    await b.stop();
    expect(reached.some(Boolean)).toBe(true);
    expect((await readStore.checkpoint()).position).toBe(position);
    expect((await queries.registry(J, '2020-02-01')).total).toBe(20);
    await expectReplayAnswers(eventStore, queries, ['2020-01-15', '2020-02-01']);
    await eventStore.close();
    await readStore.close();
    await otherReadStore.close();
  });
});
