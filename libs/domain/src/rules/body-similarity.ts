/**
 * Same or similar names or duties (市级办法 第六条(三); 第十六条(一)(二)), offline: character
 * bigrams (Dice) over the part of a name that says what the body does, and over its duties.
 * Thresholds are tuned on real names (similarity.spec.ts prints precision and recall on
 * 潍坊名单's 66 names, which must not match one another, and on the demo history's planted
 * near-duplicates, which must).
 */
import { coreOfName, diceSimilarity } from './similarity.js';

export interface ComparableBody {
  name: string;
  aliases: readonly string[];
  duties: string;
}

export type SimilarityBasis = 'name' | 'alias' | 'duties';

export interface SimilarityVerdict {
  similar: boolean;
  /** What matched: the names, an alias of either, or the duties. */
  basis?: SimilarityBasis;
  /** Best name score and duty score, 0..1. */
  nameScore: number;
  dutyScore: number;
  /** The two names that matched best. */
  names: [string, string];
}

export interface SimilarityThresholds {
  name: number;
  duties: number;
  /** Duties shorter than this (characters, punctuation excluded) are not compared. */
  minDutyLength: number;
  /** Names of different rounds (第五次 / 第六次…) never match by name. */
  distinguishRounds: boolean;
}

/**
 * Chosen in the middle of the range where precision and recall are both 1 on the cases of
 * body-similarity.spec.ts (names 0.65–0.80, duties 0.70–0.90; the spec prints the sweep).
 */
export const TUNED_THRESHOLDS: SimilarityThresholds = { name: 0.75, duties: 0.8, minDutyLength: 8, distinguishRounds: true };

/**
 * The rounds a name counts: 第五次(全国人口普查), 第二届, 80周年, “十三五”. Two bodies of different
 * rounds of the same task are successive temporary bodies, not duplicates (the demo's census
 * bodies score 0.75 by bigrams alone: 第五次 / 第六次全国人口普查领导小组).
 */
const ROUND = /第[一二三四五六七八九十百零〇\d]+[次届批期轮]|[一二三四五六七八九十百零〇\d]+周年|十[一二三四五六七八九]五|\d{4}年/gu;

export function roundsOf(name: string): string {
  return [...name.matchAll(ROUND)].map((m) => m[0]).join('/');
}

/** Score of two names: 1 when what they do is named alike, else the Dice of their cores; 0 for different rounds. */
export function nameScore(a: string, b: string, distinguishRounds = true): number {
  if (a === b) return 1;
  const [ra, rb] = distinguishRounds ? [roundsOf(a), roundsOf(b)] : ['', ''];
  if (ra && rb && ra !== rb) return 0;
  const ca = coreOfName(a);
  const cb = coreOfName(b);
  if (ca.length === 0 || cb.length === 0) return 0;
  if (ca === cb) return 1;
  return diceSimilarity(ca, cb);
}

const letters = (text: string) => Array.from(text.replace(/[\s\p{P}]/gu, '')).length;

export function dutyScore(a: string, b: string, thresholds: SimilarityThresholds = TUNED_THRESHOLDS): number {
  if (letters(a) < thresholds.minDutyLength || letters(b) < thresholds.minDutyLength) return 0;
  return diceSimilarity(a, b);
}

export function compareBodies(a: ComparableBody, b: ComparableBody, thresholds: SimilarityThresholds = TUNED_THRESHOLDS): SimilarityVerdict {
  let best = { score: 0, names: [a.name, b.name] as [string, string], alias: false };
  for (const [i, x] of [a.name, ...a.aliases].entries()) {
    for (const [j, y] of [b.name, ...b.aliases].entries()) {
      const score = nameScore(x, y, thresholds.distinguishRounds);
      if (score > best.score) best = { score, names: [x, y], alias: i > 0 || j > 0 };
    }
  }
  const duties = dutyScore(a.duties, b.duties, thresholds);
  const byName = best.score >= thresholds.name;
  const byDuties = duties >= thresholds.duties;
  return {
    similar: byName || byDuties,
    ...(byName ? { basis: best.alias ? 'alias' : 'name' } : byDuties ? { basis: 'duties' as const } : {}),
    nameScore: round(best.score),
    dutyScore: round(duties),
    names: best.names,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Two names alike by the tuned threshold (aliases not considered). */
export function namesSimilar(a: string, b: string): boolean {
  return nameScore(a, b, TUNED_THRESHOLDS.distinguishRounds) >= TUNED_THRESHOLDS.name;
}

/** Two duty texts alike by the tuned threshold. */
export function dutiesSimilar(a: string, b: string): boolean {
  return dutyScore(a, b) >= TUNED_THRESHOLDS.duties;
}
