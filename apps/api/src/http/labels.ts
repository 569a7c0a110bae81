import { FIELD_LABELS as DOMAIN_FIELD_LABELS, VALUE_LABELS as DOMAIN_VALUE_LABELS } from '#domain';

/**
 * Chinese names of request fields and of the coded values a request carries, for 400 answers:
 * the domain's one label table (libs/domain/src/labels.ts) first, then the names only HTTP has
 * (query parameters, headers). A field keeps its API name beside the label ("序列(series)") so
 * that the caller can find it.
 */
const HTTP_FIELD_LABELS: Record<string, string> = {
  jurisdiction: '行政区划代码',
  name: '名称',
  newName: '新名称',
  aliases: '对外名称',
  kind: '类别',
  series: '序列',
  duration: '设置期限',
  termEnd: '设立期限至',
  abolitionCondition: '撤销条件',
  basis: '设立依据',
  conditions: '设立情形',
  text: '依据文本',
  reason: '理由或情形',
  leader: '组长(主任、指挥、召集人)',
  deputies: '副组长',
  members: '成员',
  memberUnits: '成员单位',
  title: '职务',
  rank: '职级',
  tasks: '主要任务',
  duties: '工作职责',
  hostDepartment: '承担日常工作的部门',
  location: '办公地点',
  funding: '经费来源',
  mirrorsUpperBody: '对口上级机构',
  documentNo: '文号',
  correctionDocumentNo: '更正文号',
  effectiveDate: '生效日期',
  justification: '说明理由',
  explanation: '补充说明',
  expectedVersion: '所依据的版本号',
  disposition: '处理方式',
  abolitionReason: '撤销情形',
  mergerReason: '合并情形',
  sourceBodyIds: '被合并机构',
  target: '合并后的机构',
  establish: '新设机构',
  bodyId: '机构编号',
  eventId: '事件编号',
  changes: '调整内容',
  fields: '更正的字段',
  year: '年度',
  summary: '工作情况',
  meetingsHeld: '召开会议次数',
  filedOn: '报送日期',
  total: '基准总数',
  standing: '长期设置数',
  temporary: '临时性设置数',
  scope: '范围',
  profile: '管理办法',
  maxMemberUnits: '成员单位上限',
  minDeputies: '副组长下限',
  maxDeputies: '副组长上限',
  lowestMemberRank: '成员最低职级',
  annualReportDeadline: '年度报告截止日',
  annualReportDueNextYear: '次年报送年度报告',
  jointEstablishmentAllowed: '允许联合设立',
  dormantAfterDays: '长期不开展工作的天数',
  dormantDays: '长期不开展工作的天数',
  campaignId: '清理编号',
  outcomes: '处理结果',
  outcome: '处理结果',
  mergeInto: '并入机构',
  note: '备注',
  keepUnlisted: '未列出的机构保留',
  date: '日期',
  from: '起始日期',
  to: '截止日期',
  knownAt: '所知时刻',
  reportsAsOf: '报送情况截止日期',
  after: '起始位置',
  limit: '条数',
  minPosition: '读模型位置',
  format: '格式',
  id: '编号',
  code: '行政区划代码',
  body: '请求体',
  'Idempotency-Key': '幂等键',
  'Content-Type': '内容类型',
};

/** The domain's names win, but no request field is called `from`/`to`: here they are the query's dates, not an affiliation change's series. */
export const FIELD_LABELS: Record<string, string> = {
  ...HTTP_FIELD_LABELS,
  ...DOMAIN_FIELD_LABELS,
  from: HTTP_FIELD_LABELS.from,
  to: HTTP_FIELD_LABELS.to,
};

/** Every coded value with its meaning, whatever field it belongs to (for a field not in the domain's table). */
const ANY_VALUE_LABELS: Record<string, string> = Object.assign({}, ...Object.values(DOMAIN_VALUE_LABELS));

/** `series` → `序列(series)`; `basis.conditions` → `设立依据.设立情形(basis.conditions)`. */
export function fieldLabel(path: string): string {
  const names = path.split('.').map((part) => {
    const [name, index = ''] = part.split(/(?=\[)/);
    return `${FIELD_LABELS[name] ?? name}${index.replace(/\[(\d+)\]/g, (_m, i: string) => `第${Number(i) + 1}项`)}`;
  });
  const label = names.join('.');
  return label === path ? path : `${label}(${path})`;
}

/** `party` → `party(党委)`, by the field's own table when it has one; numbers and uncoded values as they are. */
export function valueLabel(value: unknown, field?: string): string {
  const text = String(value);
  const label = (field ? DOMAIN_VALUE_LABELS[field]?.[text] : undefined) ?? ANY_VALUE_LABELS[text];
  return label && label !== text ? `${text}(${label})` : text;
}
