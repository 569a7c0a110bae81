import { jest } from '@jest/globals';
import type { AbolishBody, EstablishBody, FileAnnualReport, MergeBodies, SetQuotaBaseline } from '#domain';
import { DEMO_CAMPAIGN, DEMO_LIST, buildDemoHistory, demoHistory, mulberry32 } from './demo-history.js';

const history = buildDemoHistory();
const commands = history.commands.map((c) => c.command);
const ofType = <T extends { type: string }>(type: T['type']) => commands.filter((c): c is Extract<typeof c, T> => c.type === type) as unknown as T[];
const dateOf = (c: (typeof commands)[number]): string => ('effectiveDate' in c && c.effectiveDate ? c.effectiveDate : '');

describe('the demo history of 演示市 (370799)', () => {
  it('is deterministic and never asks Math.random', () => {
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      expect(demoHistory()).toEqual(history.commands);
    } finally {
      random.mockRestore();
    }
    expect(mulberry32(7)()).toBe(mulberry32(7)());
  });

  it('runs from 2001 to 2026 in date order, every command with its own key', () => {
    const dates = commands.map(dateOf);
    expect(dates[0].startsWith('2001-')).toBe(true);
    expect(dates.at(-1)!.startsWith('2026-')).toBe(true);
    expect(dates).toEqual([...dates].sort());
    const keys = history.commands.map((c) => c.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => k.startsWith('demo:370799:'))).toBe(true);
  });

  it('holds every kind of decision', () => {
    const counts = Object.fromEntries(['EstablishBody', 'RenameBody', 'AdjustBody', 'ChangeAffiliation', 'AbolishBody', 'MergeBodies', 'FileAnnualReport', 'SetQuotaBaseline'].map((t) => [t, commands.filter((c) => c.type === t).length]));
    expect(counts.EstablishBody).toBeGreaterThanOrEqual(130);
    expect(counts.RenameBody).toBeGreaterThanOrEqual(5);
    expect(counts.AdjustBody).toBeGreaterThanOrEqual(20);
    expect(counts.ChangeAffiliation).toBe(2);
    expect(counts.FileAnnualReport).toBeGreaterThan(1000);
    expect(counts.SetQuotaBaseline).toBe(3);
    const mergers = ofType<MergeBodies>('MergeBodies');
    expect(mergers.map((m) => m.target.kind).sort()).toEqual(['existing', 'existing', 'new', 'new', 'new']);
  });

  it('holds the decisions real notices make (issue 12): a condition-ended body and its self-abolition, a joint body, a split, a new body from one source', () => {
    const conditionEnded = ofType<EstablishBody>('EstablishBody').filter((c) => c.profile.duration === 'temporary' && !c.profile.termEnd);
    expect(conditionEnded.map((c) => c.profile.abolitionCondition)).toEqual(['普查任务完成后自行撤销', '省运动会闭幕、善后工作完成后自行撤销']);
    const selfAbolished = commands.filter((c) => c.type === 'SelfAbolishBody');
    expect(selfAbolished).toEqual([expect.objectContaining({ bodyId: conditionEnded[0].bodyId, evidence: expect.stringContaining('验收') })]);
    expect(ofType<EstablishBody>('EstablishBody').filter((c) => c.profile.series === 'joint').map((c) => c.profile.name)).toEqual(['演示市优化营商环境工作领导小组']);
    const splits = commands.filter((c) => c.type === 'SplitBody');
    expect(splits).toHaveLength(1);
    expect(splits[0].type === 'SplitBody' && splits[0].into.map((t) => t.profile.name)).toEqual(['演示市爱国卫生运动委员会', '演示市健康行动推进委员会']);
    expect(ofType<MergeBodies>('MergeBodies').filter((m) => m.target.kind === 'new' && m.sourceBodyIds.length === 1)).toHaveLength(1);
  });

  it('establishes bodies with the whole application content, posts not persons', () => {
    for (const c of ofType<EstablishBody>('EstablishBody')) {
      const p = c.profile;
      expect(p.name).toMatch(/^(演示市|中共演示市委)/u);
      expect(p.basis.conditions.length).toBeGreaterThan(0);
      expect(p.basis.text.length).toBeGreaterThan(10);
      expect([p.reason, p.tasks, p.duties, p.hostDepartment, p.location, p.funding].every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
      expect(p.leaders.length).toBeGreaterThan(0);
      expect(p.memberUnits[0]).toBe(p.hostDepartment);
      expect([...p.leaders, ...p.deputies, ...(p.members ?? [])].every((post) => post.rank !== undefined && !/[A-Za-z]/u.test(post.title))).toBe(true);
      // a temporary body ends by its condition, and by its term when it has one
      if (p.duration === 'temporary') expect((p.termEnd === undefined || p.termEnd > c.effectiveDate) && !!p.abolitionCondition).toBe(true);
    }
  });

  it('has 96 government bodies before the 2003 campaign, which keeps 52 and ends 36 + 4 + 4', () => {
    expect(history.activeBeforeCampaign).toBe(DEMO_CAMPAIGN.reviewed);
    const campaign = ofType<AbolishBody>('AbolishBody').filter((c) => c.documentNo === DEMO_CAMPAIGN.documentNo);
    const by = (d: string) => campaign.filter((c) => c.disposition === d).length;
    expect([by('abolished'), by('delisted'), by('joint-meeting')]).toEqual([36, 4, 4]);
    expect(campaign.every((c) => c.effectiveDate === DEMO_CAMPAIGN.date)).toBe(true);
    const baselines = ofType<SetQuotaBaseline>('SetQuotaBaseline');
    expect(baselines[0]).toMatchObject({ total: DEMO_CAMPAIGN.kept, series: 'government', documentNo: DEMO_CAMPAIGN.documentNo, effectiveDate: DEMO_CAMPAIGN.date });
    expect(baselines[2]).toMatchObject({ documentNo: DEMO_LIST.documentNo, effectiveDate: DEMO_LIST.date });
  });

  it('justifies exactly the planted near-duplicates for the duplicate rule, and each bent rule', () => {
    const duplicates = history.waivers.filter((w) => w.rules.includes('duplicate')).map((w) => w.idempotencyKey);
    expect(duplicates.sort()).toEqual([...history.plantedDuplicates].sort());
    expect(history.plantedDuplicates.length).toBeGreaterThanOrEqual(4);
    const rules = new Set(history.waivers.flatMap((w) => w.rules));
    for (const rule of ['duplicate', 'quota', 'member-units', 'deputies', 'leader'] as const) expect(rules.has(rule)).toBe(true);
    const byKey = new Map(history.commands.map((c) => [c.idempotencyKey, c.command]));
    for (const w of history.waivers) {
      const command = byKey.get(w.idempotencyKey)!;
      // each bent rule is named with its own justification
      const named = 'justifications' in command ? command.justifications ?? {} : {};
      for (const rule of w.rules) expect([rule, typeof named[rule]]).toEqual([rule, 'string']);
    }
    const unwaived = history.commands.filter((c) => !history.waivers.some((w) => w.idempotencyKey === c.idempotencyKey));
    expect(unwaived.every((c) => !('justifications' in c.command) || c.command.justifications === undefined)).toBe(true);
  });

  it('lets temporary bodies expire: most abolished, some late, three left past their term', () => {
    const established = new Map(ofType<EstablishBody>('EstablishBody').map((c) => [c.bodyId, c]));
    const temporaryEnds = ofType<AbolishBody>('AbolishBody')
      .filter((c) => established.get(c.bodyId)?.profile.duration === 'temporary')
      .map((c) => ({ late: c.effectiveDate > established.get(c.bodyId)!.profile.termEnd! }));
    expect(temporaryEnds.filter((t) => !t.late).length).toBeGreaterThanOrEqual(5);
    expect(temporaryEnds.filter((t) => t.late).length).toBeGreaterThanOrEqual(3);
    expect(history.pastTermAtEnd).toHaveLength(3);
  });

  it('misses some annual reports, and two bodies fall silent', () => {
    const reports = ofType<FileAnnualReport>('FileAnnualReport');
    const years = new Set(reports.map((r) => r.year));
    expect(Math.min(...years)).toBe(2003);
    expect(Math.max(...years)).toBe(2025);
    const yuyan = ofType<EstablishBody>('EstablishBody').find((c) => c.profile.name === '演示市语言文字工作委员会')!;
    expect(reports.filter((r) => r.bodyId === yuyan.bodyId).every((r) => r.year < 2011)).toBe(true);
    const perYear = [...years].map((y) => reports.filter((r) => r.year === y).length);
    expect(Math.min(...perYear)).toBeGreaterThan(30);
    expect(reports.every((r) => r.effectiveDate === r.filedOn && r.filedOn.startsWith(String(r.year)))).toBe(true);
  });

  it('tells a valid story for other seeds too', () => {
    for (const seed of [1, 2, 3]) {
      const other = buildDemoHistory(seed);
      expect(other.activeBeforeCampaign).toBe(96);
      expect(other.waivers.filter((w) => w.rules.includes('duplicate')).map((w) => w.idempotencyKey).sort()).toEqual([...other.plantedDuplicates].sort());
    }
  });
});
