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

export type CollectionName = 'registry_entries' | 'body_versions' | 'annual_reports' | 'changes' | 'quota_baselines';

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

/**
 * `registry_entries`: a body while it is in the registry, one document per stretch of valid
 * time in which its list fields stay the same. Valid on D: validFrom <= D < validTo.
 */
export interface RegistryEntryDocument {
  collection: 'registry_entries';
  /** `<bodyId>@<validFrom>` */
  key: string;
  jurisdiction: string;
  bodyId: string;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  entry: RegistryEntry;
}

/** The body's state without its annual reports (those are `annual_reports` documents). */
export type BodyVersionState = Omit<BodyState, 'annualReports' | 'lastActivityOn'>;

/**
 * `body_versions`: what changed in the body's state on `validFrom` (its top-level fields
 * whose value changed; the whole state on establishment). The state as of D is the versions
 * with validFrom <= D folded in validFrom order, so a later version never rewrites an earlier
 * one, and an event recorded late rewrites only the versions whose changes it alters.
 */
export interface BodyVersionDocument {
  collection: 'body_versions';
  /** `<bodyId>@<validFrom>` */
  key: string;
  jurisdiction: string;
  bodyId: string;
  validFrom: LocalDate;
  changed: Partial<BodyVersionState>;
}

/**
 * `annual_reports`: one per AnnualReportFiled that the body's fold applies. A body's reports as
 * of D are those with validFrom <= D, folded in (validFrom, position) order.
 */
export interface AnnualReportDocument {
  collection: 'annual_reports';
  /** The AnnualReportFiled event id. */
  key: string;
  jurisdiction: string;
  bodyId: string;
  validFrom: LocalDate;
  position: number;
  report: { year: number; filedOn: string; meetingsHeld: number };
}

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

/** `changes`: one per change line, valid on its effective date. */
export interface ChangeDocument {
  collection: 'changes';
  /** The event id, suffixed for the parts a merger adds to each body. */
  key: string;
  jurisdiction: string;
  bodyId: string;
  effectiveDate: LocalDate;
  change: ChangeRecord;
}

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
export type ViewDocument =
  | RegistryEntryDocument
  | BodyVersionDocument
  | AnnualReportDocument
  | ChangeDocument
  | QuotaBaselineDocument;

/** A document as the read store keeps it. */
export type Recorded<D extends ViewDocument = ViewDocument> = D & RecordedInterval;

/** Identity of a document among the believed ones of all collections. */
export function documentId(doc: Pick<ViewDocument, 'collection' | 'key'>): string {
  return `${doc.collection}\u0000${doc.key}`;
}
