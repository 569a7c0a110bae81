/**
 * Issue 12, "Decisions the API must be able to represent": every real, published decision is
 * recorded; a rule it bends is a warning to justify. Given / when / then, the article in each name.
 */
import { decideBody } from './body.decider.js';
import { evolveBody, foldBody, initialBodyState, type BodyDecisionState } from './body.state.js';
import type { AdjustBody, BodyCommand, EstablishBody, RenameBody, SelfAbolishBody } from './body.commands.js';
import type { BodyEvent } from './body.events.js';
import { MUNICIPAL_POLICY, NATIONAL_DEFAULT_POLICY, PROVINCIAL_DEFAULT_POLICY, defaultPolicyFor } from '../policy/policy.js';
import type { DecisionContext } from '../rules/body.rules.js';
import { decideSplit, type SplitBody } from '../split/split.decider.js';
import { jurisdictionCodeProblem, jurisdictionLevel } from '../jurisdiction/jurisdiction-codes.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import { EMPTY_CONTEXT, FLOOD_CONTROL, FOOD_SAFETY, LAND_SURVEY, WEIFANG, established, recordsWaiver, summaryOf, violates } from '../testing/weifang.fixtures.js';

const given = DeciderSpecification.for<BodyCommand, BodyEvent, BodyDecisionState, DecisionContext>(
  { decide: decideBody, evolve: evolveBody, initialState: initialBodyState },
  EMPTY_CONTEXT,
);

type Profile = EstablishBody['profile'];
const establish = (profile: Profile, extra: Partial<EstablishBody> = {}): EstablishBody => ({
  type: 'EstablishBody', bodyId: 'b1', jurisdiction: WEIFANG, documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15', profile, ...extra,
});
const landSurvey = established('b1', { ...LAND_SURVEY, termEnd: undefined, abolitionCondition: '调查任务完成后自行撤销' }, { documentNo: '潍政办字〔2018〕25号', effectiveDate: '2018-03-20' });
const foodSafety = established('b1', { ...FOOD_SAFETY, aliases: ['潍坊市食安委'] }, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' });

describe('1. temporary bodies ended by a condition (任务完成后自行撤销)', () => {
  const selfAbolish = (extra: Partial<SelfAbolishBody> = {}): SelfAbolishBody => ({
    type: 'SelfAbolishBody', bodyId: 'b1', effectiveDate: '2021-06-30', evidence: '第三次国土调查成果已于2021年6月通过省级验收', ...extra,
  });

  it('辽宁办法 第八条 temporary-term: established with its condition and no term', () => {
    given([]).when(establish({ ...LAND_SURVEY, termEnd: undefined, abolitionCondition: '任务完成后自行撤销' }))
      .then((events) => expect(events[0].data).toMatchObject({ duration: 'temporary', termEnd: undefined, abolitionCondition: '任务完成后自行撤销' }));
  });

  it('市级办法 第十五条(二): self-abolition without a new 文号 is recorded under the establishing document, with its evidence', () => {
    given([landSurvey]).when(selfAbolish()).then((events) => {
      expect(events).toEqual([expect.objectContaining({
        type: 'BodyAbolished',
        documentNo: '潍政办字〔2018〕25号',
        effectiveDate: '2021-06-30',
        data: { abolitionReason: 2, disposition: 'abolished', selfAbolition: { condition: '调查任务完成后自行撤销', evidence: '第三次国土调查成果已于2021年6月通过省级验收' } },
      })]);
      expect(foldBody([landSurvey, ...(events as BodyEvent[])])).toMatchObject({ status: 'abolished', endedOn: '2021-06-30' });
    });
  });

  it('市级办法 第十五条(二): a document, when one was issued, is recorded instead', () => {
    given([landSurvey]).when(selfAbolish({ documentNo: '潍自然资函〔2021〕9号' })).then((events) => expect(events[0].documentNo).toBe('潍自然资函〔2021〕9号'));
  });

  it('辽宁办法 第八条 temporary-term: a body without an abolition condition cannot abolish itself', () => {
    given([established('b1', FOOD_SAFETY, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' })])
      .when(selfAbolish()).thenThrows(violates('temporary-term', 'error'));
  });

  it('市级办法 第十五条(二) application: the evidence that the task ended is required', () => {
    given([landSurvey]).when(selfAbolish({ evidence: ' ' })).thenThrows(violates('application', 'error'));
  });
});

describe('2. roles as published; rank rules apply to posts, not to experts', () => {
  it('市级办法 第九条 member-rank: an expert holding no post (专家委员) is not judged by rank; roles and named persons are kept', () => {
    const members = [
      { title: '市农科院研究员', person: '张某', role: '专家委员', expert: true, rank: 'deputy-section' as const },
      { title: '市农业农村局局长', role: '成员', rank: 'county' as const },
    ];
    given([]).when(establish({ ...FOOD_SAFETY, deputies: [{ title: '常务副市长', role: '第一副组长', rank: 'deputy-bureau' }, { title: '分管副市长', role: '副组长', rank: 'deputy-bureau' }], secretaries: [{ title: '市政府副秘书长', role: '秘书长', rank: 'county' }], members }))
      .then((events) => expect(events[0].data).toMatchObject({ members, deputies: [{ role: '第一副组长' }, { role: '副组长' }], secretaries: [{ role: '秘书长' }] }));
  });

  it('市级办法 第九条 member-rank: the same seat as a post below the floor bends the rule', () => {
    given([]).when(establish({ ...FOOD_SAFETY, members: [{ title: '市农科院研究员', rank: 'deputy-section' }] })).thenThrows(violates('member-rank', 'warning', (v) => v.source === '市级办法 第九条'));
  });

  it('市级办法 第九条 member-rank: a 秘书长 is a post and is judged like the others', () => {
    given([]).when(establish({ ...FOOD_SAFETY, secretaries: [{ title: '市政府办公室四级调研员', rank: 'non-leadership' }] })).thenThrows(violates('member-rank', 'warning'));
  });
});

describe('3. several 牵头单位, 办公室设在, 联络员, 工作规则', () => {
  it('市级办法 第十条 application: lead units and the office are their own fields; without a host department the office\'s seat does the daily work', () => {
    const { hostDepartment: _host, ...rest } = FOOD_SAFETY;
    given([]).when(establish({
      ...rest,
      hostDepartment: undefined as never,
      leadUnits: ['市市场监管局', '市农业农村局'],
      office: { seat: '市市场监管局', director: '市市场监管局局长' },
      liaison: '各成员单位确定一名科级干部为联络员',
      workingRules: { meetingsPerYear: 1, noSeal: true },
    })).then((events) => expect(events[0].data).toMatchObject({
      leadUnits: ['市市场监管局', '市农业农村局'],
      office: { seat: '市市场监管局', director: '市市场监管局局长' },
      hostDepartment: '市市场监管局',
      liaison: '各成员单位确定一名科级干部为联络员',
      workingRules: { meetingsPerYear: 1, noSeal: true },
    }));
  });

  it('市级办法 第十条 application: 不设办公室 with lead units: the lead units do the daily work', () => {
    given([]).when(establish({ ...FOOD_SAFETY, hostDepartment: '', office: { none: true }, leadUnits: ['市发展改革委', '市财政局'] }))
      .then((events) => expect(events[0].data).toMatchObject({ office: { none: true }, hostDepartment: '市发展改革委、市财政局' }));
  });

  it('市级办法 第十条 application: with no host, no office seat and no lead unit the application is incomplete', () => {
    given([]).when(establish({ ...FOOD_SAFETY, hostDepartment: '' })).thenThrows(violates('application', 'error', (v) => v.message.includes('hostDepartment')));
  });

  it('市级办法 第十三条: an adjustment may change the lead units and the office', () => {
    given([foodSafety]).when({ type: 'AdjustBody', bodyId: 'b1', documentNo: '潍食安委〔2020〕3号', effectiveDate: '2020-05-10', changes: { leadUnits: ['市市场监管局'], office: { none: true } } })
      .then((events) => expect(foldBody([foodSafety, ...(events as BodyEvent[])])).toMatchObject({ leadUnits: ['市市场监管局'], office: { none: true } }));
  });
});

describe('4. merger into a new body from one source, split (分设), rename with affiliation change', () => {
  const split = (extra: Partial<SplitBody> = {}): SplitBody => ({
    type: 'SplitBody', jurisdiction: WEIFANG, bodyId: 'b1', documentNo: '潍政字〔2022〕4号', effectiveDate: '2022-01-01',
    into: [
      { bodyId: 'b2', profile: { ...FOOD_SAFETY, name: '潍坊市食品安全委员会(新)', duties: '统筹协调全市食品安全工作，督促落实食品安全责任' } },
      { bodyId: 'b3', profile: { ...FLOOD_CONTROL, name: '潍坊市药品安全委员会', duties: '统筹协调全市药品安全监管，研究解决药品安全重大问题' } },
    ],
    ...extra,
  });
  const food = foldBody([foodSafety])!;

  it('市级办法 第十八条: a split abolishes the source and establishes each new body, in one decision', () => {
    const events = decideSplit(split(), food, new Map(), { ...EMPTY_CONTEXT, activeBodies: [summaryOf('b1', FOOD_SAFETY)] });
    expect(events.map((e) => [e.type, e.bodyId])).toEqual([['BodyAbolished', 'b1'], ['BodyEstablished', 'b2'], ['BodyEstablished', 'b3']]);
    expect(events[0].data).toEqual({ abolitionReason: 8, disposition: 'abolished', splitInto: ['b2', 'b3'] });
    expect(events[1].data).toMatchObject({ origin: 'split', splitFrom: 'b1' });
  });

  it('市级办法 第十八条 application: a split into one body is refused (that is a rename or an adjustment)', () => {
    expect(() => decideSplit(split({ into: split().into.slice(0, 1) }), food, new Map(), EMPTY_CONTEXT)).toThrow(expect.objectContaining({ violations: [expect.objectContaining({ rule: 'application' })] }));
  });

  it('市级办法 第五条 basis: each new body of a split is judged as an establishment', () => {
    const bad = split();
    bad.into[1].profile = { ...bad.into[1].profile, basis: { conditions: [], text: '' } };
    expect(() => decideSplit(bad, food, new Map(), EMPTY_CONTEXT)).toThrow(expect.objectContaining({ violations: expect.arrayContaining([expect.objectContaining({ rule: 'basis' })]) }));
  });

  it('市级办法 第十四、十八条: rename and change of affiliation in one decision: both events, one append', () => {
    given([foodSafety]).when({ type: 'RenameBody', bodyId: 'b1', documentNo: '潍发〔2021〕2号', effectiveDate: '2021-02-01', newName: '中共潍坊市委食品安全委员会', series: 'party' })
      .then((events) => {
        expect(events.map((e) => e.type)).toEqual(['BodyRenamed', 'BodyAffiliationChanged']);
        expect(foldBody([foodSafety, ...(events as BodyEvent[])])).toMatchObject({ name: '中共潍坊市委食品安全委员会', series: 'party' });
      });
  });
});

describe('5. a rename keeps the aliases, lists only real former names, and follows the kind', () => {
  const rename = (newName: string, extra: Partial<RenameBody> = {}): RenameBody => ({ type: 'RenameBody', bodyId: 'b1', documentNo: '潍食安委〔2021〕1号', effectiveDate: '2021-02-01', newName, ...extra });

  it('市级办法 第十四条: a rename without aliases keeps them', () => {
    given([foodSafety]).when(rename('潍坊市食品药品安全委员会')).then((events) => {
      expect(events[0].data).toMatchObject({ aliases: ['潍坊市食安委'] });
      expect(foldBody([foodSafety, ...(events as BodyEvent[])])!.aliases).toEqual(['潍坊市食安委']);
    });
  });

  it('市级办法 第十四条: an empty list clears them', () => {
    given([foodSafety]).when(rename('潍坊市食品药品安全委员会', { aliases: [] })).then((events) => expect(events[0].data).toMatchObject({ aliases: [] }));
  });

  it('市级办法 第十四条: an aliases-only change does not list the unchanged name as a former name', () => {
    given([foodSafety]).when(rename('潍坊市食品安全委员会', { aliases: ['市食安委'] }))
      .then((events) => expect(foldBody([foodSafety, ...(events as BodyEvent[])])).toMatchObject({ aliases: ['市食安委'], formerNames: [] }));
  });

  it('市级办法 第十四条: 领导小组 → 委员会: the kind follows the new name unless given', () => {
    const group = established('b1', { ...FOOD_SAFETY, name: '潍坊市食品安全领导小组' }, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' });
    given([group]).when(rename('潍坊市食品安全委员会')).then((events) => expect(foldBody([group, ...(events as BodyEvent[])])!.kind).toBe('委员会'));
    given([group]).when(rename('潍坊市食品安全委员会', { kind: '其他' })).then((events) => expect(foldBody([group, ...(events as BodyEvent[])])!.kind).toBe('其他'));
  });
});

describe('6. national and joint levels', () => {
  const national: DecisionContext = { policy: NATIONAL_DEFAULT_POLICY, activeBodies: [] };
  const joint = (extra: Partial<EstablishBody> = {}) => establish({
    ...FOOD_SAFETY, name: '中央财经委员会', series: 'joint',
    leaders: [{ title: '国家主席', rank: 'state' }], deputies: [{ title: '国务院总理', rank: 'state' }, { title: '国务院副总理', rank: 'deputy-state' }],
    members: [{ title: '国家发展改革委主任', rank: 'provincial' }, { title: '财政部副部长', rank: 'deputy-provincial' }],
  }, { jurisdiction: '100000', documentNo: '中发〔2018〕1号', ...extra });

  it('国务院(默认) single-series: a body set up by 中共中央、国务院 jointly is recorded at the national level, ranks up to 正国级', () => {
    given([], national).when(joint()).then((events) => expect(events[0]).toMatchObject({ jurisdiction: '100000', data: { series: 'joint' } }));
  });

  it('市级办法(旧) 第八条 single-series: 省委、省政府 joint bodies bend the rule under the provincial default: justified, recorded', () => {
    const provincial: DecisionContext = { policy: PROVINCIAL_DEFAULT_POLICY, activeBodies: [] };
    given([], provincial).when(joint({ jurisdiction: '370000' })).thenThrows(violates('single-series', 'warning'));
    given([], provincial).when(joint({ jurisdiction: '370000', justifications: { 'single-series': '省委、省政府联合发文' } })).then(recordsWaiver('省委、省政府联合发文', 'single-series'));
  });

  it('default policy per level: 100000 → 国务院(默认), xx0000 → 省级(默认), city and county → 市级办法 (第二十三条)', () => {
    expect([defaultPolicyFor('100000'), defaultPolicyFor('370000'), defaultPolicyFor('370700'), defaultPolicyFor('370783')]).toEqual([NATIONAL_DEFAULT_POLICY, PROVINCIAL_DEFAULT_POLICY, MUNICIPAL_POLICY, MUNICIPAL_POLICY]);
  });

  it('GB/T 2260: codes are checked against the structure (province, prefecture, county), 100000 national', () => {
    expect(['100000', '110000', '110101', '370700', '370783', '429004', '820000'].map(jurisdictionCodeProblem)).toEqual(Array(7).fill(undefined));
    for (const bad of ['000000', '990000', '370001', '379900', '429000', '37070', 'abcdef']) expect([bad, typeof jurisdictionCodeProblem(bad)]).toEqual([bad, 'string']);
    expect(['100000', '370000', '370700', '370783', '429004'].map(jurisdictionLevel)).toEqual(['national', 'provincial', 'municipal', 'county', 'county']);
  });
});

describe('7. adjusting a body whose establishment is not on file', () => {
  const adjustUnrecorded = (extra: Partial<AdjustBody> = {}): AdjustBody => ({
    type: 'AdjustBody', bodyId: 'b9', documentNo: '潍政办字〔2021〕7号', effectiveDate: '2021-05-01',
    changes: { leaders: [{ title: '市长', rank: 'bureau' }], memberUnits: ['市水利局', '市应急局'] },
    unrecorded: { jurisdiction: WEIFANG, name: '潍坊市河长制工作领导小组', series: 'party' },
    ...extra,
  });

  it('市级办法 第十三条: recorded from the adjustment\'s own facts (origin unrecorded, its date and 文号), then adjusted, flagged', () => {
    given([]).when(adjustUnrecorded()).then((events) => {
      expect(events.map((e) => e.type)).toEqual(['BodyEstablished', 'BodyAdjusted']);
      expect(events[0]).toMatchObject({ documentNo: '潍政办字〔2021〕7号', effectiveDate: '2021-05-01', data: { origin: 'unrecorded', name: '潍坊市河长制工作领导小组', kind: '领导小组', series: 'party' } });
      expect(foldBody(events as BodyEvent[])).toMatchObject({ establishmentNotOnFile: true, memberUnits: ['市水利局', '市应急局'], establishedBy: '潍政办字〔2021〕7号' });
    });
  });

  it('市级办法 第六条(三) duplicate: an identical active name is most likely the body on file: to be justified by name', () => {
    const context: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: [{ id: 'b1', name: '潍坊市河长制工作领导小组', aliases: [], duties: '', series: 'party' }] };
    given([], context).when(adjustUnrecorded()).thenThrows(violates('duplicate', 'warning', (v) => v.explicit === true));
  });

  it('市级办法 第十三条 lifecycle: a body on file is adjusted directly', () => {
    given([foodSafety]).when(adjustUnrecorded({ bodyId: 'b1' })).thenThrows(violates('lifecycle', 'error'));
  });
});

describe('4b. a rename request that changes only the series', () => {
  it('市级办法 第十八条: records the affiliation change alone, not a rename to the same name', () => {
    const food = established('b1', FOOD_SAFETY, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' });
    given([food]).when({ type: 'RenameBody', bodyId: 'b1', documentNo: '潍发〔2021〕2号', effectiveDate: '2021-02-01', newName: FOOD_SAFETY.name, series: 'party' })
      .then((events) => expect(events.map((e) => e.type)).toEqual(['BodyAffiliationChanged']));
  });
});
