/**
 * The answers the dashboard reads, as docs/http-api.md and libs/read-model describe them. Only the
 * fields used here; the server may send more.
 *
 * What the OpenAPI document describes comes from it (api-types.generated.ts, `npm run
 * generate:api-types`): the enumerations, the routes' parameters, the registry, quota and compliance answers.
 * The other answers are not described there yet (their routes declare no response schema), so
 * their types stay written here.
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

export interface Post {
  title: string;
  rank?: Rank | string;
}

/** GET /bodies/{id}?date= (domain BodyState). */
export interface BodyState {
  id: string;
  jurisdiction: string;
  status: 'active' | 'abolished' | 'merged';
  name: string;
  aliases: string[];
  kind: string;
  series: Series;
  duration: Duration;
  termEnd?: string;
  abolitionCondition?: string;
  basis?: { conditions: number[]; text: string };
  reason?: string;
  leaders?: Post[];
  deputies?: Post[];
  members?: Post[];
  memberUnits?: string[];
  tasks?: string;
  duties?: string;
  hostDepartment?: string;
  location?: string;
  funding?: string;
  mirrorsUpperBody?: string;
  establishedOn: string;
  establishedBy?: string;
  endedOn?: string;
  abolition?: { reason: number; disposition: string; documentNo: string };
  mergedInto?: string;
  formerNames?: Array<{ name: string; until: string }>;
  annualReports?: Array<{ year: number; filedOn: string; meetingsHeld: number }>;
  lastActivityOn?: string;
}

/** GET /bodies/{id}/history, oldest first. */
export interface HistoryEntry {
  eventId: string;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  recordedBy?: string;
  documentNo: string;
  reason?: string;
  justification?: string;
  waivedRules?: Array<{ rule: string; source?: string; message?: string }>;
  version?: number;
  position?: number;
  data: Record<string, unknown>;
}

/** GET /jurisdictions/{code}/quota, as the OpenAPI document describes it. */
export type QuotaAnswer = Schemas['QuotaAnswerResponse'];
export type QuotaPoint = Schemas['QuotaPointResponse'];

interface ChangeFacts {
  eventId: string;
  bodyId: string;
  effectiveDate: string;
  documentNo: string;
  recordedAt: string;
}

export interface MergerLine {
  mergerId: string;
  eventId: string;
  effectiveDate: string;
  documentNo: string;
  recordedAt: string;
  reason: number;
  reasonText: string;
  sources: Array<{ id: string; name: string }>;
  target: { id: string; name: string; established: boolean };
}

/** GET /jurisdictions/{code}/changes (libs/read-model ChangesBetween). */
export interface ChangesAnswer {
  from: string;
  to: string;
  established: Array<ChangeFacts & { name: string; kind: string; series: Series; duration: Duration; origin?: string }>;
  abolished: Array<ChangeFacts & { name: string; reason: number; reasonText: string; disposition: string; dispositionText: string }>;
  merged: MergerLine[];
  renamed: Array<ChangeFacts & { previousName: string; newName: string; aliases: string[] }>;
  adjusted: Array<ChangeFacts & { name: string; fields: string[] }>;
  affiliationChanged: Array<ChangeFacts & { name: string; from: Series; to: Series }>;
}

/** One compliance alert, read loosely (issue 5 defines the final shape). */
/** GET /jurisdictions/{code}/compliance, as the OpenAPI document describes it. */
export type ComplianceAnswer = Schemas['ComplianceAnswerResponse'];
export type ComplianceAlert = Schemas['ComplianceAlertResponse'];
