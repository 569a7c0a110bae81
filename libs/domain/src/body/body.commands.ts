import type { LocalDate } from '../shared/dates.js';
import type { ListingPlace } from './body.events.js';
import type { AbolitionDisposition, AbolitionReason, AdjustableParts, BodyProfile, Series } from './body.types.js';

/** The paperwork every decision carries. */
export interface DecisionRecord {
  documentNo: string;
  effectiveDate: LocalDate;
  reason?: string;
  justification?: string;
}

export type EstablishBody = DecisionRecord & {
  type: 'EstablishBody';
  bodyId: string;
  jurisdiction: string;
  profile: Omit<BodyProfile, 'kind' | 'aliases' | 'members'> &
    Partial<Pick<BodyProfile, 'kind' | 'aliases' | 'members'>>;
  origin?: 'decision' | 'import';
  /** Where an imported body stands in the published list it came from. */
  listing?: ListingPlace;
};
export type AdjustBody = DecisionRecord & { type: 'AdjustBody'; bodyId: string; changes: AdjustableParts };
export type RenameBody = DecisionRecord & { type: 'RenameBody'; bodyId: string; newName: string; aliases?: string[] };
export type ChangeAffiliation = DecisionRecord & { type: 'ChangeAffiliation'; bodyId: string; series: Series };
export type AbolishBody = DecisionRecord & {
  type: 'AbolishBody';
  bodyId: string;
  abolitionReason: AbolitionReason;
  disposition: AbolitionDisposition;
};
export type FileAnnualReport = DecisionRecord & {
  type: 'FileAnnualReport';
  bodyId: string;
  year: number;
  summary: string;
  meetingsHeld: number;
  filedOn: LocalDate;
};

export type BodyCommand = EstablishBody | AdjustBody | RenameBody | ChangeAffiliation | AbolishBody | FileAnnualReport;
