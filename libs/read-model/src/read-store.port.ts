/**
 * The read-store port: where the projected views are kept. Adapters: SQLite (embedded
 * default, sqlite/sqlite-read-store.ts), an in-memory one for tests, MongoDB (MONGO_URL). One
 * contract suite (read-store.contract.ts) runs against each.
 *
 * The documents are bitemporal (read-documents.ts, time/bitemporal.ts): each answer below is
 * one indexed query over one collection, no replay. A body's registry stretches are derived
 * from its rows when read (the next row with a list line ends the one before).
 */
import type { LocalDate } from '#domain';
import type { BodyStateRow, ChangeRecord, QuotaBaselineDocument, Recorded, RegistryStretch, SeriesStretch, ViewDocument } from './read-documents.js';
import type { Instant } from './time/bitemporal.js';

/** How far the views have been projected: the last event in them and its transaction time. */
export interface Checkpoint {
  /** Position in the event log of the last event applied; 0 before any. */
  position: number;
  /** Transaction time reached (monotonic: the greatest recordedAt seen); null before any event. */
  transactionTime: Instant | null;
}

export const EMPTY_CHECKPOINT: Checkpoint = { position: 0, transactionTime: null };

/** A document to insert, with the transaction-time interval it is believed in. */
export interface DocumentInsert {
  document: ViewDocument;
  recordedFrom: Instant;
  /** Null while believed; set when it was opened and closed within the batch. */
  recordedTo: Instant | null;
}

/** A believed document stops being believed at `recordedTo`. */
export interface DocumentClosure {
  /** The document being closed, as it was opened (collection, key and its other fields). */
  document: ViewDocument;
  recordedTo: Instant;
}

/**
 * What one projection step writes, all in one transaction: first the closures (each matches
 * exactly one believed document: same collection and key, recordedTo null), then the inserts
 * (open ones have recordedTo null; a document opened and closed within the batch arrives with
 * both times set), then the checkpoint.
 */
export interface ReadModelBatch {
  /** The checkpoint this batch was projected on; the store refuses the batch if it has moved. */
  basedOn: number;
  closures: DocumentClosure[];
  inserts: DocumentInsert[];
  checkpoint: Checkpoint;
}

/** The store's checkpoint is not the one a batch was projected on (another writer moved it). */
export class CheckpointConflictError extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`read model checkpoint is at ${actual}, the batch was projected on ${expected}`);
    this.name = 'CheckpointConflictError';
  }
}

/** The live views are of an older format than this code reads (ADR 0017). */
export class StaleViewsError extends Error {
  constructor(
    readonly found: number,
    readonly expected: number,
  ) {
    super(`读模型视图的格式为 ${found}，当前版本需要格式 ${expected}：请运行 npm run cli -- rebuild 重建读模型（服务器在视图过期时启动即自动重建）`);
    this.name = 'StaleViewsError';
  }
}

export interface AsOf {
  /** Valid time: the day asked about. */
  date: LocalDate;
  /** Transaction time: only what was believed at this instant (canonical form). */
  knownAt: Instant;
}

export interface DayRange {
  /** First day, inclusive. */
  from: LocalDate;
  /** Last day, inclusive. */
  to: LocalDate;
  knownAt: Instant;
}

/** Writes into a view set: the live one, or one being rebuilt. */
export interface ReadModelWriter {
  checkpoint(): Promise<Checkpoint>;
  /** Applies the batch and moves the checkpoint, in one transaction. */
  apply(batch: ReadModelBatch): Promise<void>;
}

/**
 * A view set built beside the live one (fresh tables or collections). Readers keep seeing the
 * live set until `complete()` switches over in one step; `abandon()` drops the build.
 */
export interface ReadModelBuild extends ReadModelWriter {
  readonly buildId: string;
  /**
   * How many batches may be handed to `apply` before the first of them is written; the build
   * writes them in the order given. 1 (the default) when each apply must finish before the next.
   */
  readonly writesInFlight?: number;
  complete(): Promise<void>;
  abandon(): Promise<void>;
}

export interface ReadStore extends ReadModelWriter {
  readonly name: string;
  /**
   * True when the live views hold nothing (checkpoint 0), or hold views of an older format
   * (VIEW_FORMAT), which must be rebuilt: such a store answers checkpoint 0 and refuses reads
   * and writes on them with StaleViewsError until a rebuild switches to new ones.
   */
  isEmpty(): Promise<boolean>;
  /** Starts a build into fresh tables/collections; at most one build at a time. */
  beginRebuild(): Promise<ReadModelBuild>;
  /** Replaces the live views by empty ones (checkpoint 0), in one step. */
  reset(): Promise<void>;

  /** The registry lines of the jurisdiction valid on `date` as known at `knownAt`, any order (their validTo is not derived: null). */
  registryEntries(jurisdiction: string, asOf: AsOf): Promise<RegistryStretch[]>;
  /**
   * The stretches of registry lines valid on some day of [from, to], known at `knownAt`, any
   * order, none empty; validTo null when the stretch does not end by `to`.
   */
  registryEntriesBetween(jurisdiction: string, range: DayRange): Promise<RegistryStretch[]>;
  /** The same stretches with the series of their line only (what the quota line counts). */
  seriesStretchesBetween(jurisdiction: string, range: DayRange): Promise<SeriesStretch[]>;
  /** The body's rows with validFrom <= date known at `knownAt`, by (validFrom, position): what its state folds. */
  bodyStateRows(bodyId: string, asOf: AsOf): Promise<BodyStateRow[]>;
  /** Baselines of the jurisdiction in force on some day of [from, to], by validFrom. */
  quotaBaselines(jurisdiction: string, range: DayRange): Promise<Array<Recorded<QuotaBaselineDocument>>>;
  /** Change lines with from <= effectiveDate <= to, by (effectiveDate, position, bodyId, line of the row). */
  changes(jurisdiction: string, range: DayRange): Promise<ChangeRecord[]>;

  /** Answers when the store is reachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
