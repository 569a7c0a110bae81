/**
 * Reads a published list of 议事协调机构 in the official notice format (潍坊名单, 潍政办字〔2020〕37号):
 *
 *   市政府议事协调机构名单
 *   一、长期设置的市政府议事协调机构(55个)
 *   1.市推进政府职能转变和“放管服”改革协调小组
 *   …
 *   二、临时性设置的市政府议事协调机构(11个)
 *   56.市5G产业发展领导小组
 *   …
 *
 * What it copes with:
 * - headings 一、/一./（一） with any wording; "临时" in a heading makes its section temporary,
 *   anything else standing; the count "(55个)", "（共55个）" or "55个", in either width;
 * - numbered entries on separate lines or run together on one line as the 潍坊 text has them
 *   ("1.市推进…协调小组2.市政务公开领导小组3.…"). Numbers are read in sequence (n, then n+1), so a
 *   digit inside a name (市12345政务服务热线…, 市5G产业…) is never taken for a number; numbering
 *   may run on across sections or restart at 1 in each;
 * - an entry broken over lines (a line that does not start with the next number is joined to
 *   the entry while the entry is unfinished: a bracket or quote left open, or no kind word yet);
 * - the closing 。 of the last entry, and text after it (reported);
 * - page furniture — "— 3 —", "- 3 -", "第 2 页", "第2页 共5页", "3/5", a bare page number — cut
 *   out wherever it stands and reported in `unparsed`, as are running headers and other stray
 *   lines found between entries;
 * - brackets, by the rule in entry.ts (alias vs part of the name).
 *
 * The text before the first heading is the notice itself: it is kept as `preamble`, its last
 * "…名单" as `title`, and a total it announces ("共66个") is checked against the entries found.
 */
import type { Duration } from '#domain';
import { splitEntry } from './entry.js';
import type { CountMismatch, OfficialListItem, OfficialListSection, ParsedOfficialList } from './official-list.types.js';

const FULL_DIGITS = '０１２３４５６７８９';
const toHalfDigits = (s: string) => s.replace(/[０-９]/gu, (d) => String(FULL_DIGITS.indexOf(d)));
const DIGIT = '[0-9０-９]';

/** A whole line that is only page furniture. */
const FURNITURE_LINE = [
  new RegExp(`^[-—–－─]{1,3}\\s*${DIGIT}{1,4}\\s*[-—–－─]{1,3}$`, 'u'),
  new RegExp(`^第\\s*${DIGIT}+\\s*页(?:\\s*[，,/／]?\\s*共\\s*${DIGIT}+\\s*页)?$`, 'u'),
  new RegExp(`^共\\s*${DIGIT}+\\s*页\\s*[，,]?\\s*第\\s*${DIGIT}+\\s*页$`, 'u'),
  new RegExp(`^${DIGIT}{1,4}\\s*[/／]\\s*${DIGIT}{1,4}$`, 'u'),
  new RegExp(`^${DIGIT}{1,3}$`, 'u'),
  /^page\s*\d+(?:\s*of\s*\d+)?$/iu,
];
/** Page furniture inside a line (text extracted from a PDF runs it into the entries). */
const FURNITURE_INLINE = new RegExp(
  `[—–－─]{1,2}\\s*${DIGIT}{1,4}\\s*[—–－─]{1,2}|第\\s*${DIGIT}+\\s*页(?:\\s*[，,/／]?\\s*共\\s*${DIGIT}+\\s*页)?`,
  'gu',
);

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** Words that make a numbered line a section heading; a heading naming only a kind ("二、委员会") needs a count or a line of its own. */
const HEADING_KEYWORD = /(长期|常设|临时|机构|设置|议事协调)/u;
const HEADING_KIND = /(小组|委员会|联席会议|指挥部)/u;
const HEADING_MAX = 60;

interface Heading {
  start: number;
  end: number;
  heading: string;
  title: string;
  announced: number | undefined;
}

interface Marker {
  number: number;
  start: number;
  end: number;
}

/** A fragment left over, at its place in the text (after furniture is cut), so that they are reported in reading order. */
interface Leftover {
  at: number;
  text: string;
}

export function parseOfficialList(input: string): ParsedOfficialList {
  const leftovers: Leftover[] = [];
  const warnings: string[] = [];
  const text = stripFurniture(input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n'), leftovers);

  const headings = findHeadings(text);
  const sections: OfficialListSection[] = [];
  let preamble: string | undefined;
  let lastNumber = 0;

  const bodies: Array<{ heading?: Heading; from: number; to: number }> = [];
  if (headings.length === 0) {
    bodies.push({ from: 0, to: text.length });
  } else {
    const before = text.slice(0, headings[0].start).trim();
    if (before) preamble = before;
    headings.forEach((h, i) => bodies.push({ heading: h, from: h.end, to: headings[i + 1]?.start ?? text.length }));
  }

  for (const { heading, from, to } of bodies) {
    const body = text.slice(from, to);
    const markers = findMarkers(body, lastNumber, warnings);
    if (!heading) {
      // No heading at all: a bare numbered list, one standing section; what precedes item 1 is the preamble.
      const lead = body.slice(0, markers[0]?.start ?? body.length).trim();
      if (lead) preamble = lead;
    } else {
      const lead = body.slice(0, markers[0]?.start ?? body.length).trim();
      if (lead) leftovers.push({ at: from, text: lead });
    }
    const items: OfficialListItem[] = [];
    markers.forEach((m, i) => {
      const raw = body.slice(m.end, markers[i + 1]?.start ?? body.length);
      const item = readItem(m.number, raw, from + m.end, leftovers);
      if (item) items.push(item);
      else warnings.push(`第 ${m.number} 项没有内容`);
    });
    if (markers.length > 0) lastNumber = markers[markers.length - 1].number;
    const title = heading?.title ?? '';
    sections.push({
      title,
      heading: heading?.heading ?? '',
      duration: durationOf(title),
      announced: heading?.announced,
      items,
    });
  }

  const countMismatches: CountMismatch[] = sections
    .filter((s) => s.announced !== undefined && s.announced !== s.items.length)
    .map((s) => ({ section: s.title, announced: s.announced!, found: s.items.length }));
  const total = sections.reduce((n, s) => n + s.items.length, 0);
  const announcedTotal = preamble ? announcedTotalOf(preamble) : undefined;
  if (announcedTotal !== undefined && announcedTotal !== total) {
    countMismatches.push({ section: '合计', announced: announcedTotal, found: total });
  }
  const title = preamble ? titleOf(preamble) : undefined;
  return {
    ...(title ? { title } : {}),
    ...(preamble ? { preamble } : {}),
    ...(announcedTotal !== undefined ? { announcedTotal } : {}),
    sections,
    total,
    standing: sections.filter((s) => s.duration === 'standing').reduce((n, s) => n + s.items.length, 0),
    temporary: sections.filter((s) => s.duration === 'temporary').reduce((n, s) => n + s.items.length, 0),
    unparsed: leftovers.sort((a, b) => a.at - b.at).map((l) => l.text),
    countMismatches,
    warnings,
  };
}

function durationOf(title: string): Duration {
  return /临时/u.test(title) ? 'temporary' : 'standing';
}

/** Cuts page furniture out, line by line and inside lines, reporting each piece. */
function stripFurniture(text: string, leftovers: Leftover[]): string {
  let out = '';
  text.split('\n').forEach((line, i) => {
    if (i > 0) out += '\n';
    const trimmed = line.trim();
    if (trimmed && FURNITURE_LINE.some((re) => re.test(trimmed))) {
      leftovers.push({ at: out.length, text: trimmed });
      return;
    }
    let last = 0;
    for (const m of line.matchAll(FURNITURE_INLINE)) {
      out += line.slice(last, m.index);
      leftovers.push({ at: out.length, text: m[0].trim() });
      last = m.index + m[0].length;
    }
    out += line.slice(last);
  });
  return out;
}

/** Section headings 一、二、… in sequence, each with its title and announced count. */
function findHeadings(text: string): Heading[] {
  const headings: Heading[] = [];
  let from = 0;
  for (const numeral of NUMERALS) {
    const heading = findHeading(text, numeral, from);
    if (!heading) break;
    headings.push(heading);
    from = heading.end;
  }
  return headings;
}

function findHeading(text: string, numeral: string, from: number): Heading | undefined {
  const re = new RegExp(`(?:[（(]\\s*${numeral}\\s*[)）]|${numeral}\\s*[、.．])`, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const previous = text[m.index - 1];
    if (previous && /[一二三四五六七八九十第]/u.test(previous)) continue;
    const afterNumeral = m.index + m[0].length;
    const window = text.slice(afterNumeral, afterNumeral + HEADING_MAX + 12);
    // The heading ends at the end of its line or where the first entry starts; its count, if
    // any, is what it ends with.
    const lineEnd = window.indexOf('\n');
    const marker = new RegExp(`(?<![0-9０-９])${DIGIT}+\\s*[.．、](?![0-9０-９])`, 'u').exec(window);
    let limit = lineEnd >= 0 ? lineEnd : window.length;
    if (marker && marker.index < limit) limit = marker.index;
    let title = window.slice(0, limit);
    const count = new RegExp(`[（(]?\\s*共?\\s*(${DIGIT}+)\\s*个\\s*[)）]?\\s*[:：]?\\s*$`, 'u').exec(title);
    const announced = count ? Number(toHalfDigits(count[1])) : undefined;
    if (count) title = title.slice(0, count.index);
    const end = afterNumeral + limit;
    title = title.trim().replace(/[:：]$/u, '').trim();
    if (title.length === 0 || title.length > HEADING_MAX) continue;
    const ownLine = atLineStart(text, m.index);
    if (!HEADING_KEYWORD.test(title) && !(HEADING_KIND.test(title) && (announced !== undefined || ownLine))) continue;
    return { start: m.index, end, heading: text.slice(m.index, end).trim(), title, announced };
  }
  return undefined;
}

function markerPattern(n: number): RegExp {
  const digits = [...String(n)].map((d) => `[${d}${FULL_DIGITS[Number(d)]}]`).join('');
  return new RegExp(`(?<![0-9０-９.．])${digits}\\s*[.．、](?![0-9０-９])`, 'gu');
}

function candidates(text: string, n: number, from: number): Marker[] {
  const re = markerPattern(n);
  re.lastIndex = from;
  const found: Marker[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push({ number: n, start: m.index, end: m.index + m[0].length });
  return found;
}

const atLineStart = (text: string, index: number) => /^\s*$/u.test(text.slice(text.lastIndexOf('\n', index - 1) + 1, index));

/** The first candidate at the start of a line if there is one, else the first. */
function pick(text: string, found: Marker[]): Marker | undefined {
  return found.find((m) => atLineStart(text, m.start)) ?? found[0];
}

/**
 * The entry numbers of a section, in sequence. The first is the number after the last one of
 * the previous section, or 1 (numbering restarted); each next one is searched for after the
 * current, so a number written inside a name is never taken. A missing number (n+1 absent but
 * n+2 present) is bridged and reported.
 */
function findMarkers(body: string, lastNumber: number, warnings: string[]): Marker[] {
  const markers: Marker[] = [];
  const starts = [lastNumber + 1, ...(lastNumber > 0 ? [1] : [])]
    .map((n) => pick(body, candidates(body, n, 0)))
    .filter((m): m is Marker => !!m)
    .sort((a, b) => a.start - b.start);
  let current: Marker | undefined = starts[0];
  while (current) {
    markers.push(current);
    let next = pick(body, candidates(body, current.number + 1, current.end));
    if (!next) {
      for (let skip = 2; skip <= 4 && !next; skip++) {
        const bridged = pick(body, candidates(body, current.number + skip, current.end));
        if (bridged && (atLineStart(body, bridged.start) || /(小组|委员会|会议|指挥部|[)）])\s*$/u.test(body.slice(0, bridged.start)))) {
          warnings.push(`序号 ${current.number + 1}${skip > 2 ? `–${current.number + skip - 1}` : ''} 缺失，${current.number} 之后为 ${bridged.number}`);
          next = bridged;
        }
      }
    }
    current = next;
  }
  return markers;
}

const BRACKET_PAIRS: Array<[string, string]> = [['(', ')'], ['（', '）'], ['《', '》'], ['“', '”'], ['〔', '〕'], ['[', ']'], ['【', '】']];

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (BRACKET_PAIRS.some(([o]) => o === ch)) depth++;
    else if (BRACKET_PAIRS.some(([, c]) => c === ch)) depth--;
  }
  return depth <= 0;
}

/** An entry still unfinished: a bracket or quote open, or no kind word or closing bracket at its end. */
function unfinished(text: string): boolean {
  if (!balanced(text)) return true;
  if (/[)）]$/u.test(text)) return false;
  return !/(小组|委员会|会议|指挥部|工作组|办公室|中心)$/u.test(text);
}

/** Index of the first 。 outside brackets and quotes, or -1. */
function sentenceEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (BRACKET_PAIRS.some(([o]) => o === ch)) depth++;
    else if (BRACKET_PAIRS.some(([, c]) => c === ch)) depth = Math.max(0, depth - 1);
    else if (ch === '。' && depth === 0) return i;
  }
  return -1;
}

function readItem(number: number, raw: string, at: number, leftovers: Leftover[]): OfficialListItem | undefined {
  const lines = raw.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  if (lines.length === 0) return undefined;
  let entry = lines[0];
  for (const line of lines.slice(1)) {
    if (unfinished(entry)) entry += line;
    else leftovers.push({ at: at + raw.indexOf(line), text: line });
  }
  const stop = sentenceEnd(entry);
  if (stop >= 0) {
    const after = entry.slice(stop + 1).trim();
    if (after) leftovers.push({ at: at + Math.max(0, raw.indexOf(after)), text: after });
    entry = entry.slice(0, stop);
  }
  entry = entry.replace(/[。；;，,、\s]+$/u, '').trim();
  if (!entry) return undefined;
  return { number, ...splitEntry(entry), rawText: entry };
}

function announcedTotalOf(preamble: string): number | undefined {
  const m = new RegExp(`共\\s*(${DIGIT}+)\\s*个`, 'u').exec(preamble);
  return m ? Number(toHalfDigits(m[1])) : undefined;
}

/** The list's title: the last "…名单" of the preamble, after any 附件 label. */
function titleOf(preamble: string): string | undefined {
  const lastLine = preamble.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
  const afterAttachment = lastLine.split(/附件\s*[0-9０-９]*\s*[:：]?/u).at(-1)!.trim();
  const tail = afterAttachment.split(/[。:：]/u).at(-1)!.trim();
  return /名单$/u.test(tail) && tail.length <= 40 ? tail : undefined;
}
