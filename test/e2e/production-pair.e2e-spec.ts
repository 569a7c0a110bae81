/**
 * The production path: two API processes on one event store and one read store, as behind a
 * load balancer. On KurrentDB and MongoDB when EVENTSTORE_URL and MONGO_URL are both set (the
 * CI workflow's `stores` job, `.github/workflows/ci.yml`; each run reads models into a fresh
 * MongoDB database and writes to fresh jurisdictions, so a shared server is fine); otherwise on
 * the embedded stores, both apps on one data folder (a second connection to each file).
 * One app projects (with MongoDB: the lease holder), the other only serves.
 */
import { randomUUID } from 'node:crypto';
import type { RegistryConfig } from '../../apps/api/src/config/registry-config.js';
import { establishRequest, temporaryRequest } from '../support/fixtures.js';
import { startRegistry, testConfig, TOKENS, type RunningRegistry } from '../support/registry-client.js';

const { EVENTSTORE_URL, MONGO_URL } = process.env;
const external = !!(EVENTSTORE_URL && MONGO_URL);
const stores = external ? 'KurrentDB (EVENTSTORE_URL) and MongoDB (MONGO_URL)' : 'the embedded stores shared by two apps';
if (!external) {
  process.stderr.write(`\nproduction-pair e2e on ${stores}: set EVENTSTORE_URL and MONGO_URL to run it on the real servers\n\n`);
}

/** The same MongoDB, another database: `mongodb://host:port/<db>?options`. */
function withDatabase(url: string, database: string): string {
  return url.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*/, `$1/${database}`);
}

/** A jurisdiction code no other run wrote to, of GB/T 2260's structure (prefecture 01–70, county 01–99; ADR 0009). */
const two = (n: number) => String(n).padStart(2, '0');
const freshJurisdiction = () => `37${two(1 + Math.floor(Math.random() * 70))}${two(1 + Math.floor(Math.random() * 99))}`;

describe(`two API processes on ${stores}`, () => {
  let projecting: RunningRegistry;
  let serving: RunningRegistry;

  beforeAll(async () => {
    const base = testConfig();
    const config: RegistryConfig = {
      ...base,
      tokens: base.tokens.map((grant) => (grant.token === TOKENS.registrar ? { ...grant, jurisdictions: ['*'] } : grant)),
      ...(external ? { eventStoreUrl: EVENTSTORE_URL, mongoUrl: withDatabase(MONGO_URL!, `registry_e2e_${randomUUID().slice(0, 8)}`) } : {}),
    };
    projecting = await startRegistry(config);
    serving = await startRegistry({ ...config, projector: false });
  }, 120_000);
  afterAll(async () => {
    await serving?.close();
    await projecting?.close();
  });

  it('a body established through one is read back through the other, with its hash chain intact', async () => {
    const jurisdiction = freshJurisdiction();
    const written = await serving.client.post('/bodies', establishRequest({ jurisdiction }));
    expect(written.status).toBe(201);
    const read = await projecting.client.get(`/jurisdictions/${jurisdiction}/registry?date=2020-03-31&minPosition=${written.body.position}`);
    expect(read.status).toBe(200);
    expect(read.body.bodies.map((b: { id: string }) => b.id)).toEqual([written.body.bodyId]);
    const history = await projecting.client.get(`/bodies/${written.body.bodyId}/history`);
    expect(history.body.map((e: { eventId: string }) => e.eventId)).toEqual(written.body.eventIds);
    const integrity = await serving.client.get('/integrity');
    expect(integrity.status).toBe(200);
    expect(integrity.body.problems).toEqual([]);
  }, 60_000);

  it('a retry through the other with the same Idempotency-Key gets the first answer and records nothing', async () => {
    const key = randomUUID();
    const request = establishRequest({ jurisdiction: freshJurisdiction(), duties: `幂等 ${key}` });
    const first = await projecting.client.post('/bodies', request, TOKENS.registrar, { 'Idempotency-Key': key });
    const retry = await serving.client.post('/bodies', request, TOKENS.registrar, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
  }, 60_000);

  it('racing for the last place under the quota, one establishment is recorded and the other is judged again with it counted (422 quota)', async () => {
    const jurisdiction = freshJurisdiction();
    const baseline = await projecting.client.post(`/jurisdictions/${jurisdiction}/quota-baselines`, {
      total: 1,
      standing: 1,
      temporary: 0,
      documentNo: '潍政办字〔2020〕1号',
      effectiveDate: '2020-01-01',
    });
    expect(baseline.status).toBe(201);
    // two standing bodies with nothing in common: alone, either would be recorded
    const other = { ...temporaryRequest({ jurisdiction, duration: 'standing' }), termEnd: undefined, abolitionCondition: undefined };
    const answers = await Promise.all([
      projecting.client.post('/bodies', establishRequest({ jurisdiction })),
      serving.client.post('/bodies', other),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.status === 422)!;
    expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['quota']);
    const recorded = answers.find((a) => a.status === 201)!;
    const read = await projecting.client.get(`/jurisdictions/${jurisdiction}/registry?date=2020-03-31&minPosition=${recorded.body.position}`);
    expect(read.body.bodies.map((b: { id: string }) => b.id)).toEqual([recorded.body.bodyId]);
  }, 60_000);
});
