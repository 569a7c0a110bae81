import type { Rank } from '../body/body.types.js';

/**
 * A jurisdiction's rule set. Rules differ between jurisdictions and change over time;
 * a decision is judged by the policy in force on its effective date.
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
}

/** ****市市级议事协调机构管理办法(暂行): 第八、九、二十条. 副县级以下(含副县级) posts are not members. */
export const MUNICIPAL_POLICY: Policy = {
  name: '市级办法',
  maxMemberUnits: 10,
  minDeputies: 1,
  maxDeputies: 2,
  lowestMemberRank: 'county',
  jointEstablishmentAllowed: false,
  annualReportDeadline: '12-31',
};
