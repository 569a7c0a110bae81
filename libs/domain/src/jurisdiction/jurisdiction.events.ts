import type { DomainEvent } from '../shared/domain-event.js';
import type { Series } from '../body/body.types.js';

/** 总量控制基准: the published list's count becomes the ceiling from its effective date. */
export type QuotaBaselineSet = DomainEvent<
  'QuotaBaselineSet',
  /** listTitle: the published list's own title ("县政府议事协调机构名单"), kept for exports. */
  { total: number; standing?: number; temporary?: number; series?: Series; listTitle?: string }
>;

export type JurisdictionEvent = QuotaBaselineSet;
