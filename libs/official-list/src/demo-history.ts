/**
 * A demo history for a fictional jurisdiction, 演示市 (370799), 2001–2026: about 140 bodies
 * established with their full application content (市级办法 第十条), renames, adjustments,
 * affiliation changes, mergers into an existing and into a new body, temporary bodies that
 * expire (most abolished on time, some late, three left past their term), annual reports (some
 * missing, two bodies dormant), quota baselines (2003, 2009, and a published list in 2020),
 * planted near-duplicates, and one clean-up campaign in 2003 shaped like 北京清理
 * (京政发[2003]9号): of 96 government bodies 52 kept, 36 abolished, 4 delisted, 4 turned into
 * joint meetings.
 *
 * Pure and deterministic: a fixed-seed PRNG (mulberry32), no Math.random, no clock. The output is
 * the ordered list of commands with their Idempotency-Keys; executed in order through
 * DecisionExecutor it passes every rule. To make sure of that, the generator decides each command
 * with the domain's own deciders on a simulated registry as it goes: where a warning rule fires,
 * the command carries a justification as a real decision would (确因工作需要…), and an error
 * stops the generator (a bug in the story, not a decision to record).
 */
import {
  ABOLITION_REASONS,
  MUNICIPAL_POLICY,
  RuleViolationError,
  baselineInForce,
  decideBody,
  decideJurisdiction,
  decideMerger,
  decideSplit,
  evolveBody,
  evolveJurisdiction,
  initialJurisdictionState,
  kindFromName,
  type AbolitionDisposition,
  type AbolitionReason,
  type ActiveBodySummary,
  type BodyEvent,
  type BodyState,
  type DecisionContext,
  type DomainEvent,
  type EstablishBody,
  type JurisdictionEvent,
  type JurisdictionState,
  type LocalDate,
  type MergerReason,
  type Post,
  type RuleCode,
  type Series,
  type Violation,
} from '#domain';
import { newBodyId, type RegistryCommand } from '#registry-app';
import type { PlannedCommand } from './plan-list-import.js';

export const DEMO_JURISDICTION = '370799';
export const DEMO_JURISDICTION_NAME = '演示市';
export const DEMO_SEED = 20030415;

/** The 2003 clean-up campaign, after 北京清理 (京政发[2003]9号). */
export const DEMO_CAMPAIGN = {
  documentNo: '演政发〔2003〕9号',
  date: '2003-04-15',
  reviewed: 96,
  kept: 52,
  abolished: 36,
  delisted: 4,
  jointMeeting: 4,
} as const;

/** The list the demo publishes as its baseline, as 潍坊 did in 2020. */
export const DEMO_LIST = { documentNo: '演政办字〔2020〕18号', date: '2020-03-31' } as const;

export interface DemoHistory {
  commands: PlannedCommand[];
  /** Commands that bend warning rules, with the rules: each carries a justification. */
  waivers: Array<{ idempotencyKey: string; rules: RuleCode[] }>;
  /** Keys of the establishments planted as near-duplicates of an active body (第六条(三)). */
  plantedDuplicates: string[];
  /** Government-series bodies active just before the 2003 campaign. */
  activeBeforeCampaign: number;
  /** Temporary bodies still active at the end although their term has passed (term-expired alerts). */
  pastTermAtEnd: string[];
  /** Bodies active at the end of the story. */
  activeAtEnd: number;
}

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, good enough for a story; same seed, same story. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates and document numbers

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): LocalDate => `${y}-${pad(m)}-${pad(d)}`;
function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Issuer = 'gov' | 'party' | 'office' | 'filing' | 'report';
const ISSUER_PREFIX: Record<Issuer, string> = {
  gov: '演政发', // 市政府 decisions: establish, abolish, merge, affiliation, baseline
  party: '演发', // 市委 decisions
  office: '演政办字', // 市政府办公室 notices
  filing: '演编备', // adjustments and renames filed with the 编办 (第十四条)
  report: '演编报', // annual reports received by the 编办 (第二十条)
};
const RESERVED_DOCUMENTS = new Set<string>([DEMO_CAMPAIGN.documentNo, DEMO_LIST.documentNo]);

class DocumentNumbers {
  private readonly next = new Map<string, number>();
  constructor(private readonly rng: Rng) {}
  issue(issuer: Issuer, date: LocalDate): string {
    const year = date.slice(0, 4);
    const counter = `${issuer}${year}`;
    for (;;) {
      const n = (this.next.get(counter) ?? this.rng.int(1, 4)) + this.rng.int(0, 3);
      this.next.set(counter, n + 1);
      const documentNo = `${ISSUER_PREFIX[issuer]}〔${year}〕${n}号`;
      if (!RESERVED_DOCUMENTS.has(documentNo)) return documentNo;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Departments and posts

/** Departments of the city, by era (the 2009 and 2019 reforms renamed many). */
const DEPARTMENTS_2001 = [
  '市政府办公室', '市发展计划委员会', '市经济贸易委员会', '市教育局', '市科学技术局', '市公安局', '市民政局', '市司法局',
  '市财政局', '市人事局', '市劳动和社会保障局', '市国土资源局', '市建设局', '市交通局', '市水利局', '市农业局', '市林业局',
  '市对外贸易经济合作局', '市文化局', '市卫生局', '市审计局', '市环境保护局', '市统计局', '市工商行政管理局',
  '市质量技术监督局', '市安全生产监督管理局', '市旅游局', '市体育局', '市广播电视局', '市物价局', '市粮食局', '市气象局',
];
const DEPARTMENTS_2009 = [
  '市政府办公室', '市发展和改革委员会', '市经济和信息化委员会', '市教育局', '市科学技术局', '市公安局', '市民政局', '市司法局',
  '市财政局', '市人力资源和社会保障局', '市国土资源局', '市住房和城乡建设局', '市交通运输局', '市水利局', '市农业局',
  '市林业局', '市商务局', '市文化广电新闻出版局', '市卫生局', '市审计局', '市环境保护局', '市统计局', '市工商行政管理局',
  '市质量技术监督局', '市安全生产监督管理局', '市食品药品监督管理局', '市旅游局', '市体育局', '市物价局', '市气象局',
];
const DEPARTMENTS_2019 = [
  '市政府办公室', '市发展和改革委员会', '市工业和信息化局', '市教育局', '市科学技术局', '市公安局', '市民政局', '市司法局',
  '市财政局', '市人力资源和社会保障局', '市自然资源和规划局', '市生态环境局', '市住房和城乡建设局', '市交通运输局',
  '市水利局', '市农业农村局', '市商务局', '市文化和旅游局', '市卫生健康委员会', '市退役军人事务局', '市应急管理局',
  '市审计局', '市市场监督管理局', '市统计局', '市医疗保障局', '市大数据局', '市气象局',
];
const departmentsOf = (date: LocalDate) => (date < '2009-01-01' ? DEPARTMENTS_2001 : date < '2019-01-01' ? DEPARTMENTS_2009 : DEPARTMENTS_2019);

const POSTS = {
  mayor: { title: '市长', rank: 'bureau' },
  executiveViceMayor: { title: '常务副市长', rank: 'deputy-bureau' },
  viceMayor: { title: '分管副市长', rank: 'deputy-bureau' },
  deputySecretaryGeneral: { title: '市政府副秘书长', rank: 'county' },
  secretary: { title: '市委书记', rank: 'bureau' },
  deputySecretary: { title: '市委副书记', rank: 'deputy-bureau' },
  standingMember: { title: '市委常委、秘书长', rank: 'deputy-bureau' },
  disciplineSecretary: { title: '市纪委书记', rank: 'deputy-bureau' },
  garrisonCommander: { title: '演示军分区司令员', rank: 'deputy-bureau' },
} satisfies Record<string, Post>;

const headOf = (unit: string): Post => ({ title: `${unit}主要负责同志`, rank: 'county' });

// ---------------------------------------------------------------------------------------------
// The bodies

type Fate =
  | { kind: 'keep' }
  | { kind: 'campaign'; disposition: AbolitionDisposition; reason: AbolitionReason }
  | { kind: 'early' };

interface BodySpec {
  slug: string;
  /** The name without the jurisdiction's prefix. */
  name: string;
  series: Series;
  host: string;
  duties: string;
  conditions?: Array<1 | 2 | 3>;
  /** How many member units besides the host (default 3–8). */
  units?: number;
  leaders?: Post[];
  deputies?: Post[];
  aliases?: string[];
  /** How a temporary body ends: a term and its condition, or the condition alone (任务完成后自行撤销). */
  temporary?: { termEnd?: LocalDate; condition: string };
}

/**
 * name|host|duties|fate, fate one of: keep; a<reason> (撤销); d<reason> (不再作为); j<reason> (联席会议); early.
 * Reasons are 市级办法 第十五条 (一)–(八) (ABOLITION_REASONS): a2 任务已完成, a5 已由职能部门承担, a7 长期不开展工作,
 * a8 其他 (the planted near-duplicates: 职责相同), j4 已形成长效工作机制.
 */
const GOVERNMENT_2001 = `
anquan|安全生产委员会|市安全生产监督管理局|分析全市安全生产形势，部署安全生产大检查，协调解决重大安全隐患整治和重特大事故调查处理中的问题|keep
fangxun|防汛抗旱指挥部|市水利局|组织指挥全市防汛抗旱和抢险救灾，调度水利工程，审定防御洪水方案和抗旱预案|keep
senlin|森林防火指挥部|市林业局|部署森林防火工作，组织扑救森林火灾，检查林区火源管理和防火设施建设|keep
kangzhen|抗震救灾指挥部|市地震局|破坏性地震发生后统一指挥应急救援，组织震情监视、人员搜救和灾民安置|keep
fangzhen|防震减灾工作领导小组|市地震局|规划全市地震监测预报和震害防御体系，推进建设工程抗震设防要求的落实|keep
renfang|人民防空委员会|市人民防空办公室|制定人民防空建设规划，组织防空警报试鸣和人口疏散演练，监督人防工程建设|keep
zhengbing|征兵工作领导小组|演示军分区|下达年度征兵任务，组织兵役登记、体格检查和政治审查，督促做好新兵交接|keep
guofang|国防动员委员会|演示军分区|统筹国民经济动员、人民武装动员和交通战备，组织国防动员潜力调查|keep
shuangyong|双拥工作领导小组|市民政局|组织开展拥军优属、拥政爱民活动，协调落实军队离退休干部安置和随军家属就业|keep
aiwei|爱国卫生运动委员会|市卫生局|组织除四害和城乡环境卫生整治，推动卫生城市、卫生村镇创建，开展健康教育|keep
aizibing|防治艾滋病工作委员会|市卫生局|落实艾滋病监测检测和母婴阻断，组织高危行为干预，协调感染者救治救助|keep
difangbing|地方病防治领导小组|市卫生局|组织碘缺乏病、地方性氟中毒监测和防治，督促改水降氟工程建设|keep
laoling|老龄工作委员会|市民政局|研究老龄事业发展规划，维护老年人合法权益，协调养老服务设施建设|keep
funv|妇女儿童工作委员会|市妇女联合会|组织实施妇女和儿童发展纲要，监测评估纲要目标进展，协调维护妇女儿童权益|keep
canji|残疾人工作协调委员会|市残疾人联合会|协调残疾人康复、教育、就业和社会保障，督促无障碍设施建设|keep
jisheng|计划生育领导小组|市计划生育委员会|落实人口与计划生育目标管理责任制，考核稳定低生育水平工作，协调流动人口计划生育管理|keep
lvhua|绿化委员会|市林业局|组织全民义务植树运动，审定城乡绿化规划，检查造林绿化质量和成活率|keep
huanbao|环境保护委员会|市环境保护局|研究环境保护重大政策措施，协调跨区域水污染和大气污染治理，督查环保目标责任制|keep
zhaosheng|招生考试委员会|市教育局|领导普通高考、成人高考和自学考试组织工作，处理考试违纪和招生争议|keep
yuyan|语言文字工作委员会|市教育局|推广普通话和规范汉字，组织语言文字规范化示范校创建和普通话水平测试|keep
dudao|人民政府教育督导委员会|市教育局|对县区政府履行教育职责和学校办学行为进行督导评估，发布督导报告|keep
jianshen|全民健身工作领导小组|市体育局|实施全民健身计划纲要，协调公共体育设施建设和开放，组织全民健身运动会|keep
wenwu|文物管理委员会|市文化局|审议文物保护单位申报，协调基本建设中的文物勘探和抢救性发掘，督查文物安全|keep
difangzhi|地方志编纂委员会|市地方志办公室|组织编纂市志和部门志，审定志书稿，开展地情资料收集和年鉴编辑|keep
shuifei|农村税费改革领导小组|市财政局|推进农村税费改革试点，规范农业税征收，监督农民负担和乡镇转移支付资金使用|keep
fupin|扶贫开发领导小组|市农业局|确定扶贫开发重点村，统筹扶贫资金和项目安排，组织部门帮扶和社会扶贫|keep
chanyehua|农业产业化工作领导小组|市农业局|扶持农业产业化龙头企业，推进基地建设和农产品加工，协调订单农业和农民专业合作组织|keep
dongwu|动物防疫工作领导小组|市农业局|组织口蹄疫等重大动物疫病强制免疫和疫情扑灭，监督动物检疫和病死畜禽无害化处理|keep
guihua|城市规划委员会|市规划局|审议城市总体规划和重要地段详细规划，论证重大建设项目选址|keep
chengguan|城市管理委员会|市城市管理局|统筹市容环境卫生、园林绿化和市政设施管理，组织城市管理综合执法|keep
fanggai|住房制度改革领导小组|市建设局|推进住房分配货币化，审定公有住房出售和租金改革方案，监督经济适用住房建设|keep
zhongdian|重点项目建设领导小组|市发展计划委员会|确定年度重点建设项目，调度项目进度，协调解决征地拆迁和要素保障问题|keep
zhaoshang|招商引资工作领导小组|市对外贸易经济合作局|制定招商引资政策，组织重大招商活动，协调落实外来投资项目|keep
kouan|对外开放口岸工作领导小组|市对外贸易经济合作局|规划口岸开放和建设，协调海关、检验检疫等查验单位推进通关便利化|keep
dazousi|打击走私综合治理领导小组|市公安局|组织打击走私专项行动，协调缉私部门联合查处重大走私案件，治理走私源头|keep
jindu|禁毒委员会|市公安局|部署禁毒人民战争，组织禁吸戒毒、禁种铲毒和禁毒宣传教育，管控易制毒化学品|keep
jiaotong|道路交通安全委员会|市公安局|研究道路交通安全形势，组织交通秩序整治和事故多发路段排查治理|keep
xiaofang|消防安全委员会|市公安消防支队|组织火灾隐患排查整治和消防安全专项治理，督促公共消防设施建设|keep
zhengdun|整顿和规范市场经济秩序领导小组|市经济贸易委员会|组织打击制售假冒伪劣商品、偷骗税和商业欺诈，整顿建筑、文化等重点市场秩序|keep
jianfu|减轻企业负担领导小组|市经济贸易委员会|清理涉企收费、罚款和摊派项目，受理企业负担举报，监督减负政策落实|keep
guoqi|国有企业改革领导小组|市经济贸易委员会|审定国有企业改制、重组和破产方案，协调职工安置和债务处置|keep
jiuye|就业和再就业工作领导小组|市劳动和社会保障局|落实再就业扶持政策，组织下岗失业人员职业培训和公益性岗位开发，考核就业目标|keep
yibao|医疗保险制度改革领导小组|市劳动和社会保障局|推进城镇职工基本医疗保险制度改革，审定医疗保险基金筹集和支付办法|keep
sanfang|劳动关系三方协调委员会|市总工会|建立协调劳动关系三方机制，推行集体协商和工资集体协议，调处重大劳动争议|keep
liangshi|粮食工作领导小组|市粮食局|落实粮食工作行政首长负责制，管理地方储备粮，组织粮食收购和市场供应应急调控|keep
xinxihua|信息化工作领导小组|市信息化工作办公室|编制信息化发展规划，统筹信息网络基础设施和信息资源共享，推进企业信息化|keep
kejiao|科教兴市领导小组|市科学技术局|实施科教兴市战略，统筹科技计划和重大科技攻关，推动产学研合作|keep
lvyou|旅游工作领导小组|市旅游局|编制旅游发展规划，协调旅游景区开发建设和旅游市场秩序整治|keep
yifa|依法行政工作领导小组|市法制办公室|推进依法行政，审查规范性文件，组织行政执法责任制考核和执法监督|keep
zhengwu|政务公开领导小组|市政府办公室|编制政务公开目录，督促各部门公开办事依据和程序，受理政务公开投诉|keep
shenpi|行政审批制度改革工作领导小组|市机构编制委员会办公室|清理和精简行政审批事项，审定审批事项目录，推进行政服务中心建设|keep
jingshen|精神文明建设委员会|市委宣传部|规划全市精神文明建设，组织文明城市、文明单位创建和公民道德建设|keep
anquan2|安全生产工作领导小组|市经济贸易委员会|督促企业落实安全生产主体责任，组织安全生产检查和隐患治理，协调重大事故应急处置|a8
zhengdun2|整顿规范市场经济秩序工作领导小组|市工商行政管理局|组织工商、质监、公安等部门联合执法，查处制假售假窝点和不正当竞争行为|a8
jiandang80|庆祝中国共产党成立80周年活动领导小组|市委宣传部|筹备全市庆祝建党80周年纪念大会、文艺演出和成就展览|a2
shiwu|“十五”计划纲要编制领导小组|市发展计划委员会|组织编制全市国民经济和社会发展第十个五年计划纲要及重点专项规划|a2
kuisun|企业扭亏增盈工作领导小组|市经济贸易委员会|确定重点亏损企业名单，制定扭亏措施并考核扭亏增盈目标|a5
zhongjie|清理整顿社会中介组织领导小组|市工商行政管理局|清理整顿会计、审计、评估等社会中介机构，推动中介机构与政府部门脱钩|a2
junzhuan|企业军队转业干部解困工作领导小组|市人事局|摸底排查困难企业军转干部，落实生活补助和医疗保障，解决再就业问题|a2
yading|纺织行业压锭减员工作领导小组|市经济贸易委员会|组织纺织企业淘汰落后棉纺锭，安置分流职工，落实压锭补贴资金|a2
gaosu|高速公路建设指挥部|市交通局|组织高速公路演示段征地拆迁和工程建设，协调沿线县区施工环境|a2
guozhai|国债项目建设领导小组|市发展计划委员会|申报和管理国债资金项目，督查国债项目建设进度和资金使用|a5
liangliu|粮食流通体制改革领导小组|市粮食局|推进粮食购销企业改制，落实按保护价敞开收购，清理粮食财务挂账|a2
xiangqi|乡镇企业工作领导小组|市农业局|扶持乡镇企业结构调整和技术改造，组织乡镇企业东西合作|a5
huanjing|优化经济发展环境领导小组|市政府办公室|受理企业投诉，查处乱收费、乱检查和刁难企业行为，评议部门服务|a5
xiagang|下岗职工基本生活保障工作领导小组|市劳动和社会保障局|督促国有企业再就业服务中心按时足额发放下岗职工基本生活费和代缴社会保险费|a2
chengjian|城市建设综合开发领导小组|市建设局|统一组织城市新区综合开发，协调配套基础设施建设和开发资金|a5
huji|户籍管理制度改革领导小组|市公安局|推进小城镇户籍管理制度改革，放宽农民进城落户条件|a2
chuzuche|出租汽车管理领导小组|市交通局|调控出租汽车总量，整顿客运市场秩序，处理出租车经营权转让纠纷|a5
qiangti|墙体材料革新领导小组|市建设局|限期禁止使用实心黏土砖，征收新型墙体材料专项基金，推广新型墙材|a5
binzang|殡葬改革领导小组|市民政局|推行火葬，治理乱埋乱葬，规划建设公益性公墓|a5
chuangwei|创建国家卫生城市领导小组|市卫生局|对照国家卫生城市标准分解创建任务，组织迎检和暗访督查|a8
banxue|社会力量办学管理领导小组|市教育局|审批和年检民办学校，规范社会力量办学广告和收费|a5
weifang|中小学危房改造工作领导小组|市教育局|排查鉴定中小学危房，安排改造资金，验收改造工程|a2
nongwang|农村电网改造领导小组|市经济贸易委员会|组织农村电网建设与改造工程，推进城乡用电同网同价|a2
tuigeng|退耕还林工作领导小组|市林业局|分解退耕还林任务，核查造林面积，兑现粮食和现金补助|a5
xiaochengzhen|小城镇建设领导小组|市建设局|编制小城镇建设规划，确定重点镇，协调小城镇基础设施投入|a5
kaifaqu|开发区清理整顿领导小组|市国土资源局|核查各类开发区设立和用地情况，撤并不符合条件的开发区，收回闲置土地|a2
tongjifa|统计执法检查领导小组|市统计局|组织统计执法检查，查处虚报、瞒报统计数据行为|a7
rencai|人才市场管理领导小组|市人事局|规范人才中介服务机构，组织人才交流大会，管理人事代理|a5
waimao|外经贸企业改制领导小组|市对外贸易经济合作局|推进外贸公司股份制改造，处置改制中的资产和债务|a2
fangdichan|房地产市场秩序整顿领导小组|市建设局|查处违规预售、虚假广告和合同欺诈，整顿房地产中介|a8
dianzizhengwu|电子政务建设领导小组|市信息化工作办公室|建设政务内网和外网，推进部门业务系统整合|a8
cuncuntong|广播电视村村通工作领导小组|市广播电视局|组织已通电自然村通广播电视，管护村村通设施|a7
wenhuashichang|文化市场管理领导小组|市文化局|整顿网吧、歌舞娱乐场所和音像市场，查处非法出版物|a5
shequ|社区建设工作领导小组|市民政局|推进社区居委会规模调整和社区服务设施建设，培育社区服务组织|a5
dibao|城市居民最低生活保障工作领导小组|市民政局|审定城市低保标准，落实低保资金，实施动态管理和应保尽保|a5
shuiziyuan|水资源管理委员会|市水利局|实行取水许可和水资源有偿使用，统筹城乡供水节水和地下水超采治理|a5
gongjijin|住房公积金管理委员会|市住房公积金管理中心|审议住房公积金缴存比例和贷款额度，审批公积金归集使用计划|d8
jiagejijin|价格调节基金管理委员会|市物价局|审定价格调节基金征收和使用计划，平抑重要商品价格异常波动|d8
kejijiang|科学技术奖励委员会|市科学技术局|审定年度科学技术奖励项目和奖励等级|d5
zhicheng|职称改革工作领导小组|市人事局|审定专业技术职务评聘办法，核定各单位专业技术职务结构比例|d5
kepu|科普工作领导小组|市科学技术局|组织科技活动周和科普日活动，推动科普场馆和科普示范社区建设|j4
jiaoyushoufei|治理教育乱收费工作领导小组|市教育局|公示学校收费项目，查处教育乱收费行为|j4
chuanxiao|打击传销和变相传销工作领导小组|市工商行政管理局|查处传销和变相传销组织，遣散参与人员|j4
zhishichanquan|知识产权工作领导小组|市科学技术局|推进专利申请资助和知识产权保护执法，协调知识产权纠纷|j4
renkoupucha5|第五次全国人口普查领导小组|市统计局|组织第五次全国人口普查登记、复查和数据汇总|early
jibendanwei|第二次全国基本单位普查领导小组|市统计局|组织基本单位普查清查摸底、登记和数据处理|early
jianfunongmin|减轻农民负担监督管理领导小组|市农业局|审核涉农收费项目，查处加重农民负担案件|early
`;

const PARTY_2001 = `
dangjian|党的建设工作领导小组|市委组织部|统筹全市党的思想、组织、作风建设，指导基层党组织建设
baomi|保密委员会|市国家保密局|部署保密工作，检查党政机关涉密载体和信息系统保密管理
zongzhi|社会治安综合治理委员会|市委政法委员会|组织社会治安防控体系建设和矛盾纠纷排查调处
lianzheng|党风廉政建设责任制领导小组|市纪委|分解党风廉政建设责任，组织责任制检查考核和责任追究
nongcun|农村工作领导小组|市委农村工作办公室|研究农业农村发展重大问题，统筹农民增收和农村基层组织建设
xiejiao|防范和处理邪教问题领导小组|市委政法委员会|组织防范和处理邪教问题专项工作，开展教育转化和反邪教宣传
`;

/** Terms of the temporary bodies of 2001 (the rest are standing). */
const TEMPORARY_2001: Record<string, { termEnd: LocalDate; condition: string }> = {
  jiandang80: { termEnd: '2001-12-31', condition: '庆祝活动结束后自行撤销' },
  shiwu: { termEnd: '2001-12-31', condition: '“十五”计划纲要经市人民代表大会批准后自行撤销' },
  gaosu: { termEnd: '2002-10-31', condition: '高速公路演示段建成通车后撤销' },
  renkoupucha5: { termEnd: '2002-06-30', condition: '普查资料汇总发布后自行撤销' },
  jibendanwei: { termEnd: '2002-12-31', condition: '普查数据上报验收后自行撤销' },
};

function parseTable(table: string): Array<{ slug: string; name: string; host: string; duties: string; fate?: string }> {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [slug, name, host, duties, fate] = line.split('|');
      return { slug, name, host, duties, fate };
    });
}

function fateOf(code: string | undefined): Fate {
  if (!code || code === 'keep') return { kind: 'keep' };
  if (code === 'early') return { kind: 'early' };
  const disposition: AbolitionDisposition = code[0] === 'a' ? 'abolished' : code[0] === 'd' ? 'delisted' : 'joint-meeting';
  return { kind: 'campaign', disposition, reason: Number(code.slice(1)) as AbolitionReason };
}

// ---------------------------------------------------------------------------------------------
// The simulated registry: the domain's deciders on the story so far.

const JUSTIFICATIONS: Partial<Record<RuleCode, (v: Violation, nameOf: (id: string) => string) => string>> = {
  quota: () => '确因工作需要，经市政府常务会议研究同意；超出总量控制基准部分在下一轮清理规范中消化',
  duplicate: (v, nameOf) =>
    `经审核，与${(v.related ?? []).map(nameOf).join('、')}职责各有侧重，确因工作需要设立，待下一轮清理规范时统筹研究`,
  'member-units': () => '工作涉及部门多，确因工作需要适当增加成员单位(市级办法 第八条)',
  deputies: () => '承担综合性重大任务，副职适当增加(辽宁办法 第六条)',
  leader: () => '实行双组长制，经市委、市政府主要领导同意',
  'member-rank': () => '相关人员为业务主管，确因工作需要列为成员',
  discipline: () => '工作涉及纪律保障，经市纪委同意列为成员',
  mirror: () => '上级明确要求对口设立',
  'single-series': () => '市委、市政府联合设立，统筹党政两方面力量推进',
};

/** The commands a story tells: every decision but a correction. */
type StoryCommand = Exclude<RegistryCommand, { type: 'CorrectEvent' }>;

class Registry {
  readonly commands: PlannedCommand[] = [];
  readonly waivers: DemoHistory['waivers'] = [];
  private readonly bodies = new Map<string, BodyState>();
  private jurisdiction: JurisdictionState = initialJurisdictionState();
  private readonly keys = new Set<string>();
  private lastDate = '0000-00-00';

  constructor(private readonly code: string) {}

  body(id: string): BodyState | undefined {
    return this.bodies.get(id);
  }

  active(date: LocalDate): BodyState[] {
    return [...this.bodies.values()].filter((b) => b.status === 'active' && b.establishedOn <= date);
  }

  private context(date: LocalDate, except?: string): DecisionContext {
    const activeBodies: ActiveBodySummary[] = this.active(date)
      .filter((b) => b.id !== except)
      .map((b) => ({ id: b.id, name: b.name, aliases: b.aliases, duties: b.duties, series: b.series }));
    return { policy: MUNICIPAL_POLICY, activeBodies, baseline: baselineInForce(this.jurisdiction, date) };
  }

  private decide(command: StoryCommand): DomainEvent[] {
    switch (command.type) {
      case 'SetQuotaBaseline':
        return decideJurisdiction(command, this.jurisdiction);
      case 'MergeBodies': {
        const ids = [...command.sourceBodyIds, command.target.bodyId];
        return decideMerger(command, new Map(ids.map((id) => [id, this.bodies.get(id)])), this.context(command.effectiveDate));
      }
      case 'SplitBody':
        return decideSplit(command, this.bodies.get(command.bodyId), new Map(command.into.map((t) => [t.bodyId, this.bodies.get(t.bodyId)])), this.context(command.effectiveDate));
      default:
        return decideBody(command, this.bodies.get(command.bodyId), this.context(command.effectiveDate, command.bodyId));
    }
  }

  /** Decides the command as the executor will; adds a justification where a warning rule fires. */
  record(idempotencyKey: string, command: StoryCommand): void {
    if (this.keys.has(idempotencyKey)) throw new Error(`demo history: key used twice: ${idempotencyKey}`);
    if (command.effectiveDate < this.lastDate) {
      throw new Error(`demo history: ${idempotencyKey} dated ${command.effectiveDate}, before ${this.lastDate}`);
    }
    let events: DomainEvent[];
    try {
      events = this.decide(command);
    } catch (error) {
      if (!(error instanceof RuleViolationError)) throw error;
      if (error.violations.some((v) => v.severity === 'error')) {
        throw new Error(`demo history: ${idempotencyKey} refused: ${error.message}`);
      }
      const nameOf = (id: string) => this.bodies.get(id)?.name ?? id;
      // each bent rule named with its own reason, as the request would (justifications)
      const justifications: Partial<Record<RuleCode, string>> = {};
      for (const v of error.violations) {
        const text = JUSTIFICATIONS[v.rule]?.(v, nameOf) ?? '确因工作需要，经研究同意';
        justifications[v.rule] = justifications[v.rule] && justifications[v.rule] !== text ? `${justifications[v.rule]}；${text}` : text;
      }
      command = { ...command, justifications } as StoryCommand;
      events = this.decide(command);
      this.waivers.push({ idempotencyKey, rules: [...new Set(error.violations.map((v) => v.rule))] });
    }
    for (const event of events) this.apply(event);
    this.keys.add(idempotencyKey);
    this.lastDate = command.effectiveDate;
    this.commands.push({ command, idempotencyKey });
  }

  private apply(event: DomainEvent): void {
    if (event.type === 'QuotaBaselineSet') {
      this.jurisdiction = evolveJurisdiction(this.jurisdiction, event as JurisdictionEvent);
    } else if (event.bodyId) {
      const next = evolveBody(this.bodies.get(event.bodyId), event as BodyEvent);
      if (next) this.bodies.set(event.bodyId, next);
    }
  }

  get jurisdictionCode(): string {
    return this.code;
  }
}

// ---------------------------------------------------------------------------------------------
// The story

class Story {
  readonly registry = new Registry(DEMO_JURISDICTION);
  readonly docs: DocumentNumbers;
  readonly plantedDuplicates: string[] = [];
  private readonly ids = new Map<string, string>();
  private readonly schedule: Array<{ date: LocalDate; seq: number; run: () => void }> = [];
  private seq = 0;
  /** Bodies that stop filing annual reports from a year on (dormant: 第十五条(七)). */
  readonly dormantFrom = new Map<string, number>();
  activeBeforeCampaign = 0;

  constructor(readonly rng: Rng) {
    this.docs = new DocumentNumbers(rng);
  }

  key(...parts: Array<string | number>): string {
    return ['demo', DEMO_JURISDICTION, ...parts].join(':');
  }

  idOf(slug: string): string {
    const id = this.ids.get(slug);
    if (!id) throw new Error(`demo history: unknown body ${slug}`);
    return id;
  }

  stateOf(slug: string): BodyState {
    const state = this.registry.body(this.idOf(slug));
    if (!state) throw new Error(`demo history: ${slug} not established`);
    return state;
  }

  at(date: LocalDate, run: () => void): void {
    this.schedule.push({ date, seq: this.seq++, run });
  }

  run(): void {
    // Stable by date, then by the order the story was told in; an action may schedule no others.
    const ordered = [...this.schedule].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
    for (const step of ordered) step.run();
  }

  /** The whole 第十条 content of a body, from its spec. */
  profile(spec: BodySpec, date: LocalDate): EstablishBody['profile'] {
    const prefix = spec.series === 'party' ? `中共${DEMO_JURISDICTION_NAME}委` : DEMO_JURISDICTION_NAME;
    const name = `${prefix}${spec.name}`;
    const kind = kindFromName(name);
    const pool = departmentsOf(date).filter((d) => d !== spec.host);
    const others = this.rng.sample(pool, spec.units ?? this.rng.int(3, 8));
    const memberUnits = [spec.host, ...others];
    const topic = spec.name.replace(/(工作)?(领导小组|委员会|指挥部|协调小组|联席会议)$/u, '');
    const conditions = spec.conditions ?? this.conditionsFor(spec);
    const basisText = [
      conditions.includes(1) ? `省委、省政府关于${topic}工作的部署明确要求各市成立相应的议事协调机构` : undefined,
      conditions.includes(2) ? `${topic}工作涉及${others.slice(0, 3).join('、')}等多个部门，需要经常组织协调` : undefined,
      conditions.includes(3) ? `${topic}任务重大，单个职能部门难以承担和协调` : undefined,
    ].filter((s): s is string => !!s).join('；');
    const leaders = spec.leaders ?? [this.leaderFor(spec, kind)];
    const deputies = spec.deputies ?? this.deputiesFor(spec, leaders[0]);
    return {
      name,
      ...(spec.aliases ? { aliases: spec.aliases.map((a) => `${DEMO_JURISDICTION_NAME}${a}`) } : {}),
      kind,
      series: spec.series,
      duration: spec.temporary ? 'temporary' : 'standing',
      ...(spec.temporary ? { ...(spec.temporary.termEnd ? { termEnd: spec.temporary.termEnd } : {}), abolitionCondition: spec.temporary.condition } : {}),
      basis: { conditions, text: basisText },
      reason: `加强对全市${topic}工作的组织领导和统筹协调`,
      leaders,
      deputies,
      members: memberUnits.slice(0, 3).map(headOf),
      memberUnits,
      tasks: `统筹协调全市${topic}工作`,
      duties: spec.duties,
      hostDepartment: spec.host,
      location: spec.host,
      funding: `${spec.host}部门预算`,
    };
  }

  private conditionsFor(spec: BodySpec): Array<1 | 2 | 3> {
    if (spec.temporary) return [1, 3];
    return this.rng.pick<Array<1 | 2 | 3>>([[2], [2], [1, 2], [2, 3], [1]]);
  }

  private leaderFor(spec: BodySpec, kind: string): Post {
    if (spec.series === 'party') return this.rng.pick([POSTS.secretary, POSTS.deputySecretary]);
    if (kind === '指挥部') return POSTS.mayor;
    if (kind === '委员会') return this.rng.pick([POSTS.mayor, POSTS.executiveViceMayor, POSTS.viceMayor]);
    return this.rng.pick([POSTS.viceMayor, POSTS.viceMayor, POSTS.executiveViceMayor]);
  }

  private deputiesFor(spec: BodySpec, leader: Post): Post[] {
    if (spec.series === 'party') return [POSTS.standingMember];
    const second = this.rng.chance(0.5) ? POSTS.deputySecretaryGeneral : headOf(spec.host);
    return leader === POSTS.mayor || leader === POSTS.executiveViceMayor ? [POSTS.viceMayor, second] : [second];
  }

  // --- actions ----------------------------------------------------------------------------

  establish(date: LocalDate, spec: BodySpec, options: { planted?: boolean } = {}): void {
    const key = this.key(spec.slug, 'establish');
    const bodyId = newBodyId(key);
    if (this.ids.has(spec.slug)) throw new Error(`demo history: ${spec.slug} twice`);
    this.ids.set(spec.slug, bodyId);
    this.at(date, () => {
      const profile = this.profile(spec, date);
      this.registry.record(key, {
        type: 'EstablishBody',
        bodyId,
        jurisdiction: DEMO_JURISDICTION,
        origin: 'decision',
        documentNo: this.docs.issue(spec.series === 'government' ? 'gov' : 'party', date),
        effectiveDate: date,
        reason: profile.reason,
        profile,
      });
      if (options.planted) this.plantedDuplicates.push(key);
    });
  }

  /** 任务完成后自行撤销: no new 文号, the evidence that the task ended. */
  selfAbolish(date: LocalDate, slug: string, evidence: string): void {
    this.at(date, () => {
      const body = this.stateOf(slug);
      this.registry.record(this.key(slug, 'self-abolish'), { type: 'SelfAbolishBody', bodyId: body.id, effectiveDate: date, evidence, reason: '任务完成后自行撤销' });
    });
  }

  /** 分设: one body split into new ones, in one decision. */
  split(date: LocalDate, slug: string, specs: BodySpec[], text: string): void {
    const ids = specs.map((spec) => {
      const bodyId = newBodyId(this.key(spec.slug, 'establish'));
      this.ids.set(spec.slug, bodyId);
      return bodyId;
    });
    this.at(date, () => {
      const body = this.stateOf(slug);
      this.registry.record(this.key(slug, 'split', date), {
        type: 'SplitBody',
        jurisdiction: DEMO_JURISDICTION,
        bodyId: body.id,
        into: specs.map((spec, i) => ({ bodyId: ids[i], profile: this.profile(spec, date) })),
        documentNo: this.docs.issue('gov', date),
        effectiveDate: date,
        reason: text,
      });
    });
  }

  rename(date: LocalDate, slug: string, newName: string | undefined, aliases: string[] | undefined, reason: string): void {
    this.at(date, () => {
      const body = this.stateOf(slug);
      this.registry.record(this.key(slug, 'rename', date), {
        type: 'RenameBody',
        bodyId: body.id,
        newName: newName ?? body.name,
        aliases: aliases ?? body.aliases,
        documentNo: this.docs.issue('filing', date),
        effectiveDate: date,
        reason,
      });
    });
  }

  adjust(date: LocalDate, slug: string, changes: (body: BodyState) => Parameters<typeof adjustCommand>[1], reason: string): void {
    this.at(date, () => {
      const body = this.stateOf(slug);
      this.registry.record(this.key(slug, 'adjust', date), adjustCommand(body.id, changes(body), {
        documentNo: this.docs.issue('filing', date),
        effectiveDate: date,
        reason,
      }));
    });
  }

  changeAffiliation(date: LocalDate, slug: string, series: Series, reason: string): void {
    this.at(date, () => {
      const body = this.stateOf(slug);
      this.registry.record(this.key(slug, 'affiliation', date), {
        type: 'ChangeAffiliation',
        bodyId: body.id,
        series,
        documentNo: this.docs.issue(series === 'party' ? 'party' : 'gov', date),
        effectiveDate: date,
        reason,
      });
    });
  }

  abolish(date: LocalDate, slug: string, reason: AbolitionReason, disposition: AbolitionDisposition, text: string, documentNo?: string): void {
    this.at(date, () => {
      const body = this.stateOf(slug);
      this.registry.record(this.key(slug, 'abolish'), {
        type: 'AbolishBody',
        bodyId: body.id,
        abolitionReason: reason,
        disposition,
        documentNo: documentNo ?? this.docs.issue(body.series === 'party' ? 'party' : 'gov', date),
        effectiveDate: date,
        reason: text,
      });
    });
  }

  mergeInto(date: LocalDate, sources: string[], target: string, reason: MergerReason, text: string): void {
    this.at(date, () => {
      const key = this.key('merger', target, date);
      this.registry.record(key, {
        type: 'MergeBodies',
        mergerId: newBodyId(key),
        jurisdiction: DEMO_JURISDICTION,
        mergerReason: reason,
        sourceBodyIds: sources.map((s) => this.idOf(s)),
        target: { kind: 'existing', bodyId: this.idOf(target) },
        documentNo: this.docs.issue('gov', date),
        effectiveDate: date,
        reason: text,
      });
    });
  }

  mergeIntoNew(date: LocalDate, sources: string[], spec: BodySpec, reason: MergerReason, text: string): void {
    const key = this.key(spec.slug, 'establish');
    const bodyId = newBodyId(key);
    this.ids.set(spec.slug, bodyId);
    this.at(date, () => {
      const mergerKey = this.key('merger', spec.slug, date);
      this.registry.record(mergerKey, {
        type: 'MergeBodies',
        mergerId: newBodyId(mergerKey),
        jurisdiction: DEMO_JURISDICTION,
        mergerReason: reason,
        sourceBodyIds: sources.map((s) => this.idOf(s)),
        target: { kind: 'new', bodyId, profile: this.profile(spec, date) },
        documentNo: this.docs.issue('gov', date),
        effectiveDate: date,
        reason: text,
      });
    });
  }

  /** The government series' count on the date (plus any headroom granted) becomes the ceiling. */
  baseline(date: LocalDate, year: number, documentNo: string | undefined, reason: string, headroom = 0): void {
    this.at(date, () => {
      const government = this.registry.active(date).filter((b) => b.series === 'government');
      const temporary = government.filter((b) => b.duration === 'temporary').length;
      this.registry.record(this.key('baseline', year), {
        type: 'SetQuotaBaseline',
        jurisdiction: DEMO_JURISDICTION,
        total: government.length + headroom,
        standing: government.length + headroom - temporary,
        temporary,
        series: 'government',
        documentNo: documentNo ?? this.docs.issue('gov', date),
        effectiveDate: date,
        reason,
      });
    });
  }

  /** Each active body's host department reports by year end; some do not. */
  annualReports(year: number): void {
    this.at(ymd(year, 12, 10), () => {
      const reportDate = ymd(year, 12, 10);
      const due = this.registry
        .active(reportDate)
        .filter((b) => !(b.duration === 'temporary' && b.termEnd && b.termEnd < reportDate))
        .filter((b) => !([...this.dormantFrom].some(([slug, from]) => this.ids.get(slug) === b.id && year >= from)));
      const reports = due
        .filter(() => !this.rng.chance(0.12))
        .map((b) => ({ body: b, filedOn: ymd(year, 12, this.rng.int(10, 28)), meetings: this.rng.int(0, 5) }))
        .sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));
      for (const { body, filedOn, meetings } of reports) {
        this.registry.record(this.key('report', body.id, year), {
          type: 'FileAnnualReport',
          bodyId: body.id,
          year,
          summary: `${year}年召开全体会议${meetings}次，${body.tasks}，${body.hostDepartment}承担日常工作`,
          meetingsHeld: meetings,
          filedOn,
          documentNo: this.docs.issue('report', filedOn),
          effectiveDate: filedOn,
        });
      }
    });
  }
}

function adjustCommand(
  bodyId: string,
  changes: Extract<RegistryCommand, { type: 'AdjustBody' }>['changes'],
  record: { documentNo: string; effectiveDate: LocalDate; reason: string },
): StoryCommand {
  return { type: 'AdjustBody', bodyId, changes, ...record };
}

// ---------------------------------------------------------------------------------------------

const gov = (slug: string, name: string, host: string, duties: string, more: Partial<BodySpec> = {}): BodySpec => ({
  slug, name, host, duties, series: 'government', ...more,
});

/** The demo history with what a test needs to check it. */
export function buildDemoHistory(seed: number = DEMO_SEED): DemoHistory {
  const story = new Story(new Rng(seed));
  const { rng } = story;

  // --- 2001–2002: the bodies as they stood, established one by one ------------------------
  const government = parseTable(GOVERNMENT_2001).map((row) => ({ row, fate: fateOf(row.fate) }));
  const party = parseTable(PARTY_2001);
  const special: Record<string, Partial<BodySpec>> = {
    anquan: { units: 15, deputies: [POSTS.executiveViceMayor, POSTS.viceMayor, POSTS.deputySecretaryGeneral], leaders: [POSTS.mayor] },
    fangxun: { units: 12, leaders: [POSTS.mayor], deputies: [POSTS.viceMayor, POSTS.garrisonCommander] },
    guofang: { leaders: [POSTS.mayor], deputies: [POSTS.garrisonCommander] },
    fupin: { leaders: [POSTS.secretary, POSTS.mayor], deputies: [POSTS.viceMayor] },
    lianzheng: { leaders: [POSTS.secretary], deputies: [POSTS.disciplineSecretary] },
  };
  const specs: BodySpec[] = [
    ...government.map(({ row }) => gov(row.slug, row.name, row.host, row.duties, { ...special[row.slug], ...(TEMPORARY_2001[row.slug] ? { temporary: TEMPORARY_2001[row.slug] } : {}) })),
    ...party.map((row) => ({ slug: row.slug, name: row.name, host: row.host, duties: row.duties, series: 'party' as const, ...special[row.slug] })),
  ];
  // The order they were set up in: shuffled, but with the bodies a later action needs early,
  // and each planted duplicate after the body it duplicates.
  const early = ['renkoupucha5', 'shiwu', 'jiandang80', 'gaosu', 'jianfunongmin', 'shuifei', 'jibendanwei', 'anquan', 'zhengdun', 'xiangqi', 'fangxun'];
  const rest = rng.sample(specs.filter((s) => !early.includes(s.slug)), specs.length - early.length);
  const ordered = [...early.map((slug) => specs.find((s) => s.slug === slug)!), ...rest];
  const planted = new Set(['anquan2', 'zhengdun2']);
  let date: LocalDate = '2001-01-08';
  for (const spec of ordered) {
    story.establish(date, spec, { planted: planted.has(spec.slug) });
    date = addDays(date, rng.int(3, 8));
  }
  if (date > '2002-12-31') throw new Error(`demo history: the 2001 bodies run into ${date}`);

  story.abolish('2002-06-28', 'renkoupucha5', 2, 'abolished', '第五次全国人口普查资料已汇总发布，设立期限届满');
  story.rename('2002-05-13', 'xiangqi', `${DEMO_JURISDICTION_NAME}中小企业和乡镇企业工作领导小组`, undefined, '工作范围扩大到中小企业');
  story.mergeInto('2002-09-20', ['jianfunongmin'], 'shuifei', 1, '减轻农民负担监督管理工作并入农村税费改革');
  story.adjust('2002-11-18', 'fangxun', (b) => ({ memberUnits: [...b.memberUnits, '市气象局', '市民政局'].filter((u, i, all) => all.indexOf(u) === i) }), '增加气象、民政部门为成员单位');
  story.abolish('2002-12-30', 'jibendanwei', 2, 'abolished', '基本单位普查数据已上报验收，设立期限届满');

  // --- 2003: the clean-up campaign (北京清理, 京政发[2003]9号) -------------------------------
  story.at(DEMO_CAMPAIGN.date, () => {
    story.activeBeforeCampaign = story.registry.active(DEMO_CAMPAIGN.date).filter((b) => b.series === 'government').length;
  });
  const campaignTexts: Record<AbolitionDisposition, string> = {
    abolished: '在此次清理中予以撤销，立即停止以市政府议事协调机构名义开展工作',
    delisted: '不再作为市政府议事协调机构，市政府领导不再兼任其领导职务',
    'joint-meeting': '调整为部门联席会议，由牵头部门报市政府主管领导同意后开展工作',
  };
  for (const { row, fate } of government) {
    if (fate.kind !== 'campaign') continue;
    const ground =
      fate.reason !== 8 ? ABOLITION_REASONS[fate.reason].replace(/^\([一二三四五六七八]\)/u, '').replace(/的$/u, '')
      : fate.disposition === 'delisted' ? '属于依法设立的专门决策机构，不属于议事协调机构'
      : '与其他议事协调机构职责相同或者相近';
    story.abolish(DEMO_CAMPAIGN.date, row.slug, fate.reason, fate.disposition, `据${DEMO_CAMPAIGN.documentNo}，${ground}，${campaignTexts[fate.disposition]}`, DEMO_CAMPAIGN.documentNo);
  }
  story.baseline(DEMO_CAMPAIGN.date, 2003, DEMO_CAMPAIGN.documentNo, '以此次清理后保留的市政府议事协调机构数量为基准，实行总量控制');

  const laterBodies: Array<[LocalDate, BodySpec, { planted?: boolean }?]> = [
    ['2003-05-06', gov('feidian', '防治非典型肺炎指挥部', '市卫生局', '组织非典型肺炎疫情监测、病人隔离救治和密切接触者追踪，调度防治物资', { temporary: { termEnd: '2003-12-31', condition: '疫情解除后撤销' } })],
    ['2004-03-02', gov('jingjipucha1', '第一次全国经济普查领导小组', '市统计局', '组织第一次全国经济普查单位清查、登记和数据审核汇总', { temporary: { termEnd: '2006-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2004-06-18', gov('shipin1', '食品安全工作领导小组', '市卫生局', '组织实施食品放心工程，协调农业、质监、工商、卫生等部门分段监管食品安全')],
    ['2005-03-22', gov('shipinwei', '食品安全委员会', '市食品药品监督管理局', '分析食品安全形势，统筹食品安全监管，组织查处重大食品安全事故'), { planted: true }],
    ['2006-01-16', gov('nongyepucha2', '第二次全国农业普查领导小组', '市统计局', '组织农业普查区划分、普查员培训、入户登记和数据质量抽查', { temporary: { termEnd: '2008-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2007-05-28', gov('jieneng', '节能减排工作领导小组', '市经济贸易委员会', '分解节能减排目标，组织重点耗能企业节能监察，淘汰落后产能')],
    ['2008-03-11', gov('jingjipucha2', '第二次全国经济普查领导小组', '市统计局', '组织第二次全国经济普查清查摸底、现场登记和资料开发', { temporary: { termEnd: '2010-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2009-04-08', gov('yigai', '深化医药卫生体制改革领导小组', '市卫生局', '推进基本医疗保障制度、基本药物制度和公立医院改革试点')],
    ['2010-04-12', gov('renkoupucha6', '第六次全国人口普查领导小组', '市统计局', '组织第六次全国人口普查摸底、登记、复查和事后质量抽查', { temporary: { termEnd: '2012-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2010-09-06', gov('anju', '保障性安居工程建设领导小组', '市住房和城乡建设局', '分解廉租住房、公共租赁住房和棚户区改造任务，协调土地和资金保障')],
    ['2011-03-14', gov('shuilipucha', '第一次全国水利普查领导小组', '市水利局', '组织河湖基本情况、水利工程和经济社会用水普查', { temporary: { termEnd: '2013-06-30', condition: '普查成果通过验收后撤销' } })],
    ['2012-05-21', gov('xinyong', '社会信用体系建设领导小组', '市发展和改革委员会', '推进政务诚信、商务诚信和社会诚信建设，建设公共信用信息平台')],
    ['2013-02-26', gov('jingjipucha3', '第三次全国经济普查领导小组', '市统计局', '组织第三次全国经济普查单位清查和普查登记，开展数据质量核查', { temporary: { termEnd: '2015-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2014-02-18', { slug: 'shengai', name: '全面深化改革领导小组', series: 'party', host: '市委办公室', duties: '研究全市改革重大问题，统筹推进各领域改革，督察改革方案落实', leaders: [POSTS.secretary], deputies: [POSTS.mayor, POSTS.deputySecretary] }],
    ['2014-06-09', gov('daqi', '大气污染防治工作领导小组', '市环境保护局', '落实大气污染防治行动计划，组织燃煤锅炉整治、扬尘治理和重污染天气应急')],
    ['2015-03-16', gov('wenming', '创建全国文明城市指挥部', '市委宣传部', '分解全国文明城市测评体系任务，组织实地考察迎检和常态化督查', { temporary: { termEnd: '2017-12-31', condition: '获评全国文明城市后撤销' } })],
    ['2015-08-24', gov('fangguanfu', '推进简政放权放管结合转变政府职能工作领导小组', '市机构编制委员会办公室', '取消下放行政审批事项，推行权力清单和责任清单，加强事中事后监管')],
    ['2016-01-11', gov('nongyepucha3', '第三次全国农业普查领导小组', '市统计局', '组织第三次全国农业普查，摸清农业生产条件、新型经营主体和农村基础设施', { temporary: { termEnd: '2018-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2016-05-16', gov('hezhang', '全面推行河长制工作领导小组', '市水利局', '建立市县乡村四级河长体系，组织河湖清违清障和水质考核')],
    ['2016-09-19', gov('jiuzhu', '社会救助工作领导小组', '市民政局', '统筹最低生活保障、特困人员供养、临时救助和医疗救助，推动救助资源共享', { aliases: ['农村留守儿童关爱保护和困境儿童保障工作联席会议', '生活无着的流浪乞讨人员救助管理工作联席会议'] })],
    ['2017-04-10', gov('tuopin', '脱贫攻坚指挥部', '市扶贫开发办公室', '确定扶贫开发重点村和贫困户，统筹扶贫资金和项目安排，组织部门帮扶和社会扶贫', { temporary: { termEnd: '2020-12-31', condition: '脱贫攻坚任务完成后撤销' } }), { planted: true }],
    ['2018-01-15', gov('guotu3', '第三次全国国土调查领导小组', '市国土资源局', '组织第三次全国国土调查，查清土地利用现状和权属，建立国土调查数据库', { temporary: { termEnd: '2021-06-30', condition: '调查成果通过验收后撤销' } })],
    ['2018-06-11', gov('rexian', '12345政务服务热线工作领导小组', '市政府办公室', '整合各类政务服务热线，督办群众诉求办理，考核热线承办单位')],
    ['2019-12-09', gov('wug', '5G产业发展领导小组', '市工业和信息化局', '推进5G基站建设和频率资源协调，培育5G融合应用场景', { temporary: { termEnd: '2022-12-31', condition: '规划目标完成后撤销' } })],
    ['2020-01-27', gov('xinguan', '新型冠状病毒感染的肺炎疫情防控指挥部', '市卫生健康委员会', '统一指挥疫情监测预警、流调溯源、隔离救治和防控物资保障', { temporary: { termEnd: '2023-06-30', condition: '疫情防控转入常态化后撤销' } })],
    ['2020-10-12', gov('renkoupucha7', '第七次全国人口普查领导小组', '市统计局', '组织第七次全国人口普查摸底、登记和比对复查', { temporary: { termEnd: '2022-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2022-03-07', gov('turang', '第三次全国土壤普查领导小组', '市农业农村局', '组织土壤样品采集、检测化验和土壤资源数据汇总', { temporary: { termEnd: '2025-06-30', condition: '普查成果通过验收后撤销' } })],
    ['2022-08-15', gov('shuzi', '数字政府建设领导小组', '市大数据局', '统筹政务云、数据共享交换和一体化政务服务平台建设')],
    ['2023-03-13', gov('jingjipucha5', '第五次全国经济普查领导小组', '市统计局', '组织第五次全国经济普查清查、登记和数据质量核查', { temporary: { termEnd: '2025-06-30', condition: '普查资料发布后自行撤销' } })],
    ['2026-01-19', gov('dikong', '低空经济发展工作领导小组', '市发展和改革委员会', '统筹低空空域协同管理、通用机场和起降点建设，培育低空飞行应用场景')],
  ];
  for (const [when, spec, options] of laterBodies) story.establish(when, spec, options);

  // --- 2003–2026: the bodies' lives ---------------------------------------------------------
  story.abolish('2003-12-31', 'feidian', 2, 'abolished', '非典型肺炎疫情防控任务完成，设立期限届满');
  story.rename('2004-04-20', 'jisheng', `${DEMO_JURISDICTION_NAME}人口和计划生育领导小组`, undefined, '统筹解决人口问题，更名');
  story.rename('2005-06-10', 'dongwu', `${DEMO_JURISDICTION_NAME}防治重大动物疫病指挥部`, undefined, '高致病性禽流感防控需要，改设指挥部');
  story.adjust('2005-06-10', 'dongwu', () => ({ kind: '指挥部', leaders: [POSTS.mayor], deputies: [POSTS.viceMayor, POSTS.deputySecretaryGeneral] }), '改设指挥部，由市长任指挥');
  story.changeAffiliation('2006-06-20', 'jingshen', 'party', '精神文明建设委员会改由市委领导');
  story.abolish('2006-06-30', 'jingjipucha1', 2, 'abolished', '第一次全国经济普查资料已发布，设立期限届满');
  story.abolish('2008-09-16', 'nongyepucha2', 2, 'abolished', '第二次全国农业普查工作结束(期限届满后撤销)');
  story.adjust('2008-05-20', 'kangzhen', (b) => ({ memberUnits: [...b.memberUnits, '市交通局', '市民政局'].filter((u, i, all) => all.indexOf(u) === i) }), '增加交通、民政部门为成员单位，做好对口支援');
  story.mergeInto('2009-07-15', ['shipin1'], 'shipinwei', 1, '食品安全工作领导小组与食品安全委员会职责相同，并入食品安全委员会');
  story.mergeIntoNew('2009-07-15', ['kangzhen', 'fangzhen'], gov('fangzhenjianzai', '防震减灾工作委员会', '市地震局', '统筹地震监测预报、震害防御和应急救援，组织破坏性地震应急处置'), 2, '抗震救灾指挥部与防震减灾工作领导小组职责交叉，合并设立防震减灾工作委员会');
  story.baseline('2009-08-03', 2009, undefined, '机构改革后重新核定市政府议事协调机构总量，预留6个用于阶段性重点工作', 6);
  story.abolish('2010-06-30', 'jingjipucha2', 2, 'abolished', '第二次全国经济普查资料已发布，设立期限届满');
  story.adjust('2011-05-09', 'anquan', () => ({ hostDepartment: '市安全生产监督管理局', tasks: '统筹协调全市安全生产和职业健康工作' }), '增加职业健康监管任务');
  story.abolish('2012-06-30', 'renkoupucha6', 2, 'abolished', '第六次全国人口普查资料已发布，设立期限届满');
  story.abolish('2013-06-28', 'shuilipucha', 2, 'abolished', '第一次全国水利普查成果通过验收，设立期限届满');
  story.adjust('2015-04-13', 'jiuye', () => ({ hostDepartment: '市人力资源和社会保障局' }), '机构改革后由人力资源社会保障部门承担日常工作');
  story.rename('2018-03-19', 'fangguanfu', `${DEMO_JURISDICTION_NAME}推进政府职能转变和“放管服”改革协调小组`, undefined, '按照上级机构设置调整更名');
  story.abolish('2018-06-29', 'nongyepucha3', 2, 'abolished', '第三次全国农业普查资料已发布，设立期限届满');

  // 2019: 机构改革.
  const reform2019 = '演政发〔2019〕5号';
  for (const slug of ['shuifei', 'liangshi', 'guoqi', 'fanggai', 'jianfu', 'jisheng']) {
    story.abolish('2019-02-25', slug, 5, 'abolished', '机构改革中工作任务已划入相关职能部门，予以撤销', reform2019);
  }
  story.changeAffiliation('2019-02-25', 'fupin', 'party', '扶贫开发领导小组改由市委领导');
  story.mergeIntoNew('2019-02-25', ['huanbao', 'jieneng', 'daqi'], gov('shengtai', '生态环境保护委员会', '市生态环境局', '统筹生态环境保护和污染防治攻坚战，督察生态环境保护责任落实'), 2, '环境保护、节能减排、大气污染防治职责交叉，合并设立生态环境保护委员会');
  for (const slug of ['anquan', 'fangxun', 'senlin']) {
    story.adjust('2019-03-11', slug, () => ({ hostDepartment: '市应急管理局', location: '市应急管理局' }), '机构改革后由应急管理部门承担日常工作');
  }
  story.adjust('2019-03-11', 'shipinwei', () => ({ hostDepartment: '市市场监督管理局', location: '市市场监督管理局' }), '机构改革后由市场监管部门承担日常工作');
  story.rename('2019-10-14', 'aiwei', undefined, [`健康${DEMO_JURISDICTION_NAME}行动推进委员会`], '对外加挂健康行动推进委员会名称');

  // 2020: the list, as 潍坊 published theirs.
  story.baseline(DEMO_LIST.date, 2020, DEMO_LIST.documentNo, `以${DEMO_LIST.documentNo}公布的数量为基准，实行总量控制、清单管理、定期规范`);
  story.abolish('2021-04-12', 'tuopin', 2, 'abolished', '脱贫攻坚目标任务完成(期限届满后撤销)');
  story.rename('2021-03-01', 'fupin', `中共${DEMO_JURISDICTION_NAME}委乡村振兴工作领导小组`, undefined, '脱贫攻坚转向全面推进乡村振兴');
  story.abolish('2021-06-30', 'guotu3', 2, 'abolished', '第三次全国国土调查成果通过验收，设立期限届满');
  story.abolish('2022-06-30', 'renkoupucha7', 2, 'abolished', '第七次全国人口普查资料已发布，设立期限届满');
  story.abolish('2022-12-30', 'wug', 2, 'abolished', '5G产业发展规划目标完成，设立期限届满');
  story.abolish('2023-02-13', 'xinguan', 2, 'abolished', '疫情防控转入常态化，工作任务完成');
  story.rename('2024-05-13', 'chengguan', `${DEMO_JURISDICTION_NAME}城市管理和综合执法委员会`, undefined, '统筹城市管理和综合行政执法');
  story.abolish('2025-06-30', 'turang', 2, 'abolished', '第三次全国土壤普查成果通过验收，设立期限届满');

  // Decisions as real notices make them (issue 12): bodies ended by a condition, not a date; a
  // body set up jointly by 市委、市政府; a split (分设); a new body taking over one body's work.
  story.establish('2021-05-10', gov('zaihaipucha', '第一次全国自然灾害综合风险普查领导小组', '市应急管理局', '组织自然灾害致灾因子、承灾体和减灾能力调查，汇总风险评估与区划成果', { temporary: { condition: '普查任务完成后自行撤销' } }));
  story.selfAbolish('2023-06-30', 'zaihaipucha', '省普查办2023年6月验收通过演示市普查成果(演普查办〔2023〕4号通报)');
  story.establish('2024-03-11', gov('shengyunhui', '省运动会筹备工作领导小组', '市体育局', '筹备承办省第二十六届运动会，协调场馆改造、赛事组织、接待和安保', { temporary: { condition: '省运动会闭幕、善后工作完成后自行撤销' } }));
  story.establish('2021-07-05', {
    slug: 'yingshang', name: '优化营商环境工作领导小组', series: 'joint', host: '市发展和改革委员会',
    duties: '统筹推进营商环境评价、“一网通办”和涉企政策兑现，督办市场主体反映的重点问题',
    leaders: [POSTS.secretary, POSTS.mayor], deputies: [POSTS.deputySecretary, POSTS.executiveViceMayor],
  });
  story.split('2022-04-11', 'aiwei', [
    gov('aiguoweisheng', '爱国卫生运动委员会', '市卫生健康委员会', '组织病媒生物防制和城乡环境卫生整治，推动卫生城镇创建'),
    gov('jiankangxingdong', '健康行动推进委员会', '市卫生健康委员会', '统筹健康知识普及、合理膳食和全民健身等专项行动，监测评估健康行动指标', { aliases: undefined }),
  ], '健康行动推进委员会与爱国卫生运动委员会分设');
  story.mergeIntoNew('2023-05-15', ['shuzi'], gov('shuzijianshe', '数字化转型工作委员会', '市大数据局', '统筹数字经济、数字社会和数字政府建设，推进公共数据开发利用'), 3, '数字政府建设领导小组工作并入新设的数字化转型工作委员会');

  // Routine adjustments: member units follow the departments of the day.
  for (let year = 2004; year <= 2025; year++) {
    const date = ymd(year, 9, rng.int(1, 28));
    story.at(date, () => {
      const candidates = story.registry.active(date).filter((b) => b.series === 'government' && b.duration === 'standing');
      for (const body of rng.sample(candidates, 2)) {
        const pool = departmentsOf(date).filter((d) => !body.memberUnits.includes(d));
        const drop = body.memberUnits.length > 4 ? body.memberUnits.slice(1).filter(() => rng.chance(0.2)) : [];
        const memberUnits = [...body.memberUnits.filter((u) => !drop.includes(u)), rng.pick(pool)];
        story.registry.record(story.key(body.id, 'adjust', date), adjustCommand(body.id, { memberUnits }, {
          documentNo: story.docs.issue('filing', date),
          effectiveDate: date,
          reason: '根据工作需要调整成员单位',
        }));
      }
    });
  }

  story.dormantFrom.set('yuyan', 2011);
  story.dormantFrom.set('difangzhi', 2009);
  for (let year = 2003; year <= 2025; year++) story.annualReports(year);

  story.run();

  const registry = story.registry;
  const end = '2026-06-30';
  const activeAtEnd = registry.active(end);
  return {
    commands: registry.commands,
    waivers: registry.waivers,
    plantedDuplicates: story.plantedDuplicates,
    activeBeforeCampaign: story.activeBeforeCampaign,
    pastTermAtEnd: activeAtEnd.filter((b) => b.duration === 'temporary' && b.termEnd && b.termEnd < end).map((b) => b.name),
    activeAtEnd: activeAtEnd.length,
  };
}

/** The demo history: the commands to execute in order, each with its Idempotency-Key. */
export function demoHistory(seed: number = DEMO_SEED): PlannedCommand[] {
  return buildDemoHistory(seed).commands;
}
