import type { LocalDate } from '../shared/dates.js';
import type { BodyEvent, ListingPlace } from './body.events.js';
import type { AbolitionDisposition, AbolitionReason, BodyProfile } from './body.types.js';

export type BodyStatus = 'active' | 'abolished' | 'merged';

export interface BodyState extends BodyProfile {
  id: string;
  jurisdiction: string;
  status: BodyStatus;
  establishedOn: LocalDate;
  establishedBy: string;
  /** Place in the published list the body was imported from (潍坊名单 numbering). */
  listing?: ListingPlace;
  /** Date it left the registry (abolition or merger), if it did. */
  endedOn?: LocalDate;
  abolition?: { reason: AbolitionReason; disposition: AbolitionDisposition; documentNo: string };
  mergedInto?: string;
  formerNames: Array<{ name: string; until: LocalDate }>;
  annualReports: Array<{ year: number; filedOn: string; meetingsHeld: number }>;
  lastActivityOn?: LocalDate;
  /** Its establishment is not on file: first recorded from an adjustment (origin 'unrecorded'). */
  establishmentNotOnFile?: boolean;
}

/** Before the first event the body does not exist. */
export type BodyDecisionState = BodyState | undefined;

export const initialBodyState = (): BodyDecisionState => undefined;

export function evolveBody(state: BodyDecisionState, event: BodyEvent): BodyDecisionState {
  if (event.type === 'BodyEstablished') {
    const { bodyId, origin, mergerId: _mergerId, splitFrom: _splitFrom, ...profile } = event.data;
    return {
      ...profile,
      ...(origin === 'unrecorded' ? { establishmentNotOnFile: true } : {}),
      aliases: profile.aliases ?? [],
      members: profile.members ?? [],
      id: bodyId,
      jurisdiction: event.jurisdiction,
      status: 'active',
      establishedOn: event.effectiveDate,
      establishedBy: event.documentNo,
      formerNames: [],
      annualReports: [],
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'BodyAdjusted':
      return withDefined(state, event.data.changes);
    case 'BodyRenamed':
      return {
        ...state,
        name: event.data.newName,
        aliases: event.data.aliases ?? state.aliases,
        kind: event.data.kind ?? state.kind,
        // an aliases-only change keeps the name: it is not a former name
        formerNames: event.data.previousName === event.data.newName
          ? state.formerNames
          : [...state.formerNames, { name: event.data.previousName, until: event.effectiveDate }],
      };
    case 'BodyAffiliationChanged':
      return { ...state, series: event.data.to };
    case 'BodyAbolished':
      return {
        ...state,
        status: 'abolished',
        endedOn: event.effectiveDate,
        abolition: {
          reason: event.data.abolitionReason,
          disposition: event.data.disposition,
          documentNo: event.documentNo,
        },
      };
    case 'BodyMergedAway':
      return { ...state, status: 'merged', endedOn: event.effectiveDate, mergedInto: event.data.targetBodyId };
    case 'BodyAbsorbedMerger':
      return state;
    case 'AnnualReportFiled':
      return {
        ...state,
        annualReports: [
          ...state.annualReports.filter((r) => r.year !== event.data.year),
          { year: event.data.year, filedOn: event.data.filedOn, meetingsHeld: event.data.meetingsHeld },
        ],
        lastActivityOn:
          !state.lastActivityOn || event.data.filedOn > state.lastActivityOn ? event.data.filedOn : state.lastActivityOn,
      };
  }
}

export function foldBody(events: readonly BodyEvent[]): BodyDecisionState {
  return events.reduce(evolveBody, initialBodyState());
}

/** `state` with the fields of `changes` that are set (a loop: this runs for every adjustment of a rebuild). */
function withDefined<T extends object, C extends Partial<T>>(state: T, changes: C): T {
  const next = { ...state } as Record<string, unknown>;
  for (const key in changes) {
    const value = changes[key];
    if (value !== undefined) next[key] = value;
  }
  return next as T;
}
