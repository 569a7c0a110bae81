/**
 * The SQLite event file's format 2 (docs/decisions/0005-event-format-and-log-chain.md): the
 * envelope in columns, the payload alone as JSON, hashes and UUIDs as bytes, the stream and
 * type named through small tables. `PRAGMA user_version` holds the format; a file of format 1
 * (user_version 0: the envelope as one JSON text per row) is migrated when opened.
 *
 * Every value goes back exactly as it came, so the stream hashes (over canonical JSON of the
 * envelope) still verify: a column holds the compact form only for values that turn back into
 * the same text (a lowercase UUID as 16 bytes, a lowercase SHA-256 as 32, a YYYY-MM-DD date as
 * the integer YYYYMMDD, a recorded time that `toISOString` gives back as milliseconds); any
 * other value is kept as it is, and a field this format has no column for, or of an unexpected
 * kind, goes to `extra` (JSON).
 */
import type Database from 'better-sqlite3';
import type { EventEnvelope } from '../event-store.port.js';

export const FORMAT_VERSION = 2;

/** Secondary indexes, created after a migration's inserts. */
export const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (event_id);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream, version);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
CREATE INDEX IF NOT EXISTS events_by_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL;
`;

/**
 * Columns without a declared type keep each value as given (a BLOB for a UUID, TEXT for any
 * other id); a declared ANY would have numeric affinity and turn '0123' into 123.
 */
export const TABLES = `
CREATE TABLE IF NOT EXISTS streams (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS event_types (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY,
  event_id,
  stream          INTEGER NOT NULL REFERENCES streams (id),
  version         INTEGER NOT NULL,
  type            INTEGER NOT NULL REFERENCES event_types (id),
  schema_version,
  jurisdiction    TEXT,
  body_id,
  effective_date,
  recorded_at,
  recorded_by     TEXT,
  document_no     TEXT,
  reason          TEXT,
  justification   TEXT,
  waived_rules    TEXT,
  correlation_id,
  causation_id,
  idempotency_key TEXT,
  request_hash,
  previous_hash,
  hash            NOT NULL,
  log_hash        BLOB NOT NULL,
  extra           TEXT,
  data            TEXT NOT NULL
);
`;

/** The columns read back, in the order `decodeEnvelope` takes them. */
export const COLUMNS =
  'e.position, e.event_id, s.name, e.version, t.name, e.schema_version, e.jurisdiction, e.body_id, e.effective_date, e.recorded_at, ' +
  'e.recorded_by, e.document_no, e.reason, e.justification, e.waived_rules, e.correlation_id, e.causation_id, e.idempotency_key, ' +
  'e.request_hash, e.previous_hash, e.hash, e.log_hash, e.extra, e.data';
export const FROM = 'events e JOIN streams s ON s.id = e.stream JOIN event_types t ON t.id = e.type';
export const COLUMN = { position: 0, eventId: 1, stream: 2, version: 3, type: 4, hash: 20, logHash: 21, data: 23 } as const;

export const INSERT =
  'INSERT INTO events (position, event_id, stream, version, type, schema_version, jurisdiction, body_id, effective_date, recorded_at, ' +
  'recorded_by, document_no, reason, justification, waived_rules, correlation_id, causation_id, idempotency_key, request_hash, ' +
  'previous_hash, hash, log_hash, extra, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export type Row = unknown[];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const uuidValue = (v: string): string | Buffer => (UUID.test(v) ? Buffer.from(v.replace(/-/g, ''), 'hex') : v);
export const hashValue = (v: string): string | Buffer => (SHA256.test(v) ? Buffer.from(v, 'hex') : v);
const dateValue = (v: string): string | number => (DATE.test(v) ? Number(v.replace(/-/g, '')) : v);
function instantValue(v: string): string | number {
  const ms = Date.parse(v);
  return Number.isFinite(ms) && new Date(ms).toISOString() === v ? ms : v;
}

const STRING_FIELDS = ['eventId', 'jurisdiction', 'bodyId', 'effectiveDate', 'recordedAt', 'recordedBy', 'documentNo', 'reason', 'justification', 'correlationId', 'causationId', 'idempotencyKey', 'requestHash', 'previousHash', 'hash'] as const;
const COLUMN_FIELDS = new Set<string>([...STRING_FIELDS, 'type', 'streamId', 'version', 'schemaVersion', 'waivedRules', 'data', 'position']);

/** The parameters of INSERT for one event. */
export function encodeEvent(event: EventEnvelope, position: number, stream: number, type: number, logHash: string): unknown[] {
  const record = event as unknown as Record<string, unknown>;
  // anything this format has no column for, or not of its column's kind, is kept in `extra`
  let extra: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    const misfit = !COLUMN_FIELDS.has(key) || ((STRING_FIELDS as readonly string[]).includes(key) && typeof value !== 'string') || (key === 'schemaVersion' && typeof value !== 'number');
    if (misfit && key !== 'type' && key !== 'streamId' && key !== 'version' && key !== 'data' && key !== 'position') (extra ??= {})[key] = value;
  }
  const str = (key: (typeof STRING_FIELDS)[number]): string | undefined => (typeof record[key] === 'string' && !(extra && key in extra) ? (record[key] as string) : undefined);
  const bodyId = str('bodyId');
  const correlationId = str('correlationId');
  const causationId = str('causationId');
  const requestHash = str('requestHash');
  const previousHash = str('previousHash');
  const hash = str('hash') ?? '';
  const effectiveDate = str('effectiveDate');
  const recordedAt = str('recordedAt');
  const eventId = str('eventId');
  return [
    position,
    eventId === undefined ? null : uuidValue(eventId),
    stream,
    event.version,
    type,
    typeof event.schemaVersion === 'number' ? event.schemaVersion : null,
    str('jurisdiction') ?? null,
    // 0 (stored in no bytes): the body is the one the stream is named after
    bodyId === undefined ? null : `body-${bodyId}` === event.streamId ? 0 : uuidValue(bodyId),
    effectiveDate === undefined ? null : dateValue(effectiveDate),
    recordedAt === undefined ? null : instantValue(recordedAt),
    str('recordedBy') ?? null,
    str('documentNo') ?? null,
    str('reason') ?? null,
    str('justification') ?? null,
    event.waivedRules === undefined ? null : JSON.stringify(event.waivedRules),
    correlationId === undefined ? null : uuidValue(correlationId),
    // 0: caused by what it correlates with, as every decision's events are
    causationId === undefined ? null : causationId === correlationId ? 0 : uuidValue(causationId),
    str('idempotencyKey') ?? null,
    requestHash === undefined ? null : hashValue(requestHash),
    previousHash === undefined ? null : hashValue(previousHash),
    hashValue(hash),
    Buffer.from(logHash, 'hex'),
    extra ? JSON.stringify(extra) : null,
    JSON.stringify(event.data),
  ];
}

/**
 * The envelope (with `position`, without `data`) of a row read with COLUMNS, as a raw array.
 * Self-contained: the page reader's worker thread runs its source text. Throws on a JSON
 * column that no longer parses.
 */
export function decodeEnvelope(row: unknown[]): Record<string, unknown> {
  const hex = (v: unknown) => (typeof v === 'string' ? v : (v as Buffer).toString('hex'));
  const uuid = (v: unknown) => {
    if (typeof v === 'string') return v;
    const h = (v as Buffer).toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const e: Record<string, unknown> = {};
  if (row[1] !== null) e.eventId = uuid(row[1]);
  e.type = row[4];
  if (row[5] !== null) e.schemaVersion = row[5];
  e.streamId = row[2];
  e.version = row[3];
  if (row[6] !== null) e.jurisdiction = row[6];
  if (row[7] !== null) e.bodyId = row[7] === 0 ? (row[2] as string).slice(5) : uuid(row[7]);
  const day = row[8];
  if (typeof day === 'number') {
    const s = String(day).padStart(8, '0');
    e.effectiveDate = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
  } else if (day !== null) e.effectiveDate = day;
  if (row[9] !== null) e.recordedAt = typeof row[9] === 'number' ? new Date(row[9]).toISOString() : row[9];
  if (row[10] !== null) e.recordedBy = row[10];
  if (row[11] !== null) e.documentNo = row[11];
  if (row[12] !== null) e.reason = row[12];
  if (row[13] !== null) e.justification = row[13];
  if (row[14] !== null) e.waivedRules = JSON.parse(row[14] as string);
  if (row[15] !== null) e.correlationId = uuid(row[15]);
  if (row[16] !== null) e.causationId = row[16] === 0 ? e.correlationId : uuid(row[16]);
  if (row[17] !== null) e.idempotencyKey = row[17];
  if (row[18] !== null) e.requestHash = hex(row[18]);
  if (row[19] !== null) e.previousHash = hex(row[19]);
  e.hash = hex(row[20]);
  if (row[22] !== null) Object.assign(e, JSON.parse(row[22] as string));
  e.position = row[0];
  return e;
}

/** Ids of the small naming tables, created on first use; cached, since a name never changes id. */
export class NameTable {
  private readonly ids = new Map<string, number>();
  private readonly find;
  private readonly insert;
  constructor(db: Database.Database, table: 'streams' | 'event_types') {
    this.find = db.prepare<[string], { id: number }>(`SELECT id FROM ${table} WHERE name = ?`);
    this.insert = db.prepare(`INSERT INTO ${table} (name) VALUES (?)`);
  }
  /** The id, without creating one. */
  lookup(name: string): number | undefined {
    const cached = this.ids.get(name);
    if (cached !== undefined) return cached;
    const id = this.find.get(name)?.id;
    if (id !== undefined) this.ids.set(name, id);
    return id;
  }
  /** The id, created if new; inside a write transaction (a rolled-back one may leave a stale id, so the caller clears on failure). */
  idOf(name: string): number {
    const found = this.lookup(name);
    if (found !== undefined) return found;
    const id = Number(this.insert.run(name).lastInsertRowid);
    this.ids.set(name, id);
    return id;
  }
  forget(): void {
    this.ids.clear();
  }
}
