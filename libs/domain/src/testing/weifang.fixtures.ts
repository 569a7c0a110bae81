/**
 * Test data for the domain specs: real names from 潍坊名单 (潍政办字〔2020〕37号) and bodies
 * drawn from them. Document numbers other than the list's own are illustrative.
 */
import assert from 'node:assert/strict';
import type { BodyEstablished } from '../body/body.events.js';
import type { EstablishBody } from '../body/body.commands.js';
import { kindFromName } from '../body/body.types.js';
import { MUNICIPAL_POLICY } from '../policy/policy.js';
import type { ActiveBodySummary, DecisionContext, QuotaBaselineInForce } from '../rules/body.rules.js';
import { RuleViolationError, type RuleCode, type Severity, type Violation } from '../shared/violations.js';
import { streamIds } from '../shared/domain-event.js';
import type { ErrorCheck } from './decider-specification.js';

/** 潍坊市, GB/T 2260. */
export const WEIFANG = '370700';
export const WEIFANG_LIST_DOCUMENT = '潍政办字〔2020〕37号';
export const WEIFANG_LIST_DATE = '2020-03-31';

/** 潍坊名单 一、长期设置的市政府议事协调机构(55个), as published. */
export const WEIFANG_STANDING = [
  '市推进政府职能转变和“放管服”改革协调小组',
  '市政务公开领导小组',
  '市口岸和打击走私综合治理领导小组',
  '市12345政务服务热线工作领导小组',
  '市城市建设重点项目领导小组',
  '市社会信用体系建设领导小组',
  '市清洁取暖和天然气产供储销体系建设工作领导小组',
  '市油区和管道保护工作领导小组',
  '市招生考试委员会',
  '市语言文字工作委员会',
  '市政府教育督导委员会',
  '市促进非公有制经济发展工作领导小组',
  '市履行《禁止化学武器公约》工作领导小组',
  '市禁毒委员会',
  '市境外非政府组织管理工作协调小组',
  '市城乡社区治理工作领导小组',
  '市社会救助工作领导小组(对外可分别使用市农村留守儿童关爱保护和困境儿童保障工作联席会议、市生活无着的流浪乞讨人员救助管理工作联席会议名称开展工作)',
  '市政府行政复议裁决委员会',
  '市政府性债务管理领导小组',
  '市就业和农民工工作领导小组',
  '市协调劳动关系三方委员会',
  '市绿化委员会',
  '市应对气候变化领导小组',
  '市城镇化暨城乡融合发展工作领导小组',
  '市城市管理委员会',
  '市治理车辆超限超载工作领导小组',
  '潍坊机场净空和电磁环境保护工作领导小组',
  '市防汛抗旱指挥部',
  '市粮食生产功能区和重要农产品生产保护区工作领导小组',
  '市防控重大动物疫病指挥部',
  '市成品油监管领导小组',
  '市应对国际贸易摩擦领导小组',
  '市政府旅游工作领导小组',
  '市文物保护委员会',
  '市深化医药卫生体制改革领导小组',
  '市爱国卫生运动委员会(健康中国行动潍坊推进委员会)',
  '市政府防治重大疾病工作领导小组',
  '市老龄工作委员会',
  '市政府防治艾滋病工作委员会',
  '市减灾委员会',
  '市森林草原防灭火指挥部',
  '市防震减灾工作领导小组',
  '市食品安全委员会',
  '市“品牌潍坊”建设协调推进领导小组',
  '市质量强市和推进标准化战略领导小组',
  '市政府知识产权战略实施工作领导小组',
  '市人民防空军政联席会议(市人民防空指挥部)',
  '市金融稳定发展领导小组',
  '市政府与市总工会联席会议',
  '市未成年人保护委员会',
  '市妇女儿童工作委员会',
  '市政府残疾人工作委员会',
  '市政府消防安全委员会',
  '市军事设施保护委员会',
  '市征兵工作领导小组',
] as const;

/** 潍坊名单 二、临时性设置的市政府议事协调机构(11个), as published. */
export const WEIFANG_TEMPORARY = [
  '市5G产业发展领导小组',
  '市营业税改征增值税试点工作领导小组',
  '市水资源税改革试点工作领导小组',
  '市第三次国土调查领导小组',
  '市生活垃圾分类工作领导小组',
  '市高速公路协调推进领导小组',
  '市城市轨道交通规划建设指挥部',
  '潍坊机场迁建工程指挥部',
  '市创建国家公交都市工作领导小组',
  '市海洋督察反馈意见整改工作领导小组',
  '市“十三五”时期民兵调整改革工作领导小组',
] as const;

/**
 * A published entry's name and the names it may also use: item 17 "对外可分别使用…名称开展工作",
 * items 36 and 47 give the second name in brackets.
 */
export function splitPublishedName(entry: string): { name: string; aliases: string[] } {
  const m = /^(.*?)\((.*)\)$/u.exec(entry);
  if (!m) return { name: entry, aliases: [] };
  const inner = m[2];
  const aliases = inner.startsWith('对外可分别使用')
    ? inner.replace(/^对外可分别使用/u, '').replace(/名称开展工作$/u, '').split('、')
    : [inner];
  return { name: m[1], aliases };
}

/**
 * The 66 bodies of 潍坊名单 as the rules see them (ids wf-01 … wf-66). The list publishes
 * names only, so duties are left empty: only names can clash.
 */
export function weifangListAsActiveBodies(): ActiveBodySummary[] {
  return [...WEIFANG_STANDING, ...WEIFANG_TEMPORARY].map((entry, i) => ({
    id: `wf-${String(i + 1).padStart(2, '0')}`,
    ...splitPublishedName(entry),
    duties: '',
    series: 'government' as const,
  }));
}

/** The baseline 潍坊名单 sets: 66 = 55 standing + 11 temporary, government series. */
export const WEIFANG_BASELINE: QuotaBaselineInForce = {
  total: 66,
  series: 'government',
  documentNo: WEIFANG_LIST_DOCUMENT,
  effectiveDate: WEIFANG_LIST_DATE,
};

/** The 市级办法 policy and no other body: only the body's own content is judged. */
export const EMPTY_CONTEXT: DecisionContext = { policy: MUNICIPAL_POLICY, activeBodies: [] };

type Profile = EstablishBody['profile'];

/** 潍坊名单 item 43 市食品安全委员会, as its establishment would have been recorded. */
export const FOOD_SAFETY: Profile = {
  name: '潍坊市食品安全委员会',
  series: 'government',
  duration: 'standing',
  basis: {
    conditions: [1, 2],
    text: '《中华人民共和国食品安全法》第六条：县级以上地方人民政府……统一领导、组织、协调本行政区域的食品安全监督管理工作',
  },
  reason: '统筹协调全市食品安全工作，落实食品安全党政同责',
  leaders: [{ title: '市长', rank: 'bureau' }],
  deputies: [
    { title: '常务副市长', rank: 'deputy-bureau' },
    { title: '分管副市长', rank: 'deputy-bureau' },
  ],
  members: [
    { title: '市市场监管局局长', rank: 'county' },
    { title: '市农业农村局局长', rank: 'county' },
    { title: '市卫生健康委主任', rank: 'county' },
  ],
  memberUnits: ['市市场监管局', '市农业农村局', '市卫生健康委', '市公安局', '市教育局', '市商务局'],
  tasks: '研究部署、统筹指导全市食品安全工作',
  duties: '分析全市食品安全形势，研究部署、统筹指导食品安全工作，提出食品安全监督管理的重大政策措施，督促落实食品安全监督管理责任',
  hostDepartment: '市市场监管局',
  location: '潍坊市市场监督管理局',
  funding: '市市场监管局部门预算',
};

/** 潍坊名单 item 28 市防汛抗旱指挥部. */
export const FLOOD_CONTROL: Profile = {
  name: '潍坊市防汛抗旱指挥部',
  series: 'government',
  duration: 'standing',
  basis: {
    conditions: [1, 2],
    text: '《中华人民共和国防洪法》第三十九条：有防汛抗洪任务的县级以上地方人民政府设立由有关部门、当地驻军、人民武装部负责人等组成的防汛指挥机构',
  },
  reason: '统一指挥全市防汛抗旱和抢险救灾工作',
  leaders: [{ title: '市长', rank: 'bureau' }],
  deputies: [
    { title: '分管副市长', rank: 'deputy-bureau' },
    { title: '潍坊军分区副司令员', rank: 'deputy-bureau' },
  ],
  members: [{ title: '市应急局局长', rank: 'county' }, { title: '市水利局局长', rank: 'county' }],
  memberUnits: ['市应急局', '市水利局', '市气象局', '市自然资源和规划局', '市住房城乡建设局', '市交通运输局', '市农业农村局', '潍坊军分区'],
  tasks: '组织、协调、指导、监督全市防汛抗旱工作',
  duties: '组织领导全市防汛抗旱工作，统一指挥、协调全市防汛抗旱和抢险救灾，组织编制防御洪水方案和抗旱预案并监督实施',
  hostDepartment: '市应急局',
};

/** 潍坊名单 item 59 市第三次国土调查领导小组: temporary, with its term and how it ends. */
export const LAND_SURVEY: Profile = {
  name: '潍坊市第三次国土调查领导小组',
  series: 'government',
  duration: 'temporary',
  termEnd: '2021-12-31',
  abolitionCondition: '第三次全国国土调查任务完成后自行撤销',
  basis: {
    conditions: [1],
    text: '《国务院关于开展第三次全国土地调查的通知》(国发〔2017〕48号)：县级以上地方人民政府要成立相应的领导小组及办公室',
  },
  reason: '组织实施全市第三次国土调查',
  leaders: [{ title: '分管副市长', rank: 'deputy-bureau' }],
  deputies: [{ title: '市政府副秘书长', rank: 'county' }],
  memberUnits: ['市自然资源和规划局', '市财政局', '市统计局', '市农业农村局', '市住房城乡建设局'],
  tasks: '组织领导全市第三次国土调查',
  duties: '负责第三次国土调查的组织领导和协调，研究解决调查中的重大问题，审定调查成果',
  hostDepartment: '市自然资源和规划局',
};

/** A party-series body (中共潍坊市委 sets it up), outside a government-series baseline. */
export const RULE_OF_LAW: Profile = {
  name: '中共潍坊市委全面依法治市委员会',
  series: 'party',
  duration: 'standing',
  basis: { conditions: [1], text: '中共中央、省委关于市级党委成立全面依法治市委员会的部署' },
  reason: '加强党对全面依法治市的集中统一领导',
  leaders: [{ title: '市委书记', rank: 'bureau' }],
  deputies: [{ title: '市长', rank: 'bureau' }, { title: '市委副书记', rank: 'deputy-bureau' }],
  memberUnits: ['市委办公室', '市政府办公室', '市委政法委', '市中级人民法院', '市人民检察院', '市司法局'],
  tasks: '统筹协调全面依法治市工作',
  duties: '研究全面依法治市重大事项、重大问题，统筹推进科学立法、严格执法、公正司法、全民守法',
  hostDepartment: '市司法局',
};

/** A body 潍坊名单 does not contain, for quota cases. */
export const DIGITAL_ECONOMY: Profile = {
  name: '潍坊市数字经济发展工作领导小组',
  series: 'government',
  duration: 'standing',
  basis: { conditions: [2, 3], text: '数字经济发展涉及工业和信息化、发展改革、大数据等多个部门，需要经常组织协调' },
  reason: '统筹推进全市数字经济发展',
  leaders: [{ title: '市长', rank: 'bureau' }],
  deputies: [{ title: '分管副市长', rank: 'deputy-bureau' }],
  memberUnits: ['市工业和信息化局', '市发展改革委', '市大数据局', '市科技局', '市财政局'],
  tasks: '统筹推进数字产业化和产业数字化',
  duties: '研究制定全市数字经济发展规划和政策措施，协调解决数字产业化、产业数字化中的重大问题',
  hostDepartment: '市工业和信息化局',
};

export interface Paperwork {
  documentNo: string;
  effectiveDate: string;
  reason?: string;
}

/** The event a recorded establishment left in the body's stream. */
export function established(bodyId: string, profile: Profile, paperwork: Paperwork): BodyEstablished {
  return {
    type: 'BodyEstablished',
    streamId: streamIds.body(bodyId),
    jurisdiction: WEIFANG,
    bodyId,
    ...paperwork,
    data: {
      bodyId,
      ...profile,
      aliases: profile.aliases ?? [],
      members: profile.members ?? [],
      kind: profile.kind ?? kindFromName(profile.name),
    },
  };
}

/** A body as another decision sees it in the context. */
export function summaryOf(bodyId: string, profile: Profile): ActiveBodySummary {
  return { id: bodyId, name: profile.name, aliases: profile.aliases ?? [], duties: profile.duties, series: profile.series };
}

/**
 * The refusal names this rule, at this severity, and nothing else: a spec that expects
 * 'member-units' fails if the data also trips another rule by accident.
 */
export function violates(rule: RuleCode, severity: Severity, also?: (v: Violation) => boolean): ErrorCheck {
  return (error) =>
    error instanceof RuleViolationError &&
    error.violations.length > 0 &&
    error.violations.every((v) => v.rule === rule && v.severity === severity && (!also || also(v)));
}

/** The refusal names at least these rules (an error refuses together with the warnings found). */
export function violatesAll(...rules: RuleCode[]): ErrorCheck {
  return (error) => error instanceof RuleViolationError && rules.every((r) => error.violations.some((v) => v.rule === r));
}

/** The decision was recorded with this justification, naming exactly these bent rules on every event. */
export function recordsWaiver(justification: string, ...rules: RuleCode[]) {
  return (events: readonly { justification?: string; waivedRules?: Array<{ rule: RuleCode; source: string }> }[]): void => {
    assert.ok(events.length > 0, 'no event recorded');
    for (const event of events) {
      assert.equal(event.justification, justification);
      assert.deepEqual(event.waivedRules?.map((w) => w.rule), rules);
      assert.ok(event.waivedRules?.every((w) => w.source.length > 0), 'every waived rule cites its article');
    }
  };
}
