import { randomUUID } from 'node:crypto';
import { startRegistry, testConfig, TEST_GRANTS, TOKENS, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest, WEIFANG } from '../support/fixtures.js';

/** Issue 11 "Access and idempotency": who may see an answer, page the log, or wait for a read. */
const BEIJING = '110000';
// 110000 is judged by the provincial default policy: posts without the municipal ranks
const beijingRequest = (overrides: Record<string, unknown> = {}) =>
  establishRequest({ jurisdiction: BEIJING, name: `北京市测试${randomUUID().slice(0, 6)}委员会`, duties: `测试职责 ${randomUUID()}`, leader: '市长', deputies: ['常务副市长', '分管副市长'], ...overrides });
const weifangRequest = () => establishRequest({ name: `潍坊市测试${randomUUID().slice(0, 6)}委员会`, duties: `测试职责 ${randomUUID()}` });

describe('access and idempotency over HTTP', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry.close();
  });
  const api = () => registry.client;

  describe('Idempotency-Key is scoped to (token, route)', () => {
    it('another registrar replaying a key of a 370700 write is refused, not given the answer', async () => {
      const key = `k-${randomUUID()}`;
      const request = weifangRequest();
      const first = await api().post('/bodies', request, TOKENS.registrar, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      const replay = await api().post('/bodies', request, TOKENS.otherRegistrar, { 'idempotency-key': key });
      expect(replay.status).toBe(403);
      expect(JSON.stringify(replay.body)).not.toContain(first.body.bodyId);
      expect(replay.body.message).toContain(WEIFANG);
      // the owner's own retry still gets the first answer
      const retry = await api().post('/bodies', request, TOKENS.registrar, { 'idempotency-key': key });
      expect(retry).toEqual({ status: 201, body: first.body });
    });

    it('the same key chosen by two registrars names two requests of their own', async () => {
      const key = `shared-${randomUUID()}`;
      const weifang = await api().post('/bodies', weifangRequest(), TOKENS.registrar, { 'idempotency-key': key });
      const beijing = await api().post('/bodies', beijingRequest(), TOKENS.otherRegistrar, { 'idempotency-key': key });
      expect([weifang.status, beijing.status]).toEqual([201, 201]);
      expect(beijing.body.bodyId).not.toBe(weifang.body.bodyId);
      const events = await api().get(`/bodies/${beijing.body.bodyId}/history`);
      expect(events.body[0].data.name).toMatch(/^北京市/);
    });

    it('a key reused on another route is a request of its own; on the same route with another body, 422 names the client\'s key', async () => {
      const key = `route-${randomUUID()}`;
      const established = await api().post('/bodies', weifangRequest(), TOKENS.registrar, { 'idempotency-key': key });
      expect(established.status).toBe(201);
      const report = await api().post(`/bodies/${established.body.bodyId}/annual-reports`, { year: 2020, summary: '召开全体会议1次', meetingsHeld: 1, filedOn: '2020-12-20' }, TOKENS.registrar, { 'idempotency-key': key });
      expect(report.status).toBe(201);
      const reused = await api().post('/bodies', weifangRequest(), TOKENS.registrar, { 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(reused.body.details).toEqual({ idempotencyKey: key });
      expect(reused.body.message).toBe(`Idempotency-Key ${key} 已用于另一项不同的请求`);
    });
  });

  it('/events filters by jurisdiction before limit: a registrar of one jurisdiction pages through its events', async () => {
    const after = (await api().get('/health')).body.position as number;
    for (let i = 0; i < 4; i++) expect((await api().post('/bodies', weifangRequest())).status).toBe(201);
    const mine: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await api().post('/bodies', beijingRequest(), TOKENS.otherRegistrar);
      expect(answer.status).toBe(201);
      mine.push(answer.body.eventIds[0]);
    }
    const seen: string[] = [];
    let cursor = after;
    for (let page = 0; page < 10; page++) {
      const answer = await api().get(`/events?after=${cursor}&limit=2`, TOKENS.otherRegistrar);
      expect(answer.status).toBe(200);
      expect(answer.body.length).toBeLessThanOrEqual(2);
      if (answer.body.length === 0) break;
      for (const event of answer.body) expect(event.jurisdiction).toBe(BEIJING);
      seen.push(...answer.body.map((e: { eventId: string }) => e.eventId));
      cursor = answer.body.at(-1).position;
    }
    expect(seen).toEqual(mine);
    const all = await api().get(`/events?after=0&limit=1000`, TOKENS.otherRegistrar);
    expect(all.body.map((e: { eventId: string }) => e.eventId)).toEqual(expect.arrayContaining(mine));
    expect(all.body.every((e: { jurisdiction: string }) => e.jurisdiction === BEIJING)).toBe(true);
  });

  describe('reads of another jurisdiction', () => {
    it('a foreign body answers 403 at once, before any minPosition wait, saying the token may not read it', async () => {
      const beijing = await api().post('/bodies', beijingRequest(), TOKENS.otherRegistrar);
      const far = beijing.body.position + 1_000_000;
      for (const path of [`/bodies/${beijing.body.bodyId}?minPosition=${far}`, `/bodies/${beijing.body.bodyId}?date=2000-01-01`]) {
        const answer = await api().request('GET', path, { token: TOKENS.viewer });
        expect({ path, status: answer.status }).toEqual({ path, status: 403 });
        expect(answer.body.message).toBe(`令牌无权查阅行政区划 ${BEIJING} 的信息`);
      }
      const byHeader = await api().request('GET', `/bodies/${beijing.body.bodyId}`, { token: TOKENS.viewer, headers: { 'x-min-position': String(far) } });
      expect(byHeader.status).toBe(403);
      const history = await api().get(`/bodies/${beijing.body.bodyId}/history`, TOKENS.viewer);
      expect(history.status).toBe(403);
      expect(history.body.message).not.toContain('登记');
      const registry = await api().get(`/jurisdictions/${BEIJING}/registry`, TOKENS.viewer);
      expect(registry.status).toBe(403);
      expect(registry.body.message).toBe(`令牌无权查阅行政区划 ${BEIJING} 的信息`);
    });

    it('a write on another jurisdiction\'s body answers 403 too, saying the token may not record there', async () => {
      const weifang = await api().post('/bodies', weifangRequest());
      const rename = await api().post(`/bodies/${weifang.body.bodyId}/renames`, { newName: '北京市另一名称委员会', documentNo: '京政办〔2021〕1号', effectiveDate: '2021-01-01' }, TOKENS.otherRegistrar);
      expect(rename.status).toBe(403);
      expect(rename.body.message).toBe(`令牌无权对行政区划 ${WEIFANG} 登记`);
      const missing = await api().post(`/bodies/${randomUUID()}/renames`, { newName: '北京市另一名称委员会', documentNo: '京政办〔2021〕1号', effectiveDate: '2021-01-01' }, TOKENS.otherRegistrar);
      expect(missing.status).toBe(404);
    });

    it('a body that does not exist answers 404, for every token', async () => {
      for (const token of [TOKENS.viewer, TOKENS.auditor]) expect((await api().get(`/bodies/${randomUUID()}`, token)).status).toBe(404);
    });
  });
});

describe('permission is checked before a replay', () => {
  it('a token that lost a jurisdiction no longer gets the answers it was given there', async () => {
    const config = testConfig();
    const key = `lost-${randomUUID()}`;
    const first = await startRegistry(config);
    const request = weifangRequest();
    const answer = await first.client.post('/bodies', request, TOKENS.registrar, { 'idempotency-key': key });
    expect(answer.status).toBe(201);
    await first.close();
    const narrowed = TEST_GRANTS.map((grant) => (grant.token === TOKENS.registrar ? { ...grant, jurisdictions: ['370100'] } : grant));
    const second = await startRegistry({ ...config, tokens: narrowed });
    try {
      const replay = await second.client.post('/bodies', request, TOKENS.registrar, { 'idempotency-key': key });
      expect(replay.status).toBe(403);
      expect(JSON.stringify(replay.body)).not.toContain(answer.body.bodyId);
    } finally {
      await second.close();
    }
  });
});
