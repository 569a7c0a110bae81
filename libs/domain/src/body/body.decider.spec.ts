import { decideBody } from './body.decider.js';
import { evolveBody, foldBody, initialBodyState, type BodyDecisionState } from './body.state.js';
import type { AbolishBody, AdjustBody, BodyCommand, ChangeAffiliation, EstablishBody, FileAnnualReport, RenameBody } from './body.commands.js';
import type { BodyEvent } from './body.events.js';
import { ABOLITION_DISPOSITIONS, ABOLITION_REASONS, MERGER_REASONS, type AbolitionDisposition, type Series } from './body.types.js';
import { MUNICIPAL_POLICY, type Policy } from '../policy/policy.js';
import type { DecisionContext } from '../rules/body.rules.js';
import { DeciderSpecification } from '../testing/decider-specification.js';
import {
  DIGITAL_ECONOMY,
  EMPTY_CONTEXT,
  FLOOD_CONTROL,
  FOOD_SAFETY,
  LAND_SURVEY,
  RULE_OF_LAW,
  WEIFANG,
  WEIFANG_BASELINE,
  established,
  recordsWaiver,
  summaryOf,
  violates,
  violatesAll,
  weifangListAsActiveBodies,
} from '../testing/weifang.fixtures.js';

const given = DeciderSpecification.for<BodyCommand, BodyEvent, BodyDecisionState, DecisionContext>(
  { decide: decideBody, evolve: evolveBody, initialState: initialBodyState },
  EMPTY_CONTEXT,
);

const JUSTIFICATION = '确因工作需要可以适当增加，经市政府常务会议研究同意';

type Profile = EstablishBody['profile'];

function establish(profile: Profile, extra: Partial<EstablishBody> = {}): EstablishBody {
  return {
    type: 'EstablishBody',
    bodyId: 'food-safety',
    jurisdiction: WEIFANG,
    documentNo: '潍政字〔2019〕8号',
    effectiveDate: '2019-03-15',
    profile,
    ...extra,
  };
}
const foodSafety = (overrides: Partial<Profile> = {}, extra: Partial<EstablishBody> = {}) =>
  establish({ ...FOOD_SAFETY, ...overrides }, extra);

/** 潍坊市食品安全委员会 as recorded on 2019-03-15. */
const foodSafetyEstablished = established('food-safety', FOOD_SAFETY, { documentNo: '潍政字〔2019〕8号', effectiveDate: '2019-03-15' });

/** 调整 and 更名 are filed in the body's own name (市级办法 第十四条). */
const adjust = (changes: AdjustBody['changes'], extra: Partial<AdjustBody> = {}): AdjustBody => ({
  type: 'AdjustBody',
  bodyId: 'food-safety',
  documentNo: '潍食安委〔2020〕3号',
  effectiveDate: '2020-05-10',
  changes,
  ...extra,
});
const rename = (newName: string, extra: Partial<RenameBody> = {}): RenameBody => ({
  type: 'RenameBody',
  bodyId: 'food-safety',
  documentNo: '潍食安委〔2021〕1号',
  effectiveDate: '2021-02-01',
  newName,
  ...extra,
});
const changeAffiliation = (series: Series, extra: Partial<ChangeAffiliation> = {}): ChangeAffiliation => ({
  type: 'ChangeAffiliation',
  bodyId: 'food-safety',
  documentNo: '潍发〔2021〕5号',
  effectiveDate: '2021-06-01',
  series,
  ...extra,
});
const abolish = (disposition: AbolitionDisposition, extra: Partial<AbolishBody> = {}): AbolishBody => ({
  type: 'AbolishBody',
  bodyId: 'food-safety',
  documentNo: '潍政字〔2023〕12号',
  effectiveDate: '2023-04-01',
  abolitionReason: 5,
  disposition,
  ...extra,
});
const fileReport = (year: number, extra: Partial<FileAnnualReport> = {}): FileAnnualReport => ({
  type: 'FileAnnualReport',
  bodyId: 'food-safety',
  documentNo: '潍市监报〔2020〕40号',
  effectiveDate: `${year}-12-20`,
  year,
  summary: '召开全体会议2次，部署食品安全示范城市创建，督办食品安全隐患整改',
  meetingsHeld: 2,
  filedOn: `${year}-12-20`,
  ...extra,
});

/** The same event the decider writes, with the paperwork of the command. */
const paperworkOf = (command: { documentNo: string; effectiveDate: string; reason?: string }) => ({
  streamId: 'body-food-safety',
  jurisdiction: WEIFANG,
  bodyId: 'food-safety',
  documentNo: command.documentNo,
  effectiveDate: command.effectiveDate,
  ...(command.reason ? { reason: command.reason } : {}),
});

const abolishedOn2023 = {
  ...paperworkOf(abolish('abolished')),
  type: 'BodyAbolished' as const,
  data: { abolitionReason: 5 as const, disposition: 'abolished' as const },
};
const mergedAway = {
  ...paperworkOf({ documentNo: '潍政字〔2022〕20号', effectiveDate: '2022-07-01' }),
  type: 'BodyMergedAway' as const,
  data: { mergerId: 'merger-2022-1', targetBodyId: 'market-safety' },
};

const withBodies = (...bodies: DecisionContext['activeBodies']): DecisionContext => ({ ...EMPTY_CONTEXT, activeBodies: bodies });
const LIAONING_STYLE_POLICY: Policy = { ...MUNICIPAL_POLICY, name: '辽宁办法', maxDeputies: 4 };

describe('设立 (EstablishBody)', () => {
  it('市级办法 第五、十条: a complete application is recorded as BodyEstablished with the whole 第十条 content', () => {
    given([])
      .when(foodSafety({}, { reason: '落实《地方党政领导干部食品安全责任制规定》' }))
      .then([
        {
          type: 'BodyEstablished',
          streamId: 'body-food-safety',
          jurisdiction: WEIFANG,
          bodyId: 'food-safety',
          effectiveDate: '2019-03-15',
          documentNo: '潍政字〔2019〕8号',
          reason: '落实《地方党政领导干部食品安全责任制规定》',
          data: { bodyId: 'food-safety', ...FOOD_SAFETY, kind: '委员会', aliases: [], members: FOOD_SAFETY.members! },
        },
      ]);
  });

  it('市级办法 第二条: the kind is read off the name (潍坊市防汛抗旱指挥部 is a 指挥部), aliases and origin are kept', () => {
    given([])
      .when(establish({ ...FLOOD_CONTROL, aliases: ['潍坊市防汛抗旱指挥部办公室'] }, { bodyId: 'flood', origin: 'import' }))
      .then((events) => {
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          type: 'BodyEstablished',
          streamId: 'body-flood',
          data: { bodyId: 'flood', kind: '指挥部', aliases: ['潍坊市防汛抗旱指挥部办公室'], origin: 'import' },
        });
      });
  });

  it('辽宁办法 第八条 temporary-term: a temporary body stating its term and abolition condition is recorded', () => {
    given([])
      .when(establish(LAND_SURVEY, { bodyId: 'land-survey', effectiveDate: '2018-03-20', documentNo: '潍政办字〔2018〕25号' }))
      .then((events) => expect(events[0]).toMatchObject({ data: { duration: 'temporary', termEnd: '2021-12-31', kind: '领导小组' } }));
  });

  describe('error rules: refused even with a justification', () => {
    it('市级办法 第十一条 lifecycle: a body already established cannot be established again', () => {
      given([foodSafetyEstablished]).when(foodSafety({}, { justification: JUSTIFICATION })).thenThrows(violates('lifecycle', 'error'));
    });

    it('市级办法 第五条 basis: no establishment condition is refused', () => {
      given([]).when(foodSafety({ basis: { conditions: [], text: FOOD_SAFETY.basis.text } })).thenThrows(violates('basis', 'error'));
    });

    it('市级办法 第五条 basis: a condition without its cited text is refused', () => {
      given([]).when(foodSafety({ basis: { conditions: [2], text: '  ' } }, { justification: JUSTIFICATION })).thenThrows(violates('basis', 'error'));
    });

    it('市级办法 第五条 basis: only conditions (一) to (三) exist', () => {
      const basis = { conditions: [4], text: '市领导批示' } as unknown as Profile['basis'];
      given([]).when(foodSafety({ basis })).thenThrows(violates('basis', 'error', (v) => v.source === '市级办法 第五条'));
    });

    it('市级办法 第十条 application: no member units is refused', () => {
      given([]).when(foodSafety({ memberUnits: [] })).thenThrows(violates('application', 'error', (v) => v.message.includes('memberUnits')));
    });

    it('市级办法 第十条 application: no host department (办事机构) is refused', () => {
      given([]).when(foodSafety({ hostDepartment: '' })).thenThrows(violates('application', 'error', (v) => v.message.includes('hostDepartment')));
    });

    it('市级办法 第十条 application: no duties and no document number are refused, both named', () => {
      given([])
        .when(foodSafety({ duties: ' ' }, { documentNo: '' }))
        .thenThrows(violates('application', 'error', (v) => v.message.includes('duties') && v.message.includes('documentNo')));
    });

    it('辽宁办法 第八条 temporary-term: a temporary body with neither a term nor an abolition condition is refused', () => {
      given([]).when(establish({ ...LAND_SURVEY, termEnd: undefined, abolitionCondition: undefined })).thenThrows(violates('temporary-term', 'error', (v) => v.source.startsWith('辽宁办法 第八条')));
    });

    it('辽宁办法 第八条 temporary-term: a term ending on or before the effective date is refused', () => {
      given([])
        .when(establish(LAND_SURVEY, { effectiveDate: '2021-12-31', justification: JUSTIFICATION }))
        .thenThrows(violates('temporary-term', 'error'));
    });

    it('辽宁办法 第八条 temporary-term: a temporary body ended by a condition alone (任务完成后自行撤销) is recorded without a term', () => {
      given([])
        .when(establish({ ...LAND_SURVEY, termEnd: undefined, abolitionCondition: '普查任务完成后自行撤销' }))
        .then((events) => expect(events[0]).toMatchObject({ type: 'BodyEstablished', data: { duration: 'temporary', abolitionCondition: '普查任务完成后自行撤销' } }));
    });

    it('辽宁办法 第八条 temporary-term: a temporary body with a term and no condition is recorded (the term is how it ends)', () => {
      given([]).when(establish({ ...LAND_SURVEY, abolitionCondition: '' })).then((events) => expect(events).toHaveLength(1));
    });

    it('市级办法(旧) 第八条 single-series: a body set up jointly by 市委 and 市政府 is refused', () => {
      given([])
        .when(foodSafety({ series: 'party-and-government' as unknown as Series }, { justification: JUSTIFICATION }))
        .thenThrows(violates('single-series', 'error', (v) => v.source === '市级办法(旧) 第八条'));
    });

    it('市级办法 第八条 leader: no leader (组长) is refused, justification or not', () => {
      given([]).when(foodSafety({ leaders: [] }, { justification: JUSTIFICATION })).thenThrows(violates('leader', 'error', (v) => v.source === '市级办法 第八条'));
    });

    it('an error refuses together with the warnings found, so the registrar sees them all', () => {
      const units = [...FOOD_SAFETY.memberUnits, '市财政局', '市生态环境局', '市城管局', '市粮食和储备局', '市海关', '市文化和旅游局'];
      given([])
        .when(foodSafety({ leaders: [], memberUnits: units }, { justification: JUSTIFICATION }))
        .thenThrows(violatesAll('leader', 'member-units'));
    });
  });

  describe('warning rules: refused without a justification, recorded with it', () => {
    const twoLeaders = { leaders: [{ title: '市长', rank: 'bureau' as const }, { title: '市委副书记', rank: 'deputy-bureau' as const }] };

    it('市级办法 第八条 leader: two leaders without justification is refused as a warning', () => {
      given([]).when(foodSafety(twoLeaders)).thenThrows(violates('leader', 'warning'));
    });

    it('市级办法 第八条 leader: two leaders with a justification are recorded with it', () => {
      given([]).when(foodSafety(twoLeaders, { justification: JUSTIFICATION })).then(recordsWaiver(JUSTIFICATION, 'leader'));
    });

    it('市级办法 第八条 deputies: no deputy is refused', () => {
      given([]).when(foodSafety({ deputies: [] })).thenThrows(violates('deputies', 'warning'));
    });

    const threeDeputies = {
      deputies: [
        { title: '常务副市长', rank: 'deputy-bureau' as const },
        { title: '分管副市长', rank: 'deputy-bureau' as const },
        { title: '市政府秘书长', rank: 'county' as const },
      ],
    };

    it('市级办法 第八条 deputies: three deputies without justification is refused', () => {
      given([]).when(foodSafety(threeDeputies)).thenThrows(violates('deputies', 'warning', (v) => v.source.startsWith('市级办法 第八条')));
    });

    it('市级办法 第八条 deputies: three deputies with a justification are recorded with it', () => {
      given([]).when(foodSafety(threeDeputies, { justification: JUSTIFICATION })).then(recordsWaiver(JUSTIFICATION, 'deputies'));
    });

    it('辽宁办法 第六条 deputies: under a policy allowing more for major tasks, three deputies need no justification', () => {
      given([], { ...EMPTY_CONTEXT, policy: LIAONING_STYLE_POLICY })
        .when(foodSafety(threeDeputies))
        .then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    const elevenUnits = {
      memberUnits: [...FOOD_SAFETY.memberUnits, '市财政局', '市生态环境局', '市城管局', '市粮食和储备局', '潍坊海关'],
    };

    it('市级办法 第八条 member-units: ten member units need no justification', () => {
      const ten = { memberUnits: elevenUnits.memberUnits.slice(0, 10) };
      given([]).when(foodSafety(ten)).then((events) => expect(events[0]).not.toHaveProperty('waivedRules'));
    });

    it('市级办法 第八条 member-units: 11 member units without justification is refused', () => {
      given([]).when(foodSafety(elevenUnits)).thenThrows(violates('member-units', 'warning', (v) => v.source === '市级办法 第八条'));
    });

    it('市级办法 第八条 member-units: 11 member units with "确因工作需要可以适当增加" are recorded with the justification', () => {
      given([])
        .when(foodSafety(elevenUnits, { justification: JUSTIFICATION }))
        .then((events) => {
          recordsWaiver(JUSTIFICATION, 'member-units')(events);
          expect(events[0].waivedRules![0]).toEqual({ rule: 'member-units', source: '市级办法 第八条', message: expect.stringContaining('11'), justification: JUSTIFICATION });
        });
    });

    it('市级办法 第八条 member-units: a justification of blanks does not count', () => {
      given([]).when(foodSafety(elevenUnits, { justification: '   ' })).thenThrows(violates('member-units', 'warning'));
    });

    const sectionChief = { members: [...FOOD_SAFETY.members!, { title: '市市场监管局食品生产监管科科长', rank: 'section' as const }] };

    it('市级办法 第九条 member-rank: a 科级 member without justification is refused', () => {
      given([]).when(foodSafety(sectionChief)).thenThrows(violates('member-rank', 'warning', (v) => v.message.includes('食品生产监管科科长')));
    });

    it('市级办法 第九条 member-rank: a non-leadership post (二级调研员) is refused even without a rank given', () => {
      given([])
        .when(foodSafety({ members: [{ title: '市卫生健康委二级调研员' }] }))
        .thenThrows(violates('member-rank', 'warning'));
    });

    it('市级办法 第九条 member-rank: the level is the policy\'s: with 正县级 as the lowest, a 副县级 member is refused', () => {
      given([], { ...EMPTY_CONTEXT, policy: { ...MUNICIPAL_POLICY, lowestMemberRank: 'county' } })
        .when(foodSafety({ members: [{ title: '市市场监管局副局长', rank: 'deputy-county' }] }))
        .thenThrows(violates('member-rank', 'warning'));
    });

    it('市级办法 第九条 member-rank: a 科级 member with a justification is recorded with it', () => {
      given([]).when(foodSafety(sectionChief, { justification: JUSTIFICATION })).then(recordsWaiver(JUSTIFICATION, 'member-rank'));
    });

    const disciplineSecretary = { title: '市纪委副书记、市监委副主任', rank: 'deputy-bureau' as const };

    it('市级办法 第九条 discipline: a 纪委 secretary on the 食品安全委员会 without justification is refused', () => {
      given([])
        .when(foodSafety({ members: [...FOOD_SAFETY.members!, disciplineSecretary] }))
        .thenThrows(violates('discipline', 'warning'));
    });

    it('市级办法 第九条 discipline: a 纪委 secretary on a 党风廉政建设 body needs no justification', () => {
      const antiCorruption: Profile = {
        ...RULE_OF_LAW,
        name: '中共潍坊市委党风廉政建设和反腐败工作领导小组',
        tasks: '统筹协调全市党风廉政建设和反腐败工作',
        duties: '研究部署党风廉政建设和反腐败工作，督促落实党风廉政建设责任制',
        members: [disciplineSecretary],
      };
      given([]).when(establish(antiCorruption, { bodyId: 'anti-corruption' })).then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    it('市级办法 第九条 discipline: a 纪委 secretary on the 食品安全委员会 with a justification is recorded with it', () => {
      given([])
        .when(foodSafety({ members: [disciplineSecretary] }, { justification: '市委明确要求纪检监察机关参与食品安全专项整治' }))
        .then(recordsWaiver('市委明确要求纪检监察机关参与食品安全专项整治', 'discipline'));
    });

    it('市级办法 第七条 mirror: a body mirroring 山东省食品安全委员会 without an upper-level requirement is refused', () => {
      given([])
        .when(foodSafety({ mirrorsUpperBody: '山东省食品安全委员会', basis: { conditions: [2], text: '食品安全工作跨部门、跨行业' } }))
        .thenThrows(violates('mirror', 'warning'));
    });

    it('市级办法 第七条 mirror: mirroring an upper body is fine when the upper level requires it (第五条(一))', () => {
      given([])
        .when(foodSafety({ mirrorsUpperBody: '山东省食品安全委员会' }))
        .then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    it('市级办法 第七条 mirror: with a justification the mirroring body is recorded', () => {
      given([])
        .when(foodSafety({ mirrorsUpperBody: '山东省食品安全委员会', basis: { conditions: [3], text: '食品安全工作任务重大' } }, { justification: JUSTIFICATION }))
        .then(recordsWaiver(JUSTIFICATION, 'mirror'));
    });

    const foodSafetyActive = withBodies(summaryOf('food-safety', FOOD_SAFETY), summaryOf('flood', FLOOD_CONTROL));

    it('市级办法 第六条(三) duplicate: 潍坊市食品安全工作领导小组 beside 潍坊市食品安全委员会 is refused, naming it', () => {
      given([], foodSafetyActive)
        .when(establish({ ...FOOD_SAFETY, name: '潍坊市食品安全工作领导小组', duties: '协调食品安全示范城市创建' }, { bodyId: 'food-safety-2' }))
        .thenThrows(violates('duplicate', 'warning', (v) => v.message.includes('潍坊市食品安全委员会') && v.related?.join() === 'food-safety'));
    });

    it('市级办法 第六条(三) duplicate: the same duties under another name are refused', () => {
      given([], foodSafetyActive)
        .when(establish({ ...FOOD_SAFETY, name: '潍坊市舌尖安全工程推进委员会' }, { bodyId: 'tongue' }))
        .thenThrows(violates('duplicate', 'warning', (v) => v.related?.join() === 'food-safety'));
    });

    it('市级办法 第六条(三) duplicate: an alias clashing with an active body\'s name is refused', () => {
      given([], foodSafetyActive)
        .when(establish({ ...DIGITAL_ECONOMY, aliases: ['潍坊市防汛抗旱指挥部'] }, { bodyId: 'digital' }))
        .thenThrows(violates('duplicate', 'warning', (v) => v.related?.join() === 'flood'));
    });

    it('市级办法 第六条(三) duplicate: 潍坊市禁毒委员会 duplicates the published 市禁毒委员会 (潍坊名单 item 14)', () => {
      given([], { ...EMPTY_CONTEXT, activeBodies: weifangListAsActiveBodies() })
        .when(establish({ ...FOOD_SAFETY, name: '潍坊市禁毒委员会', duties: '组织、协调、指导全市禁毒工作' }, { bodyId: 'narcotics' }))
        .thenThrows(violates('duplicate', 'warning', (v) => v.related?.join() === 'wf-14'));
    });

    it('市级办法 第六条(三) duplicate: with a justification the similar body is recorded, listing the rule', () => {
      given([], foodSafetyActive)
        .when(establish({ ...FOOD_SAFETY, name: '潍坊市食品安全工作领导小组', duties: '协调食品安全示范城市创建' }, { bodyId: 'food-safety-2', justification: '省委要求单独设立，创建期满后撤销' }))
        .then(recordsWaiver('省委要求单独设立，创建期满后撤销', 'duplicate'));
    });

    it('市级办法 第六条(三) duplicate: 潍坊市安全生产委员会 is not similar to 潍坊市食品安全委员会', () => {
      const workSafety: Profile = {
        ...FOOD_SAFETY,
        name: '潍坊市安全生产委员会',
        tasks: '统筹协调全市安全生产工作',
        duties: '研究部署全市安全生产工作，分析安全生产形势，协调解决安全生产重大问题，组织安全生产巡查和考核',
        hostDepartment: '市应急局',
      };
      given([], foodSafetyActive).when(establish(workSafety, { bodyId: 'work-safety' })).then((events) => expect(events[0].waivedRules).toBeUndefined());
    });
  });

  describe('潍坊名单 quota', () => {
    const fullList: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: weifangListAsActiveBodies(), baseline: WEIFANG_BASELINE };
    const digitalEconomy = (extra: Partial<EstablishBody> = {}) =>
      establish(DIGITAL_ECONOMY, { bodyId: 'digital', effectiveDate: '2020-06-01', documentNo: '潍政字〔2020〕30号', ...extra });

    it('潍坊名单 quota: a 67th government body against the baseline of 66 is refused without justification', () => {
      given([], fullList)
        .when(digitalEconomy())
        .thenThrows(violates('quota', 'warning', (v) => v.message.includes('潍政办字〔2020〕37号') && v.message.includes('67')));
    });

    it('潍坊名单 quota: with a justification the 67th body is recorded with it', () => {
      given([], fullList).when(digitalEconomy({ justification: '落实省委数字强省部署，经市政府常务会议研究同意' })).then(recordsWaiver('落实省委数字强省部署，经市政府常务会议研究同意', 'quota'));
    });

    it('潍坊名单 quota: after one listed body left, a new one fits the 66 without justification', () => {
      const sixtyFive = { ...fullList, activeBodies: fullList.activeBodies.slice(1) };
      given([], sixtyFive).when(digitalEconomy()).then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    it('潍坊名单 quota: a 市委 body is not counted against the 市政府 baseline', () => {
      given([], fullList)
        .when(establish(RULE_OF_LAW, { bodyId: 'rule-of-law', effectiveDate: '2020-06-01' }))
        .then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    it('潍坊名单 quota: before a baseline is in force for the jurisdiction, any count is accepted', () => {
      given([], { ...fullList, baseline: undefined })
        .when(digitalEconomy({ effectiveDate: '2020-03-01' }))
        .then((events) => expect(events[0].waivedRules).toBeUndefined());
    });

    it('潍坊名单 quota: a baseline over both series counts 市委 bodies too', () => {
      const partyAndList: DecisionContext = {
        ...fullList,
        activeBodies: fullList.activeBodies.slice(1),
        baseline: { ...WEIFANG_BASELINE, series: undefined, total: 66 },
      };
      given([], { ...partyAndList, activeBodies: [...partyAndList.activeBodies, summaryOf('rule-of-law', RULE_OF_LAW)] })
        .when(digitalEconomy())
        .thenThrows(violates('quota', 'warning'));
    });
  });
});

describe('调整 (AdjustBody)', () => {
  it('市级办法 第十三条: changed member units and host department are recorded as BodyAdjusted with only the changes', () => {
    const changes = { memberUnits: [...FOOD_SAFETY.memberUnits, '市财政局'], hostDepartment: '市市场监管局(市食品安全委员会办公室)' };
    given([foodSafetyEstablished])
      .when(adjust(changes, { reason: '增加市财政局为成员单位' }))
      .then([{ ...paperworkOf(adjust(changes, { reason: '增加市财政局为成员单位' })), type: 'BodyAdjusted', data: { changes } }]);
  });

  it('市级办法 第十三条: seats are posts; a new 分管副市长 title replaces the deputies', () => {
    const deputies = [{ title: '市政府副市长(分管市场监管)', rank: 'deputy-bureau' as const }];
    given([foodSafetyEstablished]).when(adjust({ deputies })).then((events) => expect(events[0].data).toEqual({ changes: { deputies } }));
  });

  it('市级办法 第十三条 application: an adjustment naming no change is refused', () => {
    given([foodSafetyEstablished]).when(adjust({})).thenThrows(violates('application', 'error'));
  });

  it('市级办法 第十条 application: removing every member unit is refused', () => {
    given([foodSafetyEstablished]).when(adjust({ memberUnits: [] })).thenThrows(violates('application', 'error'));
  });

  it('市级办法 第八条 leader: removing the leader is refused', () => {
    given([foodSafetyEstablished]).when(adjust({ leaders: [] }, { justification: JUSTIFICATION })).thenThrows(violates('leader', 'error'));
  });

  it('市级办法 第八条 leader: a second leader is a warning, recorded with a justification', () => {
    const leaders = [{ title: '市长', rank: 'bureau' as const }, { title: '市委书记', rank: 'bureau' as const }];
    given([foodSafetyEstablished]).when(adjust({ leaders })).thenThrows(violates('leader', 'warning'));
    given([foodSafetyEstablished]).when(adjust({ leaders }, { justification: '落实食品安全党政同责' })).then(recordsWaiver('落实食品安全党政同责', 'leader'));
  });

  it('市级办法 第八条 deputies: three deputies after adjustment are refused without justification', () => {
    const deputies = [...FOOD_SAFETY.deputies, { title: '市政府秘书长', rank: 'county' as const }];
    given([foodSafetyEstablished]).when(adjust({ deputies })).thenThrows(violates('deputies', 'warning'));
  });

  it('市级办法 第八条 member-units: growing to 11 member units is refused without justification, recorded with it', () => {
    const memberUnits = [...FOOD_SAFETY.memberUnits, '市财政局', '市生态环境局', '市城管局', '市粮食和储备局', '潍坊海关'];
    given([foodSafetyEstablished]).when(adjust({ memberUnits })).thenThrows(violates('member-units', 'warning'));
    given([foodSafetyEstablished]).when(adjust({ memberUnits }, { justification: JUSTIFICATION })).then(recordsWaiver(JUSTIFICATION, 'member-units'));
  });

  it('市级办法 第九条 member-rank: adding a 科级 member is refused without justification', () => {
    given([foodSafetyEstablished])
      .when(adjust({ members: [{ title: '市市场监管局食品安全协调科科长', rank: 'section' }] }))
      .thenThrows(violates('member-rank', 'warning'));
  });

  it('市级办法 第九条 discipline: adding a 纪检监察组组长 to the 食品安全委员会 is refused without justification', () => {
    given([foodSafetyEstablished])
      .when(adjust({ members: [{ title: '市纪委监委派驻市市场监管局纪检监察组组长', rank: 'county' }] }))
      .thenThrows(violates('discipline', 'warning'));
  });

  it('辽宁办法 第八条 temporary-term: turning a standing body temporary without a term is refused', () => {
    given([foodSafetyEstablished]).when(adjust({ duration: 'temporary' })).thenThrows(violates('temporary-term', 'error'));
  });

  it('辽宁办法 第八条 temporary-term: extending a temporary body\'s term is recorded; a term already past is refused', () => {
    const landSurvey = established('food-safety', LAND_SURVEY, { documentNo: '潍政办字〔2018〕25号', effectiveDate: '2018-03-20' });
    given([landSurvey]).when(adjust({ termEnd: '2022-06-30' }, { effectiveDate: '2021-11-01' })).then((events) => expect(events).toHaveLength(1));
    given([landSurvey]).when(adjust({ termEnd: '2021-10-31' }, { effectiveDate: '2021-11-01' })).thenThrows(violates('temporary-term', 'error'));
  });

  it('市级办法 第六条(三) duplicate: new duties copying another active body\'s duties are refused without justification', () => {
    given([foodSafetyEstablished], withBodies(summaryOf('flood', FLOOD_CONTROL)))
      .when(adjust({ duties: FLOOD_CONTROL.duties }))
      .thenThrows(violates('duplicate', 'warning', (v) => v.related?.join() === 'flood'));
  });

  it('市级办法 第十三至十八条 lifecycle: adjusting a body that was never established is refused', () => {
    given([]).when(adjust({ hostDepartment: '市市场监管局' })).thenThrows(violates('lifecycle', 'error'));
  });

  it('市级办法 第十三至十八条 lifecycle: an adjustment dated before the establishment is refused', () => {
    given([foodSafetyEstablished]).when(adjust({ hostDepartment: '市市场监管局' }, { effectiveDate: '2019-01-01' })).thenThrows(violates('lifecycle', 'error'));
  });

  it('市级办法 第十五条 lifecycle: adjusting an abolished body is refused', () => {
    given([foodSafetyEstablished, abolishedOn2023])
      .when(adjust({ hostDepartment: '市市场监管局' }, { effectiveDate: '2023-05-01', justification: JUSTIFICATION }))
      .thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('已撤销')));
  });

  it('市级办法 第十六条 lifecycle: adjusting a body merged away is refused', () => {
    given([foodSafetyEstablished, mergedAway])
      .when(adjust({ hostDepartment: '市市场监管局' }, { effectiveDate: '2022-08-01' }))
      .thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('已被合并')));
  });
});

describe('更名 (RenameBody)', () => {
  it('市级办法 第十三、十四条: a new name is recorded with the previous one', () => {
    given([foodSafetyEstablished])
      .when(rename('潍坊市食品药品安全委员会', { aliases: ['潍坊市药品安全委员会'] }))
      .then([
        {
          ...paperworkOf(rename('')),
          type: 'BodyRenamed',
          data: { previousName: '潍坊市食品安全委员会', newName: '潍坊市食品药品安全委员会', aliases: ['潍坊市药品安全委员会'] },
        },
      ]);
  });

  it('市级办法 第十四条 application: renaming to the same name is refused', () => {
    given([foodSafetyEstablished]).when(rename(' 潍坊市食品安全委员会 ')).thenThrows(violates('application', 'error'));
  });

  it('市级办法 第十条 application: renaming to a blank name is refused', () => {
    given([foodSafetyEstablished]).when(rename('  ', { justification: JUSTIFICATION })).thenThrows(violates('application', 'error'));
  });

  it('市级办法 第六条(三) duplicate: renaming to a name like an active body\'s is refused without justification', () => {
    given([foodSafetyEstablished], withBodies(summaryOf('flood', FLOOD_CONTROL)))
      .when(rename('潍坊市人民政府防汛抗旱指挥部'))
      .thenThrows(violates('duplicate', 'warning', (v) => v.related?.join() === 'flood'));
  });

  it('市级办法 第六条(三) duplicate: an alias like an active body\'s name is refused; with a justification it is recorded', () => {
    const context = withBodies(summaryOf('flood', FLOOD_CONTROL));
    const command = rename('潍坊市食品药品安全委员会', { aliases: ['潍坊市防汛抗旱工作领导小组'] });
    given([foodSafetyEstablished], context).when(command).thenThrows(violates('duplicate', 'warning'));
    given([foodSafetyEstablished], context).when({ ...command, justification: '对外保留原名称开展工作' }).then(recordsWaiver('对外保留原名称开展工作', 'duplicate'));
  });

  it('市级办法 第十三至十八条 lifecycle: renaming an abolished body is refused', () => {
    given([foodSafetyEstablished, abolishedOn2023])
      .when(rename('潍坊市食品药品安全委员会', { effectiveDate: '2023-05-01' }))
      .thenThrows(violates('lifecycle', 'error'));
  });
});

describe('改变隶属关系 (ChangeAffiliation)', () => {
  it('市级办法 第十七、十八条: a move to the 市委 series is recorded with both series', () => {
    given([foodSafetyEstablished])
      .when(changeAffiliation('party'))
      .then([{ ...paperworkOf(changeAffiliation('party')), type: 'BodyAffiliationChanged', data: { from: 'government', to: 'party' } }]);
  });

  it('市级办法(旧) 第八条 single-series: a "change" to the series it already has is refused', () => {
    given([foodSafetyEstablished]).when(changeAffiliation('government', { justification: JUSTIFICATION })).thenThrows(violates('single-series', 'error'));
  });

  it('市级办法(旧) 第八条 single-series: a series other than party, government or joint is refused', () => {
    given([foodSafetyEstablished]).when(changeAffiliation('party-and-government' as unknown as Series)).thenThrows(violates('single-series', 'error'));
  });

  it('市级办法(旧) 第八条 single-series: becoming a joint party-government body bends the rule under 市级办法: a warning to justify', () => {
    given([foodSafetyEstablished]).when(changeAffiliation('joint')).thenThrows(violates('single-series', 'warning'));
    given([foodSafetyEstablished]).when(changeAffiliation('joint', { justifications: { 'single-series': '市委、市政府联合发文' } })).then(recordsWaiver('市委、市政府联合发文', 'single-series'));
  });

  const partyBody = established('food-safety', { ...FOOD_SAFETY, series: 'party' }, { documentNo: '潍发〔2019〕3号', effectiveDate: '2019-03-15' });
  const fullList: DecisionContext = { ...EMPTY_CONTEXT, activeBodies: weifangListAsActiveBodies(), baseline: WEIFANG_BASELINE };

  it('潍坊名单 quota: moving a 市委 body into a full 市政府 list is refused without justification', () => {
    given([partyBody], fullList).when(changeAffiliation('government')).thenThrows(violates('quota', 'warning'));
  });

  it('潍坊名单 quota: with a justification the move into a full 市政府 list is recorded', () => {
    given([partyBody], fullList).when(changeAffiliation('government', { justification: JUSTIFICATION })).then(recordsWaiver(JUSTIFICATION, 'quota'));
  });

  it('潍坊名单 quota: moving out of the 市政府 series is never blamed', () => {
    given([foodSafetyEstablished], fullList).when(changeAffiliation('party')).then((events) => expect(events[0].waivedRules).toBeUndefined());
  });

  it('潍坊名单 quota: under a baseline over both series a change of series does not change the count, so it is not blamed', () => {
    const overFull: DecisionContext = { ...fullList, baseline: { ...WEIFANG_BASELINE, series: undefined, total: 60 } };
    given([foodSafetyEstablished], overFull).when(changeAffiliation('party')).then((events) => expect(events[0].waivedRules).toBeUndefined());
  });

  it('市级办法 第十三至十八条 lifecycle: changing the affiliation of a body merged away is refused', () => {
    given([foodSafetyEstablished, mergedAway]).when(changeAffiliation('party')).thenThrows(violates('lifecycle', 'error'));
  });
});

describe('撤销 (AbolishBody)', () => {
  it.each<[AbolitionDisposition, string]>([
    ['abolished', '撤销'],
    ['delisted', '不再作为议事协调机构'],
    ['joint-meeting', '调整为部门联席会议'],
  ])('市级办法 第十五条, 北京清理 一: disposition %s (%s) is recorded and the body leaves the registry', (disposition) => {
    const command = abolish(disposition, { reason: '工作任务已规定由市市场监管局承担' });
    given([foodSafetyEstablished])
      .when(command)
      .then((events) => {
        expect(events).toEqual([{ ...paperworkOf(command), type: 'BodyAbolished', data: { abolitionReason: 5, disposition } }]);
        const after = foldBody([foodSafetyEstablished, ...events]);
        expect(after).toMatchObject({ status: 'abolished', endedOn: '2023-04-01', abolition: { reason: 5, disposition, documentNo: '潍政字〔2023〕12号' } });
      });
  });

  it.each<AbolitionDisposition>(['abolished', 'delisted', 'joint-meeting'])(
    '北京清理 二 lifecycle: after disposition %s no further decision is taken on the body',
    (disposition) => {
      const abolished = { ...abolishedOn2023, data: { abolitionReason: 7 as const, disposition } };
      given([foodSafetyEstablished, abolished]).when(abolish('abolished', { effectiveDate: '2023-06-01' })).thenThrows(violates('lifecycle', 'error'));
      given([foodSafetyEstablished, abolished]).when(fileReport(2023)).thenThrows(violates('lifecycle', 'error'));
    },
  );

  it('市级办法 第十五、十六条: the grounds of abolition and merger are quoted as the articles word them', () => {
    expect(Object.keys(ABOLITION_REASONS)).toHaveLength(8);
    expect(ABOLITION_REASONS[1]).toBe('(一)擅自设立的');
    expect(ABOLITION_REASONS[2]).toBe('(二)工作任务已经完成的');
    expect(ABOLITION_REASONS[5]).toBe('(五)工作任务已规定由相应职能部门承担的');
    expect(ABOLITION_REASONS[7]).toMatch(/^\(七\)长期不开展工作或者作用发挥不明显/u);
    expect(MERGER_REASONS).toEqual({ 1: '(一)工作职责相同或者相近的', 2: '(二)工作职责相互交叉或者涵盖的', 3: '(三)其他原因需要合并的' });
    expect(ABOLITION_DISPOSITIONS).toEqual({ abolished: '撤销', delisted: '不再作为议事协调机构', 'joint-meeting': '调整为部门联席会议' });
  });

  it('市级办法 第十五条 lifecycle: an abolition dated before the establishment is refused', () => {
    given([foodSafetyEstablished]).when(abolish('abolished', { effectiveDate: '2018-12-31' })).thenThrows(violates('lifecycle', 'error'));
  });

  it('市级办法 第十五条 lifecycle: a body never established cannot be abolished', () => {
    given([]).when(abolish('delisted')).thenThrows(violates('lifecycle', 'error', (v) => v.message.includes('尚未设立')));
  });
});

describe('年度报告 (FileAnnualReport)', () => {
  it('市级办法 第二十条: the host department\'s report for the year is recorded', () => {
    const command = fileReport(2020);
    given([foodSafetyEstablished])
      .when(command)
      .then([
        {
          ...paperworkOf(command),
          type: 'AnnualReportFiled',
          data: { year: 2020, summary: command.summary, meetingsHeld: 2, filedOn: '2020-12-20' },
        },
      ]);
  });

  it('市级办法 第二十条 lifecycle: a report for a year before the body existed is refused', () => {
    given([foodSafetyEstablished]).when(fileReport(2018, { effectiveDate: '2019-04-01' })).thenThrows(violates('lifecycle', 'error'));
  });

  it('市级办法 第二十条 application: a second report for the same year is refused (a wrong one is corrected instead)', () => {
    const filed2020 = { ...paperworkOf(fileReport(2020)), type: 'AnnualReportFiled' as const, data: { year: 2020, summary: '召开全体会议1次', meetingsHeld: 1, filedOn: '2020-12-20' } };
    given([foodSafetyEstablished, filed2020]).when(fileReport(2020)).thenThrows(violates('application', 'error', (v) => v.message.includes('更正')));
    given([foodSafetyEstablished, filed2020]).when(fileReport(2021)).then((events) => expect(events).toHaveLength(1));
  });
});

describe('evolve: the state later decisions are judged on', () => {
  it('keeps one identity through rename, adjustment and affiliation change', () => {
    const renamed = { ...paperworkOf(rename('')), type: 'BodyRenamed' as const, data: { previousName: '潍坊市食品安全委员会', newName: '潍坊市食品药品安全委员会', aliases: [] } };
    const adjusted = { ...paperworkOf(adjust({})), type: 'BodyAdjusted' as const, data: { changes: { hostDepartment: '市市场监管局', duties: undefined } } };
    const moved = { ...paperworkOf(changeAffiliation('party')), type: 'BodyAffiliationChanged' as const, data: { from: 'government' as const, to: 'party' as const } };
    const state = foldBody([foodSafetyEstablished, adjusted, renamed, moved]);
    expect(state).toMatchObject({
      id: 'food-safety',
      name: '潍坊市食品药品安全委员会',
      formerNames: [{ name: '潍坊市食品安全委员会', until: '2021-02-01' }],
      series: 'party',
      status: 'active',
      establishedOn: '2019-03-15',
      establishedBy: '潍政字〔2019〕8号',
      duties: FOOD_SAFETY.duties,
    });
  });

  it('marks a body merged away with the body it went into', () => {
    expect(foldBody([foodSafetyEstablished, mergedAway])).toMatchObject({ status: 'merged', endedOn: '2022-07-01', mergedInto: 'market-safety' });
  });

  it('ignores events before the establishment (the body does not exist yet)', () => {
    expect(foldBody([abolishedOn2023])).toBeUndefined();
  });
});
