/** Supervision over HTTP: policies, compliance on a date, the annual report, a campaign. */
import { startRegistry, TOKENS, type RunningRegistry } from '../../../../test/support/registry-client.js';
import { establishRequest, temporaryRequest } from '../../../../test/support/fixtures.js';

const code = '370700';
const units = (n: number) => Array.from({ length: n }, (_, i) => `成员单位${i + 1}`);

describe('supervision over HTTP', () => {
  let registry: RunningRegistry;
  const ids: Record<string, string> = {};
  let lastPosition = 0;

  const write = async (path: string, body: unknown, status = 201) => {
    const answer = await registry.client.post(path, body);
    if (answer.status !== status) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (answer.body?.position) lastPosition = Math.max(lastPosition, answer.body.position);
    return answer.body;
  };

  beforeAll(async () => {
    registry = await startRegistry();
    await write(`/jurisdictions/${code}/quota-baselines`, { total: 2, series: 'government', documentNo: '潍政办字〔2020〕37号', effectiveDate: '2020-03-31' });
    ids.safety = (await write('/bodies', establishRequest())).bodyId;
    ids.census = (await write('/bodies', temporaryRequest())).bodyId;
    ids.safety2 = (await write('/bodies', establishRequest({ name: '潍坊市安全生产工作领导小组', effectiveDate: '2020-06-01', justifications: { duplicate: '经市政府常务会议研究同意', quota: '经市政府常务会议研究同意' } }))).bodyId;
  });
  afterAll(() => registry.close());

  describe('POST /jurisdictions/{code}/policies', () => {
    it('adopts 辽宁办法 with fifteen member units from 2022-01-01, and lists it', async () => {
      const answer = await write(`/jurisdictions/${code}/policies`, { profile: '辽宁办法', maxMemberUnits: 15, documentNo: '潍办发〔2021〕30号', effectiveDate: '2022-01-01', reason: '参照辽宁办法' });
      expect(answer).toMatchObject({ version: 2, eventIds: [expect.any(String)] });
      const list = await registry.client.get(`/jurisdictions/${code}/policies?date=2022-06-01`);
      expect(list.status).toBe(200);
      expect(list.body.inForce).toMatchObject({ name: '辽宁办法', recorded: true, adoptedOn: '2022-01-01', limits: { maxMemberUnits: 15, maxDeputies: 2 } });
      expect(list.body.adoptions).toEqual([expect.objectContaining({ effectiveDate: '2022-01-01', documentNo: '潍办发〔2021〕30号', profile: '辽宁办法', policy: expect.objectContaining({ maxMemberUnits: 15 }) })]);
      expect((await registry.client.get(`/jurisdictions/${code}/policies?date=2021-06-01`)).body.inForce).toMatchObject({ name: '市级办法', recorded: false });
    });

    it('judges each later decision by the policy of its effective date', async () => {
      const before = await registry.client.post('/bodies', establishRequest({ name: '潍坊市数字经济发展工作领导小组', memberUnits: units(12), effectiveDate: '2021-06-01', duties: '统筹推进数字产业化和产业数字化' }));
      expect(before.status).toBe(422);
      expect(before.body.violations.map((v: { rule: string }) => v.rule)).toContain('member-units');
      const after = await registry.client.post('/bodies', establishRequest({ name: '潍坊市数字经济发展工作领导小组', memberUnits: units(12), effectiveDate: '2022-06-01', duties: '统筹推进数字产业化和产业数字化', justification: '超出总量控制基准，经市政府常务会议研究同意' }));
      expect(after.status).toBe(201);
      ids.digital = after.body.bodyId;
      lastPosition = after.body.position;
    });

    it('refuses an unknown profile (422), malformed limits (400), and writers of other jurisdictions (403)', async () => {
      expect((await registry.client.post(`/jurisdictions/${code}/policies`, { profile: '不存在办法', documentNo: 'x', effectiveDate: '2022-01-01' })).status).toBe(422);
      const bad = await registry.client.post(`/jurisdictions/${code}/policies`, { maxMemberUnits: 0, documentNo: 'x', effectiveDate: '2022-13-01' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['effectiveDate', 'maxMemberUnits']);
      expect((await registry.client.post(`/jurisdictions/${code}/policies`, { profile: '市级办法', documentNo: 'x', effectiveDate: '2022-01-01' }, TOKENS.otherRegistrar)).status).toBe(403);
      expect((await registry.client.post(`/jurisdictions/${code}/policies`, { profile: '市级办法', documentNo: 'x', effectiveDate: '2022-01-01' }, TOKENS.viewer)).status).toBe(403);
    });

    it('lists the profiles with where each limit comes from', async () => {
      const profiles = await registry.client.get('/policies/profiles', TOKENS.viewer);
      expect(profiles.body.map((p: { name: string }) => p.name).sort()).toEqual(['市级办法', '市级办法(旧)', '玉溪办法', '辽宁办法'].sort());
    });
  });

  describe('GET /jurisdictions/{code}/compliance?date=', () => {
    it('answers the alerts of a date with rule, article, since, bodies and details', async () => {
      const answer = await registry.client.get(`/jurisdictions/${code}/compliance?date=2022-06-01`, TOKENS.viewer);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ jurisdiction: code, date: '2022-06-01', policy: { name: '辽宁办法' } });
      const byRule = (rule: string) => answer.body.alerts.filter((a: { rule: string }) => a.rule === rule);
      expect(byRule('term-expired')).toEqual([expect.objectContaining({ article: '辽宁办法 第八条；市级办法 第十五条(二)', since: '2022-01-01', bodies: [{ id: ids.census, name: '潍坊市第二次全国污染源普查领导小组' }] })]);
      expect(byRule('quota')[0]).toMatchObject({ since: '2020-06-01', details: { baseline: { total: 2 }, active: 4, excess: 2 } });
      expect(byRule('duplicate')[0]).toMatchObject({ since: '2020-06-01', bodies: [{ id: ids.safety }, { id: ids.safety2 }] });
      expect(byRule('annual-report').map((a: { details: { missing: Array<{ year: number }> } }) => a.details.missing.map((m) => m.year))).toEqual([[2020, 2021], [2020, 2021], [2020, 2021]]);
      for (const alert of answer.body.alerts) expect(Object.keys(alert).sort()).toEqual(['article', 'bodies', 'details', 'message', 'rule', 'since']);
    });

    it('before the policy took effect, judges by 市级办法', async () => {
      const answer = await registry.client.get(`/jurisdictions/${code}/compliance?date=2021-06-01`);
      expect(answer.body.policy).toMatchObject({ name: '市级办法', recorded: false });
      expect(answer.body.alerts.filter((a: { rule: string }) => a.rule === 'term-expired')).toEqual([]);
    });

    it('refuses a malformed date (400) and a reader of another jurisdiction (403)', async () => {
      expect((await registry.client.get(`/jurisdictions/${code}/compliance?date=2022-02-30`)).status).toBe(400);
      expect((await registry.client.get(`/jurisdictions/110000/compliance`, TOKENS.viewer)).status).toBe(403);
      expect((await registry.client.get(`/jurisdictions/${code}/compliance?dormantDays=0`)).status).toBe(400);
    });
  });

  describe('GET /jurisdictions/{code}/reports/annual?year=', () => {
    it('answers JSON, Markdown and XLSX', async () => {
      const json = await registry.client.get(`/jurisdictions/${code}/reports/annual?year=2020`);
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({ year: 2020, jurisdictionName: '潍坊市', counts: { start: { total: 0 }, end: { total: 3, temporary: 1 } }, reports: { due: 3, filed: [] } });
      expect(json.body.changes.map((c: { kind: string }) => c.kind)).toEqual(['baseline', 'established', 'established', 'established']);
      const md = await fetch(`${registry.client.baseUrl}/api/v1/jurisdictions/${code}/reports/annual?year=2020&format=md`, { headers: { authorization: `Bearer ${TOKENS.auditor}` } });
      expect(md.headers.get('content-type')).toContain('text/markdown');
      expect(await md.text()).toContain('# 潍坊市2020年度议事协调机构工作情况报告');
      const xlsx = await fetch(`${registry.client.baseUrl}/api/v1/jurisdictions/${code}/reports/annual?year=2020&format=xlsx`, { headers: { authorization: `Bearer ${TOKENS.auditor}` } });
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
      expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    });

    it('needs a year', async () => {
      expect((await registry.client.get(`/jurisdictions/${code}/reports/annual`)).status).toBe(400);
    });
  });

  describe('clean-up campaigns', () => {
    it('opens, lists outcomes, concludes with one decision, and summarises', async () => {
      const opened = await write(`/jurisdictions/${code}/campaigns`, { campaignId: 'wf-2022', title: '市政府议事协调机构清理规范', scope: { series: 'government' }, documentNo: '潍编办发〔2022〕5号', effectiveDate: '2022-07-01' });
      expect(opened).toMatchObject({ campaignId: 'wf-2022', version: 1 });
      await write(`/jurisdictions/${code}/campaigns/wf-2022/outcomes`, {
        effectiveDate: '2022-08-01',
        outcomes: [
          { bodyId: ids.census, outcome: 'abolish', abolitionReason: 2, note: '普查工作已完成' },
          { bodyId: ids.safety2, outcome: 'merge', mergeInto: ids.safety, mergerReason: 1 },
        ],
      });
      const open = await registry.client.get(`/jurisdictions/${code}/campaigns/wf-2022?date=2022-08-02`);
      expect(open.body).toMatchObject({ status: 'open', reviewed: 2, unlisted: expect.arrayContaining([{ id: ids.safety, name: '潍坊市安全生产委员会' }]) });
      const bad = await registry.client.post(`/jurisdictions/${code}/campaigns/wf-2022/conclusion`, { documentNo: '潍政发〔2022〕20号', effectiveDate: '2022-09-01' });
      expect(bad.status).toBe(422);
      const concluded = await write(`/jurisdictions/${code}/campaigns/wf-2022/conclusion`, { documentNo: '潍政发〔2022〕20号', effectiveDate: '2022-09-01', keepUnlisted: true, outcomes: [{ bodyId: ids.digital, outcome: 'joint-meeting', abolitionReason: 4 }] });
      expect(concluded.eventIds.length).toBe(6);
      const summary = await registry.client.get(`/jurisdictions/${code}/campaigns/wf-2022`, TOKENS.viewer);
      expect(summary.body).toMatchObject({ status: 'concluded', conclusionDocumentNo: '潍政发〔2022〕20号', reviewed: 4, counts: { keep: 1, abolish: 1, merge: 1, 'joint-meeting': 1, adjust: 0, delist: 0 } });
      const after = await registry.client.get(`/jurisdictions/${code}/registry?date=2022-09-01&minPosition=${concluded.position}`);
      expect(after.body.bodies.map((b: { id: string }) => b.id)).toEqual([ids.safety]);
      expect((await registry.client.get(`/jurisdictions/${code}/campaigns`)).body.map((c: { id: string }) => c.id)).toEqual(['wf-2022']);
    });

    it('404 for a campaign of another jurisdiction or none, 400 for a malformed id', async () => {
      expect((await registry.client.get(`/jurisdictions/370100/campaigns/wf-2022`)).status).toBe(404);
      expect((await registry.client.post(`/jurisdictions/370100/campaigns/wf-2022/conclusion`, { documentNo: 'x', effectiveDate: '2022-09-01' })).status).toBe(404);
      expect((await registry.client.get(`/jurisdictions/${code}/campaigns/bad%20id`)).status).toBe(400);
    });
  });
});
