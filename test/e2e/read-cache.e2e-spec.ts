import { startRegistry, TOKENS, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest } from '../support/fixtures.js';

/** Dashboard reads carry an ETag: 304 while the log has not moved, the new answer once it has (ADR 0012). */
describe('HTTP reads: ETags and the read cache', () => {
  let registry: RunningRegistry;
  const code = '370700';
  let bodyId: string;
  let position: number;

  const get = async (path: string, headers: Record<string, string> = {}, token = TOKENS.auditor) => {
    const response = await fetch(`${registry.client.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    const text = await response.text();
    return { status: response.status, etag: response.headers.get('etag'), cacheControl: response.headers.get('cache-control'), body: text ? JSON.parse(text) : undefined };
  };
  const write = async (path: string, body: unknown) => {
    const answer = await registry.client.post(path, body);
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    position = answer.body.position;
    return answer.body;
  };

  beforeAll(async () => {
    registry = await startRegistry();
    bodyId = (await write('/bodies', establishRequest({ jurisdiction: code, name: '潍坊市安全生产委员会', effectiveDate: '2019-03-01' }))).bodyId;
  });
  afterAll(() => registry.close());

  for (const [route, path] of [
    ['registry', () => `/jurisdictions/${code}/registry?date=2020-01-01`],
    ['quota', () => `/jurisdictions/${code}/quota?from=2019-01-01&to=2021-12-31`],
    ['history', () => `/bodies/${bodyId}/history`],
  ] as const) {
    it(`${route}: 304 for the ETag it gave while nothing was recorded, then 200 with the new answer and another ETag`, async () => {
      const first = await get(`${path()}${path().includes('?') ? '&' : '?'}minPosition=${position}`);
      expect(first.status).toBe(200);
      expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.cacheControl).toBe('private, no-cache');
      const again = await get(path(), { 'if-none-match': first.etag! });
      expect(again.status).toBe(304);
      expect(again.body).toBeUndefined();
      expect((await get(path(), { 'if-none-match': 'W/"something-else"' })).status).toBe(200);

      // a change the answer shows: the quota line counts bodies, the others show names
      if (route === 'quota') await write('/bodies', establishRequest({ jurisdiction: code, name: '潍坊市食品安全委员会', duties: '统筹协调全市食品安全工作', effectiveDate: '2020-06-01' }));
      else await write(`/bodies/${bodyId}/renames`, { newName: `潍坊市安全生产工作委员会${route}`, documentNo: '潍政办字〔2020〕3号', effectiveDate: '2019-06-01' });
      const after = await get(`${path()}${path().includes('?') ? '&' : '?'}minPosition=${position}`, { 'if-none-match': first.etag! });
      expect(after.status).toBe(200);
      expect(after.etag).not.toBe(first.etag);
      if (route === 'quota') expect(after.body.points).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2020-06-01', active: 2 })]));
      else expect(JSON.stringify(after.body)).toContain(`潍坊市安全生产工作委员会${route}`);
      // The log moved but this answer did not: the same tag still gives 304.
      if (route !== 'history') {
        await write('/bodies', establishRequest({ jurisdiction: '370100', name: `济南市某委员会${route}`, effectiveDate: '2019-03-01', justification: '测试' }));
        expect((await get(`${path()}${path().includes('?') ? '&' : '?'}minPosition=${position}`, { 'if-none-match': after.etag! })).status).toBe(304);
      }
    });
  }

  it('echoes each request its own knownAt from one cached answer, and answers an earlier knownAt as known then', async () => {
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await write(`/bodies/${bodyId}/renames`, { newName: '潍坊市安全生产工作委员会(新)', documentNo: '潍政办字〔2021〕3号', effectiveDate: '2019-07-01' });
    const path = `/jurisdictions/${code}/registry?date=2020-01-01&minPosition=${position}`;
    const now1 = await get(path);
    await new Promise((r) => setTimeout(r, 5));
    const now2 = await get(path);
    expect(now2.body.knownAt > now1.body.knownAt).toBe(true);
    expect(now2.etag).toBe(now1.etag);
    expect(now2.body.bodies[0].name).toBe('潍坊市安全生产工作委员会(新)');
    const then = await get(`${path}&knownAt=${before}`);
    expect(then.body.knownAt).toBe(before);
    expect(then.body.bodies[0].name).not.toBe('潍坊市安全生产工作委员会(新)');
    expect(then.etag).not.toBe(now1.etag);
  });

  it('checks the token on a cached answer too: a viewer of another jurisdiction gets 403 for a history cached for an auditor', async () => {
    expect((await get(`/bodies/${bodyId}/history`)).status).toBe(200);
    const other = await registry.client.get(`/bodies/${bodyId}/history`, TOKENS.otherRegistrar);
    expect(other.status).toBe(403);
  });

  it('answers a bad knownAt with 400 naming the field, and caches nothing for it', async () => {
    const bad = await get(`/jurisdictions/${code}/registry?date=2020-01-01&knownAt=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('knownAt');
    expect((await get(`/jurisdictions/${code}/registry?date=2020-13-01`)).status).toBe(400);
  });
});
