/** Chinese labels and date helpers. */
import type { Duration, Series } from './types';

export const SERIES: Record<Series, string> = { party: '党委', government: '政府' };
export const SERIES_LONG: Record<Series, string> = { party: '市委(党委系列)', government: '市政府(政府系列)' };
export const DURATION: Record<Duration, string> = { standing: '长期设置', temporary: '临时性设置' };
export const KINDS = ['领导小组', '委员会', '联席会议', '指挥部', '协调小组', '其他'];

export const EVENT_TYPES: Record<string, string> = {
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
  EventCorrected: '更正',
};

export const DISPOSITIONS: Record<string, string> = {
  abolished: '撤销',
  delisted: '不再作为议事协调机构',
  'joint-meeting': '调整为部门联席会议',
};

/** 市级办法 第十五条 (一)–(八). */
export const ABOLITION_REASONS: Record<number, string> = {
  1: '(一)擅自设立的',
  2: '(二)工作任务已经完成的',
  3: '(三)工作职能消失的',
  4: '(四)工作已转变为常规化、常态化工作，无需专设议事协调机构的',
  5: '(五)工作任务已规定由相应职能部门承担的',
  6: '(六)上级相关议事协调机构已经撤销，对口设立且工作任务可由相关职能部门承担的',
  7: '(七)长期不开展工作或者作用发挥不明显，无保留必要的',
  8: '(八)其他原因需要撤销的',
};

export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  aliases: '对外名称',
  kind: '类别',
  series: '序列',
  duration: '设置期限',
  termEnd: '设立期限至',
  abolitionCondition: '撤销条件',
  basis: '设立依据',
  reason: '设立理由',
  leader: '组长(主任、指挥、召集人)',
  leaders: '组长(主任、指挥、召集人)',
  deputies: '副组长',
  members: '成员',
  memberUnits: '成员单位',
  tasks: '主要任务',
  duties: '工作职责',
  hostDepartment: '承担日常工作的部门',
  location: '办公地点',
  funding: '经费来源',
  mirrorsUpperBody: '对口上级机构',
  effectiveDate: '生效日期',
  documentNo: '文号',
  abolitionReason: '撤销情形',
  disposition: '处理方式',
  year: '年度',
  summary: '工作情况',
  meetingsHeld: '召开会议次数',
  filedOn: '报送日期',
  newName: '新名称',
  previousName: '原名称',
  total: '基准总数',
  from: '原序列',
  to: '新序列',
};

export const RANKS: Record<string, string> = {
  provincial: '省部级',
  bureau: '厅局级',
  'deputy-bureau': '副厅局级',
  county: '县处级',
  'deputy-county': '副县处级',
  section: '乡科级',
  'deputy-section': '副乡科级',
  'non-leadership': '非领导职务',
};

const CHINA = 8 * 3600_000;

/** Today in China time, YYYY-MM-DD. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + CHINA).toISOString().slice(0, 10);
}

export function isDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 2020-03-31 → 2020年3月31日 */
export function cnDate(date: string | undefined | null): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** An instant shown in China time: 2020-06-01 09:30:12. */
export function cnTime(instant: string | undefined | null): string {
  if (!instant) return '';
  const t = Date.parse(instant);
  if (Number.isNaN(t)) return instant;
  return new Date(t + CHINA).toISOString().replace('T', ' ').slice(0, 19);
}

/** The value of an <input type="datetime-local"> (China time) as an ISO instant with offset. */
export function knownAtParam(local: string): string | undefined {
  if (!local) return undefined;
  if (isDate(local)) return local;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(local);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00` : undefined;
}

export function postText(post: { title: string; rank?: string } | undefined): string {
  if (!post) return '';
  return post.rank && RANKS[post.rank] ? `${post.title}(${RANKS[post.rank]})` : post.title;
}

/** Search key: name, aliases and former names, without spaces and brackets. */
export function normalize(text: string): string {
  return text.replace(/[\s()（）“”"'《》·]/g, '').toLowerCase();
}

export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
