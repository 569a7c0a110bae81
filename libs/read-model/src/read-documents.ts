/**
 * The documents of the read model, as projections produce them (valid time only) and as the
 * read store keeps them (plus their transaction-time interval, see time/bitemporal.ts).
 *
 * Every document has a `collection` and a `key` that is unique among the documents of that
 * collection still believed (recordedTo null). A document is never edited: a projection
 * closes it (sets recordedTo) and opens a new one.
 */
import type {
  AbolitionDisposition,
  AbolitionReason,
  BodyKind,
  BodyState,
  Duration,
  ListingPlace,
  LocalDate,
  MergerReason,
  Series,
} from '#domain';
import type { RecordedInterval } from './time/bitemporal.js';

/** The views' format: a store holding views of another one rebuilds them (ADR 0017). */
export const VIEW_FORMAT = 2;

export type CollectionName = 'body_rows' | 'quota_baselines';

/** One line of the registry list (docs/http-api.md `bodies[]`). */
export interface RegistryEntry {
  id: string;
  name: string;
  aliases: string[];
  kind: BodyKind;
  series: Series;
  duration: Duration;
  establishedOn: LocalDate;
  hostDepartment: string;
  termEnd?: LocalDate;
  /** Place in the published list an imported body came from: keeps the list's order. */
  listing?: ListingPlace;
}

/** The body's state without its annual reports (those are the reports of its rows). */
export type BodyVersionState = Omit<BodyState, 'annualReports' | 'lastActivityOn'>;

/** An annual report as the body's fold applies it. */
export interface AnnualReport {
  year: number;
  filedOn: string;
  meetingsHeld: number;
}

/**
 * `body_rows` (view format 2, docs/decisions/0017-one-view-row-per-event.md): one row per event
 * a body's fold applies, valid from the event's effective date. A body's rows in (validFrom,
 * position) order are its history:
 *
 * - its state on D: the `changed` of its rows with validFrom <= D folded in that order, and the
 *   `report`s likewise;
 * - its registry line on D: the `entry` of its last row with validFrom <= D that has one
 *   (a row carries `entry` only when the event changed the list line; null when the body left
 *   the registry by it), so a stretch ends at the next such row's validFrom (derived when read,
 *   never written);
 * - the change lines of the event: `changes`.
 *
 * An event that sorts after all of its body's (the common case, and every event of a rebuild)
 * only adds its row; an event recorded late or a correction closes the rows whose content it
 * alters and opens their replacements.
 */
export interface BodyRowDocument {
  collection: 'body_rows';
  /** `<bodyId>@<position>` */
  key: string;
  jurisdiction: string;
  bodyId: string;
  validFrom: LocalDate;
  /** The log position of the event. */
  position: number;
  /** The list line from this event on, when it changed; null: the body left the registry. */
  entry?: RegistryEntry | null;
  /** The top-level fields of the state this event changed (the whole state on establishment). */
  changed?: Partial<BodyVersionState>;
  /** The annual report this event filed. */
  report?: AnnualReport;
  /** The change lines of this event (two for a merger's new target). */
  changes?: ChangeRecord[];
}

/** A body's registry line over a stretch of valid time, derived from its rows as known at some moment. */
export interface RegistryStretch extends RecordedInterval {
  jurisdiction: string;
  bodyId: string;
  validFrom: LocalDate;
  /**
   * The next change of the line (exclusive); null while none is known up to the range asked
   * about (a stretch may go on past it).
   */
  validTo: LocalDate | null;
  /** The row the stretch starts with. */
  position: number;
  entry: RegistryEntry;
}

/** A stretch as the quota line counts it: the line's series only. */
export type SeriesStretch = Pick<RegistryStretch, 'bodyId' | 'validFrom' | 'validTo'> & { entry: Pick<RegistryEntry, 'series'> };

/** What the body's state as of a date folds: its rows' changes and reports. */
export type BodyStateRow = Pick<BodyRowDocument, 'validFrom' | 'position' | 'changed' | 'report'> & RecordedInterval;

/** What every change line carries: the decision's paperwork. */
export interface ChangeFacts {
  eventId: string;
  bodyId: string;
  effectiveDate: LocalDate;
  documentNo: string;
  /** When the decision was recorded (the original event's time, also when corrected later). */
  recordedAt: string;
  position: number;
}

export type ChangeRecord =
  | (ChangeFacts & {
      type: 'established';
      name: string;
      kind: BodyKind;
      series: Series;
      duration: Duration;
      origin: 'decision' | 'merger' | 'import' | 'split' | 'unrecorded';
      mergerId?: string;
    })
  | (ChangeFacts & {
      type: 'abolished';
      name: string;
      reason: AbolitionReason;
      reasonText: string;
      disposition: AbolitionDisposition;
      dispositionText: string;
    })
  | (ChangeFacts & { type: 'renamed'; previousName: string; newName: string; aliases: string[] })
  | (ChangeFacts & { type: 'adjusted'; name: string; fields: string[] })
  | (ChangeFacts & { type: 'affiliationChanged'; name: string; from: Series; to: Series })
  | (ChangeFacts & {
      /** One body's part in a merger; the query joins the parts of one merger. */
      type: 'merged';
      name: string;
      role: 'source' | 'target';
      mergerId: string;
      mergerReason: MergerReason;
      sourceBodyIds: string[];
      targetBodyId: string;
      /** The target was set up by the merger. */
      newTarget: boolean;
    });

export type ChangeType = ChangeRecord['type'];

export interface QuotaBaseline {
  total: number;
  standing?: number;
  temporary?: number;
  /** When set, only bodies of this series count against the baseline. */
  series?: Series;
  /** The published list's own title, when the baseline was imported with one. */
  listTitle?: string;
  documentNo: string;
  effectiveDate: LocalDate;
  eventId: string;
}

/** `quota_baselines`: the baseline in force from validFrom until the next one. */
export interface QuotaBaselineDocument {
  collection: 'quota_baselines';
  /** `<jurisdiction>@<validFrom>` */
  key: string;
  jurisdiction: string;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  baseline: QuotaBaseline;
}

/** A document as a projection produces it: valid time only. */
export type ViewDocument = BodyRowDocument | QuotaBaselineDocument;

/** A document as the read store keeps it. */
export type Recorded<D extends ViewDocument = ViewDocument> = D & RecordedInterval;

/** Identity of a document among the believed ones of all collections. */
export function documentId(doc: Pick<ViewDocument, 'collection' | 'key'>): string {
  return `${doc.collection}\u0000${doc.key}`;
}
