/**
 * The Chinese a user reads for every code the registry keeps in English: rules, fields, and the
 * values of its enumerations. One table for the server (errors, reports, OpenAPI text) and the
 * dashboard (which imports this file through Vite, see apps/dashboard/vite.config.ts), so that
 * no rule code or field name reaches a user untranslated. Pure data and two lookups.
 */
import type { RuleCode } from './shared/violations.js';
import type { Duration, Rank, Series } from './body/body.types.js';
import { ABOLITION_DISPOSITIONS, ABOLITION_REASONS, BODY_KINDS, MERGER_REASONS } from './body/body.types.js';
import { CAMPAIGN_OUTCOME_LABELS } from './campaign/campaign.events.js';

/** Rules checked at decision time and alerts judged by supervision (docs/domain.md). */
export type LabelledRule = RuleCode | 'term-expired' | 'term-review' | 'annual-report' | 'dormant' | 'establishment-missing';

/** Each rule's name, worded as what is wrong when it is cited. */
export const RULE_LABELS: Record<LabelledRule, string> = {
  basis: '设立依据不足',
  application: '申请内容不完整',
  'temporary-term': '临时机构未写明期限或撤销条件',
  'single-series': '序列有误或党政联合设立',
  lifecycle: '机构不在存续期内',
  correction: '更正不成立',
  leader: '组长人数不符',
  deputies: '副职人数不符',
  'member-units': '成员单位超过限额',
  'member-rank': '成员职级不符',
  discipline: '纪检监察负责同志任职',
  mirror: '对口设立',
  duplicate: '职责或名称相同相近',
  quota: '超出总量控制基准',
  'term-expired': '临时机构超过设立期限',
  'term-review': '以条件结束的临时机构待核实',
  'establishment-missing': '设立文件未存档',
  'annual-report': '未按时报送年度报告',
  dormant: '长期不开展工作',
};

/** Request, state and event fields, by their English names. */
export const FIELD_LABELS: Record<string, string> = {
  jurisdiction: '行政区划',
  jurisdictions: '行政区划',
  bodyId: '机构',
  name: '名称',
  aliases: '对外名称',
  kind: '类别',
  series: '序列',
  duration: '设置期限',
  termEnd: '设立期限至',
  abolitionCondition: '撤销条件',
  basis: '设立依据',
  conditions: '设立条件',
  text: '依据内容',
  reason: '理由',
  leader: '组长(主任、指挥、召集人)',
  leaders: '组长(主任、指挥、召集人)',
  deputies: '副组长',
  members: '成员',
  title: '职务',
  rank: '职级',
  memberUnits: '成员单位',
  tasks: '主要任务',
  duties: '工作职责',
  hostDepartment: '承担日常工作的部门',
  location: '办公地点',
  funding: '经费来源',
  mirrorsUpperBody: '对口上级机构',
  effectiveDate: '生效日期',
  documentNo: '文号',
  justification: '说明理由',
  expectedVersion: '预期版本',
  abolitionReason: '撤销情形',
  disposition: '处理方式',
  explanation: '说明',
  sourceBodyIds: '被合并机构',
  target: '合并后机构',
  establish: '新设机构',
  mergerReason: '合并情形',
  year: '年度',
  summary: '工作情况',
  meetingsHeld: '召开会议次数',
  filedOn: '报送日期',
  newName: '新名称',
  previousName: '原名称',
  total: '基准总数',
  standing: '长期设置数',
  temporary: '临时性设置数',
  from: '原序列',
  to: '新序列',
  eventId: '被更正的事件',
  fields: '更正的字段',
  profile: '管理办法',
  policy: '管理办法',
  campaignId: '清理编号',
  scope: '清理范围',
  outcomes: '处理结果',
  outcome: '处理结果',
  note: '评估意见',
  mergeInto: '并入机构',
  changes: '调整内容',
  keepUnlisted: '未列机构保留',
  maxMemberUnits: '成员单位上限',
  minDeputies: '副职下限',
  maxDeputies: '副职上限',
  lowestMemberRank: '成员最低职级',
  jointEstablishmentAllowed: '允许联合设立',
  annualReportDeadline: '年度报告截止日',
  annualReportDueNextYear: '年度报告次年报送',
  dormantAfterDays: '长期不开展工作的天数',
  conditionReviewAfterDays: '以条件结束的临时机构核实天数',
  justifications: '逐项说明理由',
  secretaries: '秘书长',
  role: '角色',
  person: '人员',
  expert: '专家委员(不担任职务)',
  leadUnits: '牵头单位',
  office: '办公室',
  seat: '办公室设在',
  director: '办公室主任',
  none: '不设办公室',
  liaison: '联络员',
  workingRules: '工作规则',
  meetingsPerYear: '每年会议次数',
  noSeal: '不刻制印章',
  evidence: '任务完成的依据',
  into: '分设的新机构',
  splitInto: '分设的新机构',
  splitFrom: '分设自',
  selfAbolition: '自行撤销',
};

export const SERIES_LABELS: Record<Series, string> = { party: '党委', government: '政府', joint: '党政联合' };
export const SERIES_LONG_LABELS: Record<Series, string> = { party: '市委(党委系列)', government: '市政府(政府系列)', joint: '市委、市政府联合设立' };
export const DURATION_LABELS: Record<Duration, string> = { standing: '长期设置', temporary: '临时性设置' };
export const RANK_LABELS: Record<Rank, string> = {
  state: '正国级',
  'deputy-state': '副国级',
  provincial: '省部级(正部级)',
  'deputy-provincial': '副省部级(副部级)',
  bureau: '厅局级',
  'deputy-bureau': '副厅局级',
  county: '县处级',
  'deputy-county': '副县处级',
  section: '乡科级',
  'deputy-section': '副乡科级',
  'non-leadership': '非领导职务',
};
export const ROLE_LABELS: Record<'registrar' | 'auditor' | 'viewer', string> = { registrar: '登记员', auditor: '审计员', viewer: '查看者' };
export const SEVERITY_LABELS: Record<'error' | 'warning', string> = { error: '错误', warning: '警告' };
export { ABOLITION_DISPOSITIONS as DISPOSITION_LABELS, ABOLITION_REASONS as ABOLITION_REASON_LABELS, MERGER_REASONS as MERGER_REASON_LABELS };
export { CAMPAIGN_OUTCOME_LABELS as OUTCOME_LABELS };

export const EVENT_TYPE_LABELS: Record<string, string> = {
  BodyEstablished: '设立',
  BodyAdjusted: '调整',
  BodyRenamed: '更名',
  BodyAffiliationChanged: '改变隶属关系',
  BodyAbolished: '撤销',
  BodyMergedAway: '合并(并入他机构)',
  BodyAbsorbedMerger: '合并(吸收其他机构)',
  BodiesMerged: '合并',
  AnnualReportFiled: '年度报告',
  QuotaBaselineSet: '总量控制基准',
  PolicyAdopted: '适用管理办法',
  CampaignOpened: '清理开始',
  CampaignOutcomesListed: '清理处理意见',
  CampaignConcluded: '清理结束',
  EventCorrected: '更正',
};

/** The labels of each enumerated field's values (`series: party` → 党委). */
export const VALUE_LABELS: Record<string, Record<string, string>> = {
  series: SERIES_LABELS,
  from: SERIES_LABELS,
  to: SERIES_LABELS,
  duration: DURATION_LABELS,
  rank: RANK_LABELS,
  lowestMemberRank: RANK_LABELS,
  disposition: ABOLITION_DISPOSITIONS,
  outcome: CAMPAIGN_OUTCOME_LABELS,
  role: ROLE_LABELS,
  severity: SEVERITY_LABELS,
  kind: Object.fromEntries(BODY_KINDS.map((k) => [k, k])),
};

/** A rule's Chinese name; an unknown code is shown as 其他规则, never raw. */
export function ruleLabel(code: string): string {
  return (RULE_LABELS as Record<string, string>)[code] ?? '其他规则';
}

/** A field's Chinese name; a path such as `basis.conditions` or `target.establish.name` by its last known part. */
export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  for (let i = parts.length - 1; i >= 0; i--) if (FIELD_LABELS[parts[i]]) return FIELD_LABELS[parts[i]];
  return field;
}

/** An enumerated value in Chinese (`valueLabel('series', 'party')` → 党委), or the value itself. */
export function valueLabel(field: string, value: string): string {
  return VALUE_LABELS[field]?.[value] ?? value;
}
