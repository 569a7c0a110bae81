/**
 * Similarity tuned on real names. Must not match: any two of 潍坊名单's 66 bodies (2,145 pairs,
 * names and the names they also use), and the demo's bodies that nothing says are alike.
 * Must match: the demo history's planted near-duplicates (names and duties), each 潍坊 body
 * against its own name written in full (市X / 潍坊市X), and reworded names of the same body.
 * Precision and recall are printed, with the sweep that chose the thresholds.
 */
import type { MergeBodies } from '#domain';
import { buildDemoHistory } from '#official-list';
import { WEIFANG_STANDING, WEIFANG_TEMPORARY, splitPublishedName } from '#domain/testing';
import { TUNED_THRESHOLDS, compareBodies, nameScore, roundsOf, type ComparableBody, type SimilarityThresholds } from '#domain';

type Pair = [ComparableBody, ComparableBody];
const named = (entry: string): ComparableBody => ({ ...splitPublishedName(entry), duties: '' });

const weifang = [...WEIFANG_STANDING, ...WEIFANG_TEMPORARY].map(named);
const weifangPairs: Pair[] = weifang.flatMap((a, i) => weifang.slice(i + 1).map((b): Pair => [a, b]));
const weifangInFull: Pair[] = weifang.filter((b) => b.name.startsWith('市')).map((b): Pair => [b, { ...b, name: `潍坊${b.name}`, aliases: [] }]);
const reworded: Pair[] = ([
  ['潍坊市食品安全委员会', '潍坊市食品安全工作领导小组'],
  ['潍坊市安全生产委员会', '潍坊市安全生产工作领导小组'],
  ['潍坊市防汛抗旱指挥部', '潍坊市人民政府防汛抗旱指挥部'],
  ['市禁毒委员会', '潍坊市禁毒工作领导小组'],
  ['市老龄工作委员会', '潍坊市老龄委员会'],
  ['潍坊市社会信用体系建设领导小组', '潍坊市社会信用体系建设工作领导小组'],
  ['潍坊市语言文字工作委员会', '潍坊市语言文字委员会'],
] as const).map(([a, b]): Pair => [named(a), named(b)]);

// The demo: every body set up, by name; the planted near-duplicates and what they duplicate.
const demo = buildDemoHistory();
const profiles = demo.commands.flatMap(({ command: c }) =>
  c.type === 'EstablishBody' ? [{ id: c.bodyId, ...c.profile }] : c.type === 'MergeBodies' && c.target.kind === 'new' ? [{ id: c.target.bodyId, ...c.target.profile }] : [],
);
const demoBody = (name: string): ComparableBody & { id: string } => {
  const p = profiles.find((x) => x.name === `演示市${name}`)!;
  return { id: p.id, name: p.name, aliases: p.aliases ?? [], duties: p.duties };
};
const PLANTED: Array<[string, string]> = [
  ['安全生产委员会', '安全生产工作领导小组'],
  ['整顿和规范市场经济秩序领导小组', '整顿规范市场经济秩序工作领导小组'],
  ['食品安全工作领导小组', '食品安全委员会'],
  ['扶贫开发领导小组', '脱贫攻坚指挥部'],
];
const plantedBodies = PLANTED.map(([a, b]) => [demoBody(a), demoBody(b)] as const);
const planted: Pair[] = plantedBodies.map(([a, b]) => [a, b]);
// Bodies the story merged for overlapping duties are neither planted nor plainly distinct: left out.
const mergedTogether = demo.commands.flatMap(({ command: c }) => (c.type === 'MergeBodies' ? [[...(c as MergeBodies).sourceBodyIds, c.target.bodyId]] : []));
const labelled = new Set(plantedBodies.map(([a, b]) => [a.id, b.id].sort().join()));
const demoOthers: Pair[] = [];
const all = profiles.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases ?? [], duties: p.duties }));
for (let i = 0; i < all.length; i++) {
  for (let j = i + 1; j < all.length; j++) {
    const key = [all[i].id, all[j].id].sort().join();
    if (labelled.has(key) || mergedTogether.some((group) => group.includes(all[i].id) && group.includes(all[j].id))) continue;
    demoOthers.push([all[i], all[j]]);
  }
}

const mustMatch = { 'demo: planted near-duplicates': planted, '潍坊名单: 市X = 潍坊市X': weifangInFull, 'reworded names of one body': reworded };
const mustNotMatch = { '潍坊名单: the 66 among themselves': weifangPairs, 'demo: all other pairs of bodies': demoOthers };

function score(thresholds: SimilarityThresholds) {
  const matched = (pairs: Pair[]) => pairs.filter(([a, b]) => compareBodies(a, b, thresholds).similar);
  const tp = Object.values(mustMatch).reduce((n, pairs) => n + matched(pairs).length, 0);
  const positives = Object.values(mustMatch).reduce((n, pairs) => n + pairs.length, 0);
  const fp = Object.values(mustNotMatch).reduce((n, pairs) => n + matched(pairs).length, 0);
  return { tp, fp, fn: positives - tp, precision: tp / Math.max(tp + fp, 1), recall: tp / positives };
}

describe('similarity of names and duties (市级办法 第六条(三)), tuned on real names', () => {
  afterAll(() => {
    const lines = ['', '  similarity: precision and recall (must match / must not match)'];
    for (const [label, pairs] of Object.entries(mustMatch)) {
      const hit = pairs.filter(([a, b]) => compareBodies(a, b).similar).length;
      lines.push(`    must match     ${label.padEnd(36)} ${hit}/${pairs.length} found   recall ${(hit / pairs.length).toFixed(3)}`);
    }
    for (const [label, pairs] of Object.entries(mustNotMatch)) {
      const hit = pairs.filter(([a, b]) => compareBodies(a, b).similar).length;
      lines.push(`    must not match ${label.padEnd(36)} ${hit}/${pairs.length} matched  ${hit === 0 ? 'no false positive' : 'FALSE POSITIVES'}`);
    }
    const s = score(TUNED_THRESHOLDS);
    lines.push(`    overall (name ≥ ${TUNED_THRESHOLDS.name}, duties ≥ ${TUNED_THRESHOLDS.duties}): precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (TP ${s.tp}, FP ${s.fp}, FN ${s.fn})`);
    const plain = score({ ...TUNED_THRESHOLDS, distinguishRounds: false });
    lines.push(`    the same without telling rounds apart (第五次/第六次): precision ${plain.precision.toFixed(3)}, recall ${plain.recall.toFixed(3)} (FP ${plain.fp})`);
    lines.push('    sweep of the name threshold (duties fixed):');
    for (const name of [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
      const r = score({ ...TUNED_THRESHOLDS, name });
      lines.push(`      name ≥ ${name.toFixed(2)}  precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  FP ${r.fp}  FN ${r.fn}`);
    }
    lines.push('    sweep of the duty threshold (names fixed):');
    for (const duties of [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95]) {
      const r = score({ ...TUNED_THRESHOLDS, duties });
      lines.push(`      duties ≥ ${duties.toFixed(2)}  precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}  FP ${r.fp}  FN ${r.fn}`);
    }
    console.log(lines.join('\n'));
  });

  it('市级办法 第六条(三): finds every planted near-duplicate of the demo history (recall 1 on them)', () => {
    expect(planted.filter(([a, b]) => !compareBodies(a, b).similar).map(([a, b]) => `${a.name} ~ ${b.name}`)).toEqual([]);
    expect(compareBodies(...planted[3])).toMatchObject({ basis: 'duties' });
  });

  it('潍坊名单: no two of the 66 published bodies match, aliases included (precision 1 on them)', () => {
    expect(weifangPairs).toHaveLength(2145);
    expect(weifangPairs.filter(([a, b]) => compareBodies(a, b).similar).map(([a, b]) => `${a.name} ~ ${b.name}`)).toEqual([]);
  });

  it('潍坊名单: each body matches its own name written in full, and reworded names of one body match', () => {
    expect([...weifangInFull, ...reworded].filter(([a, b]) => !compareBodies(a, b).similar).map(([a, b]) => `${a.name} ~ ${b.name}`)).toEqual([]);
  });

  it('the demo: no other pair of its bodies matches', () => {
    expect(demoOthers.length).toBeGreaterThan(8000);
    expect(demoOthers.filter(([a, b]) => compareBodies(a, b).similar).map(([a, b]) => `${a.name} ~ ${b.name}`)).toEqual([]);
  });

  it('successive rounds of one task are not duplicates: 第五次 / 第六次全国人口普查领导小组', () => {
    expect(roundsOf('演示市第五次全国人口普查领导小组')).toBe('第五次');
    expect(nameScore('演示市第五次全国人口普查领导小组', '演示市第六次全国人口普查领导小组')).toBe(0);
    expect(nameScore('演示市第五次全国人口普查领导小组', '第五次全国人口普查领导小组')).toBe(1);
    expect(roundsOf('市“十三五”时期民兵调整改革工作领导小组')).toBe('十三五');
  });

  it('the tuned thresholds sit where precision and recall are both 1, with margin on each side', () => {
    expect(score(TUNED_THRESHOLDS)).toMatchObject({ precision: 1, recall: 1 });
    for (const delta of [-0.05, 0.05]) {
      expect(score({ ...TUNED_THRESHOLDS, name: TUNED_THRESHOLDS.name + delta })).toMatchObject({ precision: 1, recall: 1 });
      expect(score({ ...TUNED_THRESHOLDS, duties: TUNED_THRESHOLDS.duties + delta })).toMatchObject({ precision: 1, recall: 1 });
    }
    // Without telling rounds apart, the census bodies of the demo (0.75) would be taken for duplicates.
    expect(score({ ...TUNED_THRESHOLDS, distinguishRounds: false }).fp).toBeGreaterThan(0);
  });
});
