import type { DomainEvent } from '../shared/domain-event.js';
import type { AbolitionReason, AdjustableParts, MergerReason, Series } from '../body/body.types.js';

/**
 * 清理规范 (市级办法 第十九条; 清理方案; 北京清理): each body reviewed ends with one outcome.
 * abolish, delist and joint-meeting are the three dispositions of 北京清理 (撤销, 不再作为议事协调机构,
 * 调整为部门联席会议); merge folds a body into another (第十六条); adjust changes it (第十三条).
 */
export type CampaignOutcomeKind = 'keep' | 'abolish' | 'merge' | 'adjust' | 'delist' | 'joint-meeting';
export const CAMPAIGN_OUTCOME_KINDS: readonly CampaignOutcomeKind[] = ['keep', 'abolish', 'merge', 'adjust', 'delist', 'joint-meeting'];
export const CAMPAIGN_OUTCOME_LABELS: Record<CampaignOutcomeKind, string> = {
  keep: '保留',
  abolish: '撤销',
  merge: '合并',
  adjust: '调整',
  delist: '不再作为议事协调机构',
  'joint-meeting': '调整为部门联席会议',
};

export interface CampaignOutcome {
  bodyId: string;
  outcome: CampaignOutcomeKind;
  /** The evaluation's words (梳理、评估分析的结论). */
  note?: string;
  /** abolish, delist, joint-meeting: the ground of 第十五条 (default (八) 其他原因需要撤销的). */
  abolitionReason?: AbolitionReason;
  /** merge: the body that absorbs this one. */
  mergeInto?: string;
  /** merge: the ground of 第十六条 (default (一) 工作职责相同或者相近的). */
  mergerReason?: MergerReason;
  /** adjust: the changed parts. */
  changes?: AdjustableParts;
}

export interface CampaignScope {
  /** Only bodies of this series are reviewed (北京清理: the 市政府 series). */
  series?: Series;
}

/** 清理开始: the campaign's document (清理方案) and scope. */
export type CampaignOpened = DomainEvent<'CampaignOpened', { campaignId: string; title: string; scope: CampaignScope }>;

/** 评估分析: proposed outcomes for some bodies; a later listing for the same body replaces the earlier one. */
export type CampaignOutcomesListed = DomainEvent<'CampaignOutcomesListed', { campaignId: string; outcomes: CampaignOutcome[] }>;

/**
 * 清理结论: every outcome, recorded with the body events that carry them out (BodyAbolished,
 * BodiesMerged and its markers, BodyAdjusted) in one append.
 */
export type CampaignConcluded = DomainEvent<
  'CampaignConcluded',
  {
    campaignId: string;
    outcomes: Array<CampaignOutcome & { name: string }>;
    counts: Record<CampaignOutcomeKind, number>;
    reviewed: number;
  }
>;

export type CampaignEvent = CampaignOpened | CampaignOutcomesListed | CampaignConcluded;
