/** Supervision over HTTP (issue 5): policies, compliance, the annual report, campaigns. */
import { join } from 'node:path';
import type { EventStore } from '#event-store';
import { SupervisionQueries, loadPolicyProfiles } from '#supervision';
import type { RegistryConfig } from '../config/registry-config.js';
import { EVENT_STORE, REGISTRY_CONFIG } from '../tokens.js';
import { AdoptPolicyHandler } from './adopt-policy.handler.js';
import { CampaignHandler } from './campaign.handler.js';
import { AnnualReportController } from './annual-report.http.controller.js';
import { CampaignsController } from './campaigns.http.controller.js';
import { ComplianceController } from './compliance.http.controller.js';
import { PoliciesController } from './policies.http.controller.js';
import { SUPERVISION_QUERY_HANDLERS } from './supervision.queries.js';
import { POLICY_CATALOGUE, SUPERVISION_QUERIES } from './supervision.tokens.js';

export const SUPERVISION_CONTROLLERS = [PoliciesController, ComplianceController, AnnualReportController, CampaignsController];

export const SUPERVISION_PROVIDERS = [
  { provide: SUPERVISION_QUERIES, useFactory: (store: EventStore) => new SupervisionQueries(store), inject: [EVENT_STORE] },
  { provide: POLICY_CATALOGUE, useFactory: (config: RegistryConfig) => loadPolicyProfiles(join(config.seedsDir, 'policies', 'profiles')), inject: [REGISTRY_CONFIG] },
  ...SUPERVISION_QUERY_HANDLERS,
  AdoptPolicyHandler,
  CampaignHandler,
];
