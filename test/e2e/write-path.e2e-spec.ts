import { randomUUID } from 'node:crypto';
import { startRegistry, TOKENS, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest, temporaryRequest, WEIFANG } from '../support/fixtures.js';

describe('HTTP write path on the embedded store', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry.close();
  });
  const api = () => registry.client;

  async function establish(overrides: Record<string, unknown> = {}) {
    const answer = await api().post('/bodies', establishRequest({ name: `潍坊市测试机构${randomUUID().slice(0, 8)}委员会`, duties: `测试职责 ${randomUUID()}`, ...overrides }));
    expect(answer.status).toBe(201);
    return answer.body as { bodyId: string; version: number; position: number; eventIds: string[] };
  }

  describe('each action (市级办法)', () => {
    it('设立 establishes a body and answers {bodyId, version, position, eventIds}', async () => {
      const answer = await api().post('/bodies', establishRequest());
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ bodyId: expect.any(String), version: 1, position: expect.any(Number), eventIds: [expect.any(String)] });
      const history = await api().get(`/bodies/${answer.body.bodyId}/history`, TOKENS.viewer);
      expect(history.status).toBe(200);
      expect(history.body).toHaveLength(1);
      expect(history.body[0]).toMatchObject({
        eventId: answer.body.eventIds[0],
        type: 'BodyEstablished',
        effectiveDate: '2020-03-31',
        documentNo: '潍政办字〔2020〕37号',
        recordedBy: '潍坊市编办登记员',
        data: { name: '潍坊市安全生产委员会', kind: '委员会', series: 'government', leaders: [{ title: '市长', rank: 'bureau' }] },
      });
      expect(history.body[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    });

    it('调整, 更名, 改变隶属关系, 年度报告 and 撤销 follow one another on a body', async () => {
      const { bodyId } = await establish();
      const adjusted = await api().post(`/bodies/${bodyId}/adjustments`, { memberUnits: ['市应急管理局', '市公安局', '市财政局'], documentNo: '潍政办字〔2021〕5号', effectiveDate: '2021-02-01', expectedVersion: 1 });
      expect(adjusted.status).toBe(201);
      expect(adjusted.body.version).toBe(2);
      const renamed = await api().post(`/bodies/${bodyId}/renames`, { newName: `潍坊市新名称${randomUUID().slice(0, 6)}委员会`, aliases: ['对外名称'], documentNo: '潍政办字〔2021〕9号', effectiveDate: '2021-03-01' });
      expect(renamed.status).toBe(201);
      const moved = await api().post(`/bodies/${bodyId}/affiliation-changes`, { series: 'party', documentNo: '潍办字〔2021〕1号', effectiveDate: '2021-04-01' });
      expect(moved.status).toBe(201);
      const report = await api().post(`/bodies/${bodyId}/annual-reports`, { year: 2021, summary: '召开全体会议2次，开展安全生产大检查', meetingsHeld: 2, filedOn: '2021-12-20' });
      expect(report.status).toBe(201);
      const abolished = await api().post(`/bodies/${bodyId}/abolition`, { reason: 6, disposition: 'joint-meeting', documentNo: '潍政发〔2022〕3号', effectiveDate: '2022-01-10' });
      expect(abolished.status).toBe(201);
      expect(abolished.body.version).toBe(6);
      const history = await api().get(`/bodies/${bodyId}/history`);
      expect(history.body.map((e: { type: string }) => e.type)).toEqual([
        'BodyEstablished', 'BodyAdjusted', 'BodyRenamed', 'BodyAffiliationChanged', 'AnnualReportFiled', 'BodyAbolished',
      ]);
      expect(history.body[5].data).toEqual({ abolitionReason: 6, disposition: 'joint-meeting' });
      const after = await api().post(`/bodies/${bodyId}/renames`, { newName: '潍坊市再更名委员会', documentNo: 'x', effectiveDate: '2022-02-01' });
      expect(after.status).toBe(422);
      expect(after.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['lifecycle']);
    });

    it('合并 into a new body records one BodiesMerged fact and marks every stream, atomically', async () => {
      const a = await establish();
      const b = await establish();
      const before = (await api().log()).length;
      const merged = await api().post('/mergers', {
        jurisdiction: WEIFANG,
        sourceBodyIds: [a.bodyId, b.bodyId],
        target: { establish: establishRequest({ name: `潍坊市合并后${randomUUID().slice(0, 6)}领导小组`, duties: `合并后的职责 ${randomUUID()}`, jurisdiction: undefined, documentNo: undefined, effectiveDate: undefined }) },
        reason: 1,
        documentNo: '潍政办字〔2022〕12号',
        effectiveDate: '2022-06-01',
      });
      expect(merged.status).toBe(201);
      const log = await api().log();
      const written = log.slice(before);
      expect(written.map((e) => e.type).sort()).toEqual(['BodiesMerged', 'BodyEstablished', 'BodyMergedAway', 'BodyMergedAway']);
      const fact = written.find((e) => e.type === 'BodiesMerged');
      expect(fact.data).toMatchObject({ sourceBodyIds: [a.bodyId, b.bodyId], targetBodyId: merged.body.bodyId, mergerReason: 1 });
      expect(new Set(written.map((e) => e.correlationId)).size).toBe(1);
      const again = await api().post(`/bodies/${a.bodyId}/adjustments`, { tasks: '新任务', documentNo: 'x', effectiveDate: '2022-07-01' });
      expect(again.status).toBe(422);
      expect(again.body.violations[0].rule).toBe('lifecycle');
    });

    it('合并 into an existing body needs only one source', async () => {
      const target = await establish();
      const source = await establish();
      const merged = await api().post('/mergers', { jurisdiction: WEIFANG, sourceBodyIds: [source.bodyId], target: { bodyId: target.bodyId }, reason: 2, documentNo: '潍政办字〔2022〕13号', effectiveDate: '2022-06-01' });
      expect(merged.status).toBe(201);
      expect(merged.body).toMatchObject({ bodyId: target.bodyId, version: 2 });
      const history = await api().get(`/bodies/${target.bodyId}/history`);
      expect(history.body.at(-1)).toMatchObject({ type: 'BodyAbsorbedMerger', data: { sourceBodyIds: [source.bodyId] } });
    });

    it('总量控制基准 then 设立 over the quota needs a justification, which is recorded', async () => {
      const code = '370100';
      const baseline = await api().post(`/jurisdictions/${code}/quota-baselines`, { total: 1, standing: 1, temporary: 0, documentNo: '济政办字〔2020〕1号', effectiveDate: '2020-01-01' });
      expect(baseline.status).toBe(201);
      expect(baseline.body.bodyId).toBeUndefined();
      await establish({ jurisdiction: code });
      const over = await api().post('/bodies', temporaryRequest({ jurisdiction: code }));
      expect(over.status).toBe(422);
      expect(over.body.violations).toEqual([expect.objectContaining({ rule: 'quota', severity: 'warning', source: expect.stringContaining('潍坊名单') })]);
      const justified = await api().post('/bodies', temporaryRequest({ jurisdiction: code, justification: '经市政府常务会议研究同意' }));
      expect(justified.status).toBe(201);
      const [event] = (await api().get(`/bodies/${justified.body.bodyId}/history`)).body;
      expect(event.justification).toBe('经市政府常务会议研究同意');
      expect(event.waivedRules).toEqual([expect.objectContaining({ rule: 'quota' })]);
    });

    it('更正 points at an earlier event; the original stays', async () => {
      const { bodyId, eventIds } = await establish();
      const corrected = await api().post('/corrections', { eventId: eventIds[0], fields: { hostDepartment: '市应急管理局(市安委会办公室)' }, reason: '办事机构名称录入有误' });
      expect(corrected.status).toBe(201);
      expect(corrected.body).toMatchObject({ bodyId, version: 2 });
      const history = (await api().get(`/bodies/${bodyId}/history`)).body;
      expect(history[0].data.hostDepartment).toBe('市应急管理局');
      expect(history[1]).toMatchObject({ type: 'EventCorrected', data: { correctedEventId: eventIds[0], fields: { hostDepartment: '市应急管理局(市安委会办公室)' } } });
      const unknownField = await api().post('/corrections', { eventId: eventIds[0], fields: { colour: 'red' }, reason: '测试' });
      expect(unknownField.status).toBe(422);
      expect(unknownField.body.violations[0].rule).toBe('correction');
    });
  });

  describe('each error class', () => {
    it('400 names each bad field, rejects unknown fields, and writes nothing', async () => {
      const before = await api().log();
      const answer = await api().post('/bodies', { ...establishRequest(), series: 'both', effectiveDate: '2020-02-30', colour: 'red', basis: { conditions: [4], text: 1 } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      const fields = answer.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['series', 'effectiveDate', 'colour', 'basis.conditions', 'basis.text']));
      const malformedJson = await api().request('POST', '/bodies', { token: TOKENS.registrar, body: '{"name": ' });
      expect(malformedJson.status).toBe(400);
      expect(await api().log()).toEqual(before);
    });

    it('401 without or with an unknown token, 403 for a viewer or another jurisdiction', async () => {
      expect((await api().request('POST', '/bodies', { body: establishRequest() })).status).toBe(401);
      expect((await api().post('/bodies', establishRequest(), 'not-a-token')).status).toBe(401);
      expect((await api().post('/bodies', establishRequest(), TOKENS.viewer)).status).toBe(403);
      expect((await api().post('/bodies', establishRequest(), TOKENS.auditor)).status).toBe(403);
      const forbidden = await api().post('/bodies', establishRequest(), TOKENS.otherRegistrar);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect((await api().get('/events', TOKENS.viewer)).status).toBe(403);
    });

    it('404 for an unknown body', async () => {
      const answer = await api().post(`/bodies/${randomUUID()}/renames`, { newName: '潍坊市某委员会', documentNo: 'x', effectiveDate: '2021-01-01' });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect((await api().get(`/bodies/${randomUUID()}/history`)).status).toBe(404);
    });

    it('409 for a stale expectedVersion', async () => {
      const { bodyId } = await establish();
      const stale = await api().post(`/bodies/${bodyId}/adjustments`, { tasks: '新的任务', documentNo: 'x', effectiveDate: '2021-01-01', expectedVersion: 0 });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    });

    it('422 with violations citing rule codes and articles; errors cannot be justified', async () => {
      const answer = await api().post('/bodies', establishRequest({ name: '潍坊市测试错误委员会', basis: { conditions: [], text: '' }, leader: [], justification: '确因工作需要' }));
      expect(answer.status).toBe(422);
      expect(answer.body.violations).toEqual(expect.arrayContaining([
        expect.objectContaining({ rule: 'basis', source: '市级办法 第五条', severity: 'error' }),
        expect.objectContaining({ rule: 'leader', severity: 'error' }),
      ]));
      const term = await api().post('/bodies', temporaryRequest({ name: '潍坊市无期限领导小组', termEnd: undefined, abolitionCondition: undefined }));
      expect(term.status).toBe(422);
      expect(term.body.violations[0].rule).toBe('temporary-term');
    });

    it('422 for warning rules unless justified: member-units, deputies, leader, member-rank, discipline, mirror', async () => {
      const units = Array.from({ length: 12 }, (_, i) => `市第${i + 1}局`);
      const request = establishRequest({
        name: '潍坊市测试警告领导小组',
        duties: `警告测试 ${randomUUID()}`,
        memberUnits: units,
        deputies: ['副市长甲', '副市长乙', '副市长丙'],
        leader: ['市委书记', '市长'],
        members: [{ title: '市农业农村局四级调研员', rank: 'non-leadership' }, { title: '市纪委书记' }],
        mirrorsUpperBody: '山东省某领导小组',
      });
      const refused = await api().post('/bodies', request);
      expect(refused.status).toBe(422);
      expect(refused.body.violations.map((v: { rule: string }) => v.rule).sort()).toEqual(['deputies', 'discipline', 'leader', 'member-rank', 'member-units', 'mirror']);
      // one text for six rules is ambiguous: each rule is named
      const single = await api().post('/bodies', { ...request, justification: '经市委常委会研究同意' });
      expect(single.status).toBe(422);
      const text = '经市委常委会研究同意';
      const accepted = await api().post('/bodies', { ...request, justifications: { deputies: text, discipline: text, leader: text, 'member-rank': text, 'member-units': text, mirror: text } });
      expect(accepted.status).toBe(201);
    });
  });

  describe('idempotency and concurrency', () => {
    it('a repeated Idempotency-Key returns the first answer and writes nothing new', async () => {
      const key = randomUUID();
      const request = establishRequest({ name: '潍坊市幂等测试委员会', duties: `幂等 ${key}` });
      const first = await api().post('/bodies', request, TOKENS.registrar, { 'Idempotency-Key': key });
      const logAfterFirst = await api().log();
      const second = await api().post('/bodies', request, TOKENS.registrar, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(await api().log()).toEqual(logAfterFirst);
      const reused = await api().post('/bodies', { ...request, reason: '另一请求' }, TOKENS.registrar, { 'Idempotency-Key': key });
      expect(reused.status).toBe(422);
      expect(await api().log()).toEqual(logAfterFirst);
    });

    it('concurrent retries with one Idempotency-Key record once', async () => {
      const key = randomUUID();
      const request = establishRequest({ name: '潍坊市并发幂等委员会', duties: `并发幂等 ${key}` });
      const before = (await api().log()).length;
      const answers = await Promise.all([1, 2, 3].map(() => api().post('/bodies', request, TOKENS.registrar, { 'Idempotency-Key': key })));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(new Set(answers.map((a) => a.body.eventIds[0])).size).toBe(1);
      expect((await api().log()).length).toBe(before + 1);
    });

    it('two concurrent writers with the same expectedVersion: one 201, one 409', async () => {
      const { bodyId } = await establish();
      const write = (n: number) => api().post(`/bodies/${bodyId}/adjustments`, { tasks: `任务版本 ${n}`, documentNo: `潍政办字〔2021〕${n}号`, effectiveDate: '2021-05-01', expectedVersion: 1 });
      const answers = await Promise.all([write(1), write(2)]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      const history = (await api().get(`/bodies/${bodyId}/history`)).body;
      expect(history).toHaveLength(2);
    });
  });

  it('serves the OpenAPI document with the Chinese terms', async () => {
    const response = await fetch(`${api().baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, { post: { summary: string } }> };
    expect(document.paths['/api/v1/bodies'].post.summary).toBe('设立议事协调机构');
    expect(JSON.stringify(document)).toContain('撤销情形');
    const ui = await fetch(`${api().baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
  });
});
