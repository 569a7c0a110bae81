import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertOf, readStoreContract } from '../read-store.contract.js';
import type { BodyRowDocument, Recorded } from '../read-documents.js';
import { SqliteBuildWriter } from './sqlite-build-writer.js';
import { SqliteReadStore } from './sqlite-read-store.js';

const dir = mkdtempSync(join(tmpdir(), 'registry-read-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

readStoreContract('SQLite (embedded, better-sqlite3)', async () => new SqliteReadStore(join(dir, `read-models-${++n}.sqlite`)));

const doc = (bodyId: string, at: string): Recorded<BodyRowDocument> => ({
  collection: 'body_rows',
  key: `${bodyId}@1`,
  jurisdiction: '370700',
  bodyId,
  validFrom: '2020-01-01',
  position: 1,
  entry: { id: bodyId, name: bodyId, aliases: [], kind: '其他', series: 'party', duration: 'standing', establishedOn: '2020-01-01', hostDepartment: '办' },
  recordedFrom: at,
  recordedTo: null,
});
const T = '2024-01-01T00:00:00.000Z';
const T2 = '2024-02-01T00:00:00.000Z';
/** The view-set files beside `name` (read-models.<id>.sqlite). */
const viewSetFiles = (name: string) => readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && f.endsWith('.sqlite') && f !== `${name}.sqlite`);
const asOf = { date: '2020-06-01', knownAt: '2099-01-01T00:00:00.000Z' };

describe('SQLite read store, beyond the contract', () => {
  it('lives in <dataDir>/read-models.sqlite and keeps its views across reopening', async () => {
    const dataDir = join(dir, 'data-keep');
    const first = SqliteReadStore.inDataDir(dataDir);
    expect(first.file).toBe(join(dataDir, 'read-models.sqlite'));
    await first.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('a', T))], checkpoint: { position: 3, transactionTime: T } });
    await first.close();
    const again = SqliteReadStore.inDataDir(dataDir);
    expect(await again.checkpoint()).toEqual({ position: 3, transactionTime: T });
    expect((await again.registryEntries('370700', asOf)).map((d) => d.bodyId)).toEqual(['a']);
    await again.close();
  });

  it('answers the registry-as-of query from its index', async () => {
    const store = new SqliteReadStore(join(dir, 'plan.sqlite'));
    expect(store.explainRegistryQuery().join(' ')).toMatch(/USING (COVERING )?INDEX body_rows_lines/);
    await store.close();
  });

  it('lets another connection on the same file see a rebuild once it is switched over, and deletes the old view set', async () => {
    const file = join(dir, 'shared.sqlite');
    const writer = new SqliteReadStore(file);
    const reader = new SqliteReadStore(file);
    await writer.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('old', T))], checkpoint: { position: 1, transactionTime: T } });
    expect((await reader.registryEntries('370700', asOf)).map((d) => d.bodyId)).toEqual(['old']);
    const build = await writer.beginRebuild();
    await build.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('new', T))], checkpoint: { position: 2, transactionTime: T } });
    expect((await reader.registryEntries('370700', asOf)).map((d) => d.bodyId)).toEqual(['old']);
    await build.complete();
    expect((await reader.registryEntries('370700', asOf)).map((d) => d.bodyId)).toEqual(['new']);
    expect(viewSetFiles('shared')).toEqual([`shared.${build.buildId}.sqlite`]);
    await writer.apply({ basedOn: 2, closures: [], inserts: [insertOf(doc('next', T))], checkpoint: { position: 3, transactionTime: T } });
    expect((await reader.registryEntries('370700', asOf)).map((d) => d.bodyId).sort()).toEqual(['new', 'next']);
    await writer.close();
    await reader.close();
  });

  it('closes, when a rebuild completes, documents written by earlier batches of it', async () => {
    const store = new SqliteReadStore(join(dir, 'deferred.sqlite'));
    const build = await store.beginRebuild();
    const a = doc('a', T);
    await build.apply({ basedOn: 0, closures: [], inserts: [insertOf(a)], checkpoint: { position: 1, transactionTime: T } });
    // closed and opened again under the same key, twice: each closure takes the row believed when it was made
    const reopened = { ...a, entry: { ...a.entry!, name: 'a2' } };
    await build.apply({ basedOn: 1, closures: [{ document: a, recordedTo: T2 }], inserts: [insertOf({ ...reopened, recordedFrom: T2 })], checkpoint: { position: 2, transactionTime: T2 } });
    expect(await build.checkpoint()).toEqual({ position: 2, transactionTime: T2 });
    await build.complete();
    const names = async (knownAt: string) => (await store.registryEntries('370700', { date: '2020-06-01', knownAt })).map((d) => d.entry.name);
    expect(await names(T)).toEqual(['a']);
    expect(await names(T2)).toEqual(['a2']);
    expect(await store.checkpoint()).toEqual({ position: 2, transactionTime: T2 });
    await store.close();
  });

  it('fails the build when a closure finds no believed document', async () => {
    const store = new SqliteReadStore(join(dir, 'bad-closure.sqlite'));
    const build = await store.beginRebuild();
    await build.apply({ basedOn: 0, closures: [{ document: doc('ghost', T), recordedTo: T2 }], inserts: [], checkpoint: { position: 1, transactionTime: T2 } });
    await expect(build.complete()).rejects.toThrow(/expected one believed document to close/);
    await build.abandon();
    expect(await store.isEmpty()).toBe(true);
    expect(viewSetFiles('bad-closure')).toHaveLength(1);
    await store.close();
  });

  it('takes over a build left behind by a crash', async () => {
    const file = join(dir, 'crashed.sqlite');
    const store = new SqliteReadStore(file);
    await store.beginRebuild();
    await store.close();
    const again = new SqliteReadStore(file);
    const build = await again.beginRebuild();
    await build.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('x', T))], checkpoint: { position: 1, transactionTime: T } });
    await build.complete();
    expect((await again.registryEntries('370700', asOf)).map((d) => d.bodyId)).toEqual(['x']);
    await again.close();
    expect(viewSetFiles('crashed')).toHaveLength(1);
  });

  it('deletes on opening the half-built file of a rebuild that stopped, and leaves a running one alone', async () => {
    const crashed = new SqliteReadStore(join(dir, 'leftover.sqlite'));
    const build = await crashed.beginRebuild();
    await build.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('x', T))], checkpoint: { position: 1, transactionTime: T } });
    const running = new SqliteReadStore(join(dir, 'leftover.sqlite'));
    expect(viewSetFiles('leftover')).toContain(`leftover.${build.buildId}.sqlite`);
    await crashed.close(); // stops the build where it is, as a crash would
    const reopened = new SqliteReadStore(join(dir, 'leftover.sqlite'));
    expect(viewSetFiles('leftover')).not.toContain(`leftover.${build.buildId}.sqlite`);
    expect(viewSetFiles('leftover')).toHaveLength(1);
    await running.close();
    await reopened.close();
  });

  it('keeps the switched-to view set when the build is abandoned after completing', async () => {
    const store = new SqliteReadStore(join(dir, 'late-abandon.sqlite'));
    const build = await store.beginRebuild();
    await build.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('kept', T))], checkpoint: { position: 1, transactionTime: T } });
    await build.complete();
    await build.abandon();
    expect((await store.registryEntries('370700', asOf)).map((d) => d.bodyId)).toEqual(['kept']);
    expect(viewSetFiles('late-abandon')).toEqual([`late-abandon.${build.buildId}.sqlite`]);
    await store.close();
  });

  it('refuses a closure of a row that was written after it', async () => {
    const store = new SqliteReadStore(join(dir, 'early-closure.sqlite'));
    const build = await store.beginRebuild();
    await build.apply({ basedOn: 0, closures: [{ document: doc('later', T), recordedTo: T2 }], inserts: [], checkpoint: { position: 1, transactionTime: T2 } });
    await build.apply({ basedOn: 1, closures: [], inserts: [insertOf(doc('later', T2))], checkpoint: { position: 2, transactionTime: T2 } });
    await expect(build.complete()).rejects.toThrow(/expected one believed document to close/);
    await build.abandon();
    await store.close();
  });

  it('deletes, on opening, view-set files that neither live nor building names', async () => {
    const store = new SqliteReadStore(join(dir, 'stray.sqlite'));
    await store.close();
    writeFileSync(join(dir, 'stray.zz9stray.sqlite'), '');
    const again = new SqliteReadStore(join(dir, 'stray.sqlite'));
    expect(viewSetFiles('stray')).toHaveLength(1);
    expect(viewSetFiles('stray')).not.toContain('stray.zz9stray.sqlite');
    await again.close();
  });
});

describe('SQLite build writer thread', () => {
  it('keeps its file locked against other processes while it syncs the file in the background', async () => {
    const file = join(dir, 'synced-build.sqlite');
    const writer = new SqliteBuildWriter(file, 1024, 1); // a background sync after every batch
    let probed: string;
    try {
      for (let i = 0; i < 5; i++) {
        await writer.apply({ basedOn: i, closures: [], inserts: [insertOf(doc(`s${i}`, T))], checkpoint: { position: i + 1, transactionTime: T } });
      }
      await new Promise((resolve) => setTimeout(resolve, 200)); // the last sync ends
      // another process, as a store opening meanwhile would probe it (dropAbandonedBuild)
      probed = spawnSync(
        process.execPath,
        ['-e', `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)}, { timeout: 0 }); try { db.exec('BEGIN IMMEDIATE'); console.log('unlocked'); } catch (e) { console.log(e.code); }`],
        { encoding: 'utf8', cwd: process.cwd() },
      ).stdout.trim();
    } finally {
      await writer.abandon();
    }
    expect(probed).toBe('SQLITE_BUSY');
  });

  it('rejects batches and stops without hanging when its thread could not start', async () => {
    const writer = new SqliteBuildWriter(join(dir, 'no-such-folder', 'views.sqlite'), 1024);
    await expect(writer.apply({ basedOn: 0, closures: [], inserts: [insertOf(doc('x', T))], checkpoint: { position: 1, transactionTime: T } })).rejects.toThrow();
    await writer.abandon();
    await expect(writer.complete()).rejects.toThrow();
  });
});
