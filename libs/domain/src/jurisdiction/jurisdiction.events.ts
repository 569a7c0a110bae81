import type { DomainEvent } from '../shared/domain-event.js';
import type { Series } from '../body/body.types.js';

/** 总量控制基准: the published list's count becomes the ceiling from its effective date. */
export type QuotaBaselineSet = DomainEvent<
  'QuotaBaselineSet',
  { total: number; standing?: number; temporary?: number; series?: Series }
>;

export type JurisdictionEvent = QuotaBaselineSet;
