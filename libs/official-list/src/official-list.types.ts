import type { Duration } from '#domain';

/**
 * How a published list writes an alternative name:
 * - `bracket`: the name in brackets after the body's name (潍坊名单 items 36 and 47);
 * - `external-use`: "(对外可分别使用A、B名称开展工作)" (潍坊名单 item 17);
 * - `plate`: "(加挂A牌子)".
 */
export type AliasStyle = 'bracket' | 'external-use' | 'plate';

/** One numbered entry of a published list. */
export interface OfficialListItem {
  /** The number printed before the entry (numbering may run on across sections). */
  number: number;
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
  /** The count the heading announces ("(55个)"), if it announces one. */
  announced: number | undefined;
  items: OfficialListItem[];
}

export interface CountMismatch {
  /** The section's title, or "合计" for the total the preamble announces ("共66个"). */
  section: string;
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
  total: number;
  standing: number;
  temporary: number;
  /** Fragments that are neither heading nor entry: page numbers, running headers, stray lines. */
  unparsed: string[];
  countMismatches: CountMismatch[];
  /** Oddities that did not stop the parse, e.g. a number missing from the sequence. */
  warnings: string[];
}

/** The registry's answer for a date (API.md GET /jurisdictions/{code}/registry), the fields a list needs. */
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
