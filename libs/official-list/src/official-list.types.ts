import type { Duration } from '#domain';

/**
 * How a published list writes an alternative name:
 * - `bracket`: the name in brackets after the body's name (潍坊名单 items 36 and 47);
 * - `external-use`: "(对外可分别使用A、B名称开展工作)" (潍坊名单 item 17);
 * - `plate`: "(加挂A牌子)".
 */
export type AliasStyle = 'bracket' | 'external-use' | 'plate';

/**
 * What a section (or an item's own remark) says becomes of its bodies:
 * - `keep`: live bodies (保留, 常设, 临时, 新设 …), standing or temporary by `duration`;
 * - `abolish` (撤销, 不再保留, 取消), `delist` (不再作为议事协调机构, 调整为部门议事协调机构),
 *   `joint-meeting` (调整为部门联席会议): an abolition with that disposition;
 * - `merge` (合并, 并入): a merger; `rename` (更名): a rename.
 */
export type SectionAction = 'keep' | 'abolish' | 'delist' | 'joint-meeting' | 'merge' | 'rename';

/** A merger or rename an item states: "A与B合并，组建C", "A并入C", "A更名为C". */
export interface ItemChange {
  kind: 'merge' | 'rename';
  /** The bodies that go (merge) or the old name (rename). */
  from: string[];
  /** The body they go into, or the new name. */
  to: string;
  /** For a merge: whether `to` is a new body ("组建", "合并为") or an existing one ("并入"). */
  into?: 'new' | 'existing';
}

/** One numbered entry of a published list. */
export interface OfficialListItem {
  /** The number printed before the entry (numbering may run on across sections); unnumbered lists count from 1. */
  number: number;
  /** Line of the file (1-based) the entry starts on. */
  line: number;
  /** What becomes of the body: the section's action, unless the entry says otherwise ("(撤销)"). */
  action: SectionAction;
  /** The merger or rename the entry states, when it states one. */
  change?: ItemChange;
  /** The entry's own duration where it states one ("(临时)", "(阶段性)"), over its section's. */
  duration?: 'standing' | 'temporary';
  /** A remark after the name that is neither alias nor action ("(职能划入市发展改革委)"), kept for the clerk. */
  note?: string;
  /** The body's name as published, without the bracketed alternative names. */
  name: string;
  /** Alternative names (对外名称), in the order published. */
  aliases: string[];
  /** How each alias was written, parallel to `aliases`, so that the entry can be written back exactly. */
  aliasStyles: AliasStyle[];
  /** The entry as published after its number: name and brackets, without the closing 。. */
  rawText: string;
}

export interface OfficialListSection {
  /** The heading without its numeral and count, e.g. "长期设置的市政府议事协调机构". */
  title: string;
  /** The heading as printed, e.g. "一、长期设置的市政府议事协调机构(55个)". */
  heading: string;
  duration: Duration;
  /** What the section's bodies become (保留 → keep, 撤销 → abolish, …). */
  action: SectionAction;
  /** The series the heading names (市委… → party, 市政府… → government, 市委、市政府… → joint), if it names one. */
  series?: 'party' | 'government' | 'joint';
  /** 1 for 一、/第一部分, 2 for （一）, 0 for a heading without numeral; nested sections count into their parent. */
  level: number;
  /** Line of the heading (0 when the list has no heading). */
  line: number;
  /** The count the heading announces ("(55个)", "共5个", "保留5个"), if it announces one. */
  announced: number | undefined;
  /** Entries directly under this heading (not those of nested headings). */
  items: OfficialListItem[];
}

/** A line or fragment that is no body, recognised for what it is and reported. */
export interface ListFurniture {
  line: number;
  text: string;
  kind: 'page-number' | 'url' | 'distribution' | 'date' | 'document-number' | 'signature' | 'note' | 'table-header';
}

/** A line or fragment the parser could not use. */
export interface UnparsedFragment {
  line: number;
  text: string;
}

export interface CountMismatch {
  /** The section's title, or "合计" for the total the preamble announces ("共66个"). */
  section: string;
  /** Line of the heading or of the preamble sentence announcing the count. */
  line?: number;
  announced: number;
  found: number;
}

export interface ParsedOfficialList {
  /** The list's own title when the text gives one before the first heading ("市政府议事协调机构名单"). */
  title?: string;
  /** Text before the first section heading (the notice itself), if any. Not an item, not furniture. */
  preamble?: string;
  /** The total the preamble announces ("…共66个"), if it does. */
  announcedTotal?: number;
  sections: OfficialListSection[];
  /** Live bodies (standing + temporary); removals are not counted. */
  total: number;
  standing: number;
  temporary: number;
  /** Entries that remove or merge or rename a body (撤销, 不再保留, 调整为部门联席会议, 合并, 更名). */
  removed: number;
  /** Fragments that are neither heading nor entry nor furniture: stray lines, running headers; each makes an import refuse. */
  unparsed: UnparsedFragment[];
  /** Page numbers, URLs, 抄送/印发, dates, 文号 and signatures: reported, never taken for a body. */
  furniture: ListFurniture[];
  /** Entries whose name the registry would refuse (bodyNameProblems: length, control characters). */
  invalidNames: Array<{ line: number; number: number; name: string; problems: string[] }>;
  countMismatches: CountMismatch[];
  /** Oddities that did not stop the parse, e.g. a number missing from the sequence. */
  warnings: string[];
}

/** The registry's answer for a date (docs/http-api.md GET /jurisdictions/{code}/registry), the fields a list needs. */
export interface RegistryListBody {
  id: string;
  name: string;
  aliases: string[];
  kind: string;
  series: 'party' | 'government' | 'joint';
  duration: Duration;
  establishedOn: string;
  hostDepartment?: string;
  termEnd?: string;
  /** Optional: how each alias should be written; without it the rule of `writeEntry` decides. */
  aliasStyles?: AliasStyle[];
}

export interface RegistryListAnswer {
  date: string;
  bodies: RegistryListBody[];
}
