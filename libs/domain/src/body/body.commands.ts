import type { LocalDate } from '../shared/dates.js';
import type { Justifications } from '../shared/violations.js';
import type { ListingPlace } from './body.events.js';
import type { AbolitionDisposition, AbolitionReason, AdjustableParts, BodyProfile, Series } from './body.types.js';

/** The paperwork every decision carries. */
export interface DecisionRecord {
  documentNo: string;
  effectiveDate: LocalDate;
  reason?: string;
  /** The single justification of older requests: waives only an unambiguous single bent rule. */
  justification?: string;
  /** Why each bent warning rule was bent, by rule code. */
  justifications?: Justifications;
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
/**
 * What an adjustment notice says of a body whose establishment is not on file: enough to
 * record it as first known from this adjustment (origin 'unrecorded'), flagged for the auditor,
 * without inventing an establishment (docs/decisions/0009-published-decisions.md).
 */
export interface UnrecordedBody {
  jurisdiction: string;
  name: string;
  aliases?: string[];
  series: Series;
  kind?: BodyProfile['kind'];
  duration?: BodyProfile['duration'];
}
export type AdjustBody = DecisionRecord & {
  type: 'AdjustBody';
  bodyId: string;
  changes: AdjustableParts;
  /** Set when the body's establishment is not on file: the adjustment records it first. */
  unrecorded?: UnrecordedBody;
};
/**
 * 更名. Aliases stay unless given (an empty list clears them); the kind follows the new name
 * unless given; `series` changes the affiliation in the same decision.
 */
export type RenameBody = DecisionRecord & {
  type: 'RenameBody';
  bodyId: string;
  newName: string;
  aliases?: string[];
  kind?: BodyProfile['kind'];
  series?: Series;
};
/**
 * 任务完成后自行撤销: a temporary body ended by its own abolition condition, without a new 文号
 * (the establishing document's stands unless one is given), with the evidence that the task ended.
 */
export type SelfAbolishBody = Omit<DecisionRecord, 'documentNo'> & {
  type: 'SelfAbolishBody';
  bodyId: string;
  documentNo?: string;
  evidence: string;
};
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

export type BodyCommand = EstablishBody | AdjustBody | RenameBody | ChangeAffiliation | AbolishBody | SelfAbolishBody | FileAnnualReport;
