/**
 * The event store port: the one place events are kept. Adapters: SQLite (embedded default),
 * KurrentDB / EventStoreDB. One contract suite (event-store.contract.ts) runs against each.
 */

/** Everything an event carries besides its place in the whole log. */
export interface EventEnvelope {
  eventId: string;
  type: string;
  schemaVersion: number;
  streamId: string;
  /** Place in its stream, 1-based: the stream's version once this event is in. */
  version: number;
  jurisdiction: string;
  bodyId?: string;
  /** Valid time (China calendar date). */
  effectiveDate: string;
  /** Transaction time, from the server clock, ISO-8601 with offset. */
  recordedAt: string;
  recordedBy: string;
  documentNo: string;
  reason?: string;
  justification?: string;
  waivedRules?: Array<{ rule: string; source: string; message: string; justification?: string }>;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** SHA-256 of the request that carried the idempotency key, to refuse a reused key. */
  requestHash?: string;
  /** Hash of the previous event in the same stream; 64 zeros for the first. */
  previousHash: string;
  /** SHA-256 over the canonical serialisation of this envelope without `hash` and `position`. */
  hash: string;
  data: Record<string, unknown>;
}

/** An event as read back from the store. */
export interface StoredEvent extends EventEnvelope {
  /** Place in the whole log, increasing with every append. */
  position: number;
}

/** A problem with a decoded event's shape for its type and schemaVersion, or undefined when it is sound. */
export type EventValidator = (event: StoredEvent) => string | undefined;

/** 0: the stream must not exist yet; N: the stream must be at version N; 'any': no check. */
export type ExpectedVersion = number | 'any';

export interface StreamWrite {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: EventEnvelope[];
}

export interface AppendResult {
  /** Position of the last event written. */
  position: number;
  streams: Array<{ streamId: string; version: number }>;
}

export interface ReadAllOptions {
  /** Events strictly after this position; from the start when omitted. */
  after?: number;
  limit?: number;
  /** Only these event types. */
  types?: readonly string[];
}

export interface ReadPagesOptions {
  /** Events strictly after this position; from the start when omitted. */
  after?: number;
  /** Events per page (default 10,000). */
  pageSize?: number;
  /**
   * Given, an event that cannot be read is left out of its page and passed here (a rebuild the
   * operator accepted unverified); without it, reading throws CorruptEventError. SQLite only:
   * other adapters throw.
   */
  onCorrupt?: (error: CorruptEventError) => void;
  /**
   * Called with every row of the pages, in log order and before its page is yielded, decoded or
   * not, for a LogVerifier fed by the same read (log-chain.ts verifyingReads). Only adapters
   * with `auditsPageReads` call it.
   */
  onAuditRow?: (row: AuditRow) => void;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface AppendOptions {
  /**
   * Refuses the append (JurisdictionChangedError, nothing written) when the log holds an event
   * of this jurisdiction after this position: a decision judged against the jurisdiction's
   * other bodies as they stood then is not appended over a change it did not see, whichever
   * process made it. SQLite checks in the append's transaction; KurrentDB with a guard stream
   * per jurisdiction written in the same multi-stream append (docs/decisions/0011-production-path.md).
   */
  unchangedSince?: { jurisdiction: string; position: number };
}

/**
 * One row of the log as an audit reads it: what is stored even when the event itself can no
 * longer be decoded, so a check can name the row and go on.
 */
export interface AuditRow {
  position: number;
  streamId: string;
  version: number;
  type: string;
  eventId?: string;
  /** The event's stored stream hash. */
  hash: string;
  /** The log chain's stored hash at this row, where the adapter keeps one (SQLite). */
  logHash?: string;
  /** The decoded event; absent when the row could not be decoded. */
  event?: StoredEvent;
  /** Why the row could not be decoded. */
  problem?: string;
  /**
   * What the adapter already recomputed and found equal, off the caller's thread: `hash`, the
   * event's hash over its content; `logLink`, logLink(the stored log hash of the row before,
   * position, hash) against `logHash`. Only a match is taken on trust; anything else the
   * verifier recomputes itself (log-chain.ts).
   */
  checked?: { hash: boolean; logLink: boolean };
}

/** The log chain's hash at a position: what an auditor keeps to prove the log later. */
export interface LogHead {
  position: number;
  hash: string;
}

export interface EventStore {
  readonly name: string;
  /**
   * Appends to one or more streams, all or nothing, each checked against its expected
   * version. Resolves only once the events are durable. Throws ConcurrencyError on a
   * version mismatch, writing nothing.
   */
  append(writes: StreamWrite[], options?: AppendOptions): Promise<AppendResult>;
  /** A stream's events in order, from a version (1-based, inclusive). */
  readStream(streamId: string, fromVersion?: number): Promise<StoredEvent[]>;
  /** The whole log in order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * The log in order, page by page up to its head, for a rebuild. An adapter may read the next
   * page while the caller works on this one (the SQLite one reads on a worker thread).
   */
  readAllPages(options?: ReadPagesOptions): AsyncIterable<StoredEvent[]>;
  /**
   * Calls `onEvent` for every event after `after`, in log order, then for each new one, until
   * closed. The handler is awaited before the next event is delivered.
   */
  subscribeAll(
    options: Omit<ReadAllOptions, 'limit'>,
    onEvent: (event: StoredEvent) => Promise<void> | void,
    onError?: (error: unknown) => void,
  ): Promise<Subscription>;
  findEvent(eventId: string): Promise<StoredEvent | undefined>;
  /** Events written by the request that carried this Idempotency-Key. */
  findByIdempotencyKey(key: string): Promise<StoredEvent[]>;
  /** Position of the last event in the log, 0 when empty. */
  headPosition(): Promise<number>;
  /**
   * The log for an audit, page by page, corrupt rows included as rows without an event.
   * Optional: without it an audit reads `readAllPages` (and stops at a row it cannot decode).
   */
  readAuditPages?(options?: ReadPagesOptions): AsyncIterable<AuditRow[]>;
  /** True when readAllPages honours `onAuditRow`. */
  readonly auditsPageReads?: boolean;
  /**
   * The stored log chain's head. Optional: without it the head is computed by reading the log
   * (log-chain.ts `logHeadOf`).
   */
  logHead?(): Promise<LogHead>;
  /** Answers when the store is reachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** See AppendOptions.unchangedSince. */
export class JurisdictionChangedError extends Error {
  constructor(
    readonly jurisdiction: string,
    readonly position: number,
  ) {
    super(`行政区划 ${jurisdiction} 在位置 ${position} 之后又有登记`);
    this.name = 'JurisdictionChangedError';
  }
}

export class ConcurrencyError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number,
  ) {
    super(`stream ${streamId} is at version ${actualVersion}, expected ${String(expectedVersion)}`);
    this.name = 'ConcurrencyError';
  }
}

/**
 * An event whose stored form can no longer be read as an event of its type (its JSON does not
 * parse, or its data lacks what its type requires). Names the event, so that an operator can
 * find it; the API answers 503 with it.
 */
export class CorruptEventError extends Error {
  constructor(
    readonly position: number,
    readonly streamId: string,
    readonly version: number,
    readonly type: string,
    readonly problem: string,
  ) {
    super(`事件已损坏：位置 ${position}，流 ${streamId}，第 ${version} 个事件(${type})：${problem}`);
    this.name = 'CorruptEventError';
  }
}
