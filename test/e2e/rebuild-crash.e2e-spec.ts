import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { streamIds } from '#domain';
import { GENESIS_HASH, SqliteEventStore, sealEvents } from '#event-store';
import { Projector, RegistryQueries, SqliteReadStore } from '#read-model';
import { generateWorkload, jurisdictionCode } from '../../bench/workload.js';

const KNOWN_AT = '2030-01-01T00:00:00.000Z';

async function recordWorkload(dataDir: string) {
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  let clock = Date.parse('2026-01-02T00:00:00.000Z');
  for (const body of generateWorkload({ jurisdictions: 4, bodiesPerJurisdiction: 60, seed: 7 })) {
    const drafts = body.events.map((draft) => ({
      eventId: randomUUID(), type: draft.type, schemaVersion: 1, streamId: streamIds.body(body.bodyId), jurisdiction: body.jurisdiction,
      bodyId: body.bodyId, effectiveDate: draft.effectiveDate, recordedAt: new Date(clock++).toISOString(), recordedBy: 'test',
      documentNo: draft.documentNo, correlationId: body.bodyId, causationId: body.bodyId, data: draft.data,
    }));
    await store.append([{ streamId: streamIds.body(body.bodyId), expectedVersion: 0, events: sealEvents(drafts, { version: 0, lastHash: GENESIS_HASH }) }]);
  }
  return store;
}

async function answers(dataDir: string) {
  const readStore = SqliteReadStore.inDataDir(dataDir);
  try {
    const queries = new RegistryQueries(readStore);
    const out: unknown[] = [];
    for (let j = 0; j < 4; j++) {
      for (const date of ['1999-06-30', '2005-01-01', '2012-12-31', '2020-03-31', '2025-12-31']) {
        out.push(await queries.registry(jurisdictionCode(j), date, KNOWN_AT));
      }
      out.push(await queries.quota(jurisdictionCode(j), '1995-01-01', '2025-12-31', KNOWN_AT));
      out.push(await queries.changes(jurisdictionCode(j), '2010-01-01', '2015-12-31', KNOWN_AT));
    }
    return out;
  } finally {
    await readStore.close();
  }
}

describe('the projector killed in the middle of a rebuild', () => {
  beforeAll(() => execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' }), 120_000);

  it('leaves the live views to readers, and after a restart gives what a clean rebuild gives', async () => {
    const crashed = mkdtempSync(join(tmpdir(), 'registry-rebuild-crash-'));
    const store = await recordWorkload(crashed);
    // Live views first, as a running server would have them.
    const live = SqliteReadStore.inDataDir(crashed);
    const follower = new Projector({ eventStore: store, readStore: live });
    await follower.start();
    await follower.stop();
    await live.close();
    await store.close();
    const clean = mkdtempSync(join(tmpdir(), 'registry-rebuild-clean-'));
    copyFileSync(join(crashed, 'events.sqlite'), join(clean, 'events.sqlite'));
    const before = await answers(crashed);

    // `npm run cli -- rebuild`, killed with SIGKILL once its build tables exist.
    const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'rebuild'], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: crashed }, stdio: 'ignore' });
    const meta = () => {
      const db = new Database(join(crashed, 'read-models.sqlite'), { readonly: true, fileMustExist: true });
      try {
        return db.prepare(`SELECT value FROM read_model_meta WHERE key = 'building'`).get() as { value: string } | undefined;
      } finally {
        db.close();
      }
    };
    let killedMidway = false;
    for (let i = 0; i < 2000 && child.exitCode === null; i++) {
      if (meta()) {
        child.kill('SIGKILL');
        killedMidway = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(undefined) : child.once('exit', r)));
    expect(killedMidway).toBe(true);
    // Readers still see the live views, whole.
    expect(await answers(crashed)).toEqual(before);

    // Restart: the rebuild runs again to the end.
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'rebuild'], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: crashed }, stdio: 'ignore' });
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'rebuild'], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: clean }, stdio: 'ignore' });
    const afterRestart = await answers(crashed);
    expect(afterRestart).toEqual(await answers(clean));
    expect(afterRestart).toEqual(before);
  }, 120_000);
});
