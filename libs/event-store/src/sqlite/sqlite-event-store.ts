import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CorruptEventError,
  JurisdictionChangedError,
  type AuditRow,
  type EventEnvelope,
  type EventValidator,
  type LogHead,
  type AppendOptions,
  ConcurrencyError,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type ReadPagesOptions,
  type StoredEvent,
  type StreamWrite,
  type Subscription,
} from '../event-store.port.js';
import { GENESIS_HASH, type ChainProblem } from '../hash-chain.js';
import { LogVerifier, logLink } from '../log-chain.js';
import { pagesOfReadAll } from '../read-pages.js';
import { AUDIT_COLUMNS, COLUMN, COLUMNS, FORMAT_2_TO_3, FORMAT_VERSION, FROM, INDEXES, INSERT, NameTable, TABLES, encodeEvent, rowNamedBy, uuidValue, type Row } from './sqlite-format.js';
import { readPagesOnWorker } from './sqlite-page-reader.js';

const FORMAT_1_PAGE = 2_000;

/** How often a subscriber looks for events written by another process on the same file. */
const POLL_MS = 250;
const PAGE = 5_000;

export interface SqliteEventStoreOptions {
  /**
   * Checks a decoded event against what its type requires (the app passes the domain's
   * check); a problem makes the read throw CorruptEventError naming the event.
   */
  validate?: EventValidator;
}

/** What opening a file of an older format did. */
export interface FormatMigration {
  from: number;
  to: number;
  events: number;
  /**
   * The chain checked after a migration that rewrote the rows (from format 1): empty when every
   * event still verifies. From format 2 only an index changes, the rows are as they were, and
   * nothing is checked (empty).
   */
  problems: ChainProblem[];
}

/**
 * The embedded event store: one SQLite file in WAL mode with synchronous=FULL, so an append
 * has reached the disk when it returns. A multi-stream append is one transaction, in which
 * each event is also linked into the log chain (log-chain.ts). The file's format is in
 * sqlite-format.ts; a file of the previous format is migrated when opened.
 */
export class SqliteEventStore implements EventStore {
  readonly name = 'sqlite';
  /** Set when opening migrated the file from an older format. */
  readonly migration?: FormatMigration;
  private readonly db: Database.Database;
  private readonly appended = new EventEmitter();
  private readonly statements;
  private readonly streams: NameTable;
  private readonly types: NameTable;
  private readonly validate?: EventValidator;
  private readonly appendTransaction: Database.Transaction<(writes: StreamWrite[], options?: AppendOptions) => AppendResult>;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.validate = options.validate;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    const migrated = openFormat(this.db);
    this.appended.setMaxListeners(0);
    this.streams = new NameTable(this.db, 'streams');
    this.types = new NameTable(this.db, 'event_types');
    const select = (where: string) => this.db.prepare(`SELECT ${COLUMNS} FROM ${FROM} ${where}`).raw(true) as Database.Statement<unknown[], Row>;
    this.statements = {
      streamVersion: this.db.prepare<[number], { version: number | null }>('SELECT MAX(version) AS version FROM events WHERE stream = ?'),
      last: this.db.prepare<[], { position: number; log_hash: Buffer }>('SELECT position, log_hash FROM events ORDER BY position DESC LIMIT 1'),
      insert: this.db.prepare(INSERT),
      readStream: select('WHERE e.stream = ? AND e.version >= ? ORDER BY e.version'),
      readAll: select('WHERE e.position > ? ORDER BY e.position LIMIT ?'),
      audit: this.db.prepare(`SELECT ${AUDIT_COLUMNS} FROM ${FROM} WHERE e.position > ? ORDER BY e.position LIMIT ?`).raw(true) as Database.Statement<unknown[], Row>,
      findEvent: select('WHERE e.event_id = ?'),
      // the few events appended since a decision read its jurisdiction: no index needed
      jurisdictionEventAfter: this.db.prepare<[number, string], { found: number }>('SELECT 1 AS found FROM events WHERE position > ? AND jurisdiction = ? LIMIT 1'),
      findByKey: select('WHERE e.idempotency_key = ? ORDER BY e.position'),
      head: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    // made once: better-sqlite3 builds a wrapper for each call of transaction()
    this.appendTransaction = this.db.transaction((writes: StreamWrite[], options?: AppendOptions) => this.appendInTransaction(writes, options));
    if (migrated) this.migration = { ...migrated, problems: migrated.from === 1 ? this.verifyNow() : [] };
  }

  private readonly appendInTransaction = (writes: StreamWrite[], options: AppendOptions = {}): AppendResult => {
    const since = options.unchangedSince;
    if (since && this.statements.jurisdictionEventAfter.get(since.position, since.jurisdiction)) {
      throw new JurisdictionChangedError(since.jurisdiction, since.position);
    }
    const last = this.statements.last.get();
    let position = last?.position ?? 0;
    let logHash = last ? last.log_hash.toString('hex') : GENESIS_HASH;
    const streams: AppendResult['streams'] = [];
    for (const write of writes) {
      const stream = this.streams.idOf(write.streamId);
      const current = this.statements.streamVersion.get(stream)?.version ?? 0;
      if (write.expectedVersion !== 'any' && write.expectedVersion !== current) {
        throw new ConcurrencyError(write.streamId, write.expectedVersion, current);
      }
      let version = current;
      for (const event of write.events) {
        version += 1;
        // Events are sealed into the hash chain for a version; a shifted version would break it.
        if (event.version !== version) throw new ConcurrencyError(write.streamId, event.version - 1, version - 1);
        position += 1;
        // the log chain links this event to the one before it in the whole log, known only here
        logHash = logLink(logHash, position, event.hash);
        const stored = event.streamId === write.streamId ? event : { ...event, streamId: write.streamId };
        this.statements.insert.run(encodeEvent(stored, position, stream, this.types.idOf(event.type), logHash));
      }
      streams.push({ streamId: write.streamId, version });
    }
    return { position, streams };
  };

  async append(writes: StreamWrite[], options?: AppendOptions): Promise<AppendResult> {
    let result: AppendResult;
    try {
      result = this.appendTransaction.immediate(writes, options);
    } catch (error) {
      // ids handed out in a rolled-back transaction are not in the file
      this.streams.forget();
      this.types.forget();
      throw error;
    }
    this.appended.emit('appended', result.position);
    return result;
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const stream = this.streams.lookup(streamId);
    return stream === undefined ? [] : this.statements.readStream.all(stream, fromVersion).map(this.decode);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    if (!options.types) return this.statements.readAll.all(options.after ?? 0, limit).map(this.decode);
    const types = options.types.map((type) => this.types.lookup(type)).filter((id) => id !== undefined);
    if (types.length === 0) return [];
    // the narrow (position, type) index, read in log order, finds the rows: without INDEXED BY
    // the planner walks the table's rows themselves
    const from = FROM.replace('events e', 'events e INDEXED BY events_by_position_type');
    return (
      this.db.prepare(`SELECT ${COLUMNS} FROM ${from} WHERE e.position > ? AND e.type IN (${types.map(() => '?').join(', ')}) ORDER BY e.position LIMIT ?`).raw(true) as Database.Statement<unknown[], Row>
    )
      .all(options.after ?? 0, ...types, limit)
      .map(this.decode);
  }

  readAllPages(options: ReadPagesOptions = {}): AsyncIterable<StoredEvent[]> {
    // a worker thread cannot see an in-memory database
    if (this.file === ':memory:') return pagesOfReadAll((o) => this.readAll(o), options);
    return readPagesOnWorker(this.file, options.after ?? 0, options.pageSize ?? 10_000, this.validate, options.onCorrupt);
  }

  async *readAuditPages(options: ReadPagesOptions = {}): AsyncGenerator<AuditRow[]> {
    const pageSize = options.pageSize ?? 5_000;
    for (let after = options.after ?? 0; ; ) {
      const rows = this.statements.audit.all(after, pageSize);
      if (rows.length === 0) return;
      yield rows.map(this.auditRow);
      after = rows[rows.length - 1][COLUMN.position] as number;
      // let other work in between pages of a long check
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async logHead(): Promise<LogHead> {
    const last = this.statements.last.get();
    return last ? { position: last.position, hash: last.log_hash.toString('hex') } : { position: 0, hash: GENESIS_HASH };
  }

  async subscribeAll(
    options: Omit<ReadAllOptions, 'limit'>,
    onEvent: (event: StoredEvent) => Promise<void> | void,
    onError?: (error: unknown) => void,
  ): Promise<Subscription> {
    let after = options.after ?? 0;
    let closed = false;
    let running: Promise<void> | undefined;
    let again = false;
    const drain = async () => {
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        do {
          again = false;
          for (;;) {
            if (closed) return;
            const page = await this.readAll({ after, limit: PAGE, types: options.types });
            for (const event of page) {
              if (closed) return;
              await onEvent(event);
              after = event.position;
            }
            if (page.length < PAGE) break;
          }
        } while (again && !closed);
      })()
        .catch((error) => onError?.(error))
        .finally(() => {
          running = undefined;
        });
      return running;
    };
    const onAppended = () => void drain();
    this.appended.on('appended', onAppended);
    const timer = setInterval(onAppended, POLL_MS);
    timer.unref();
    await drain();
    return {
      close: async () => {
        closed = true;
        clearInterval(timer);
        this.appended.off('appended', onAppended);
        await running;
      },
    };
  }

  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    const row = this.statements.findEvent.get(uuidValue(eventId));
    return row && this.decode(row);
  }

  async findByIdempotencyKey(key: string): Promise<StoredEvent[]> {
    return this.statements.findByKey.all(key).map(this.decode);
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get()?.position ?? 0;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  /** Decodes a row read with COLUMNS; throws CorruptEventError naming it when it cannot. */
  private readonly decode = (row: Row): StoredEvent => {
    let event: StoredEvent;
    try {
      // assigning onto the parsed object instead of spreading it halves the decode time of a rebuild
      event = JSON.parse(row[COLUMN.envelope] as string) as StoredEvent;
      event.data = JSON.parse(row[COLUMN.data] as string) as Record<string, unknown>;
    } catch (error) {
      const at = rowNamedBy(row[COLUMN.envelope] as string);
      throw new CorruptEventError(row[COLUMN.position] as number, at.streamId, at.version, at.type, `JSON 无法解析(${(error as Error).message})`);
    }
    const problem = this.validate?.(event);
    if (problem) throw new CorruptEventError(event.position, event.streamId, event.version, event.type, problem);
    return event;
  };

  private readonly auditRow = (row: Row): AuditRow => {
    const at = {
      position: row[COLUMN.position] as number,
      streamId: row[COLUMN.stream] as string,
      version: row[COLUMN.version] as number,
      type: row[COLUMN.type] as string,
      hash: row[COLUMN.hash] as string,
      logHash: row[COLUMN.logHash] as string,
    };
    try {
      const event = this.decode(row);
      return { ...at, eventId: event.eventId, event };
    } catch (error) {
      return { ...at, problem: error instanceof CorruptEventError ? error.problem : String(error) };
    }
  };

  /** The whole check, synchronously (after a migration, before the store is used). */
  private verifyNow(): ChainProblem[] {
    const verifier = new LogVerifier();
    for (let after = 0; ; ) {
      const rows = this.statements.audit.all(after, FORMAT_1_PAGE);
      if (rows.length === 0) break;
      for (const row of rows) verifier.add(this.auditRow(row));
      after = rows[rows.length - 1][COLUMN.position] as number;
    }
    return verifier.finish().problems;
  }

  async close(): Promise<void> {
    this.appended.removeAllListeners();
    if (this.db.open) this.db.close();
  }
}




function corruptRow(row: Row, problem: string): CorruptEventError {
  return new CorruptEventError(row[COLUMN.position] as number, row[COLUMN.stream] as string, row[COLUMN.version] as number, row[COLUMN.type] as string, problem);
}

/**
 * Brings the file to the current format: creates it when new, migrates format 1 (the envelope
 * as one JSON text per row) or format 2 (another index by type) in one transaction, so a crash
 * leaves the old file as it was. Returns what a migration did, before the check.
 */
function openFormat(db: Database.Database): Omit<FormatMigration, 'problems'> | undefined {
  const format = () => db.pragma('user_version', { simple: true }) as number;
  if (format() === FORMAT_VERSION) return undefined;
  const migrated = db.transaction((): Omit<FormatMigration, 'problems'> | undefined => {
    // another process may have done it while this one waited for the lock
    const current = format();
    if (current === FORMAT_VERSION) return undefined;
    if (current === 2) {
      db.exec(FORMAT_2_TO_3);
      db.pragma(`user_version = ${FORMAT_VERSION}`);
      const { events } = db.prepare<[], { events: number }>('SELECT count(*) AS events FROM events').get()!;
      return { from: 2, to: FORMAT_VERSION, events };
    }
    if (current !== 0) throw new Error(`事件文件的格式版本 ${current} 未知(本程序为 ${FORMAT_VERSION})：请使用较新的版本打开`);
    const old = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    if (!old) {
      db.exec(TABLES + INDEXES);
      db.pragma(`user_version = ${FORMAT_VERSION}`);
      return undefined;
    }
    db.exec('DROP INDEX IF EXISTS events_by_type; DROP INDEX IF EXISTS events_by_idempotency_key; ALTER TABLE events RENAME TO events_format_1;');
    db.exec(TABLES);
    const streams = new NameTable(db, 'streams');
    const types = new NameTable(db, 'event_types');
    const read = db.prepare<[number, number], { position: number; envelope: string; data: string }>(
      'SELECT position, envelope, data FROM events_format_1 WHERE position > ? ORDER BY position LIMIT ?',
    );
    const insert = db.prepare(INSERT);
    let logHash = GENESIS_HASH;
    let events = 0;
    for (let after = 0; ; ) {
      const rows = read.all(after, FORMAT_1_PAGE);
      if (rows.length === 0) break;
      for (const row of rows) {
        let event: EventEnvelope;
        try {
          event = { ...(JSON.parse(row.envelope) as EventEnvelope), data: JSON.parse(row.data) as Record<string, unknown> };
        } catch (error) {
          throw new Error(`无法迁移事件文件：位置 ${row.position} 的事件 JSON 无法解析(${(error as Error).message})；文件未改动`);
        }
        logHash = logLink(logHash, row.position, event.hash);
        insert.run(encodeEvent(event, row.position, streams.idOf(event.streamId), types.idOf(event.type), logHash));
        events++;
      }
      after = rows[rows.length - 1].position;
    }
    db.exec(`DROP TABLE events_format_1; DELETE FROM sqlite_sequence WHERE name IN ('events', 'events_format_1');`);
    db.exec(INDEXES);
    db.pragma(`user_version = ${FORMAT_VERSION}`);
    return { from: 1, to: FORMAT_VERSION, events };
  }).immediate();
  // the old table's pages are free now; give them back (outside the transaction, as VACUUM must
  // be). Format 2's index by type is small next to the rows: appends reuse its pages instead of
  // a VACUUM rewriting the whole file.
  if (migrated?.from === 1) db.exec('VACUUM');
  return migrated;
}
