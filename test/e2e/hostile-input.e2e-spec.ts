import { startRegistry, TOKENS, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest, WEIFANG } from '../support/fixtures.js';

/** Issue 11 "No 5xx from any request" and issue 15's Chinese 400s: input a careless or hostile client sends. */
describe('hostile input answers 400 in Chinese and writes nothing', () => {
  let registry: RunningRegistry;
  let bodyId: string;
  let eventId: string;
  beforeAll(async () => {
    registry = await startRegistry();
    const established = await registry.client.post('/bodies', establishRequest());
    expect(established.status).toBe(201);
    bodyId = established.body.bodyId;
    eventId = established.body.eventIds[0];
  });
  afterAll(async () => {
    await registry.close();
  });
  const api = () => registry.client;
  const chinese = /\p{Script=Han}/u;

  /** Every write route of the OpenAPI document, its path parameters filled with real values. */
  async function writeRoutes(): Promise<string[]> {
    const document = await fetch(`${api().baseUrl}/api/docs-json`).then((r) => r.json() as Promise<{ paths: Record<string, Record<string, unknown>> }>);
    const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'post' in operations)
      .map(([path]) => path.replace(/^\/api\/v1/, '').replace('{id}', bodyId).replace('{code}', WEIFANG).replace('{campaignId}', 'c-2020'));
    expect(routes.length).toBeGreaterThanOrEqual(9);
    return routes;
  }

  it('JSON nested 2,000 levels deep (4 KB) on every write route is a 400, not a 500', async () => {
    const before = await api().log();
    const deep = `{"documentNo":${'['.repeat(2000)}${']'.repeat(2000)}}`;
    expect(deep.length).toBeGreaterThan(4000);
    for (const route of await writeRoutes()) {
      const answer = await api().request('POST', route, { token: TOKENS.registrar, body: deep, headers: { 'idempotency-key': `deep-${route}` } });
      expect({ route, status: answer.status }).toEqual({ route, status: 400 });
      expect(answer.body.message).toMatch(/嵌套过深/);
    }
    expect(await api().log()).toEqual(before);
  });

  it('a lone surrogate in any string field is a 400 naming the field', async () => {
    const before = await api().log();
    const request = establishRequest({ jurisdiction: WEIFANG });
    const strings = Object.entries(request).filter(([, v]) => typeof v === 'string').map(([k]) => k);
    expect(strings.length).toBeGreaterThan(5);
    for (const field of [...strings, 'leader.title', 'memberUnits[1]', 'basis.text']) {
      const body = structuredClone(request) as Record<string, any>;
      if (field === 'leader.title') body.leader.title = '市长\ud800';
      else if (field === 'memberUnits[1]') body.memberUnits[1] = '\udfff市公安局';
      else if (field === 'basis.text') body.basis.text = '\ud800';
      else body[field] = `${body[field]}\ud800`;
      const answer = await api().request('POST', '/bodies', { token: TOKENS.registrar, body: JSON.stringify(body) });
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
      expect(answer.body.details).toEqual([expect.objectContaining({ field, problems: [expect.stringMatching(/Unicode/)] })]);
    }
    const onAdjustment = await api().post(`/bodies/${bodyId}/adjustments`, { duties: '\ud800', documentNo: '潍政办字〔2021〕1号', effectiveDate: '2021-01-01' });
    expect(onAdjustment.status).toBe(400);
    const onCorrection = await api().post('/corrections', { eventId, fields: { hostDepartment: '\ud800' }, reason: '更正' });
    expect(onCorrection.status).toBe(400);
    expect(await api().log()).toEqual(before);
  });

  it.each(['2020-13-01', '2020-00-10', '0005-01-01', '2020-02-30', '20200101', '9999-12-31'])(
    'a date that is not a real one (%s) in a query is a 400 on quota, changes and registry',
    async (date) => {
      for (const path of [`/jurisdictions/${WEIFANG}/quota?to=${date}`, `/jurisdictions/${WEIFANG}/changes?to=${date}`, `/jurisdictions/${WEIFANG}/quota?from=${date}`, `/jurisdictions/${WEIFANG}/registry?date=${date}`, `/bodies/${bodyId}?date=${date}`]) {
        const answer = await api().get(path, TOKENS.registrar);
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expect(answer.body.message).toMatch(chinese);
        expect(answer.body.details[0].problems[0]).toMatch(/真实日期/);
      }
    },
  );

  it('a repeated query parameter is a 400, not an array the handler does not expect', async () => {
    const answer = await api().get(`/jurisdictions/${WEIFANG}/quota?to=2020-01-01&to=2021-01-01`, TOKENS.registrar);
    expect(answer.status).toBe(400);
    expect(answer.body.details[0].field).toBe('to');
  });

  it('a merger without its target is a 400 naming target (was a 500 found by the fuzz suite)', async () => {
    const answer = await api().post('/mergers', { jurisdiction: WEIFANG, sourceBodyIds: [bodyId], reason: 2, documentNo: '潍政发〔2022〕3号', effectiveDate: '2022-01-10' });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'target', label: '合并后机构(target)', problems: ['必填'] }]);
  });

  it('400s name fields and allowed values in Chinese', async () => {
    const bad = await api().post('/bodies', establishRequest({ series: 'both', duration: 'forever' }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('序列(series)');
    expect(bad.body.message).toContain('设置期限(duration)');
    const series = bad.body.details.find((d: { field: string }) => d.field === 'series');
    expect(series).toEqual({ field: 'series', label: '序列(series)', problems: ['须为以下之一：party(党委)、government(政府)、joint(党政联合)'] });
    const abolition = await api().post(`/bodies/${bodyId}/abolition`, { reason: 2, disposition: 'gone', documentNo: '潍政发〔2022〕3号', effectiveDate: '2022-01-10' });
    expect(abolition.status).toBe(400);
    expect(abolition.body.details[0].problems[0]).toBe('须为以下之一：abolished(撤销)、delisted(不再作为议事协调机构)、joint-meeting(调整为部门联席会议)');
    const tooLong = await api().post('/bodies', establishRequest({ documentNo: 'x'.repeat(201), colour: 'red' }));
    expect(tooLong.body.details).toEqual(
      expect.arrayContaining([
        { field: 'documentNo', label: '文号(documentNo)', problems: ['长度不得超过 200 个字符'] },
        { field: 'colour', label: 'colour', problems: ['不允许的字段'] },
      ]),
    );
  });

  it('malformed JSON answers a Chinese message, not the parser\'s English', async () => {
    for (const text of ['{"name": ', '{name: 1}', '"just a string"', '{"a":1}}']) {
      const answer = await api().request('POST', '/bodies', { token: TOKENS.registrar, body: text });
      expect({ text, status: answer.status }).toEqual({ text, status: 400 });
      expect(answer.body.message).toMatch(chinese);
      expect(answer.body.message).not.toMatch(/Unexpected|JSON input|token/);
    }
  });

  it('a body that is valid JSON but not an object is a 400 saying it must be an object', async () => {
    for (const text of ['[]', '[{"name":"x"}]', '"text"', '42', 'null']) {
      const answer = await api().request('POST', '/bodies', { token: TOKENS.registrar, body: text });
      expect({ text, status: answer.status }).toEqual({ text, status: 400 });
      expect(answer.body.details).toEqual([{ field: 'body', label: '请求体(body)', problems: ['须为 JSON 对象'] }]);
    }
  });

  it('a POST that is not JSON (no Content-Type, a form, text) is a 415 saying so', async () => {
    const raw = (headers: Record<string, string>) =>
      fetch(`${api().baseUrl}/api/v1/bodies`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS.registrar}`, ...headers }, body: JSON.stringify(establishRequest()) });
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', undefined]) {
      const response = await raw(type ? { 'content-type': type } : {});
      const body = (await response.json()) as { message: string };
      expect({ type, status: response.status }).toEqual({ type, status: 415 });
      expect(body.message).toContain('Content-Type: application/json');
      expect(JSON.stringify(body)).not.toContain('should not exist');
    }
  });

  it('an unknown route answers 404 in Chinese', async () => {
    const answer = await api().get('/no-such-route');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.stringMatching(chinese) });
  });
});
