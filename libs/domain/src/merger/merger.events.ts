import type { DomainEvent } from '../shared/domain-event.js';
import type { BodyProfile, MergerReason } from '../body/body.types.js';

/**
 * 合并: the single truth of a merger, in its own stream. Every view applies it as one fact,
 * so no reader sees a half-applied merger.
 */
export type BodiesMerged = DomainEvent<
  'BodiesMerged',
  {
    mergerId: string;
    mergerReason: MergerReason;
    sourceBodyIds: string[];
    targetBodyId: string;
    /** Present when the merger sets up a new body; absent when an existing one absorbs the others. */
    establishedTarget?: BodyProfile;
  }
>;
