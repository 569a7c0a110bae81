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

export function dormantAfterDaysOf(policy: Policy): number {
  return policy.dormantAfterDays ?? DEFAULT_DORMANT_AFTER_DAYS;
}
