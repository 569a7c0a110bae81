/**
 * Issue 12, "Decisions the API must be able to represent", through the HTTP app: each real
 * decision recorded as published, and what supervision then shows.
 */
import { randomUUID } from 'node:crypto';
import { startRegistry, type RunningRegistry } from '../support/registry-client.js';
import { establishRequest, temporaryRequest, WEIFANG } from '../support/fixtures.js';

describe('published decisions recorded as published (issue 12)', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry.close();
  });
  const api = () => registry.client;
  const unique = () => randomUUID().slice(0, 8);
  const alertsOn = async (date: string, position: number) => (await api().get(`/jurisdictions/${WEIFANG}/compliance?date=${date}&minPosition=${position}`)).body.alerts as Array<{ rule: string; bodies: Array<{ id: string }>; details: Record<string, unknown> }>;

  it('任务完成后自行撤销: a temporary body without a term, asked about after two years, then abolishing itself under its establishing 文号', async () => {
    const established = await api().post('/bodies', temporaryRequest({ name: `潍坊市第一次${unique()}普查领导小组`, duties: `普查 ${randomUUID()}`, termEnd: undefined, abolitionCondition: '普查任务完成后自行撤销' }));
    expect(established.status).toBe(201);
    const { bodyId } = established.body;
    const review = (await alertsOn('2022-04-01', established.body.position)).find((a) => a.rule === 'term-review' && a.bodies[0].id === bodyId);
    expect(review).toMatchObject({ details: { reviewAfterDays: 730, abolitionCondition: '普查任务完成后自行撤销' } });
    const ended = await api().post(`/bodies/${bodyId}/self-abolition`, { effectiveDate: '2022-06-30', evidence: '普查成果已通过省普查办验收' });
    expect(ended.status).toBe(201);
    const history = await api().get(`/bodies/${bodyId}/history`);
    expect(history.body.at(-1)).toMatchObject({ type: 'BodyAbolished', documentNo: '潍政办字〔2020〕37号', data: { abolitionReason: 2, selfAbolition: { evidence: '普查成果已通过省普查办验收' } } });
    const registryAfter = await api().get(`/jurisdictions/${WEIFANG}/registry?date=2022-07-01&minPosition=${ended.body.position}`);
    expect(registryAfter.body.bodies.some((b: { id: string }) => b.id === bodyId)).toBe(false);
  });

  it('a body without an abolition condition cannot abolish itself (422 temporary-term)', async () => {
    const { body } = await api().post('/bodies', establishRequest({ name: `潍坊市${unique()}委员会`, duties: `职责 ${randomUUID()}` }));
    const answer = await api().post(`/bodies/${body.bodyId}/self-abolition`, { effectiveDate: '2022-06-30', evidence: '任务完成' });
    expect(answer.status).toBe(422);
    expect(answer.body.violations[0].rule).toBe('temporary-term');
  });

  it('roles, several 牵头单位, 办公室设在, 联络员 and 工作规则 are recorded as their own fields; an expert is not judged by rank', async () => {
    const answer = await api().post('/bodies', establishRequest({
      name: `潍坊市${unique()}工作领导小组`, duties: `职责 ${randomUUID()}`, hostDepartment: undefined,
      deputies: [{ title: '常务副市长', rank: 'deputy-bureau', role: '第一副组长' }, { title: '分管副市长', rank: 'deputy-bureau', role: '副组长' }],
      secretaries: [{ title: '市政府副秘书长', rank: 'county', role: '秘书长' }],
      members: [{ title: '市农科院研究员', person: '张某', expert: true, role: '专家委员' }],
      leadUnits: ['市发展改革委', '市财政局'], office: { seat: '市发展改革委', director: '市发展改革委主任' },
      liaison: '各成员单位确定一名科级干部为联络员', workingRules: { meetingsPerYear: 2, noSeal: true },
    }));
    expect(answer.status).toBe(201);
    const history = await api().get(`/bodies/${answer.body.bodyId}/history`);
    expect(history.body[0].data).toMatchObject({
      leadUnits: ['市发展改革委', '市财政局'], office: { seat: '市发展改革委', director: '市发展改革委主任' }, hostDepartment: '市发展改革委',
      members: [{ title: '市农科院研究员', person: '张某', expert: true, role: '专家委员' }], secretaries: [{ role: '秘书长' }],
      workingRules: { meetingsPerYear: 2, noSeal: true },
    });
  });

  it('分设: one body split into two in one decision; 整合设立: a new body from one source', async () => {
    const { body: source } = await api().post('/bodies', establishRequest({ name: `潍坊市食品药品${unique()}安全委员会`, duties: `食品药品 ${randomUUID()}` }));
    const split = await api().post(`/bodies/${source.bodyId}/splits`, {
      jurisdiction: WEIFANG, documentNo: '潍政字〔2022〕4号', effectiveDate: '2022-01-01',
      into: [
        establishRequest({ name: `潍坊市食品${unique()}安全委员会`, duties: `食品 ${randomUUID()}`, jurisdiction: undefined, documentNo: undefined, effectiveDate: undefined }),
        establishRequest({ name: `潍坊市药品${unique()}安全委员会`, duties: `药品 ${randomUUID()}`, jurisdiction: undefined, documentNo: undefined, effectiveDate: undefined }),
      ],
    });
    expect(split.status).toBe(201);
    expect(split.body.eventIds).toHaveLength(3);
    const log = (await api().log()).filter((e) => split.body.eventIds.includes(e.eventId));
    expect(log.map((e) => e.type)).toEqual(['BodyAbolished', 'BodyEstablished', 'BodyEstablished']);
    const newBodies = log.filter((e) => e.type === 'BodyEstablished').map((e) => e.bodyId);
    const merged = await api().post('/mergers', {
      jurisdiction: WEIFANG, sourceBodyIds: [newBodies[1]], reason: 3, documentNo: '潍政字〔2023〕2号', effectiveDate: '2023-01-01',
      target: { establish: establishRequest({ name: `潍坊市${unique()}市场监管委员会`, duties: `市场 ${randomUUID()}`, jurisdiction: undefined, documentNo: undefined, effectiveDate: undefined }) },
    });
    expect(merged.status).toBe(201);
  });

  it('更名: aliases kept unless given, kind follows the name, affiliation changed in the same decision', async () => {
    const { body } = await api().post('/bodies', establishRequest({ name: `潍坊市${unique()}领导小组`, aliases: ['对外名称甲'], duties: `职责 ${randomUUID()}` }));
    const renamed = await api().post(`/bodies/${body.bodyId}/renames`, { newName: `中共潍坊市委${unique()}委员会`, series: 'party', documentNo: '潍发〔2021〕3号', effectiveDate: '2021-03-01' });
    expect(renamed.status).toBe(201);
    const state = await api().get(`/bodies/${body.bodyId}?date=2021-03-02&minPosition=${renamed.body.position}`);
    expect(state.body).toMatchObject({ aliases: ['对外名称甲'], kind: '委员会', series: 'party' });
  });

  it('调整 of a body whose establishment is not on file: recorded from the adjustment, flagged for the auditor', async () => {
    const answer = await api().post(`/jurisdictions/${WEIFANG}/unrecorded-adjustments`, {
      name: `潍坊市${unique()}工作领导小组`, series: 'government', memberUnits: ['市水利局', '市应急局'], documentNo: '潍政办字〔2021〕7号', effectiveDate: '2021-05-01',
    });
    expect(answer.status).toBe(201);
    const history = await api().get(`/bodies/${answer.body.bodyId}/history`);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual(['BodyEstablished', 'BodyAdjusted']);
    expect(history.body[0]).toMatchObject({ documentNo: '潍政办字〔2021〕7号', data: { origin: 'unrecorded' } });
    const flagged = (await alertsOn('2021-06-01', answer.body.position)).find((a) => a.rule === 'establishment-missing' && a.bodies[0].id === answer.body.bodyId);
    expect(flagged).toBeDefined();
  });

  it('supervision shows justified bends: 3 deputies justified by name stay in view', async () => {
    const answer = await api().post('/bodies', establishRequest({
      name: `潍坊市${unique()}委员会`, duties: `职责 ${randomUUID()}`,
      deputies: ['常务副市长', '分管副市长', '市政府秘书长'], justifications: { deputies: '承担综合性重大任务' },
    }));
    expect(answer.status).toBe(201);
    const alert = (await alertsOn('2020-06-01', answer.body.position)).find((a) => a.rule === 'deputies' && a.bodies[0].id === answer.body.bodyId);
    expect(alert).toMatchObject({ details: { justified: true, recordedJustification: { justification: '承担综合性重大任务' } } });
  });

  it('GB/T 2260: a code that is not a division (370001: a county under no prefecture) is refused with 400', async () => {
    const answer = await api().post('/bodies', establishRequest({ jurisdiction: '370001' }));
    expect(answer.status).toBe(400);
    expect(answer.body.details[0].field).toBe('jurisdiction');
  });
});
