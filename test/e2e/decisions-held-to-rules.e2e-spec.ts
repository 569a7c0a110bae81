/**
 * Issue 11, "Corrections and decisions held to the same rules": a correction is judged as the
 * decision it corrects, every write carries a 文号, a missing basis is the 第五条 refusal, and a
 * justification waives only the warnings it names.
 */
import { randomUUID } from 'node:crypto';
import { startRegistry, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest, WEIFANG } from '../support/fixtures.js';

describe('decisions and corrections held to the same rules (issue 11)', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry.close();
  });
  const api = () => registry.client;
  const unique = () => randomUUID().slice(0, 8);

  async function establish(overrides: Record<string, unknown> = {}) {
    const answer = await api().post('/bodies', establishRequest({ name: `潍坊市测试${unique()}委员会`, duties: `测试职责 ${randomUUID()}`, ...overrides }));
    expect(answer.status).toBe(201);
    return answer.body as { bodyId: string; eventIds: string[] };
  }

  it('市级办法 第五条 basis: an establishment without `basis` answers the 422 of the basis rule, not 500', async () => {
    const request: Record<string, unknown> = establishRequest({ name: `潍坊市无依据${unique()}委员会` });
    delete request.basis;
    const answer = await api().post('/bodies', request);
    expect(answer.status).toBe(422);
    expect(answer.body.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'basis', source: '市级办法 第五条', severity: 'error' })]));
  });

  describe('documentNo is required and not blank on every write route', () => {
    let bodyId = '';
    beforeAll(async () => {
      bodyId = (await establish()).bodyId;
    });
    const routes: Array<[string, () => string, Record<string, unknown>]> = [
      ['设立', () => '/bodies', establishRequest({ name: '潍坊市空文号委员会' })],
      ['调整', () => `/bodies/${bodyId}/adjustments`, { tasks: '新的任务', effectiveDate: '2021-01-01' }],
      ['更名', () => `/bodies/${bodyId}/renames`, { newName: '潍坊市另一名称委员会', effectiveDate: '2021-01-01' }],
      ['改变隶属关系', () => `/bodies/${bodyId}/affiliation-changes`, { series: 'party', effectiveDate: '2021-01-01' }],
      ['撤销', () => `/bodies/${bodyId}/abolition`, { reason: 8, disposition: 'abolished', effectiveDate: '2021-01-01' }],
      ['合并', () => '/mergers', { jurisdiction: WEIFANG, sourceBodyIds: [bodyId], target: { bodyId: randomUUID() }, reason: 1, effectiveDate: '2021-01-01' }],
      ['分设', () => `/bodies/${bodyId}/splits`, { jurisdiction: WEIFANG, into: [], effectiveDate: '2021-01-01' }],
      ['总量控制基准', () => `/jurisdictions/${WEIFANG}/quota-baselines`, { total: 66, effectiveDate: '2021-01-01' }],
      ['管理办法', () => `/jurisdictions/${WEIFANG}/policies`, { profile: '市级办法', effectiveDate: '2021-01-01' }],
      ['设立文件未存档的调整', () => `/jurisdictions/${WEIFANG}/unrecorded-adjustments`, { name: '潍坊市某未存档委员会', series: 'government', tasks: 'x', effectiveDate: '2021-01-01' }],
      ['清理规范', () => `/jurisdictions/${WEIFANG}/campaigns`, { title: '议事协调机构清理', scope: {}, effectiveDate: '2021-01-01' }],
      ['年度报告(给出文号时)', () => `/bodies/${bodyId}/annual-reports`, { year: 2020, summary: '召开会议1次', meetingsHeld: 1, filedOn: '2020-12-20' }],
    ];
    for (const [label, path, body] of routes) {
      it(`${label}: "" and "  " are refused with 400 naming documentNo, nothing written`, async () => {
        const before = (await api().log()).length;
        for (const documentNo of ['', '  ']) {
          const answer = await api().post(path(), { ...body, documentNo });
          expect([label, answer.status]).toEqual([label, 400]);
          expect(answer.body.details.map((d: { field: string }) => d.field)).toContain('documentNo');
        }
        expect((await api().log()).length).toBe(before);
      });
    }

    it('更正: a blank corrected documentNo or correction documentNo is refused with 400', async () => {
      const { eventIds } = await establish();
      for (const body of [{ documentNo: '' }, { correctionDocumentNo: ' ', fields: { tasks: '更正后的任务' } }]) {
        const answer = await api().post('/corrections', { eventId: eventIds[0], reason: '录入有误', ...body });
        expect(answer.status).toBe(400);
      }
    });

    it('自行撤销: a given documentNo must not be blank (absent, the establishing one stands)', async () => {
      const answer = await api().post(`/bodies/${bodyId}/self-abolition`, { evidence: '任务完成', effectiveDate: '2021-01-01', documentNo: '' });
      expect(answer.status).toBe(400);
    });
  });

  describe('a correction passes the field validation and the rules of the decision it corrects', () => {
    it('"memberUnits":"abc" and "leaders":"省长" are refused with 400 naming the field; nothing is written', async () => {
      const { eventIds } = await establish();
      const before = (await api().log()).length;
      const units = await api().post('/corrections', { eventId: eventIds[0], fields: { memberUnits: 'abc' }, reason: '录入有误' });
      expect(units.status).toBe(400);
      expect(units.body.details).toEqual([{ field: 'fields.memberUnits', problems: ['须为数组'] }]);
      const leaders = await api().post('/corrections', { eventId: eventIds[0], fields: { leaders: '省长' }, reason: '录入有误' });
      expect(leaders.status).toBe(400);
      expect(leaders.body.details[0].field).toBe('fields.leaders');
      expect((await api().log()).length).toBe(before);
    });

    it('市级办法 第八条 member-units: a correction to 12 member units needs a justification, as the establishment did, and raises the supervision alert', async () => {
      const { bodyId, eventIds } = await establish();
      const units = Array.from({ length: 12 }, (_, i) => `市第${i + 1}局`);
      const refused = await api().post('/corrections', { eventId: eventIds[0], fields: { memberUnits: units }, reason: '成员单位录入不全' });
      expect(refused.status).toBe(422);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'member-units', source: '市级办法 第八条', severity: 'warning' })]);
      const accepted = await api().post('/corrections', { eventId: eventIds[0], fields: { memberUnits: units }, reason: '成员单位录入不全', justifications: { 'member-units': '确因工作需要可以适当增加' } });
      expect(accepted.status).toBe(201);
      const compliance = await api().get(`/jurisdictions/${WEIFANG}/compliance?date=2020-06-01&minPosition=${accepted.body.position}`);
      expect(compliance.status).toBe(200);
      const alert = compliance.body.alerts.find((a: { rule: string; bodies: Array<{ id: string }> }) => a.rule === 'member-units' && a.bodies[0].id === bodyId);
      expect(alert).toMatchObject({ article: '市级办法 第八条', details: { memberUnits: 12, justified: true, recordedJustification: { justification: '确因工作需要可以适当增加' } } });
    });

    it('市级办法 第八条 leader: a correction removing the leaders is refused, citing the article', async () => {
      const { eventIds } = await establish();
      const answer = await api().post('/corrections', { eventId: eventIds[0], fields: { leaders: [] }, reason: '录入有误' });
      expect(answer.status).toBe(422);
      expect(answer.body.violations[0]).toMatchObject({ rule: 'leader', source: '市级办法 第八条' });
    });

    it('市级办法 第二十一条: a correction that changes nothing is refused citing the article, not "—"', async () => {
      const { eventIds } = await establish();
      const answer = await api().post('/corrections', { eventId: eventIds[0], fields: {}, reason: '录入有误' });
      expect(answer.status).toBe(422);
      expect(answer.body.violations[0]).toMatchObject({ rule: 'correction', source: '市级办法 第二十一条' });
    });
  });

  describe('a justification waives only the warnings it names', () => {
    const JINAN = '370100';
    const name = `济南市重复提交${unique()}委员会`;
    const request = (overrides: Record<string, unknown> = {}) => establishRequest({ jurisdiction: JINAN, name, duties: `重复提交测试 ${randomUUID()}`, effectiveDate: '2021-01-01', ...overrides });

    beforeAll(async () => {
      const baseline = await api().post(`/jurisdictions/${JINAN}/quota-baselines`, { total: 1, documentNo: '济政办字〔2020〕1号', effectiveDate: '2020-12-01' });
      expect(baseline.status).toBe(201);
      const first = await api().post('/bodies', request());
      expect(first.status).toBe(201);
    });

    it('潍坊名单 quota + 市级办法 第六条(三) duplicate: justified for quota only, the double submit still answers 422 for duplicate', async () => {
      const answer = await api().post('/bodies', request({ justifications: { quota: '经市政府常务会议研究同意' } }));
      expect(answer.status).toBe(422);
      expect(answer.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['duplicate']);
      expect(answer.body.violations[0]).toMatchObject({ source: '市级办法 第六条(三)', severity: 'warning' });
    });

    it('the old single `justification` does not cover two bent rules', async () => {
      const answer = await api().post('/bodies', request({ justification: '经市政府常务会议研究同意' }));
      expect(answer.status).toBe(422);
      expect(answer.body.violations.map((v: { rule: string }) => v.rule).sort()).toEqual(['duplicate', 'quota']);
    });

    it('an identical active name in the same series is recorded only when justified as duplicate, by name', async () => {
      const answer = await api().post('/bodies', request({ justifications: { quota: '经研究同意', duplicate: '另设同名机构，经市委常委会研究同意' } }));
      expect(answer.status).toBe(201);
      const history = await api().get(`/bodies/${answer.body.bodyId}/history`);
      expect(history.body[0].waivedRules.map((w: { rule: string; justification: string }) => [w.rule, w.justification]).sort()).toEqual([
        ['duplicate', '另设同名机构，经市委常委会研究同意'],
        ['quota', '经研究同意'],
      ]);
    });

    it('justifications name only warning rules; anything else is refused with 400', async () => {
      const answer = await api().post('/bodies', request({ justifications: { basis: '无' } }));
      expect(answer.status).toBe(400);
    });
  });

  it('an identical name with only the old single justification is refused: it must be named as duplicate', async () => {
    const name = `潍坊市同名${unique()}委员会`;
    await establish({ name });
    const answer = await api().post('/bodies', establishRequest({ name, duties: `另一职责 ${randomUUID()}`, justification: '确因工作需要' }));
    expect(answer.status).toBe(422);
    expect(answer.body.violations).toEqual([expect.objectContaining({ rule: 'duplicate', message: expect.stringContaining('justifications.duplicate') })]);
  });
});
