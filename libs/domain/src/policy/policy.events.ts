import type { DomainEvent } from '../shared/domain-event.js';
import type { Policy } from './policy.js';

/**
 * A jurisdiction adopts a rule set from its effective date (市级办法 第二十三条: 各县(区)可以参照本办法，
 * 制定本级议事协调机构管理办法). Recorded in the jurisdiction's stream with the whole policy, so
 * that a later change to a profile never alters what was adopted.
 */
export type PolicyAdopted = DomainEvent<'PolicyAdopted', { policy: Policy; profile?: string }>;
