import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { MUNICIPAL_POLICY, POLICY_PARAMETERS, RuleViolationError } from '#domain';
import { loadPolicyProfiles, policySeedCommands, resolvePolicy, type PolicySeed } from './policy-profiles.js';

const SEEDS = join(process.cwd(), 'seeds', 'policies');
const catalogue = loadPolicyProfiles(join(SEEDS, 'profiles'));
const profile = (name: string) => catalogue.get(name)!;

describe('the profiles of the published 管理办法 (seeds/policies/profiles)', () => {
  it('ships 市级办法, 市级办法(旧), 辽宁办法 and 玉溪办法', () => {
    expect([...catalogue.keys()].sort()).toEqual(['市级办法', '市级办法(旧)', '玉溪办法', '辽宁办法'].sort());
  });

  it('市级办法 第八、九、二十条: the profile has the limits of the built-in default', () => {
    for (const key of [...POLICY_PARAMETERS, 'name'] as const) {
      if (MUNICIPAL_POLICY[key] !== undefined) expect([key, profile('市级办法')[key]]).toEqual([key, MUNICIPAL_POLICY[key]]);
    }
  });

  it('市级办法 第八条: 成员单位原则上不超过10个, 副组长一至二名', () => {
    expect(profile('市级办法')).toMatchObject({ maxMemberUnits: 10, minDeputies: 1, maxDeputies: 2 });
    expect(profile('市级办法').provenance?.maxMemberUnits).toContain('不超过10个');
  });

  it('市级办法 第九条 副县级以下 vs 市级办法(旧) 第九条 科级以下(含科级): the lowest rank allowed differs', () => {
    expect(profile('市级办法').lowestMemberRank).toBe('county');
    expect(profile('市级办法').provenance?.lowestMemberRank).toContain('副县级以下');
    expect(profile('市级办法(旧)').lowestMemberRank).toBe('deputy-county');
    expect(profile('市级办法(旧)').provenance?.lowestMemberRank).toContain('科级以下(含科级)');
  });

  it('辽宁办法 第六条 (辽政办发[2017]111号): deputies 1 to 2 in principle, more for comprehensive or major tasks', () => {
    expect(profile('辽宁办法')).toMatchObject({ documentNo: '辽政办发[2017]111号', issuedOn: '2017-09-30', minDeputies: 1, maxDeputies: 2 });
    expect(profile('辽宁办法').provenance?.maxDeputies).toContain('承担综合性或者重大任务的可适当增加');
    expect(profile('辽宁办法').articles?.deputies).toBe('辽宁办法 第六条');
  });

  it('玉溪办法 (玉政办通〔2019〕23号): limits its available text does not state are inherited, and say so', () => {
    expect(profile('玉溪办法')).toMatchObject({ documentNo: '玉政办通〔2019〕23号', issuedOn: '2019-03-07' });
    expect(profile('玉溪办法').provenance?.maxMemberUnits).toMatch(/未规定；沿用市级办法/u);
  });

  it('every limit of every profile says where it comes from', () => {
    for (const p of catalogue.values()) {
      for (const key of POLICY_PARAMETERS.filter((k) => k !== 'annualReportDueNextYear')) {
        expect([p.name, key, typeof p.provenance?.[key]]).toEqual([p.name, key, 'string']);
      }
    }
  });

  it('an adoption names a profile, and may replace some of its limits', () => {
    expect(resolvePolicy(catalogue, { profile: '辽宁办法', overrides: { maxDeputies: 4 } })).toMatchObject({ name: '辽宁办法', maxDeputies: 4, provenance: { maxDeputies: '采用时另行规定' } });
    expect(() => resolvePolicy(catalogue, { profile: '不存在办法' })).toThrow(RuleViolationError);
  });

  it('the policy seed adopts 市级办法 for the demo jurisdiction, with a deterministic key', () => {
    const seed = JSON.parse(readFileSync(join(SEEDS, 'seed.json'), 'utf8')) as { policy: PolicySeed };
    const commands = policySeedCommands(seed.policy, catalogue);
    expect(commands).toEqual([expect.objectContaining({ idempotencyKey: 'policy:370799:演办发〔2000〕20号:2000-12-01', command: expect.objectContaining({ type: 'AdoptPolicy', jurisdiction: '370799', fromProfile: '市级办法' }) })]);
  });
});
