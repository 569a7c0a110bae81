/**
 * Tamper evidence as an auditor uses it (issue 11): a digest taken with `npm run cli -- digest`
 * and kept outside, then `verify --against` it after someone with write access to the file
 * deleted or rewrote events; a damaged row named without a crash; a jurisdiction with a damaged
 * row still answering what does not need that row.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type StoredEvent } from '#event-store';
import { deleteEvent, deleteStream, overwritePayload, rewriteEvent } from '../../libs/event-store/src/testing/tamper.js';
import { startRegistry, testConfig, TOKENS, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest } from '../support/fixtures.js';

const CLI = join(process.cwd(), 'dist/apps/cli/src/main.js');

function cli(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: dataDir }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: () => JSON.parse(run.stdout) };
}

/** Three bodies of 370700, the first abolished last: its BodyAbolished is the newest event of the log. */
async function registryOfThree() {
  const config = testConfig();
  const registry = await startRegistry(config);
  const ids: string[] = [];
  try {
    for (const [name, subject] of [['潍坊市安全生产委员会', '安全生产'], ['潍坊市防汛抗旱指挥部', '防汛抗旱'], ['潍坊市森林防灭火指挥部', '森林防灭火']]) {
      const answer = await registry.client.post('/bodies', establishRequest({ name, tasks: `研究解决${subject}重大问题`, duties: `统筹协调全市${subject}工作` }));
      expect(answer.status).toBe(201);
      ids.push(answer.body.bodyId);
    }
    const abolished = await registry.client.post(`/bodies/${ids[0]}/abolition`, { reason: 2, disposition: 'abolished', documentNo: '潍政发〔2022〕3号', effectiveDate: '2022-01-10' });
    expect(abolished.status).toBe(201);
  } finally {
    await registry.close();
  }
  return { dataDir: config.dataDir, file: join(config.dataDir, 'events.sqlite'), ids, streams: ids.map((id) => `body-${id}`) };
}

async function eventsOf(file: string): Promise<Map<number, StoredEvent>> {
  const store = new SqliteEventStore(file);
  try {
    return new Map((await store.readAll()).map((e) => [e.position, e]));
  } finally {
    await store.close();
  }
}

describe('audit: digest, keep, verify against it', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' });
  }, 180_000);

  it('an untouched log verifies against the digest taken from it (exit 0)', async () => {
    const { dataDir } = await registryOfThree();
    const digest = cli(dataDir, 'digest');
    expect(digest.status).toBe(0);
    expect(digest.json()).toEqual({ position: 4, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) });
    const verify = cli(dataDir, 'verify', '--against', digest.stdout);
    expect(verify.status).toBe(0);
    expect(verify.json()).toMatchObject({ events: 4, streams: 3, problems: [], against: { position: 4, holds: true }, digest: { position: 4, hash: digest.json().hash } });
  });

  it("a stream's newest event deleted (the BodyAbolished, the log's newest): found against the digest taken before (exit 2)", async () => {
    const { dataDir, file, streams } = await registryOfThree();
    const digest = cli(dataDir, 'digest').stdout;
    deleteEvent(file, streams[0]);
    const verify = cli(dataDir, 'verify', '--against', digest);
    expect(verify.status).toBe(2);
    expect(verify.json().against).toMatchObject({ position: 4, holds: false });
    expect(verify.json().problems).toEqual([expect.objectContaining({ problem: 'digest-mismatch', position: 4 })]);
  });

  it('a whole stream deleted: found by the log chain, and against the digest (exit 2)', async () => {
    const { dataDir, file, streams } = await registryOfThree();
    const digest = cli(dataDir, 'digest').stdout;
    deleteStream(file, streams[1]);
    const alone = cli(dataDir, 'verify');
    expect(alone.status).toBe(2);
    expect(alone.json().problems).toEqual([expect.objectContaining({ problem: 'log-chain-broken', position: 3, streamId: streams[2] })]);
    const against = cli(dataDir, 'verify', '--against', digest);
    expect(against.status).toBe(2);
    expect(against.json().against.holds).toBe(false);
  });

  it('an event edited and its stream and the log chain recomputed: found against the digest (exit 2)', async () => {
    const { dataDir, file } = await registryOfThree();
    const digestFile = join(dataDir, 'digest.json');
    execFileSync('sh', ['-c', `"${process.execPath}" "${CLI}" digest > "${digestFile}"`], { env: { ...process.env, NODE_OPTIONS: '', REGISTRY_DATA_DIR: dataDir } });
    const events = await eventsOf(file);
    // the forger rewrites the first body's establishment, then every hash after it
    rewriteEvent(file, (p) => ({ ...events.get(p)! }) as unknown as Record<string, unknown>, 1, (data) => ({ ...data, memberUnits: ['市应急管理局'] }), true);
    expect(cli(dataDir, 'verify').status).toBe(0);
    const verify = cli(dataDir, 'verify', '--against', digestFile);
    expect(verify.status).toBe(2);
    expect(verify.json().problems).toEqual([expect.objectContaining({ problem: 'digest-mismatch', position: 4 })]);
  });

  it('a row whose JSON no longer parses: verify names its position, stream and version (exit 2, no stack trace); /integrity reports it', async () => {
    const { dataDir, file, streams } = await registryOfThree();
    overwritePayload(file, 2, '{"name":"潍坊市防汛抗旱指挥部","aliases":');
    const verify = cli(dataDir, 'verify');
    expect(verify.status).toBe(2);
    expect(verify.stderr).not.toMatch(/SyntaxError|\n\s+at /);
    expect(verify.json().problems).toEqual([expect.objectContaining({ problem: 'corrupt-row', position: 2, streamId: streams[1], version: 1, type: 'BodyEstablished' })]);
    const registry = await startRegistry(testConfig(dataDir));
    try {
      const integrity = await registry.client.get('/integrity', TOKENS.auditor);
      expect(integrity.status).toBe(200);
      expect(integrity.body.problems).toEqual([expect.objectContaining({ problem: 'corrupt-row', position: 2, streamId: streams[1], version: 1 })]);
      expect(integrity.body.digest).toEqual({ position: 4, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) });
    } finally {
      await registry.close();
    }
  });

  it('/integrity with a digest kept before: holds, then not once the newest event is gone; a bad digest is a 400 naming the field', async () => {
    const { dataDir, file, streams } = await registryOfThree();
    let registry: RunningRegistry = await startRegistry(testConfig(dataDir));
    const digest = (await registry.client.get('/integrity', TOKENS.auditor)).body.digest;
    const query = `/integrity?position=${digest.position}&hash=${digest.hash}`;
    try {
      expect((await registry.client.get(query, TOKENS.auditor)).body.against).toEqual({ position: 4, hash: digest.hash, holds: true });
      expect((await registry.client.get('/integrity', TOKENS.registrar)).status).toBe(403);
      const bad = await registry.client.get('/integrity?position=4&hash=abc', TOKENS.auditor);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'hash', problems: [expect.stringContaining('64')] }]);
    } finally {
      await registry.close();
    }
    deleteEvent(file, streams[0]);
    registry = await startRegistry(testConfig(dataDir));
    try {
      const after = await registry.client.get(query, TOKENS.auditor);
      expect(after.body.against.holds).toBe(false);
    } finally {
      await registry.close();
    }
  });

  it('a jurisdiction with one damaged event (valid JSON, not the shape of its type) still answers what does not need it; what does answers 503 naming the event', async () => {
    const { dataDir, file, ids, streams } = await registryOfThree();
    const events = await eventsOf(file);
    const damaged = events.get(2)!;
    expect(damaged.streamId).toBe(streams[1]);
    // aliases gone: before the check, establishing in 370700 answered 500 "body.aliases is not iterable"
    overwritePayload(file, 2, JSON.stringify({ bodyId: ids[1], name: '潍坊市防汛抗旱指挥部' }));
    const registry = await startRegistry(testConfig(dataDir));
    const named = { position: 2, streamId: streams[1], version: 1, type: 'BodyEstablished' };
    try {
      const list = await registry.client.get('/jurisdictions/370700/registry?date=2023-01-01', TOKENS.viewer);
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).toContain('潍坊市森林防灭火指挥部');
      expect((await registry.client.get(`/bodies/${ids[2]}/history`, TOKENS.viewer)).status).toBe(200);
      const adjusted = await registry.client.post(`/bodies/${ids[2]}/adjustments`, { tasks: '新的任务', documentNo: '潍政办字〔2023〕2号', effectiveDate: '2023-02-01' });
      expect(adjusted.status).toBe(201);
      expect((await registry.client.get(`/events?after=2`, TOKENS.auditor)).status).toBe(200);

      const history = await registry.client.get(`/bodies/${ids[1]}/history`, TOKENS.viewer);
      expect(history.status).toBe(503);
      expect(history.body.details).toEqual(expect.objectContaining(named));
      expect(history.body.message).toContain('位置 2');
      // judged against every body of the jurisdiction, one of which cannot be read: not recorded
      const establish = await registry.client.post('/bodies', establishRequest({ name: '潍坊市城市更新工作领导小组', tasks: '研究城市更新', duties: '统筹协调全市城市更新工作' }));
      expect(establish.status).toBe(503);
      expect(establish.body.details).toEqual(expect.objectContaining({ ...named, problem: expect.stringContaining('data.aliases') }));
      const log = await registry.client.get('/events?after=0', TOKENS.auditor);
      expect(log.status).toBe(503);
      expect(log.body.details).toEqual(expect.objectContaining(named));
    } finally {
      await registry.close();
    }
  });

  it('rebuild checks the chain as it reads: a rewritten log keeps the old views (exit 2) unless the operator accepts it, which is recorded', async () => {
    const { dataDir, file, ids } = await registryOfThree();
    const clean = cli(dataDir, 'rebuild');
    expect(clean.status).toBe(0);
    expect(clean.json()).toMatchObject({ command: 'rebuild', switched: true, verified: true, events: 4 });
    const events = await eventsOf(file);
    rewriteEvent(file, (p) => ({ ...events.get(p)! }) as unknown as Record<string, unknown>, 1, (data) => ({ ...data, memberUnits: ['市应急管理局'] }));
    const memberUnits = async () => {
      const registry = await startRegistry(testConfig(dataDir));
      try {
        return (await registry.client.get(`/bodies/${ids[0]}?date=2021-01-01`, TOKENS.auditor)).body.memberUnits;
      } finally {
        await registry.close();
      }
    };
    const original = establishRequest().memberUnits;
    expect(await memberUnits()).toEqual(original);

    const refused = cli(dataDir, 'rebuild');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('新视图未切换');
    // the rewritten establishment (1) and the abolition after it in its stream, rehashed (4)
    expect(refused.json()).toMatchObject({ switched: false, verified: false, problemCount: 2, problems: [expect.objectContaining({ problem: 'log-chain-broken', position: 1 }), expect.objectContaining({ position: 4 })] });
    expect(await memberUnits()).toEqual(original);
    expect(existsSync(join(dataDir, 'audit-log.jsonl'))).toBe(false);

    const accepted = cli(dataDir, 'rebuild', '--accept-unverified');
    expect(accepted.status).toBe(0);
    expect(accepted.json()).toMatchObject({ switched: true, verified: false, acceptedUnverified: { problemCount: 2, problems: [expect.objectContaining({ problem: 'log-chain-broken' }), expect.objectContaining({ problem: 'log-chain-broken' })] } });
    expect(await memberUnits()).toEqual(['市应急管理局']);
    const record = readFileSync(join(dataDir, 'audit-log.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(record).toEqual([expect.objectContaining({ command: 'rebuild', acceptedUnverified: expect.objectContaining({ problemCount: 2, by: expect.stringContaining('命令行') }) })]);
  });

  it('rebuild over a row that cannot be read: refused naming it; accepted, the row is left out and named in the record', async () => {
    const { dataDir, file, streams } = await registryOfThree();
    overwritePayload(file, 3, '{"name":');
    const refused = cli(dataDir, 'rebuild');
    expect(refused.status).toBe(2);
    expect(refused.stderr).not.toMatch(/SyntaxError|\n\s+at /);
    expect(refused.json().problems).toEqual([expect.objectContaining({ problem: 'corrupt-row', position: 3, streamId: streams[2] })]);
    const accepted = cli(dataDir, 'rebuild', '--accept-unverified');
    expect(accepted.status).toBe(0);
    expect(accepted.json()).toMatchObject({ switched: true, events: 3, acceptedUnverified: { skippedEvents: [expect.objectContaining({ position: 3, streamId: streams[2], version: 1 })] } });
  });
});
