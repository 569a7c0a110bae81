import type { Rank } from '../body/body.types.js';

/**
 * A jurisdiction's rule set. Rules differ between jurisdictions and change over time;
 * a decision is judged by the policy in force on its effective date. A policy is data: it is
 * recorded in the jurisdiction's stream (PolicyAdopted, policy.events.ts) with the date it
 * takes effect, and the profiles of the published 办法 are seed data (seeds/policies/).
 */
export interface Policy {
  name: string;
  maxMemberUnits: number;
  minDeputies: number;
  maxDeputies: number;
  /** The lowest rank a member may hold; ranks below it are refused with a warning (第九条). */
  lowestMemberRank: Rank;
  /** Whether party and government may set up a body jointly. */
  jointEstablishmentAllowed: boolean;
  /** Month-day by which the host department files the year's report (第二十条: by year end). */
  annualReportDeadline: string;
  /** The report of year Y is due on `annualReportDeadline` of Y+1 instead of Y (absent: of Y). */
  annualReportDueNextYear?: boolean;
  /**
   * Days without a sign of work (an annual report recording a meeting) after which a body is
   * reported dormant (第十五条(七) 长期不开展工作). The 办法 name no span; absent: 1095 (three years).
   */
  dormantAfterDays?: number;
  /**
   * Days after its establishment at which a temporary body ended by a condition, not a date
   * (任务完成后自行撤销), is asked about (term-review). No 办法 names one; absent: 730 (two years).
   */
  conditionReviewAfterDays?: number;
  /** Title and 文号 of the 办法 the policy comes from, when it comes from one. */
  title?: string;
  documentNo?: string;
  /** The date the 办法 was issued (its own date, not the date a jurisdiction adopts it). */
  issuedOn?: string;
  /** The article each rule cites under this policy (rule code → "辽宁办法 第六条"). */
  articles?: Partial<Record<PolicyRuleCode, string>>;
  /**
   * Where each limit comes from: the article's own words, or why it is inherited (the text
   * available does not state it). Shown to supervisors beside the limits.
   */
  provenance?: Partial<Record<PolicyParameter, string>>;
}

/** The rules a policy parameterises or cites, by their rule codes (docs/domain.md). */
export type PolicyRuleCode =
  | 'leader'
  | 'deputies'
  | 'member-units'
  | 'member-rank'
  | 'single-series'
  | 'duplicate'
  | 'quota'
  | 'term-expired'
  | 'annual-report'
  | 'dormant';

/** The limits of a policy, the parts a profile or an adoption may set. */
export const POLICY_PARAMETERS = [
  'maxMemberUnits',
  'minDeputies',
  'maxDeputies',
  'lowestMemberRank',
  'jointEstablishmentAllowed',
  'annualReportDeadline',
  'annualReportDueNextYear',
  'dormantAfterDays',
  'conditionReviewAfterDays',
] as const;
export type PolicyParameter = (typeof POLICY_PARAMETERS)[number];

/** 第十五条(七) names no span: three years without a recorded meeting is the registry's default. */
export const DEFAULT_DORMANT_AFTER_DAYS = 1095;

/**
 * ****市市级议事协调机构管理办法(暂行): 第八、九、二十条. 副县级以下(含副县级) posts are not
 * members. The policy of a jurisdiction that has recorded none (seeds/policies/profiles/市级办法.json
 * is the same profile as data; a test keeps the two equal).
 */
export const MUNICIPAL_POLICY: Policy = {
  name: '市级办法',
  maxMemberUnits: 10,
  minDeputies: 1,
  maxDeputies: 2,
  lowestMemberRank: 'county',
  jointEstablishmentAllowed: false,
  annualReportDeadline: '12-31',
};

/** The article a rule cites under `policy`, or the 市级办法 article when the policy names none. */
export function articleOf(policy: Policy, rule: PolicyRuleCode): string {
  return policy.articles?.[rule] ?? MUNICIPAL_ARTICLES[rule];
}

export const MUNICIPAL_ARTICLES: Record<PolicyRuleCode, string> = {
  leader: '市级办法 第八条',
  deputies: '市级办法 第八条',
  'member-units': '市级办法 第八条',
  'member-rank': '市级办法 第九条',
  'single-series': '市级办法(旧) 第八条',
  duplicate: '市级办法 第六条(三)、第十六条(一)(二)',
  quota: '潍坊名单 总量控制',
  'term-expired': '市级办法 第十五条(二)',
  'annual-report': '市级办法 第二十条',
  dormant: '市级办法 第十五条(七)',
};

/** The last day for the report of `year` under `policy`. */
export function annualReportDeadlineOf(policy: Policy, year: number): string {
  return `${policy.annualReportDueNextYear ? year + 1 : year}-${policy.annualReportDeadline}`;
}

/** No 办法 names a span for reviewing a condition-ended body: two years is the registry's default. */
export const DEFAULT_CONDITION_REVIEW_AFTER_DAYS = 730;

export function conditionReviewAfterDaysOf(policy: Policy): number {
  return policy.conditionReviewAfterDays ?? DEFAULT_CONDITION_REVIEW_AFTER_DAYS;
}

export function dormantAfterDaysOf(policy: Policy): number {
  return policy.dormantAfterDays ?? DEFAULT_DORMANT_AFTER_DAYS;
}

/**
 * The default for a provincial code that has recorded no policy: 辽宁办法's 第六条 (1–2
 * deputies) and 市级办法's limits one level up (第九条: posts below 厅局级 are not members).
 */
export const PROVINCIAL_DEFAULT_POLICY: Policy = {
  name: '省级(默认)',
  maxMemberUnits: 10,
  minDeputies: 1,
  maxDeputies: 2,
  lowestMemberRank: 'bureau',
  jointEstablishmentAllowed: false,
  annualReportDeadline: '12-31',
  articles: { deputies: '辽宁办法 第六条', leader: '辽宁办法 第六条', 'member-rank': '市级办法 第九条(省级上推一级)' },
  provenance: {
    maxMemberUnits: '沿用市级办法 第八条(不超过10个)。',
    minDeputies: '辽宁办法 第六条：副组长原则上1至2名。',
    maxDeputies: '辽宁办法 第六条：副组长原则上1至2名，承担综合性或者重大任务的可适当增加(须说明理由)。',
    lowestMemberRank: '市级办法 第九条不列副县级以下人员；省级按层级上推一级，不列副厅局级以下人员。',
    jointEstablishmentAllowed: '市级办法(旧) 第八条：一般不联合设立；省委、省政府联合设立的须说明理由后登记。',
  },
};

/**
 * The default for the national level (国务院 / 中共中央, code 100000): the city rules do not
 * judge a State Council body, and the sources hold no numeric limits for it, so none is applied
 * (limits set beyond any real body); joint party-government establishment is allowed.
 */
export const NATIONAL_DEFAULT_POLICY: Policy = {
  name: '国务院(默认)',
  maxMemberUnits: 999,
  minDeputies: 0,
  maxDeputies: 99,
  lowestMemberRank: 'deputy-provincial',
  jointEstablishmentAllowed: true,
  annualReportDeadline: '12-31',
  provenance: {
    maxMemberUnits: '所收文本未规定国务院议事协调机构成员单位数量；不以市级办法评判。',
    minDeputies: '所收文本未规定；不以市级办法评判。',
    maxDeputies: '所收文本未规定；不以市级办法评判。',
    lowestMemberRank: '按层级类推市级办法 第九条：不列副部级以下人员。',
    jointEstablishmentAllowed: '中共中央、国务院可联合设立议事协调机构。',
  },
};

/** The policy of a jurisdiction that has recorded none, by its level (county: 市级办法 第二十三条). */
export function defaultPolicyFor(jurisdiction: string | undefined): Policy {
  if (jurisdiction === '100000') return NATIONAL_DEFAULT_POLICY;
  if (jurisdiction && /^\d{2}0000$/.test(jurisdiction)) return PROVINCIAL_DEFAULT_POLICY;
  return MUNICIPAL_POLICY;
}
