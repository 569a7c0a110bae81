import { randomUUID } from 'node:crypto';
import { startRegistry, TOKENS, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest, temporaryRequest } from '../support/fixtures.js';

/** A history recorded through HTTP, read back as of several dates and knownAt moments. */
describe('HTTP reads: the registry as of a date and as known at a moment', () => {
  let registry: RunningRegistry;
  const code = '370100';
  const ids: Record<string, string> = {};
  const positions: number[] = [];
  const moments: Record<string, string> = {};

  beforeAll(async () => {
    registry = await startRegistry();
    const api = registry.client;
    const write = async (path: string, body: unknown) => {
      const answer = await api.post(path, body);
      if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
      positions.push(answer.body.position);
      return answer.body;
    };
    await write(`/jurisdictions/${code}/quota-baselines`, { total: 2, standing: 1, temporary: 1, documentNo: '济政办字〔2019〕1号', effectiveDate: '2019-01-01' });
    ids.safety = (await write('/bodies', establishRequest({ jurisdiction: code, name: '济南市安全生产委员会', effectiveDate: '2019-03-01' }))).bodyId;
    ids.census = (await write('/bodies', temporaryRequest({ jurisdiction: code, name: '济南市第二次全国污染源普查领导小组', effectiveDate: '2019-04-01' }))).bodyId;
    moments.beforeRename = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await write(`/bodies/${ids.safety}/renames`, { newName: '济南市安全生产工作委员会', documentNo: '济政办字〔2020〕3号', effectiveDate: '2020-01-15' });
    ids.food = (await write('/bodies', establishRequest({ jurisdiction: code, name: '济南市食品安全委员会', duties: '统筹协调全市食品安全工作', effectiveDate: '2020-06-01', justification: '国务院食品安全委员会要求设立' }))).bodyId;
    await write(`/bodies/${ids.census}/abolition`, { reason: 2, disposition: 'abolished', documentNo: '济政办字〔2021〕8号', effectiveDate: '2021-01-01' });
    moments.beforeLateRecord = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    // Recorded late: a decision of 2019-06-01 that the registry learns of only now.
    ids.late = (await write('/bodies', establishRequest({ jurisdiction: code, name: '济南市城市管理委员会', duties: '统筹城市管理工作', effectiveDate: '2019-06-01', justification: '补录' }))).bodyId;
  });
  afterAll(() => registry.close());

  const registryOf = async (query: string) => {
    const answer = await registry.client.get(`/jurisdictions/${code}/registry?${query}&minPosition=${positions.at(-1)}`, TOKENS.auditor);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('counts bodies on their effective dates: in on the day established, out on the day abolished', async () => {
    expect((await registryOf('date=2019-02-28')).total).toBe(0);
    const march = await registryOf('date=2019-03-01');
    expect(march.bodies.map((b: { name: string }) => b.name)).toEqual(['济南市安全生产委员会']);
    const end2020 = await registryOf('date=2020-12-31');
    expect(end2020).toMatchObject({ date: '2020-12-31', total: 4, counts: { standing: 3, temporary: 1, government: 4, party: 0 } });
    const names2021 = (await registryOf('date=2021-01-01')).bodies.map((b: { name: string }) => b.name);
    expect(names2021).not.toContain('济南市第二次全国污染源普查领导小组');
    expect(names2021).toContain('济南市安全生产工作委员会');
  });

  it('as known at an earlier moment, ignores what was recorded later (rename, late record)', async () => {
    const before = await registryOf(`date=2020-12-31&knownAt=${moments.beforeRename}`);
    expect(before.bodies.map((b: { name: string }) => b.name).sort()).toEqual(['济南市安全生产委员会', '济南市第二次全国污染源普查领导小组'].sort());
    const beforeLate = await registryOf(`date=2019-12-31&knownAt=${moments.beforeLateRecord}`);
    expect(beforeLate.total).toBe(2);
    const now = await registryOf('date=2019-12-31');
    expect(now.total).toBe(3);
  });

  it('answers a body as of a date, and 404 before it existed', async () => {
    const api = registry.client;
    const old = await api.get(`/bodies/${ids.safety}?date=2019-12-31&minPosition=${positions.at(-1)}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ id: ids.safety, name: '济南市安全生产委员会', series: 'government', status: 'active' });
    expect((await api.get(`/bodies/${ids.safety}?date=2020-02-01`)).body.name).toBe('济南市安全生产工作委员会');
    expect((await api.get(`/bodies/${ids.safety}?date=2019-01-01`)).status).toBe(404);
  });

  it('gives the quota line with over-quota periods', async () => {
    const answer = await registry.client.get(`/jurisdictions/${code}/quota?from=2019-01-01&to=2021-12-31&minPosition=${positions.at(-1)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.points).toEqual(expect.arrayContaining([
      expect.objectContaining({ date: '2019-01-01', active: 0, baseline: 2 }),
      expect.objectContaining({ date: '2019-06-01', active: 3, baseline: 2 }),
      expect.objectContaining({ date: '2020-06-01', active: 4, baseline: 2 }),
      expect.objectContaining({ date: '2021-01-01', active: 3, baseline: 2 }),
    ]));
    expect(answer.body.violations).toEqual([{ from: '2019-06-01', to: '2021-12-31', maxOver: 2 }]);
  });

  it('lists what changed between two dates', async () => {
    const answer = await registry.client.get(`/jurisdictions/${code}/changes?from=2020-01-01&to=2021-01-01&minPosition=${positions.at(-1)}`);
    expect(answer.status).toBe(200);
    expect(answer.body.established.map((e: { name: string }) => e.name)).toEqual(['济南市食品安全委员会']);
    expect(answer.body.renamed).toEqual([expect.objectContaining({ bodyId: ids.safety, previousName: '济南市安全生产委员会', newName: '济南市安全生产工作委员会' })]);
    expect(answer.body.abolished).toEqual([expect.objectContaining({ bodyId: ids.census, disposition: 'abolished' })]);
  });

  it('reads its own write: a read with minPosition sees the write just answered', async () => {
    const api = registry.client;
    const name = `济南市读写一致测试${randomUUID().slice(0, 4)}领导小组`;
    const written = await api.post('/bodies', establishRequest({ jurisdiction: code, name, duties: `读写一致 ${name}`, effectiveDate: '2022-01-01', justification: '测试' }));
    expect(written.status).toBe(201);
    const answer = await api.request('GET', `/jurisdictions/${code}/registry?date=2022-01-01`, { token: TOKENS.auditor, headers: { 'X-Min-Position': String(written.body.position) } });
    expect(answer.body.bodies.map((b: { name: string }) => b.name)).toContain(name);
  });

  it('refuses malformed read parameters with 400 naming the field, and other jurisdictions with 403', async () => {
    const bad = await registry.client.get(`/jurisdictions/${code}/registry?date=2020-13-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('date');
    expect((await registry.client.get(`/jurisdictions/${code}/registry`, TOKENS.viewer)).status).toBe(403);
    expect((await registry.client.get(`/jurisdictions/${code}/registry?minPosition=abc`)).status).toBe(400);
  });
});
