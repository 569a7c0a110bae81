/**
 * One entry of a published list: a body's name and its alternative names, read and written.
 *
 * The bracket rule (how a bracket after a name is read):
 * - Only brackets at the very end of an entry can hold alternative names; a bracket in the
 *   middle of an entry is part of the name.
 * - A trailing bracket holds alternative names when it says so — "(对外可分别使用A、B名称开展工作)",
 *   "(对外可使用A名称开展工作)", "(加挂A牌子)" — or when its content is itself the name of a body,
 *   i.e. it ends with a kind word (领导小组, 委员会, 联席会议, 指挥部, 协调小组, …小组, …会议):
 *   潍坊名单 36 "市爱国卫生运动委员会(健康中国行动潍坊推进委员会)", 47 "市人民防空军政联席会议(市人民防空指挥部)".
 * - Any other trailing bracket — (试行), (暂行), (筹), (市政府办公室), a place — is part of the name.
 * - Several trailing brackets are read from the end while each is an alias bracket.
 *
 * The writing rule (from names and aliases alone, so that a registry that keeps aliases as plain
 * strings reproduces the notice): no alias → the name; one alias that reads as a body's name →
 * "name(alias)"; one alias that does not → "name(对外可使用alias名称开展工作)"; two or more →
 * "name(对外可分别使用A、B名称开展工作)". On 潍坊名单 this gives items 36 and 47 their brackets
 * and item 17 its 对外可分别使用 sentence. When the styles are known (a parsed item) they win.
 */
import { kindFromName } from '#domain';
import type { AliasStyle } from './official-list.types.js';

const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

/** Does this text read as the name of a body (it ends with a kind word)? */
export function readsAsBodyName(text: string): boolean {
  return text.trim().length > 0 && kindFromName(text.trim()) !== '其他';
}

const EXTERNAL_USE = /^对外(?:可)?(?:分别)?(?:使用|称)(.+?)(?:的)?(?:名称|牌子)(?:开展工作)?$/u;
const PLATE = /^(?:加挂|挂)(.+?)(?:的)?牌子$/u;
const LIST_SEPARATOR = /[、，,；;]/u;

function classifyBracket(inner: string): { aliases: string[]; style: AliasStyle } | undefined {
  const text = inner.trim();
  const external = EXTERNAL_USE.exec(text);
  if (external) return { aliases: splitNames(external[1]), style: 'external-use' };
  const plate = PLATE.exec(text);
  if (plate) return { aliases: splitNames(plate[1]), style: 'plate' };
  if (readsAsBodyName(text)) return { aliases: [text], style: 'bracket' };
  return undefined;
}

function splitNames(text: string): string[] {
  return text.split(LIST_SEPARATOR).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Index of the bracket opening the one that closes at `close`, or -1. Both widths count. */
function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (CLOSE.has(text[i])) depth++;
    else if (OPEN.has(text[i])) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits a published entry into the name and its alternative names, by the bracket rule above. */
export function splitEntry(entry: string): { name: string; aliases: string[]; aliasStyles: AliasStyle[] } {
  let rest = entry.trim();
  const groups: Array<{ aliases: string[]; style: AliasStyle }> = [];
  while (rest.length > 0 && CLOSE.has(rest[rest.length - 1])) {
    const open = matchingOpen(rest, rest.length - 1);
    if (open <= 0) break;
    const before = rest.slice(0, open).trimEnd();
    const group = classifyBracket(rest.slice(open + 1, -1));
    if (!group || before.length === 0) break;
    groups.unshift(group);
    rest = before;
  }
  return {
    name: rest,
    aliases: groups.flatMap((g) => g.aliases),
    aliasStyles: groups.flatMap((g) => g.aliases.map(() => g.style)),
  };
}

export interface WriteEntryOptions {
  /** Full-width brackets （） instead of the half-width ones of the 潍坊 text. */
  fullWidth?: boolean;
}

/** The styles the writing rule gives aliases when nothing else is known. */
export function defaultAliasStyles(aliases: readonly string[]): AliasStyle[] {
  if (aliases.length === 1) return [readsAsBodyName(aliases[0]) ? 'bracket' : 'external-use'];
  return aliases.map(() => 'external-use');
}

/** Writes an entry back: the name and its aliases as the notice writes them (see the writing rule above). */
export function writeEntry(
  name: string,
  aliases: readonly string[],
  styles?: readonly AliasStyle[],
  options: WriteEntryOptions = {},
): string {
  const [open, close] = options.fullWidth ? ['（', '）'] : ['(', ')'];
  const effective = styles && styles.length === aliases.length ? styles : defaultAliasStyles(aliases);
  let out = name;
  let i = 0;
  while (i < aliases.length) {
    const style = effective[i];
    let j = i;
    while (j < aliases.length && effective[j] === style && style !== 'bracket') j++;
    if (style === 'bracket') {
      out += `${open}${aliases[i]}${close}`;
      i++;
      continue;
    }
    const group = aliases.slice(i, j);
    if (style === 'plate') out += `${open}加挂${group.join('、')}牌子${close}`;
    else out += `${open}对外可${group.length > 1 ? '分别' : ''}使用${group.join('、')}名称开展工作${close}`;
    i = j;
  }
  return out;
}
