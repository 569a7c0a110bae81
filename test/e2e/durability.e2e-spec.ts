import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { freePort } from '../support/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, verifyLog } from '#event-store';
import { RegistryClient, startRegistry, testConfig, TEST_GRANTS, TOKENS } from '../support/registry-client.js';
import { establishRequest } from '../support/fixtures.js';

const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');


async function startServerProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), REGISTRY_DATA_DIR: dataDir, REGISTRY_TOKENS: JSON.stringify(TEST_GRANTS), REGISTRY_SEED_ON_EMPTY: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (health.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 30 s');
}

describe('durability and tamper evidence of the embedded store', () => {
  beforeAll(() => {
    // The crash test runs the built server as its own process, as `npm start` does.
    execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  }, 120_000);

  it('keeps an acknowledged write when the server is killed with SIGKILL right after its 201', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-crash-'));
    const port = await freePort();
    const first = await startServerProcess(dataDir, port);
    const client = new RegistryClient(`http://127.0.0.1:${port}`);
    let answer;
    try {
      answer = await client.post('/bodies', establishRequest({ name: '潍坊市崩溃测试委员会' }));
      expect(answer.status).toBe(201);
    } finally {
      first.kill('SIGKILL');
    }
    await new Promise((r) => first.once('exit', r));
    const second = await startServerProcess(dataDir, port);
    try {
      const history = await client.get(`/bodies/${answer.body.bodyId}/history`, TOKENS.auditor);
      expect(history.status).toBe(200);
      expect(history.body.map((e: { eventId: string }) => e.eventId)).toEqual(answer.body.eventIds);
    } finally {
      second.kill('SIGKILL');
    }
  }, 90_000);

  it('finds a byte changed in the SQLite file through the hash chain', async () => {
    const config = testConfig();
    const registry = await startRegistry(config);
    const marker = '应急值守专用职责描述';
    const answer = await registry.client.post('/bodies', establishRequest({ name: '潍坊市篡改测试委员会', duties: marker }));
    expect(answer.status).toBe(201);
    const untouched = await registry.client.get('/integrity', TOKENS.auditor);
    expect(untouched.body.problems).toEqual([]);
    await registry.close();

    const file = join(config.dataDir, 'events.sqlite');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(marker, 'utf8'));
    expect(at).toBeGreaterThan(0);
    // Flip the last byte of the first character (应 → another valid character): the JSON still parses.
    bytes[at + 2] ^= 0x01;
    writeFileSync(file, bytes);

    const store = new SqliteEventStore(file);
    try {
      const report = await verifyLog(store);
      expect(report.problems).toEqual([expect.objectContaining({ eventId: answer.body.eventIds[0], problem: 'hash-mismatch' })]);
    } finally {
      await store.close();
    }
    const reopened = await startRegistry(config);
    try {
      const integrity = await reopened.client.get('/integrity', TOKENS.auditor);
      expect(integrity.body.problems).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
