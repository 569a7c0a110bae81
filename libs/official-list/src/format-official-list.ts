/**
 * The registry's answer for a date, written as the official list (the inverse of
 * parse-official-list.ts), and as a table for a 编办: CSV (UTF-8 with BOM, for Excel) and XLSX.
 *
 * Text: "一、长期设置的市政府议事协调机构(55个)" then the standing bodies, "二、临时性设置的…(11个)"
 * then the temporary ones, each section keeping the answer's order, numbered on across sections
 * as 潍坊名单 is (or restarting, by option). Aliases are written by the rule of entry.ts: one
 * alias that reads as a body's name in brackets, several as "对外可分别使用…名称开展工作".
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { kindFromName, type Series } from '#domain';
import { writeEntry } from './entry.js';
import { authorityName, bodyLabelFor, jurisdictionLevel } from './jurisdiction-titles.js';
import type { OfficialListItem, ParsedOfficialList, RegistryListAnswer, RegistryListBody } from './official-list.types.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export interface FormatOfficialListOptions {
  /** The jurisdiction's 6-digit code: the headings name its level (县政府, 区委, 省政府, 国务院 …). Without it, 市. */
  jurisdiction?: string;
  /** The jurisdiction's registered name, for the spreadsheet title ("潍坊市" → 潍坊市人民政府议事协调机构名单). */
  jurisdictionName?: string;
  /**
   * What the headings call the bodies ("市政府议事协调机构"). Default from the bodies' series:
   * 市政府议事协调机构, 市委议事协调机构, or 议事协调机构 when both series are listed.
   */
  bodyLabel?: string;
  /** The list's title line (the notice's own title when one was imported); default `<bodyLabel>名单`. */
  title?: string;
  /** List only this series' bodies. */
  series?: Series;
  /** 'continuous' (潍坊名单: 1–55, then 56–66) or 'per-section' (each section from 1). */
  numbering?: 'continuous' | 'per-section';
  /** 'lines': title, headings and entries one per line; 'inline': run together as the 潍坊 text prints them, closed by 。. */
  layout?: 'lines' | 'inline';
  /** Full-width brackets （） in headings and entries; the 潍坊 text uses half-width ones. */
  fullWidth?: boolean;
}

/** One row of the list: its number, section and body. */
export interface OfficialListRow {
  number: number;
  sectionIndex: number;
  body: RegistryListBody;
}

export interface OfficialListLayout {
  title: string;
  bodyLabel: string;
  sections: Array<{ heading: string; title: string; duration: 'standing' | 'temporary'; rows: OfficialListRow[] }>;
}

/** The one series of the bodies, or undefined when both are listed. */
function singleSeries(bodies: readonly RegistryListBody[]): Series | undefined {
  const series = new Set(bodies.map((b) => b.series));
  return series.size === 1 ? [...series][0] : undefined;
}

export function defaultBodyLabel(bodies: readonly RegistryListBody[], jurisdiction?: string, jurisdictionName?: string): string {
  const series = singleSeries(bodies);
  if (jurisdiction) return bodyLabelFor(jurisdiction, series, jurisdictionName);
  if (series) return series === 'party' ? '市委议事协调机构' : '市政府议事协调机构';
  return '议事协调机构';
}

/** The sections, headings and numbering of the list, shared by the text and the tables. */
export function layoutOfficialList(answer: RegistryListAnswer, options: FormatOfficialListOptions = {}): OfficialListLayout {
  const bodies = answer.bodies.filter((b) => !options.series || b.series === options.series);
  const bodyLabel = options.bodyLabel ?? defaultBodyLabel(bodies, options.jurisdiction, options.jurisdictionName);
  const [open, close] = options.fullWidth ? ['（', '）'] : ['(', ')'];
  const groups = [
    { duration: 'standing' as const, title: `长期设置的${bodyLabel}`, bodies: bodies.filter((b) => b.duration === 'standing') },
    { duration: 'temporary' as const, title: `临时性设置的${bodyLabel}`, bodies: bodies.filter((b) => b.duration === 'temporary') },
  ].filter((g) => g.bodies.length > 0);
  let number = 0;
  const sections = groups.map((g, sectionIndex) => {
    if (options.numbering === 'per-section') number = 0;
    return {
      heading: `${NUMERALS[sectionIndex]}、${g.title}${open}${g.bodies.length}个${close}`,
      title: g.title,
      duration: g.duration,
      rows: g.bodies.map((body) => ({ number: ++number, sectionIndex, body })),
    };
  });
  return { title: options.title ?? `${bodyLabel}名单`, bodyLabel, sections };
}

/** The official list text. */
export function formatOfficialListText(answer: RegistryListAnswer, options: FormatOfficialListOptions = {}): string {
  const layout = layoutOfficialList(answer, options);
  const parts: string[] = [layout.title];
  for (const section of layout.sections) {
    parts.push(section.heading);
    for (const row of section.rows) {
      parts.push(`${row.number}.${writeEntry(row.body.name, row.body.aliases, row.body.aliasStyles, { fullWidth: options.fullWidth })}`);
    }
  }
  return options.layout === 'inline' ? `${parts.join('')}。` : `${parts.join('\n')}\n`;
}

export const TABLE_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '名称', width: 44 },
  { header: '对外名称/别名', width: 44 },
  { header: '类型', width: 10 },
  { header: '序列(党委/政府)', width: 14 },
  { header: '设置期限(长期/临时)', width: 18 },
  { header: '设立日期', width: 12 },
  { header: '设立期限', width: 12 },
  { header: '办事机构', width: 24 },
  { header: '机构编号', width: 38 },
] as const;

/** The table rows (without the header), in list order. */
export function officialListTable(answer: RegistryListAnswer, options: FormatOfficialListOptions = {}): Array<Array<string | number>> {
  return layoutOfficialList(answer, options).sections.flatMap((s) =>
    s.rows.map(({ number, body }) => [
      number,
      body.name,
      body.aliases.join('、'),
      body.kind,
      body.series === 'party' ? '党委' : body.series === 'joint' ? '党政联合' : '政府',
      body.duration === 'standing' ? '长期' : '临时',
      body.establishedOn,
      body.termEnd ?? '',
      body.hostDepartment ?? '',
      body.id,
    ]),
  );
}

/** CSV for Excel: UTF-8 with a BOM, CRLF line ends, RFC 4180 quoting (csv-stringify); a field with leading or trailing spaces, or any line break (csv-stringify quotes only CRLF here), is quoted too. */
export function formatOfficialListCsv(answer: RegistryListAnswer, options: FormatOfficialListOptions = {}): string {
  const rows = [TABLE_COLUMNS.map((c) => c.header), ...officialListTable(answer, options)];
  return stringify(rows, { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$|[\r\n]/u, cast: { number: String } });
}

/**
 * The spreadsheet title, the list's title in full: "潍坊市人民政府议事协调机构名单(2020-03-31)". A title
 * that starts with the level word (市政府…, 县委…) gets the authority's full name in its place
 * (never "潍坊市市政府…"); one that already names the place is kept as it is.
 */
export function spreadsheetTitle(answer: RegistryListAnswer, options: FormatOfficialListOptions = {}): string {
  const layout = layoutOfficialList(answer, options);
  return `${fullListTitle(layout.title, answer.bodies.filter((b) => !options.series || b.series === options.series), options)}(${answer.date})`;
}

function fullListTitle(title: string, bodies: readonly RegistryListBody[], options: FormatOfficialListOptions): string {
  const name = options.jurisdictionName;
  const code = options.jurisdiction;
  if (!name && !code) return title;
  if (name && title.includes(name)) return title;
  const series = options.series ?? singleSeries(bodies);
  const level = code ? jurisdictionLevel(code, name) : { government: '市政府', party: '市委' };
  for (const s of series ? [series] : (['government', 'party'] as const)) {
    const word = s === 'party' ? level.party : level.government;
    const full = code ? authorityName(code, s, name) : name ? (s === 'party' ? `中共${name.replace(/市$/u, '')}市委` : `${name}人民政府`) : undefined;
    if (full && title.startsWith(word)) return `${full}${title.slice(word.length)}`;
  }
  return name && !series ? `${name}${title}` : title;
}

/** XLSX: a title row, the header row frozen under it, sensible widths, an autofilter. */
export async function formatOfficialListXlsx(answer: RegistryListAnswer, options: FormatOfficialListOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'coordination-body-registry';
  // Fixed, so the same answer gives the same file.
  workbook.created = new Date(`${answer.date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('名单', { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  sheet.columns = TABLE_COLUMNS.map((c) => ({ width: c.width }));

  const titleRow = sheet.addRow([spreadsheetTitle(answer, options)]);
  sheet.mergeCells(1, 1, 1, TABLE_COLUMNS.length);
  titleRow.height = 28;
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const header = sheet.addRow(TABLE_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  for (const values of officialListTable(answer, options)) {
    const row = sheet.addRow(values.map((v) => (v === '' ? null : v)));
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'top' };
  }
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: TABLE_COLUMNS.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

/**
 * A registry answer built from a parsed list (each entry a body established on `date`), as the
 * registry would answer once the list is imported. Ids default to `<number>`; the alias styles
 * are kept only when asked, since the registry stores aliases as plain strings.
 */
export function answerFromParsedList(
  list: ParsedOfficialList,
  options: { date: string; series: Series; idOf?: (item: OfficialListItem) => string; keepAliasStyles?: boolean },
): RegistryListAnswer {
  return {
    date: options.date,
    bodies: list.sections.flatMap((section) =>
      section.items.map((item) => ({
        id: options.idOf?.(item) ?? String(item.number),
        name: item.name,
        aliases: [...item.aliases],
        kind: kindFromName(item.name),
        series: options.series,
        duration: section.duration,
        establishedOn: options.date,
        ...(options.keepAliasStyles ? { aliasStyles: [...item.aliasStyles] } : {}),
      })),
    ),
  };
}
