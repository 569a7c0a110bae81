import type { BodyEvent } from './body/body.events.js';
import type { EventCorrected } from './correction/correction.events.js';
import type { JurisdictionEvent } from './jurisdiction/jurisdiction.events.js';
import type { BodiesMerged } from './merger/merger.events.js';
import type { CampaignEvent } from './campaign/campaign.events.js';
import type { PolicyAdopted } from './policy/policy.events.js';

/** Every event the registry records. */
export type RegistryEvent = BodyEvent | BodiesMerged | JurisdictionEvent | EventCorrected | PolicyAdopted | CampaignEvent;
export type RegistryEventType = RegistryEvent['type'];

export const REGISTRY_EVENT_TYPES: readonly RegistryEventType[] = [
  'BodyEstablished',
  'BodyAdjusted',
  'BodyRenamed',
  'BodyAffiliationChanged',
  'BodyAbolished',
  'BodyMergedAway',
  'BodyAbsorbedMerger',
  'AnnualReportFiled',
  'BodiesMerged',
  'QuotaBaselineSet',
  'EventCorrected',
  'PolicyAdopted',
  'CampaignOpened',
  'CampaignOutcomesListed',
  'CampaignConcluded',
];
