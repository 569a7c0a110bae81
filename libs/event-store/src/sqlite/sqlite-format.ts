/**
 * The SQLite event file's format 3 (docs/decisions/0005-event-format-and-log-chain.md): the
 * envelope in columns, the payload alone as JSON, hashes and UUIDs as bytes, the stream and
 * type named through small tables. `PRAGMA user_version` holds the format; a file of format 1
 * (user_version 0: the envelope as one JSON text per row) or 2 (the rows of format 3, indexed
 * by type first: docs/decisions/0015-append-path.md) is migrated when opened.
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

export const FORMAT_VERSION = 3;

/**
 * Secondary indexes, created after a migration's inserts. Reads by type go through
 * events_by_position_type, a narrow copy of (position, type) in log order that an append adds
 * to at its end; format 2's (type, position) added to the end of each type's run, one page
 * written per type in a commit (ADR 0015).
 */
export const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (event_id);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream, version);
CREATE INDEX IF NOT EXISTS events_by_position_type ON events (position, type);
CREATE INDEX IF NOT EXISTS events_by_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL;
`;
/** Format 2 → 3: the same rows; only the index by type changes. */
export const FORMAT_2_TO_3 = 'DROP INDEX IF EXISTS events_by_type; CREATE INDEX IF NOT EXISTS events_by_position_type ON events (position, type);';

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

/*
 * SQLite spells each row's envelope out as JSON text (with its position), so that a row reaches
 * JavaScript as three values (position, envelope, payload) and is decoded by two JSON.parse
 * calls, as in format 1: ten text columns and seven BLOBs (each a Buffer) a row made reading
 * the log 3–4× slower (measured: 14–19 µs a row against 3–4 µs).
 */
const hexSql = (c: string) => `CASE typeof(${c}) WHEN 'blob' THEN lower(hex(${c})) ELSE ${c} END`;
const uuidSql = (c: string) =>
  `CASE typeof(${c}) WHEN 'blob' THEN lower(substr(hex(${c}), 1, 8) || '-' || substr(hex(${c}), 9, 4) || '-' || substr(hex(${c}), 13, 4) || '-' || substr(hex(${c}), 17, 4) || '-' || substr(hex(${c}), 21)) ELSE ${c} END`;
/** `,"name":value` when the column is not NULL; `value` is SQL giving JSON text. */
const member = (name: string, column: string, value: string, first = false) => `CASE WHEN ${column} IS NULL THEN '' ELSE '${first ? '' : ','}"${name}":' || ${value} END`;
const quoted = (column: string) => member(column.replace(/^e\./, '').replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), column, `json_quote(${column})`);

export const ENVELOPE_SQL = [
  `'{' || ${member('eventId', 'e.event_id', `json_quote(${uuidSql('e.event_id')})`, true)}`,
  // a row without an event id is not written by this program; its "type" then opens the object
  `CASE WHEN e.event_id IS NULL THEN '' ELSE ',' END || '"type":' || json_quote(t.name)`,
  member('schemaVersion', 'e.schema_version', 'e.schema_version'),
  `',"streamId":' || json_quote(s.name) || ',"version":' || e.version`,
  quoted('e.jurisdiction'),
  member('bodyId', 'e.body_id', `json_quote(CASE typeof(e.body_id) WHEN 'integer' THEN substr(s.name, 6) ELSE ${uuidSql('e.body_id')} END)`),
  member('effectiveDate', 'e.effective_date', `json_quote(CASE typeof(e.effective_date) WHEN 'integer' THEN printf('%04d-%02d-%02d', e.effective_date / 10000, e.effective_date / 100 % 100, e.effective_date % 100) ELSE e.effective_date END)`),
  member('recordedAt', 'e.recorded_at', `json_quote(CASE typeof(e.recorded_at) WHEN 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ', e.recorded_at / 1000.0, 'unixepoch') ELSE e.recorded_at END)`),
  quoted('e.recorded_by'),
  quoted('e.document_no'),
  quoted('e.reason'),
  quoted('e.justification'),
  member('waivedRules', 'e.waived_rules', 'e.waived_rules'),
  member('correlationId', 'e.correlation_id', `json_quote(${uuidSql('e.correlation_id')})`),
  member('causationId', 'e.causation_id', `json_quote(${uuidSql(`CASE typeof(e.causation_id) WHEN 'integer' THEN e.correlation_id ELSE e.causation_id END`)})`),
  quoted('e.idempotency_key'),
  member('requestHash', 'e.request_hash', `json_quote(${hexSql('e.request_hash')})`),
  member('previousHash', 'e.previous_hash', `json_quote(${hexSql('e.previous_hash')})`),
  `',"hash":' || json_quote(${hexSql('e.hash')})`,
  // fields without a column of their own: the members of `extra`
  `CASE WHEN e.extra IS NULL THEN '' ELSE ',' || substr(e.extra, 2, length(e.extra) - 2) END`,
  `',"position":' || e.position || '}'`,
].join(' || ');

/** A row as read: position, the envelope as JSON text (position included), the payload as stored. */
export const COLUMNS = `e.position, ${ENVELOPE_SQL}, e.data`;
/** What names a row even when its envelope or payload no longer parses, and its stored hashes. */
export const AUDIT_COLUMNS = `${COLUMNS}, s.name, e.version, t.name, ${hexSql('e.hash')}, lower(hex(e.log_hash))`;
export const COLUMN = { position: 0, envelope: 1, data: 2, stream: 3, version: 4, type: 5, hash: 6, logHash: 7 } as const;
export const FROM = 'events e JOIN streams s ON s.id = e.stream JOIN event_types t ON t.id = e.type';

export const INSERT =
  'INSERT INTO events (position, event_id, stream, version, type, schema_version, jurisdiction, body_id, effective_date, recorded_at, ' +
  'recorded_by, document_no, reason, justification, waived_rules, correlation_id, causation_id, idempotency_key, request_hash, ' +
  'previous_hash, hash, log_hash, extra, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export type Row = unknown[];

/*
 * The compact forms are parsed by hand, not by regular expressions, Buffer.from(hex), Date.parse
 * and toISOString: 4.5 µs of an event's append went there (bench profile), now about 1 µs. Each
 * parser takes only the text its column gives back unchanged and leaves anything else as text.
 */
/** A character's value as a lowercase hex digit, or -1 (uppercase too: it would come back lowercase). */
const HEX_DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_DIGIT['0123456789abcdef'.charCodeAt(i)] = i;

/** The bytes of lowercase hex text, with '-' allowed only at `dashes`; undefined for any other text. */
function hexBytes(text: string, bytes: number, dashes: readonly number[]): Buffer | undefined {
  if (text.length !== bytes * 2 + dashes.length) return undefined;
  const out = Buffer.allocUnsafe(bytes);
  let at = 0;
  let dash = 0;
  for (let i = 0; i < text.length; ) {
    if (i === dashes[dash]) {
      if (text.charCodeAt(i) !== 0x2d) return undefined;
      dash++;
      i++;
      continue;
    }
    const high = HEX_DIGIT[text.charCodeAt(i)] ?? -1;
    const low = HEX_DIGIT[text.charCodeAt(i + 1)] ?? -1;
    if (high < 0 || low < 0) return undefined;
    out[at++] = (high << 4) | low;
    i += 2;
  }
  return out;
}
const UUID_DASHES = [8, 13, 18, 23];
const NO_DASHES: number[] = [];

/** A lowercase UUID as its 16 bytes; any other text as it is. */
export const uuidValue = (v: string): string | Buffer => hexBytes(v, 16, UUID_DASHES) ?? v;
/** A lowercase SHA-256 as its 32 bytes; any other text as it is. */
export const hashValue = (v: string): string | Buffer => hexBytes(v, 32, NO_DASHES) ?? v;

/** The decimal value of `length` ASCII digits from `at`, or -1. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
// Integers go in as BigInt: better-sqlite3 binds a number as REAL (8 bytes), and these columns,
// which hold text too, have no affinity to turn it into an INTEGER.
/** YYYY-MM-DD (any digits: printf gives them back) as the integer YYYYMMDD; any other text as it is. */
function dateValue(v: string): string | bigint {
  if (v.length !== 10 || v.charCodeAt(4) !== 0x2d || v.charCodeAt(7) !== 0x2d) return v;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  return year < 0 || month < 0 || day < 0 ? v : BigInt(year * 10_000 + month * 100 + day);
}
/**
 * A time as toISOString writes it, from 1970 to 9999 (YYYY-MM-DDTHH:MM:SS.sssZ, a real date), as
 * milliseconds since 1970 (strftime gives it back); any other text as it is.
 */
function instantValue(v: string): string | bigint {
  if (v.length !== 24 || v.charCodeAt(23) !== 0x5a) return v;
  for (const [at, char] of INSTANT_PUNCTUATION) if (v.charCodeAt(at) !== char) return v;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const second = digits(v, 17, 2);
  const milli = digits(v, 20, 3);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || milli < 0) return v;
  // Date.UTC rolls a day past the month's end into the next month: such a text is not a date
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  return new Date(ms).getUTCDate() === day ? BigInt(ms) : v;
}
const INSTANT_PUNCTUATION = [
  [4, 0x2d],
  [7, 0x2d],
  [10, 0x54],
  [13, 0x3a],
  [16, 0x3a],
  [19, 0x2e],
] as const;

/**
 * How each envelope field is stored: 'text' fields in a column when they are strings,
 * 'number' when a number, 'own' fields always in their column; any other field, or a field not
 * of its column's kind, in `extra`.
 */
const FIELD_KIND = new Map<string, 'string' | 'number' | 'own'>([
  ...(['eventId', 'jurisdiction', 'bodyId', 'effectiveDate', 'recordedAt', 'recordedBy', 'documentNo', 'reason', 'justification', 'correlationId', 'causationId', 'idempotencyKey', 'requestHash', 'previousHash', 'hash'] as const).map(
    (key) => [key, 'string'] as const,
  ),
  ['schemaVersion', 'number'],
  ...(['type', 'streamId', 'version', 'waivedRules', 'data', 'position'] as const).map((key) => [key, 'own'] as const),
]);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The parameters of INSERT for one event. */
export function encodeEvent(event: EventEnvelope, position: number, stream: number, type: number, logHash: string): unknown[] {
  const record = event as unknown as Record<string, unknown>;
  // anything this format has no column for, or not of its column's kind, is kept in `extra`
  let extra: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined) continue;
    const kind = FIELD_KIND.get(key);
    if (kind !== 'own' && typeof value !== kind) (extra ??= {})[key] = value;
  }
  const eventId = text(event.eventId);
  const bodyId = text(event.bodyId);
  const effectiveDate = text(event.effectiveDate);
  const recordedAt = text(event.recordedAt);
  const correlationId = text(event.correlationId);
  const causationId = text(event.causationId);
  const requestHash = text(event.requestHash);
  const previousHash = text(event.previousHash);
  return [
    position,
    eventId === undefined ? null : uuidValue(eventId),
    stream,
    event.version,
    type,
    typeof event.schemaVersion === 'number' ? (Number.isSafeInteger(event.schemaVersion) ? BigInt(event.schemaVersion) : event.schemaVersion) : null,
    text(event.jurisdiction) ?? null,
    // 0 (stored in no bytes): the body is the one the stream is named after
    bodyId === undefined ? null : `body-${bodyId}` === event.streamId ? 0n : uuidValue(bodyId),
    effectiveDate === undefined ? null : dateValue(effectiveDate),
    recordedAt === undefined ? null : instantValue(recordedAt),
    text(event.recordedBy) ?? null,
    text(event.documentNo) ?? null,
    text(event.reason) ?? null,
    text(event.justification) ?? null,
    event.waivedRules === undefined ? null : JSON.stringify(event.waivedRules),
    correlationId === undefined ? null : uuidValue(correlationId),
    // 0: caused by what it correlates with, as every decision's events are
    causationId === undefined ? null : causationId === correlationId ? 0n : uuidValue(causationId),
    text(event.idempotencyKey) ?? null,
    requestHash === undefined ? null : hashValue(requestHash),
    previousHash === undefined ? null : hashValue(previousHash),
    hashValue(text(event.hash) ?? ''),
    Buffer.from(logHash, 'hex'),
    extra ? JSON.stringify(extra) : null,
    JSON.stringify(event.data),
  ];
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

/**
 * What names a row, from its envelope text as SQLite spelled it, for a row whose JSON does not
 * parse (a column holding JSON was damaged): the spelled-out members come before any stored JSON.
 */
export function rowNamedBy(text: string): { position: number; streamId: string; version: number; type: string } {
  const streamAndVersion = /"streamId":("(?:[^"\\]|\\.)*"),"version":(\d+)/.exec(text);
  const type = /"type":("(?:[^"\\]|\\.)*")/.exec(text);
  const position = /"position":(\d+)[,}]/.exec(text);
  return {
    position: position ? Number(position[1]) : 0,
    streamId: streamAndVersion ? (JSON.parse(streamAndVersion[1]) as string) : '?',
    version: streamAndVersion ? Number(streamAndVersion[2]) : 0,
    type: type ? (JSON.parse(type[1]) as string) : '?',
  };
}
