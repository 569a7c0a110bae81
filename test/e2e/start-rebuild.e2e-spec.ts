import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { freePort } from '../support/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { streamIds } from '#domain';
import { GENESIS_HASH, SqliteEventStore, sealEvents } from '#event-store';
import { Projector, RegistryQueries, SqliteReadStore } from '#read-model';
import { generateWorkload, jurisdictionCode } from '../../bench/workload.js';
import { rebuildEmptyViewsOnThread } from '../../apps/api/src/read-side/start-rebuild.js';
import { TEST_GRANTS, TOKENS } from '../support/registry-client.js';

const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');
const WORKER = join(process.cwd(), 'dist/apps/api/src/read-side/start-rebuild.worker.js');
const KNOWN_AT = '2030-01-01T00:00:00.000Z';
const DATES = ['1999-06-30', '2012-12-31', '2025-12-31'];

/** A log of the bench's shape (3 jurisdictions × 40 bodies), with no views. */
async function recordLog(): Promise<{ dataDir: string; events: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-start-rebuild-'));
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
  let clock = Date.parse('2026-01-02T00:00:00.000Z');
  let events = 0;
  for (const body of generateWorkload({ jurisdictions: 3, bodiesPerJurisdiction: 40, seed: 11 })) {
    const drafts = body.events.map((draft) => ({
      eventId: randomUUID(), type: draft.type, schemaVersion: 1, streamId: streamIds.body(body.bodyId), jurisdiction: body.jurisdiction,
      bodyId: body.bodyId, effectiveDate: draft.effectiveDate, recordedAt: new Date(clock++).toISOString(), recordedBy: 'test',
      documentNo: draft.documentNo, correlationId: body.bodyId, causationId: body.bodyId, data: draft.data,
    }));
    await store.append([{ streamId: streamIds.body(body.bodyId), expectedVersion: 0, events: sealEvents(drafts, { version: 0, lastHash: GENESIS_HASH }) }]);
    events += drafts.length;
  }
  await store.close();
  return { dataDir, events };
}

async function answers(read: (path: string) => Promise<unknown>) {
  const out: unknown[] = [];
  for (let j = 0; j < 3; j++) {
    for (const date of DATES) out.push(await read(`/jurisdictions/${jurisdictionCode(j)}/registry?date=${date}&knownAt=${KNOWN_AT}`));
    out.push(await read(`/jurisdictions/${jurisdictionCode(j)}/quota?from=1995-01-01&to=2025-12-31&knownAt=${KNOWN_AT}`));
  }
  return out;
}
// the same questions put to RegistryQueries
async function answersOf(queries: RegistryQueries) {
  const out: unknown[] = [];
  for (let j = 0; j < 3; j++) {
    for (const date of DATES) out.push(await queries.registry(jurisdictionCode(j), date, KNOWN_AT));
    out.push(await queries.quota(jurisdictionCode(j), '1995-01-01', '2025-12-31', KNOWN_AT));
  }
  return out;
}


/** ADR 0018: a server started on a log with empty embedded views rebuilds them on a thread of its own before it listens. */
describe('the start rebuild on a thread of its own', () => {
  let log: { dataDir: string; events: number };
  let expected: unknown[];

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
    log = await recordLog();
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-start-rebuild-here-'));
    copyFileSync(join(log.dataDir, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    const eventStore = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const readStore = SqliteReadStore.inDataDir(dataDir);
    try {
      await new Projector({ eventStore, readStore }).rebuild();
      expected = await answersOf(new RegistryQueries(readStore));
    } finally {
      await readStore.close();
      await eventStore.close();
    }
  }, 180_000);

  it('the built server says it rebuilt, answers at the log head, and gives what an in-process rebuild gives', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-start-rebuild-server-'));
    copyFileSync(join(log.dataDir, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), REGISTRY_DATA_DIR: dataDir, REGISTRY_TOKENS: JSON.stringify(TEST_GRANTS), REGISTRY_SEED_ON_EMPTY: 'false', EVENTSTORE_URL: '', MONGO_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    try {
      const base = `http://127.0.0.1:${port}/api/v1`;
      let health: { position: number; projectedPosition: number } | undefined;
      for (let i = 0; i < 300 && !health; i++) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stdout}`);
        health = await fetch(`${base}/health`).then((r) => (r.ok ? (r.json() as Promise<typeof health>) : undefined), () => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 100));
      }
      expect(stdout).toContain(`读模型已从事件日志重建：${log.events} 个事件`);
      expect(health).toEqual(expect.objectContaining({ position: log.events, projectedPosition: log.events }));
      const got = await answers(async (path) => {
        const answer = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKENS.auditor}` } });
        expect(answer.status).toBe(200);
        return answer.json();
      });
      expect(got).toEqual(JSON.parse(JSON.stringify(expected)));
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);

  it('starts again with twice the heap when the thread runs out, and leaves one view set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-start-rebuild-oom-'));
    copyFileSync(join(log.dataDir, 'events.sqlite'), join(dataDir, 'events.sqlite'));
    const retries: Array<number | undefined> = [];
    const reply = await rebuildEmptyViewsOnThread({ dataDir, cacheMiB: 8 }, { retry: (mb) => retries.push(mb) }, { workerFile: WORKER, oldGenerationMb: 4 });
    expect(retries[0]).toBe(8);
    expect(reply).toEqual(expect.objectContaining({ rebuilt: true, events: log.events }));
    const readStore = SqliteReadStore.inDataDir(dataDir);
    try {
      expect(await answersOf(new RegistryQueries(readStore))).toEqual(expected);
    } finally {
      await readStore.close();
    }
    expect(readdirSync(dataDir).filter((f) => /^read-models\.[a-z0-9]+\.sqlite$/.test(f))).toHaveLength(1);
    // views already there: nothing to do
    expect(await rebuildEmptyViewsOnThread({ dataDir, cacheMiB: 8 }, {}, { workerFile: WORKER })).toEqual(expect.objectContaining({ rebuilt: false }));
  }, 120_000);
});
