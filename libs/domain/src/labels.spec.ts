import { ADJUSTABLE_FIELDS, RANKS_HIGH_TO_LOW } from './body/body.types.js';
import { MUNICIPAL_ARTICLES, POLICY_PARAMETERS } from './policy/policy.js';
import { FIELD_LABELS, RANK_LABELS, RULE_LABELS, fieldLabel, ruleLabel, valueLabel } from './labels.js';

const chinese = /^[\p{Script=Han}（）()、，：·\d]+$/u;

describe('the label table: every code a user could see has a Chinese name', () => {
  it('names every rule a policy cites, and every alert', () => {
    for (const code of Object.keys(MUNICIPAL_ARTICLES)) expect(ruleLabel(code)).toMatch(chinese);
  });

  it('names every rule in Chinese only, and shows an unknown code as 其他规则, not raw', () => {
    for (const label of Object.values(RULE_LABELS)) expect(label).toMatch(chinese);
    expect(ruleLabel('no-such-rule')).toBe('其他规则');
  });

  it('names every field an adjustment can change, and every policy limit', () => {
    for (const field of [...ADJUSTABLE_FIELDS, ...POLICY_PARAMETERS]) expect(FIELD_LABELS[field]).toMatch(chinese);
  });

  it('names a nested field by its last known part', () => {
    expect(fieldLabel('basis.conditions')).toBe('设立条件');
    expect(fieldLabel('target.establish.memberUnits.3')).toBe('成员单位');
    expect(fieldLabel('hostDepartment')).toBe('承担日常工作的部门');
  });

  it('names enumerated values', () => {
    for (const rank of RANKS_HIGH_TO_LOW) expect(RANK_LABELS[rank]).toMatch(chinese);
    expect(valueLabel('series', 'party')).toBe('党委');
    expect(valueLabel('disposition', 'joint-meeting')).toBe('调整为部门联席会议');
    expect(valueLabel('duration', 'temporary')).toBe('临时性设置');
  });
});
