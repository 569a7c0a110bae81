/**
 * Reads a published list of 议事协调机构 as governments print them: the 潍坊 attachment
 * (潍政办字〔2020〕37号, everything run together on one line), a list one entry per line, a
 * clean-up notice that also names the bodies it abolishes, delists, turns into joint meetings,
 * merges or renames (北京 京政发〔2003〕9号 style), in any mix of these.
 *
 * Section headings (any of, nested as the document nests them: 一、 → （一） …):
 * - numbered 一、 一. （一） 第一部分 第一类, or a line of its own without numeral
 *   ("市政府议事协调机构（保留）", "撤销的议事协调机构：");
 * - the words decide the section: 临时/临时性/阶段性/专项 → temporary; 常设/长期/保留 → standing;
 *   撤销/不再保留/取消 → abolished; 不再作为…/调整为部门议事协调机构 → delisted; 调整为部门联席会议 →
 *   joint meeting; 合并/并入 → merger; 更名 → rename. A nested heading inherits what it does not say;
 *   市委/党委/中共 vs 政府 names the series;
 * - the count it announces — "(55个)", "（共5个）", "保留5个", "五个" — is checked against the
 *   entries under it, nested ones included.
 *
 * Entries: numbered 1. 1、 1． (1) on separate lines or run together, numbering running on or
 * restarting in each section (numbers are searched in sequence, so digits inside names —
 * 市12345政务服务热线…, 市5G… — are never numbers); without numbers, one body name per line.
 * An entry broken over lines is joined while unfinished. An entry may carry its own fate at its end
 * ("（撤销）", "（调整为部门联席会议）") and state a merger or rename ("A与B合并，组建C", "A并入B",
 * "A更名为B").
 *
 * Nothing is dropped silently: page numbers (— 2 —, -2-, 第2页), URLs, 抄送/印发 lines, date
 * lines, 文号 lines and signatures are `furniture`; any other line or fragment not used is
 * `unparsed`; both carry their line number. The text before the first section is the notice
 * (`preamble`): its last "…名单" is the `title`, its "共66个" / "保留52个，撤销36个" are checked.
 *
 * Linear in the size of the text: each pattern runs once over it, markers are indexed by number,
 * and line numbers come from a table of line starts (a 20 MB list: see bench/list-parse-bench.ts).
 */
import { bodyNameProblems, type Duration } from '#domain';
import { splitEntry } from './entry.js';
import type {
  CountMismatch,
  ItemChange,
  ListFurniture,
  OfficialListItem,
  OfficialListSection,
  ParsedOfficialList,
  SectionAction,
  UnparsedFragment,
} from './official-list.types.js';

const FULL_DIGITS = '０１２３４５６７８９';
const toHalfDigits = (s: string) => s.replace(/[０-９]/gu, (d) => String(FULL_DIGITS.indexOf(d)));
const DIGIT = '[0-9０-９]';

const CJK_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十'];

/** 一 … 九十九 (and 两) as a number; undefined otherwise. */
function cjkNumber(s: string): number | undefined {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const m = /^([一二三四五六七八九两]?)(十?)([一二三四五六七八九]?)$/u.exec(s);
  if (!m || s.length === 0) return undefined;
  if (!m[2]) return m[3] ? undefined : digits[m[1]];
  return (m[1] ? digits[m[1]] : 1) * 10 + (m[3] ? digits[m[3]] : 0);
}
const countValue = (s: string) => (/^[0-9０-９]+$/u.test(s) ? Number(toHalfDigits(s)) : cjkNumber(s));

// ---------------------------------------------------------------- furniture

const DASH = '[-—–－─_]';
const PAGE_LINE = [
  new RegExp(`^${DASH}{1,3}\\s*${DIGIT}{1,4}\\s*${DASH}{1,3}$`, 'u'),
  new RegExp(`^第\\s*${DIGIT}+\\s*页(?:\\s*[，,/／]?\\s*共\\s*${DIGIT}+\\s*页)?$`, 'u'),
  new RegExp(`^共\\s*${DIGIT}+\\s*页\\s*[，,]?\\s*第\\s*${DIGIT}+\\s*页$`, 'u'),
  new RegExp(`^${DIGIT}{1,4}\\s*[/／]\\s*${DIGIT}{1,4}$`, 'u'),
  new RegExp(`^${DIGIT}{1,3}$`, 'u'),
  /^page\s*\d+(?:\s*of\s*\d+)?$/iu,
];
/** Page furniture inside a line (text extracted from a PDF runs it into the entries). */
const PAGE_INLINE = new RegExp(`[—–－─]{1,2}\\s*${DIGIT}{1,4}\\s*[—–－─]{1,2}|第\\s*${DIGIT}+\\s*页(?:\\s*[，,/／]?\\s*共\\s*${DIGIT}+\\s*页)?`, 'gu');
const URL = /(?:https?:\/\/|www\.)[^\s，。；、（）()<>“”"]+/giu;
const DISTRIBUTION = /^(?:抄送|抄报|分送|发送|主送|报送|送)\s*[:：]|印发\s*$|^[（(]?\s*共印\s*[0-9０-９]+\s*份\s*[)）]?$/u;
const DATE = '(?:[0-9０-９]{4}\\s*年\\s*[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日|[〇○零一二三四五六七八九]{4}\\s*年\\s*[一二三四五六七八九十]{1,3}\\s*月\\s*[一二三四五六七八九十]{1,3}\\s*日|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})';
const DATE_LINE = new RegExp(`^[（(]?\\s*${DATE}\\s*[)）]?$`, 'u');
/** An issuer and a date on one line ("某某县人民政府办公室　2021年5月10日印发"); a body's name with a date (a table row) is not one. */
const SIGNED_DATE_LINE = new RegExp(`^(?:中共)?[\\p{Script=Han}（）()]{0,36}(?:人民政府|政府办公室|政府办公厅|办公厅|办公室|机构编制委员会|编委|党委|[省市县区州旗]委)\\s*${DATE}\\s*(?:印发)?$`, 'u');
const DOCUMENT_NO_LINE = /^[\p{Script=Han}]{1,15}\s*[〔［[【(（]\s*[0-9０-９]{4}\s*[〕］\]】)）]\s*[0-9０-９]{1,5}\s*号$/u;
const NOTE_LINE = /^[（(]\s*(?:此件|此页|本件|本页)[^()（）]*[)）]$/u;
const SIGNATURE_LINE = /^(?:中共)?[\p{Script=Han}　 ]{0,24}(?:人民政府|政府办公室|政府办公厅|办公厅|办公室|机构编制委员会|编委|党委|[省市县区州旗]委|国务院|中共中央)(?:\s*[（(]印[)）])?$/u;

// ---------------------------------------------------------------- headings

/** Words that make a heading a section heading. */
const HEADING_KEYWORD = /(长期|常设|常态|保留|临时|阶段性|专项|撤销|不再|取消|调整为|改为|合并|并入|更名|新设|增设|机构|设置|议事协调)/u;
const HEADING_KIND = /(小组|委员会|联席会议|指挥部)/u;
const HEADING_MAX = 60;
/** A heading without numeral: a whole line, with a section word (the line must not be a body's name). */
const BARE_HEADING_WORD = /(长期|常设|保留|临时|阶段性|专项|撤销|不再保留|不再作为|取消|调整为|改为|合并|并入|更名|新设|增设)/u;
const KIND_END = /(小组|委员会|会议|指挥部|工作组|专班|办公室|中心)$/u;
/** Where one name of a paragraph of names ends: after a kind word or a closing bracket, at 、；，. */
const PIECE_SEPARATOR = /(?<=(?:小组|委员会|会议|指挥部|工作组|专班|办公室|[)）]))\s*[、；;，,]\s*/gu;
/** A bracket after a live body's name that says where its office is or who does its work: a note, not the name. */
const KEEP_NOTE_WORDS = /(办公室设在|设在|具体工作由|日常工作|承担|挂靠|牵头)/u;
/** A table row's columns (a list pasted from a spreadsheet): tabs, full-width spaces, or two or more spaces. */
const COLUMN_SEPARATOR = /\t+|　+|[ 　]{2,}/u;
/** A column that is only an outcome ("保留", "撤销", "调整为部门联席会议"). */
const ACTION_COLUMN = /^(?:予以)?(保留|撤销|不再保留|取消|(?:调整|改)为部门联席会议|(?:调整|改)为部门议事协调机构|不再作为.{0,30}|合并|更名)$/u;
/** How a body's name ends, for a line without number to be taken as an entry. */
// 办公室: State Council lists count some offices as bodies (国务院纠正行业不正之风办公室).
const ENTRY_END = /(小组|委员会|会议|指挥部|工作组|专班|办公室)$/u;

const COUNT_TAIL = new RegExp(`[（(]?\\s*(?:共|计|合计|总计|保留|撤销|新设|其中)?\\s*(${DIGIT}+|[一二三四五六七八九十两]{1,3})\\s*个\\s*(?:机构)?\\s*[)）]?\\s*[:：]?$`, 'u');

interface Heading {
  start: number;
  end: number;
  line: number;
  heading: string;
  title: string;
  announced: number | undefined;
  style: 'di' | 'dun' | 'paren' | 'bare';
  level: number;
  parent?: Heading;
  action: SectionAction;
  duration: Duration;
  series?: 'party' | 'government' | 'joint';
}

/** What the words of a heading say, if anything: action, duration, series. */
function wordsOf(title: string): { action?: SectionAction; duration?: Duration; series?: 'party' | 'government' | 'joint' } {
  let action: SectionAction | undefined;
  if (/(调整|改|转)为(?:部门)?联席会议/u.test(title)) action = 'joint-meeting';
  else if (/不再作为|不再列入|(?:调整|改|转)为部门(?:议事协调机构|工作机制)?/u.test(title)) action = 'delist';
  else if (/撤销|不再保留|取消/u.test(title)) action = 'abolish';
  else if (/合并|并入|撤并|整合/u.test(title)) action = 'merge';
  else if (/更名/u.test(title)) action = 'rename';
  else if (/保留|常设|长期|临时|阶段性|专项|新设|增设/u.test(title)) action = 'keep';
  const withoutRemoval = title.replace(/不再保留/gu, '');
  // 非常设机构 (older notices' word for bodies not set up for good) is temporary, not 常设
  const duration: Duration | undefined = /临时|阶段性|专项|短期|限期|非常设/u.test(withoutRemoval)
    ? 'temporary'
    : /常设|长期|保留|常态/u.test(withoutRemoval.replace(/非常设/gu, '')) ? 'standing' : undefined;
  const government = /政府|国务院/u.test(title);
  const party = /(?:^|[省市县区州旗党])委(?!员)|党委|中共/u.test(title);
  // "市委、市政府议事协调机构", "中共中央、国务院…": bodies the party committee and the government set up together
  const series = government && party ? 'joint' : government ? 'government' : party ? 'party' : undefined;
  return { action, duration, ...(series ? { series } : {}) };
}

// ---------------------------------------------------------------- entries

const ACTION_TAIL = /\s*(?:[（(]\s*(?:予以)?(保留|撤销|不再保留|取消|(?:调整|改)为部门联席会议|(?:调整|改)为部门议事协调机构|不再作为[^()（）]{0,30})\s*[)）]|[\s　]+(保留|撤销|不再保留|(?:调整|改)为部门联席会议|(?:调整|改)为部门议事协调机构))$/u;
const FATE_WITH_NOTE = /\s*[（(]\s*(?:予以)?(撤销|不再保留|取消|保留|(?:调整|改)为部门联席会议|(?:调整|改)为部门议事协调机构|不再作为议事协调机构)\s*[，,；;：:]\s*([^()（）]*)[)）]$/u;
const DURATION_TAIL = /\s*[（(]\s*(临时性?|阶段性|专项|常设|长期)(?:设置|机构)?\s*[)）]$/u;
const NOTE_WORDS = /(承担|并入|划入|划归|移交|职能|工作|任务|完成|到期|期满|消失|由.+负责|撤销|保留|合并|调整|不再|常态|常规)/u;
const MERGE_NEW = /^(?:将)?(.+?)(?:予以)?(?:合并|整合)[，,]?\s*(?:组建|设立|成立|为|设置|统称为|更名为|名称为)(?:新的)?(.+)$/u;
const MERGE_INTO = /^(?:将)?(.+?)(?:并入|纳入|归并到|归并入|整合到|整合进|整合至)(.+?)(?:[，,；;].*)?$/u;
const RENAME = /^(?:将)?(.+?)更名为(.+)$/u;
const NAME_SEPARATOR = /(?<=(?:小组|委员会|会议|指挥部|工作组|办公室|中心))\s*(?:与|和|及|、|，|,)\s*/u;

interface Marker {
  number: number;
  start: number;
  end: number;
  lineStart: boolean;
}

interface Leftover {
  at: number;
  text: string;
}

/** Line starts of a text, for line numbers in O(log n). */
class LineTable {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  /** 1-based line of a position. */
  lineOf(position: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Is position `index` preceded on its line only by blanks? (Looks back over blanks only: linear overall.) */
function atLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (ch !== ' ' && ch !== '\t' && ch !== '　') return false;
  }
  return true;
}

export function parseOfficialList(input: string): ParsedOfficialList {
  const leftovers: Leftover[] = [];
  const warnings: string[] = [];
  const furnitureAt: Array<{ at: number; text: string; kind: ListFurniture['kind'] }> = [];
  // A form feed (a page break from pdftotext) is removed, not made a line: line numbers stay those of the file.
  const normalised = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').replace(/\f/gu, '');
  const text = stripFurniture(normalised, furnitureAt);
  const lines = new LineTable(text);

  const headings = findHeadings(text, lines);
  interface Part { heading?: Heading; from: number; to: number; markers: Marker[] }
  const partsOf = (hs: Heading[]): Part[] =>
    hs.length === 0
      ? [{ from: 0, to: text.length, markers: [] }]
      : hs.map((h, i) => ({ heading: h, from: h.end, to: hs[i + 1]?.start ?? text.length, markers: [] }));

  // Headings before the first one with entries that are not its ancestors are the notice's own
  // paragraphs ("一、高度重视…"): they go to the preamble.
  let parts = partsOf(headings);
  let lastNumber = 0;
  const bodyOf = (p: Part) => text.slice(p.from, p.to);
  const hasEntries = new Set<Part>();
  for (const p of parts) {
    const body = bodyOf(p);
    p.markers = findMarkers(body, lastNumber, []);
    if (p.markers.length > 0) lastNumber = p.markers.at(-1)!.number;
    if (p.markers.some((m, i) => looksLikeEntry(body.slice(m.end, p.markers[i + 1]?.start ?? body.length))) || (p.markers.length === 0 && unnumberedEntries(body).length > 0)) hasEntries.add(p);
  }
  const itemful = (p: Part) => hasEntries.has(p);
  const first = parts.findIndex(itemful);
  if (first > 0) {
    const ancestors = new Set<Heading>();
    for (let h = parts[first].heading?.parent; h; h = h.parent) ancestors.add(h);
    const kept = headings.filter((h, i) => i >= first || ancestors.has(h));
    if (kept.length !== headings.length) parts = partsOf(kept);
  }

  let preamble: string | undefined;
  const sections: OfficialListSection[] = [];
  const sectionOf = new Map<OfficialListSection, Heading | undefined>();
  lastNumber = 0;
  for (const part of parts) {
    const { heading, from } = part;
    const body = bodyOf(part);
    const markers = findMarkers(body, lastNumber, warnings);
    const items: OfficialListItem[] = [];
    const action = heading?.action ?? 'keep';
    if (markers.length > 0) {
      const lead = body.slice(0, markers[0].start);
      if (!heading) preamble = lead.trim() || undefined;
      else reportLines(lead, from, leftovers);
      markers.forEach((m, i) => {
        const raw = body.slice(m.end, markers[i + 1]?.start ?? body.length);
        const item = readItem(m.number, raw, from + m.end, leftovers, action, lines.lineOf(from + m.start));
        if (item) items.push(item);
        else warnings.push(`第 ${m.number} 项没有内容`);
      });
      lastNumber = markers.at(-1)!.number;
    } else {
      // No numbers: one body's name per line; what precedes the first is the preamble (no heading) or reported.
      const entries = unnumberedEntries(body);
      if (!heading) preamble = body.slice(0, entries[0]?.start ?? body.length).trim() || undefined;
      else reportLines(body.slice(0, entries[0]?.start ?? body.length), from, leftovers);
      entries.forEach((e, i) => {
        const raw = body.slice(e.start, entries[i + 1]?.start ?? body.length);
        const item = readItem(lastNumber + 1, raw, from + e.start, leftovers, action, lines.lineOf(from + e.start));
        if (item) {
          items.push(item);
          lastNumber++;
        }
      });
    }
    const section: OfficialListSection = {
      title: heading?.title ?? '',
      heading: heading?.heading ?? '',
      duration: heading?.duration ?? 'standing',
      action,
      ...(heading?.series ? { series: heading.series } : {}),
      level: heading?.level ?? 0,
      line: heading?.line ?? 0,
      announced: heading?.announced,
      items,
    };
    sections.push(section);
    sectionOf.set(section, heading);
  }
  if (parts[0]?.heading) preamble = text.slice(0, parts[0].heading.start).trim() || undefined;

  // Counts: a heading's count covers its entries and those of the headings nested in it.
  const countMismatches: CountMismatch[] = [];
  const found = new Map<Heading, number>();
  for (const s of sections) {
    for (let h = sectionOf.get(s); h; h = h.parent) found.set(h, (found.get(h) ?? 0) + s.items.length);
  }
  for (const s of sections) {
    const h = sectionOf.get(s);
    if (h && h.announced !== undefined && h.announced !== (found.get(h) ?? 0)) {
      countMismatches.push({ section: h.title, line: h.line, announced: h.announced, found: found.get(h) ?? 0 });
    }
  }
  const all = sections.flatMap((s) => s.items);
  const live = all.filter((i) => i.action === 'keep');
  const durationOfItem = new Map<OfficialListItem, Duration>();
  for (const s of sections) for (const i of s.items) durationOfItem.set(i, i.duration ?? s.duration);
  const total = live.length;
  const removed = all.length - total;
  let announcedTotal: number | undefined;
  if (preamble) {
    const preambleAt = text.indexOf(preamble);
    const line = lines.lineOf(Math.max(0, preambleAt));
    announcedTotal = announcedTotalOf(preamble);
    // "共66个" counts the list; in a clean-up notice it may count the bodies before the clean-up.
    if (announcedTotal !== undefined && announcedTotal !== total && announcedTotal !== total + removed) {
      countMismatches.push({ section: '合计', line, announced: announcedTotal, found: total });
    }
    for (const [action, label, announced] of announcedByAction(preamble)) {
      const n = all.filter((i) => i.action === action).length;
      const anySection = sections.some((s) => s.action === action) || n > 0;
      if (anySection && n !== announced) countMismatches.push({ section: label, line, announced, found: n });
    }
  }

  const invalidNames = all.flatMap((item) => {
    const problems = [item.name, ...item.aliases].flatMap((n) => bodyNameProblems(n));
    return problems.length > 0 ? [{ line: item.line, number: item.number, name: item.name.slice(0, 80), problems: [...new Set(problems)] }] : [];
  });

  // A fragment left over that is furniture after all (a 抄送 line run on after the last entry's 。).
  for (const l of leftovers) {
    const kind = furnitureKind(l.text.trim());
    if (kind) furnitureAt.push({ at: l.at, text: l.text.trim(), kind });
  }
  const title = preamble ? titleOf(preamble) : undefined;
  return {
    ...(title ? { title } : {}),
    ...(preamble ? { preamble } : {}),
    ...(announcedTotal !== undefined ? { announcedTotal } : {}),
    sections,
    total,
    standing: live.filter((i) => durationOfItem.get(i) === 'standing').length,
    temporary: live.filter((i) => durationOfItem.get(i) === 'temporary').length,
    removed,
    unparsed: leftovers
      .filter((l) => l.text.trim().length > 0 && !furnitureKind(l.text.trim()))
      .sort((a, b) => a.at - b.at)
      .map((l): UnparsedFragment => ({ line: lines.lineOf(l.at), text: l.text.trim().slice(0, 200) })),
    furniture: furnitureAt.sort((a, b) => a.at - b.at).map((f) => ({ line: lines.lineOf(f.at), text: f.text.slice(0, 200), kind: f.kind })),
    invalidNames,
    countMismatches,
    warnings,
  };
}

/** Reports each non-empty line of a fragment, at its place. */
function reportLines(fragment: string, at: number, leftovers: Leftover[]) {
  let offset = 0;
  for (const line of fragment.split('\n')) {
    if (line.trim()) leftovers.push({ at: at + offset, text: line.trim() });
    offset += line.length + 1;
  }
}

/** What furniture a whole line (or a fragment left over) is, if it is furniture. */
function furnitureKind(line: string): ListFurniture['kind'] | undefined {
  if (!line) return undefined;
  if (PAGE_LINE.some((re) => re.test(line))) return 'page-number';
  if (DISTRIBUTION.test(line)) return 'distribution';
  if (DATE_LINE.test(line)) return 'date';
  if (DOCUMENT_NO_LINE.test(line)) return 'document-number';
  if (NOTE_LINE.test(line)) return 'note';
  if (/^序号(?:\t|\s{1,}|$)/u.test(line)) return 'table-header';
  if (SIGNED_DATE_LINE.test(line) && !/^[0-9０-９]/u.test(line)) return 'signature';
  URL.lastIndex = 0;
  if (URL.test(line)) {
    URL.lastIndex = 0;
    // a URL with at most a short label ("网址：") is a line of its own
    if (/^[\p{Script=Han}\s]{0,8}[:：]?\s*$/u.test(line.replace(URL, ''))) return 'url';
  }
  return undefined;
}

/** Cuts furniture out, line by line and inside lines, keeping every line break (line numbers stay). */
function stripFurniture(text: string, furniture: Array<{ at: number; text: string; kind: ListFurniture['kind'] }>): string {
  const lines = text.split('\n');
  const kinds: Array<ListFurniture['kind'] | undefined> = lines.map((raw) => furnitureKind(raw.trim()));
  // A signature is the issuer's name on the line before a date (or 印发) line.
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'date' && kinds[i] !== 'distribution') continue;
    let j = i - 1;
    while (j >= 0 && !lines[j].trim()) j--;
    if (j >= 0 && !kinds[j] && SIGNATURE_LINE.test(lines[j].trim()) && lines[j].trim().length <= 30) kinds[j] = 'signature';
  }
  let out = '';
  lines.forEach((line, i) => {
    if (i > 0) out += '\n';
    const kind = kinds[i];
    if (kind) {
      furniture.push({ at: out.length, text: line.trim(), kind });
      return;
    }
    let last = 0;
    const cuts: Array<{ m: RegExpExecArray; kind: ListFurniture['kind'] }> = [
      ...[...line.matchAll(PAGE_INLINE)].map((m) => ({ m, kind: 'page-number' as const })),
      ...[...line.matchAll(URL)].map((m) => ({ m, kind: 'url' as const })),
    ].sort((a, b) => a.m.index - b.m.index);
    for (const { m, kind: k } of cuts) {
      if (m.index < last) continue;
      out += line.slice(last, m.index);
      furniture.push({ at: out.length, text: m[0].trim(), kind: k });
      last = m.index + m[0].length;
    }
    out += line.slice(last);
  });
  return out;
}

const HEADING_MARK = /(?:第\s*([一二三四五六七八九十]{1,3})\s*(?:部分|类|批)\s*[、.．:：]?|[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*[、.．]?|([一二三四五六七八九十]{1,3})\s*[、.．])/gu;

/** Section headings in order, each with its level (by the order its style first appears), title, count and words. */
function findHeadings(text: string, lines: LineTable): Heading[] {
  const headings: Heading[] = [];
  const styleLevel = new Map<Heading['style'], number>();
  const nextIndex = new Map<Heading['style'], number>();
  const candidates: Array<{ start: number; afterMark: number; style: Heading['style']; numeral?: number }> = [];
  for (const m of text.matchAll(HEADING_MARK)) {
    const previous = text[m.index - 1];
    if (previous && /[一二三四五六七八九十第]/u.test(previous)) continue;
    const numeralText = m[1] ?? m[2] ?? m[3];
    const numeral = CJK_NUMERALS.indexOf(numeralText);
    if (numeral < 0) continue;
    candidates.push({ start: m.index, afterMark: m.index + m[0].length, style: m[1] ? 'di' : m[2] ? 'paren' : 'dun', numeral });
  }
  // Headings without numeral: whole lines with a section word that are not a body's name.
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    // "市委议事协调机构（12个）" names no section word but announces a count: a heading too
    const counted = /(?:议事协调机构|机构)\s*[（(]\s*(?:共|计)?\s*[0-9０-９一二三四五六七八九十两]+\s*个\s*[)）][:：]?$/u.test(trimmed);
    if (trimmed.length > 0 && trimmed.length <= 40 && (BARE_HEADING_WORD.test(trimmed) || counted) && !/[，。；;]/u.test(trimmed) && !/^[0-9０-９一二三四五六七八九十（(第]/u.test(trimmed)) {
      const core = trimmed.replace(/[:：]$/u, '').replace(/(?:[（(][^()（）]*[)）])+$/u, '').trim();
      if (!KIND_END.test(core) && !/名单$/u.test(core) && /(机构|[)）]|个|[:：]|保留|撤销|临时|常设|长期)$/u.test(trimmed)) {
        candidates.push({ start: lineStart + line.indexOf(trimmed), afterMark: lineStart + line.indexOf(trimmed), style: 'bare' });
      }
    }
    lineStart += line.length + 1;
  }
  candidates.sort((a, b) => a.start - b.start);

  let consumedTo = 0;
  for (const c of candidates) {
    if (c.start < consumedTo) continue;
    const window = text.slice(c.afterMark, c.afterMark + HEADING_MAX + 12);
    const lineEnd = window.indexOf('\n');
    const marker = new RegExp(`(?<![0-9０-９])${DIGIT}+\\s*[.．、](?![0-9０-９])`, 'u').exec(window);
    let limit = lineEnd >= 0 ? lineEnd : window.length;
    if (marker && marker.index < limit) limit = marker.index;
    // "一、国务院议事协调机构（29个）：国家国防动员委员会、…": the heading ends at its colon
    const colon = window.slice(0, limit).search(/[:：]/u);
    if (colon >= 0 && window.slice(colon + 1, limit).trim()) limit = colon + 1;
    let title = window.slice(0, limit);
    const count = COUNT_TAIL.exec(title);
    const announced = count ? countValue(count[1]) : undefined;
    if (count) title = title.slice(0, count.index);
    title = title.trim().replace(/[:：]$/u, '').trim();
    if (title.length === 0 || title.length > HEADING_MAX || /[，。；;]/u.test(title)) continue;
    const ownLine = atLineStart(text, c.start);
    if (c.style === 'bare' && !ownLine) continue;
    if (!HEADING_KEYWORD.test(title) && !(HEADING_KIND.test(title) && (announced !== undefined || ownLine))) continue;
    // A heading naming only a body ("二、市XX领导小组") is an entry, unless it has a line of its own with a count.
    if (title.length > 6 && KIND_END.test(title.replace(/(?:[（(][^()（）]*[)）])+$/u, '')) && !HEADING_KEYWORD.test(title) && announced === undefined) continue;
    // Numerals run in sequence (一 after a restart: an attachment numbers its sections anew).
    if (c.style !== 'bare' && c.numeral !== 0 && c.numeral !== (nextIndex.get(c.style) ?? 0)) continue;
    // Levels follow the order in which styles first appear (一、 then （一）); a heading without numeral
    // after numbered ones stands beside the top ones.
    if (!styleLevel.has(c.style)) styleLevel.set(c.style, c.style === 'bare' && styleLevel.size > 0 ? 1 : styleLevel.size + 1);
    const level = styleLevel.get(c.style)!;
    // A heading of a higher level restarts the numbering of the levels below it.
    for (const [style, l] of styleLevel) if (l > level) nextIndex.set(style, 0);
    if (c.style !== 'bare') nextIndex.set(c.style, c.numeral! + 1);
    let parent: Heading | undefined;
    for (let i = headings.length - 1; i >= 0; i--) {
      if (headings[i].level < level) {
        parent = headings[i];
        break;
      }
    }
    const words = wordsOf(title);
    const end = c.afterMark + limit;
    headings.push({
      start: c.start,
      end,
      line: lines.lineOf(c.start),
      heading: text.slice(c.start, end).trim(),
      title,
      announced,
      style: c.style,
      level,
      ...(parent ? { parent } : {}),
      action: words.action ?? parent?.action ?? 'keep',
      duration: words.duration ?? parent?.duration ?? 'standing',
      ...((words.series ?? parent?.series) ? { series: words.series ?? parent?.series } : {}),
    });
    consumedTo = end;
  }
  return headings;
}

const MARKER = /(?<![0-9０-９.．])([0-9０-９]{1,7})\s*[.．、](?![0-9０-９])|^[ \t　]*[（(]([0-9０-９]{1,7})[)）]|^[ \t　]*([0-9０-９]{1,7})(?:\t+|[ 　]+)(?=[^\s0-9０-９年月日个])/gmu;

/** Every number mark of a text, indexed by number (each list in text order). */
function indexMarkers(text: string): Map<number, Marker[]> {
  const byNumber = new Map<number, Marker[]>();
  for (const m of text.matchAll(MARKER)) {
    const number = Number(toHalfDigits(m[1] ?? m[2] ?? m[3]));
    const start = m[1] === undefined ? m.index + m[0].search(/[（(0-9０-９]/u) : m.index;
    const marker = { number, start, end: m.index + m[0].length, lineStart: atLineStart(text, start) };
    const list = byNumber.get(number);
    if (list) list.push(marker);
    else byNumber.set(number, [marker]);
  }
  return byNumber;
}

/** The first mark of `n` at or after `from` that starts a line, else the first. */
function pick(index: Map<number, Marker[]>, n: number, from: number): Marker | undefined {
  const list = index.get(n);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= list.length) return undefined;
  for (let i = lo; i < list.length; i++) if (list[i].lineStart) return list[i];
  return list[lo];
}

/**
 * The entry numbers of a section, in sequence. The first is the number after the last one of
 * the previous section, or 1 (numbering restarted); each next one is searched for after the
 * current, so a number written inside a name is never taken. A missing number (n+1 absent but
 * n+2 present) is bridged and reported.
 */
function findMarkers(body: string, lastNumber: number, warnings: string[]): Marker[] {
  const index = indexMarkers(body);
  const markers: Marker[] = [];
  const starts = [lastNumber + 1, ...(lastNumber > 0 ? [1] : [])]
    .map((n) => pick(index, n, 0))
    .filter((m): m is Marker => !!m)
    .sort((a, b) => a.start - b.start);
  let current: Marker | undefined = starts[0];
  while (current) {
    markers.push(current);
    let next = pick(index, current.number + 1, current.end);
    if (!next) {
      for (let skip = 2; skip <= 4 && !next; skip++) {
        const bridged = pick(index, current.number + skip, current.end);
        if (bridged && (bridged.lineStart || /(小组|委员会|会议|指挥部|[)）])\s*$/u.test(body.slice(Math.max(0, bridged.start - 12), bridged.start)))) {
          warnings.push(`序号 ${current.number + 1}${skip > 2 ? `–${current.number + skip - 1}` : ''} 缺失，${current.number} 之后为 ${bridged.number}`);
          next = bridged;
        }
      }
    }
    current = next;
  }
  return markers;
}

/** Does the text after a number read as a body's entry rather than a sentence of the notice? */
function looksLikeEntry(raw: string): boolean {
  const first = raw.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
  const head = first.slice(0, 120);
  const comma = head.search(/[，。]/u);
  return comma < 0 || comma > 60 || /(小组|委员会|会议|指挥部)/u.test(head.slice(0, comma));
}

/** Lines that are a body's name on their own (a list without numbers). */
function unnumberedEntries(body: string): Array<{ start: number }> {
  const entries: Array<{ start: number }> = [];
  const isEntry = (piece: string) => {
    const core = piece.trim().split(COLUMN_SEPARATOR)[0].replace(/[。；;，,、]+$/u, '').replace(ACTION_TAIL, '').replace(/(?:[（(][^()（）]*[)）])+$/u, '').trim();
    return core.length > 0 && core.length <= 100 && !/[，。]/u.test(core) && (ENTRY_END.test(core) || MERGE_NEW.test(core) || RENAME.test(core) || MERGE_INTO.test(core));
  };
  let offset = 0;
  for (const line of body.split('\n')) {
    const trimmed = line.trim();
    const lineStart = offset + line.indexOf(trimmed);
    // Names run on in one paragraph ("国家国防动员委员会、国务院学位委员会、…"): split where a name ends,
    // only when every piece is a name (a sentence that mentions 领导小组 stays whole).
    const pieces: Array<{ at: number; text: string }> = [];
    let last = 0;
    for (const m of trimmed.matchAll(PIECE_SEPARATOR)) {
      pieces.push({ at: last, text: trimmed.slice(last, m.index) });
      last = m.index + m[0].length;
    }
    if (last < trimmed.length) pieces.push({ at: last, text: trimmed.slice(last) });
    if (pieces.length > 1 && pieces.every((p) => isEntry(p.text))) {
      for (const p of pieces) entries.push({ start: lineStart + p.at });
    } else if (trimmed && isEntry(trimmed)) {
      entries.push({ start: lineStart });
    }
    offset += line.length + 1;
  }
  return entries;
}

const BRACKET_PAIRS: Array<[string, string]> = [['(', ')'], ['（', '）'], ['《', '》'], ['“', '”'], ['〔', '〕'], ['[', ']'], ['【', '】']];
const OPENERS = new Set(BRACKET_PAIRS.map(([o]) => o));
const CLOSERS = new Set(BRACKET_PAIRS.map(([, c]) => c));

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth--;
  }
  return depth <= 0;
}

/** An entry still unfinished: a bracket or quote open, or no kind word or closing bracket at its end. */
function unfinished(text: string): boolean {
  if (!balanced(text)) return true;
  if (/[)）]$/u.test(text)) return false;
  return !KIND_END.test(text);
}

/** Index of the first 。 outside brackets and quotes, or -1. */
function sentenceEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPENERS.has(ch)) depth++;
    else if (CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '。' && depth === 0) return i;
  }
  return -1;
}

function readItem(number: number, raw: string, at: number, leftovers: Leftover[], sectionAction: SectionAction, line: number): OfficialListItem | undefined {
  const rawLines = raw.split('\n');
  let entry = '';
  let offset = 0;
  for (const rawLine of rawLines) {
    const l = rawLine.trim();
    if (l) {
      if (!entry) entry = l;
      else if (unfinished(entry)) entry += l;
      else leftovers.push({ at: at + offset, text: l });
    }
    offset += rawLine.length + 1;
  }
  if (!entry) return undefined;
  // A change states its merger or rename in a sentence; a 。 inside it does not end the entry.
  const stop = sentenceEnd(entry);
  if (stop >= 0) {
    const after = entry.slice(stop + 1).trim();
    if (after) leftovers.push({ at: at + Math.max(0, raw.indexOf(after)), text: after });
    entry = entry.slice(0, stop);
  }
  entry = entry.replace(/[。；;，,、\s]+$/u, '').trim();
  if (!entry) return undefined;

  let action = sectionAction;
  let columnNote: string | undefined;
  const columns = entry.split(COLUMN_SEPARATOR).map((c) => c.trim()).filter(Boolean);
  if (columns.length > 1 && KIND_END.test(splitEntry(columns[0]).name.replace(/[（(][^()（）]*[)）]$/u, ''))) {
    // a table row: the name first, then 牵头单位/办公室/备注 columns; a column that is an outcome decides it
    entry = columns[0];
    const rest: string[] = [];
    for (const column of columns.slice(1)) {
      const outcome = ACTION_COLUMN.exec(column);
      const words = outcome ? wordsOf(outcome[1]) : undefined;
      if (words?.action) action = words.action;
      else rest.push(column);
    }
    if (rest.length > 0) columnNote = rest.join('；');
  }
  let duration: 'standing' | 'temporary' | undefined;
  let fateNote: string | undefined;
  const tail = ACTION_TAIL.exec(entry);
  if (tail) {
    const words = wordsOf(tail[1] ?? tail[2]);
    if (words.action) action = words.action;
    entry = entry.slice(0, tail.index).trim();
  } else {
    // "(撤销，职能并入市城市管理局)": the fate first, then why or where the work goes
    const fate = FATE_WITH_NOTE.exec(entry);
    const words = fate ? wordsOf(fate[1]) : undefined;
    if (fate && words?.action) {
      action = words.action;
      fateNote = fate[2].trim() || undefined;
      entry = entry.slice(0, fate.index).trim();
    }
  }
  // "(临时)", "(阶段性)", "(常设)" after a name: the entry's own duration, whatever its section's
  const own = DURATION_TAIL.exec(entry);
  if (own) {
    duration = /临时|阶段|专项/u.test(own[1]) ? 'temporary' : 'standing';
    entry = entry.slice(0, own.index).trim();
  }
  const change = changeOf(entry, action);
  if (change) {
    action = change.kind;
    return { number, line, action, change, name: change.from[0] ?? entry, aliases: [], aliasStyles: [], rawText: entry };
  }
  let note: string | undefined = [fateNote, columnNote].filter(Boolean).join('；') || undefined;
  const split = splitEntry(entry);
  let name = split.name;
  // A remark ("(职能划入市发展改革委)", "(办公室设在县应急局)") is no part of the name.
  const remark = /[（(]([^()（）]*)[)）]$/u.exec(name);
  if (remark && remark.index > 0 && (action === 'keep' ? KEEP_NOTE_WORDS : NOTE_WORDS).test(remark[1])) {
    note = [remark[1].trim(), ...(note ? [note] : [])].join('；');
    name = name.slice(0, remark.index).trim();
  }
  return { number, line, action, name, aliases: split.aliases, aliasStyles: split.aliasStyles, rawText: entry, ...(note ? { note } : {}), ...(duration ? { duration } : {}) };
}

function splitNames(text: string): string[] {
  return text.split(NAME_SEPARATOR).map((s) => s.replace(/^(?:将|把)/u, '').replace(/[。；;]$/u, '').trim()).filter(Boolean);
}

/** The merger or rename an entry states, if it states one. */
function changeOf(entry: string, action: SectionAction): ItemChange | undefined {
  const change = statedChange(entry, action);
  // Both ends must read as bodies' names: a name that merely contains 合并 or 更名为 is no change.
  if (!change || !change.from.every((n) => KIND_END.test(splitEntry(n).name)) || (change.to && !KIND_END.test(splitEntry(change.to).name))) return undefined;
  return change;
}

function statedChange(entry: string, action: SectionAction): ItemChange | undefined {
  const mergeNew = MERGE_NEW.exec(entry);
  if (mergeNew) {
    const from = splitNames(mergeNew[1]);
    const to = mergeNew[2].replace(/^(?:新的)/u, '').trim();
    if (from.length > 0 && to) return { kind: 'merge', from, to, into: 'new' };
  }
  const into = MERGE_INTO.exec(entry);
  if (into) {
    const from = splitNames(into[1]);
    const to = into[2].trim();
    if (from.length > 0 && to && KIND_END.test(to)) return { kind: 'merge', from, to, into: 'existing' };
  }
  const rename = RENAME.exec(entry);
  if (rename) return { kind: 'rename', from: [rename[1].trim()], to: rename[2].trim() };
  if (action === 'merge') {
    // "A与B合并" without a target: the sources are known, the clerk names the target.
    const sources = /^(?:将)?(.+?)(?:予以)?合并$/u.exec(entry);
    if (sources) return { kind: 'merge', from: splitNames(sources[1]), to: '', into: 'new' };
  }
  return undefined;
}

function announcedTotalOf(preamble: string): number | undefined {
  const m = new RegExp(`共\\s*(${DIGIT}+)\\s*个`, 'u').exec(preamble);
  return m ? Number(toHalfDigits(m[1])) : undefined;
}

/** Counts a clean-up notice announces per outcome: "予以保留的52个，撤销的36个，…调整为部门联席会议的4个". */
function announcedByAction(preamble: string): Array<[SectionAction, string, number]> {
  const out: Array<[SectionAction, string, number]> = [];
  const patterns: Array<[SectionAction, string, RegExp]> = [
    ['joint-meeting', '调整为部门联席会议', new RegExp(`调整为部门联席会议的\\s*(${DIGIT}+)\\s*个`, 'u')],
    ['delist', '不再作为议事协调机构', new RegExp(`不再作为[^，。；]{0,30}?的\\s*(${DIGIT}+)\\s*个`, 'u')],
    ['abolish', '撤销', new RegExp(`(?<!决定)撤销的\\s*(${DIGIT}+)\\s*个`, 'u')],
    ['keep', '保留', new RegExp(`(?<!不再)保留的\\s*(${DIGIT}+)\\s*个`, 'u')],
  ];
  for (const [action, label, re] of patterns) {
    const m = re.exec(preamble);
    if (m) out.push([action, label, Number(toHalfDigits(m[1]))]);
  }
  return out;
}

/** The list's title: the last "…名单" of the preamble, after any 附件 label. */
function titleOf(preamble: string): string | undefined {
  const lastLine = preamble.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
  const afterAttachment = lastLine.split(/附件\s*[0-9０-９]*\s*[:：]?/u).at(-1)!.trim();
  const tail = afterAttachment.split(/[。:：]/u).at(-1)!.trim();
  return /(名单|清单|目录)$/u.test(tail) && tail.length <= 40 ? tail : undefined;
}
