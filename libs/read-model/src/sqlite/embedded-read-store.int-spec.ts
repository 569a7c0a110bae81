import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { insertOf, readStoreContract } from '../read-store.contract.js';
import type { Recorded, RegistryEntryDocument } from '../read-documents.js';
import { SqliteReadStore } from './sqlite-read-store.js';

const dir = mkdtempSync(join(tmpdir(), 'registry-read-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

readStoreContract('SQLite (embedded, better-sqlite3)', async () => new SqliteReadStore(join(dir, `read-models-${++n}.sqlite`)));

const doc = (bodyId: string, at: string): Recorded<RegistryEntryDocument> => ({
  collection: 'registry_entries',
  key: `${bodyId}@2020-01-01`,
  jurisdiction: '370700',
  bodyId,
  validFrom: '2020-01-01',
  validTo: null,
  entry: { id: bodyId, name: bodyId, aliases: [], kind: '其他', series: 'party', duration: 'standing', establishedOn: '2020-01-01', hostDepartment: '办' },
  recordedFrom: at,
  recordedTo: null,
});
const T = '2024-01-01T00:00:00.000Z';
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
    expect(store.explainRegistryQuery().join(' ')).toMatch(/USING INDEX rm_\w+_registry_entries_as_of/);
    await store.close();
  });

  it('lets another connection on the same file see a rebuild once it is switched over, and drops the old tables', async () => {
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
    await writer.close();
    await reader.close();
    const db = new Database(file, { readonly: true });
    const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_%'`).all();
    db.close();
    expect(new Set(tables.map((t) => t.name.split('_')[1])).size).toBe(1);
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
    const db = new Database(file, { readonly: true });
    const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_%'`).all();
    db.close();
    expect(new Set(tables.map((t) => t.name.split('_')[1])).size).toBe(1);
  });
});
