import { RuleViolationError } from '../shared/violations.js';
import { DEFAULT_DORMANT_AFTER_DAYS, MUNICIPAL_POLICY, annualReportDeadlineOf, articleOf, dormantAfterDaysOf, type Policy } from './policy.js';
import { decidePolicy, policyInForce, policyRule, policyWithOverrides, type AdoptPolicy } from './policy.decider.js';
import type { PolicyAdopted } from './policy.events.js';

const LIAONING: Policy = { ...MUNICIPAL_POLICY, name: '辽宁办法', documentNo: '辽政办发[2017]111号', articles: { deputies: '辽宁办法 第六条' } };

const adopt = (extra: Partial<AdoptPolicy> = {}): AdoptPolicy => ({
  type: 'AdoptPolicy',
  jurisdiction: '210000',
  policy: LIAONING,
  fromProfile: '辽宁办法',
  documentNo: '辽政办发[2017]111号',
  effectiveDate: '2017-09-30',
  ...extra,
});
const adopted = (effectiveDate: string, policy: Policy, documentNo = `doc-${effectiveDate}`): PolicyAdopted => ({
  type: 'PolicyAdopted',
  streamId: 'jurisdiction-210000',
  jurisdiction: '210000',
  effectiveDate,
  documentNo,
  data: { policy },
});

describe('采用管理办法 (AdoptPolicy): a policy is data with an effective date', () => {
  it('市级办法 第二十三条: the adoption is recorded in the jurisdiction stream with the whole policy and its profile', () => {
    expect(decidePolicy(adopt({ reason: '省政府议事协调机构适用' }))).toEqual([{
      type: 'PolicyAdopted',
      streamId: 'jurisdiction-210000',
      jurisdiction: '210000',
      effectiveDate: '2017-09-30',
      documentNo: '辽政办发[2017]111号',
      reason: '省政府议事协调机构适用',
      data: { policy: LIAONING, profile: '辽宁办法' },
    }]);
  });

  it('市级办法 第二十三条: a policy that cannot judge (limits missing, inverted or malformed) is refused', () => {
    const refused = (policy: Partial<Policy>) => () => decidePolicy(adopt({ policy: policy as Policy }));
    expect(refused({ ...MUNICIPAL_POLICY, maxMemberUnits: 0 })).toThrow(RuleViolationError);
    expect(refused({ ...MUNICIPAL_POLICY, minDeputies: 3, maxDeputies: 2 })).toThrow(/副职下限不能大于上限/u);
    expect(refused({ ...MUNICIPAL_POLICY, lowestMemberRank: 'clerk' as never })).toThrow(/lowestMemberRank/u);
    expect(refused({ ...MUNICIPAL_POLICY, annualReportDeadline: '02-30' })).toThrow(/MM-DD/u);
    expect(refused({ ...MUNICIPAL_POLICY, dormantAfterDays: -1 })).toThrow(/dormantAfterDays/u);
    expect(refused({ maxMemberUnits: 10 })).toThrow(/name/u);
    expect(policyRule(MUNICIPAL_POLICY)).toEqual([]);
  });
});

describe('policyInForce: the policy a decision on a date is judged by', () => {
  const strict = { ...MUNICIPAL_POLICY, name: '某市办法(2022)', maxMemberUnits: 8 };
  const events = [adopted('2017-09-30', LIAONING), adopted('2022-01-01', strict)];

  it('市级办法: a jurisdiction without a recorded policy is judged by 市级办法', () => {
    expect(policyInForce([], '2020-01-01')).toEqual({ policy: MUNICIPAL_POLICY, recorded: false });
    expect(policyInForce(events, '2017-09-29')).toMatchObject({ policy: MUNICIPAL_POLICY, recorded: false });
  });

  it('辽宁办法: from its effective date, until the next one takes effect', () => {
    expect(policyInForce(events, '2017-09-30')).toMatchObject({ policy: LIAONING, recorded: true, effectiveDate: '2017-09-30' });
    expect(policyInForce(events, '2021-12-31').policy.name).toBe('辽宁办法');
    expect(policyInForce(events, '2022-01-01').policy.name).toBe('某市办法(2022)');
  });

  it('a later policy never reaches back before its effective date, whatever order it was recorded in', () => {
    const backwards = [...events].reverse();
    expect(policyInForce(backwards, '2021-12-31').policy.name).toBe('辽宁办法');
    expect(policyInForce(backwards, '2022-06-01').policy.name).toBe('某市办法(2022)');
  });

  it('of two adoptions with the same date, the one recorded later is in force', () => {
    const corrected = adopted('2022-01-01', { ...strict, maxMemberUnits: 9 }, 'doc-2');
    expect(policyInForce([...events, corrected], '2022-01-01').policy.maxMemberUnits).toBe(9);
  });
});

describe('what a policy decides besides the decider rules', () => {
  it('市级办法 第二十条: the report of a year is due at its end, or on the policy\'s date of the next year', () => {
    expect(annualReportDeadlineOf(MUNICIPAL_POLICY, 2020)).toBe('2020-12-31');
    expect(annualReportDeadlineOf({ ...MUNICIPAL_POLICY, annualReportDeadline: '03-31', annualReportDueNextYear: true }, 2020)).toBe('2021-03-31');
  });

  it('市级办法 第十五条(七): the dormant span is the policy\'s, three years by default', () => {
    expect(dormantAfterDaysOf(MUNICIPAL_POLICY)).toBe(DEFAULT_DORMANT_AFTER_DAYS);
    expect(dormantAfterDaysOf({ ...MUNICIPAL_POLICY, dormantAfterDays: 730 })).toBe(730);
  });

  it('each rule cites the policy\'s own article, else 市级办法\'s', () => {
    expect(articleOf(LIAONING, 'deputies')).toBe('辽宁办法 第六条');
    expect(articleOf(LIAONING, 'member-units')).toBe('市级办法 第八条');
  });

  it('a profile with limits replaced marks what the adoption changed', () => {
    const own = policyWithOverrides({ ...LIAONING, provenance: { maxMemberUnits: '沿用市级办法 第八条' } }, { maxMemberUnits: 15, maxDeputies: 2 });
    expect(own).toMatchObject({ name: '辽宁办法', maxMemberUnits: 15, provenance: { maxMemberUnits: '采用时另行规定' } });
    expect(own.provenance).not.toHaveProperty('maxDeputies');
  });
});
