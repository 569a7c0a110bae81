/**
 * The answers the dashboard reads, generated from the server's OpenAPI document
 * (api-types.generated.ts, `npm run generate:api-types`; test/e2e/api-types.e2e-spec.ts fails when
 * it is out of date): the enumerations, the routes' parameters and every answer the page reads
 * but the jurisdiction list, which the page reads loosely (lib/api.ts).
 */
import type { components, operations } from './api-types.generated';

type Schemas = components['schemas'];
export type Series = Schemas['EstablishBodyRequest']['series'];
export type Duration = Schemas['EstablishBodyRequest']['duration'];
export type Rank = NonNullable<Schemas['PostDto']['rank']>;
/** The query of `GET /jurisdictions/{code}/registry`, as the server documents it. */
export type RegistryQuery = NonNullable<operations['RegistryController_registry']['parameters']['query']>;

export interface Jurisdiction {
  code: string;
  name: string;
}

/** GET /jurisdictions/{code}/registry, as the OpenAPI document describes it. */
export type RegistryAnswer = Schemas['RegistryAnswerResponse'];
export type RegistryEntry = Schemas['RegistryEntryResponse'];

export type Post = Schemas['PostResponse'];

/** GET /bodies/{id}?date=, as the OpenAPI document describes it. */
export type BodyState = Schemas['BodyStateResponse'];

/** GET /bodies/{id}/history, oldest first, as the OpenAPI document describes it. */
export type HistoryEntry = Schemas['HistoryEntryResponse'];

/** GET /jurisdictions/{code}/quota, as the OpenAPI document describes it. */
export type QuotaAnswer = Schemas['QuotaAnswerResponse'];
export type QuotaPoint = Schemas['QuotaPointResponse'];

/** GET /jurisdictions/{code}/changes, as the OpenAPI document describes it. */
export type ChangesAnswer = Schemas['ChangesAnswerResponse'];
export type MergerLine = Schemas['MergerLineResponse'];

/** GET /jurisdictions/{code}/compliance, as the OpenAPI document describes it. */
export type ComplianceAnswer = Schemas['ComplianceAnswerResponse'];
export type ComplianceAlert = Schemas['ComplianceAlertResponse'];
