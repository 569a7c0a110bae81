/**
 * Name and duty similarity for Chinese text, offline: character bigrams compared with the
 * Dice coefficient, after dropping the parts every body shares (the jurisdiction prefix and
 * the kind suffix), which would otherwise make all names look alike.
 */
const GENERIC_SUFFIXES = ['工作领导小组', '领导小组', '委员会', '联席会议', '指挥部', '协调小组', '工作组', '小组'];
/**
 * The jurisdiction prefix: 潍坊市, 中共潍坊市委, 潍坊市人民政府, or the bare 市/县/区 with which
 * published lists abbreviate their own level (潍坊名单: 市禁毒委员会, 市城市管理委员会). The bare
 * form is tried first, so that 市城市管理委员会 loses 市 and not 市城市.
 */
const JURISDICTION_PREFIX = /^(中共)?(?:[省市县区]|[\u4e00-\u9fa5]{1,6}?[省市县区])(委|政府|人民政府)?/u;

export function coreOfName(name: string): string {
  let core = name.replace(/[（(][^）)]*[）)]/gu, '').replace(/\s+/gu, '');
  core = core.replace(JURISDICTION_PREFIX, '');
  for (const suffix of GENERIC_SUFFIXES) {
    if (core.endsWith(suffix) && core.length > suffix.length) {
      core = core.slice(0, -suffix.length);
      break;
    }
  }
  return core.replace(/工作$/u, '');
}

export function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.replace(/[\s\p{P}]/gu, ''));
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient over character bigram multisets, 0..1. */
export function diceSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of ga.values()) sizeA += n;
  for (const n of gb.values()) sizeB += n;
  if (sizeA + sizeB === 0) return 0;
  for (const [gram, n] of ga) shared += Math.min(n, gb.get(gram) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}
