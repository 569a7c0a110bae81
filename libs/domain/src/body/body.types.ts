import type { LocalDate } from '../shared/dates.js';

/**
 * party (党委, 市委) or government (政府, 市政府); `joint` for a body established jointly by
 * the party committee and the government (中共中央、国务院 / 省委、省政府), which bends the
 * single-series rule unless the policy allows it (docs/decisions/0009-published-decisions.md).
 */
export type Series = 'party' | 'government' | 'joint';
export const SERIES: readonly Series[] = ['party', 'government', 'joint'];
export type Duration = 'standing' | 'temporary';
export type BodyKind = '领导小组' | '委员会' | '联席会议' | '指挥部' | '协调小组' | '其他';
export const BODY_KINDS: readonly BodyKind[] = ['领导小组', '委员会', '联席会议', '指挥部', '协调小组', '其他'];

/**
 * Rank of a post, highest first. 市级办法 第九条 keeps non-leadership posts and posts at or
 * below the level the policy names off the member list.
 */
export type Rank =
  | 'state' // 正国级
  | 'deputy-state' // 副国级
  | 'provincial' // 省部级(正部级)
  | 'deputy-provincial' // 副省部级(副部级)
  | 'bureau' // 厅局级
  | 'deputy-bureau' // 副厅局级
  | 'county' // 县处级
  | 'deputy-county' // 副县处级
  | 'section' // 乡科级
  | 'deputy-section' // 副乡科级
  | 'non-leadership'; // 非领导职务
export const RANKS_HIGH_TO_LOW: readonly Rank[] = [
  'state',
  'deputy-state',
  'provincial',
  'deputy-provincial',
  'bureau',
  'deputy-bureau',
  'county',
  'deputy-county',
  'section',
  'deputy-section',
  'non-leadership',
];

/** A seat is a post, not a person: the successor in the post fills it (市级办法 第十三条). */
export interface Post {
  /** The post (职务), e.g. 市长; for an expert holding no post, how the notice describes them. */
  title: string;
  rank?: Rank;
  /** The role as the notice prints it: 组长, 第一副组长, 副组长, 秘书长, 召集人, 副召集人, 成员, 专家委员… */
  role?: string;
  /** A named person, when the notice names one (the seat is still the post). */
  person?: string;
  /** An expert holding no post (专家委员): rank rules apply to posts, not to experts. */
  expert?: boolean;
}

/** 办公室设在…(办公室主任由…兼任), or 不设办公室. */
export interface BodyOffice {
  /** The unit the office sits in (办公室设在…). */
  seat?: string;
  /** Who heads the office concurrently (办公室主任由…兼任). */
  director?: string;
  /** 不设办公室. */
  none?: boolean;
}

/** 工作规则 as a notice states them. */
export interface WorkingRules {
  /** Plenary meetings a year (原则上每年召开…次全体会议). */
  meetingsPerYear?: number;
  /** 不刻制印章. */
  noSeal?: boolean;
  text?: string;
}

/** 市级办法 第五条: (一) required by a higher authority, (二) cross-region or cross-department, (三) a major task. */
export interface EstablishmentBasis {
  conditions: Array<1 | 2 | 3>;
  text: string;
}

/** The application content of 市级办法 第十条, as recorded on establishment. */
export interface BodyProfile {
  name: string;
  aliases: string[];
  kind: BodyKind;
  series: Series;
  duration: Duration;
  termEnd?: LocalDate;
  abolitionCondition?: string;
  basis: EstablishmentBasis;
  reason: string;
  leaders: Post[];
  deputies: Post[];
  members: Post[];
  memberUnits: string[];
  tasks: string;
  duties: string;
  hostDepartment: string;
  location?: string;
  funding?: string;
  /** The upper-level body this one mirrors (对口设立), if any (市级办法 第七条). */
  mirrorsUpperBody?: string;
  /** 牵头单位: one or several. */
  leadUnits?: string[];
  /** 秘书长 (and 副秘书长), posts as published. */
  secretaries?: Post[];
  /** 办公室设在… / 不设办公室. */
  office?: BodyOffice;
  /** 联络员, as the notice states it (e.g. 各成员单位确定一名处级干部为联络员). */
  liaison?: string;
  workingRules?: WorkingRules;
}

/** The parts an adjustment (调整) may change. */
export type AdjustableParts = Partial<
  Pick<
    BodyProfile,
    | 'leaders'
    | 'deputies'
    | 'members'
    | 'memberUnits'
    | 'tasks'
    | 'duties'
    | 'hostDepartment'
    | 'location'
    | 'funding'
    | 'kind'
    | 'duration'
    | 'termEnd'
    | 'abolitionCondition'
    | 'leadUnits'
    | 'secretaries'
    | 'office'
    | 'liaison'
    | 'workingRules'
  >
>;
export const ADJUSTABLE_FIELDS = [
  'leaders',
  'deputies',
  'members',
  'memberUnits',
  'tasks',
  'duties',
  'hostDepartment',
  'location',
  'funding',
  'kind',
  'duration',
  'termEnd',
  'abolitionCondition',
  'leadUnits',
  'secretaries',
  'office',
  'liaison',
  'workingRules',
] as const satisfies ReadonlyArray<keyof AdjustableParts>;

/** 市级办法 第十五条 (一)–(八): grounds for abolition, as the article words them. */
export type AbolitionReason = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const ABOLITION_REASONS: Record<AbolitionReason, string> = {
  1: '(一)擅自设立的',
  2: '(二)工作任务已经完成的',
  3: '(三)工作职能消失的',
  4: '(四)议事协调机构承担的工作已转变为常规化、常态化工作，形成了长效工作机制，无需专设议事协调机构的',
  5: '(五)工作任务已规定由相应职能部门承担的',
  6: '(六)市委、市政府相关议事协调机构已经撤销，市上对口设立且工作任务可由相关职能部门承担的',
  7: '(七)长期不开展工作或者作用发挥不明显，无保留必要的',
  8: '(八)其他原因需要撤销的',
};

/** 北京清理: all three leave the registry and the quota count. */
export type AbolitionDisposition = 'abolished' | 'delisted' | 'joint-meeting';
export const ABOLITION_DISPOSITIONS: Record<AbolitionDisposition, string> = {
  abolished: '撤销',
  delisted: '不再作为议事协调机构',
  'joint-meeting': '调整为部门联席会议',
};

/** 市级办法 第十六条 (一)–(三): grounds for merger, as the article words them. */
export type MergerReason = 1 | 2 | 3;
export const MERGER_REASONS: Record<MergerReason, string> = {
  1: '(一)工作职责相同或者相近的',
  2: '(二)工作职责相互交叉或者涵盖的',
  3: '(三)其他原因需要合并的',
};

/** Guess the kind from the name's suffix, as a reader of a notice would. */
export function kindFromName(name: string): BodyKind {
  const trimmed = name.replace(/[（(].*?[)）]\s*$/u, '').trim();
  for (const kind of ['领导小组', '委员会', '联席会议', '指挥部', '协调小组'] as const) {
    if (trimmed.endsWith(kind)) return kind;
  }
  if (/(小组|工作组)$/u.test(trimmed)) return '领导小组';
  if (/(会议)$/u.test(trimmed)) return '联席会议';
  return '其他';
}
