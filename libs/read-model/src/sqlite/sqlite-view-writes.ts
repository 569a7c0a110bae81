/**
 * How a ReadModelBatch becomes SQL on one view set: the tables, the statements, and each
 * closure and insert as a row of parameters. Shared by the inline writer (the store's own
 * connection) and the build writer thread (sqlite-build-writer.ts), so both write exactly the
 * same rows.
 */
import { VIEW_FORMAT, type BodyRowDocument, type ChangeRecord, type CollectionName, type ViewDocument } from '../read-documents.js';
import type { DocumentClosure, DocumentInsert } from '../read-store.port.js';

const COLLECTIONS: readonly CollectionName[] = ['body_rows', 'quota_baselines'];
const INSERT = Object.fromEntries(COLLECTIONS.map((c, i) => [c, i])) as Record<CollectionName, number>;
const CLOSE = Object.fromEntries(COLLECTIONS.map((c, i) => [c, COLLECTIONS.length + i])) as Record<CollectionName, number>;

/** Statement index ≥ this: a closure, which must change exactly one row. */
export const FIRST_CLOSE_STATEMENT = COLLECTIONS.length;

/** One statement run: its index in `writeStatements().statements`, then its parameters. */
export type WriteOperation = [number, ...Array<string | number | null>];

export interface WriteStatements {
  readCheckpoint: string;
  moveCheckpoint: string;
  /** Inserts by collection (COLLECTIONS order), then closures by collection. */
  statements: string[];
}

/**
 * The tables of one view set, their names prefixed by `p` (empty in a view set's own file,
 * whose `user_version` then says its format: VIEW_FORMAT).
 *
 * `body_rows` columns: `entry` the list line's JSON when the event changed it (`null` when the
 * body left the registry by it, SQL NULL when unchanged); `changed` the state fields it changed;
 * `report` the annual report it filed; `changes` its change lines (changesColumn).
 */
export function viewTablesSql(p: string): string {
  return `
${p === '' ? `PRAGMA user_version = ${VIEW_FORMAT};` : ''}
CREATE TABLE ${p}checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  position INTEGER NOT NULL,
  transaction_time TEXT
);
INSERT INTO ${p}checkpoint (id, position, transaction_time) VALUES (1, 0, NULL);
CREATE TABLE ${p}body_rows (
  jurisdiction TEXT NOT NULL, body_id TEXT NOT NULL, valid_from TEXT NOT NULL, position INTEGER NOT NULL,
  recorded_from TEXT NOT NULL, recorded_to TEXT, entry TEXT, changed TEXT, report TEXT, changes TEXT
);
CREATE TABLE ${p}quota_baselines (
  jurisdiction TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT,
  recorded_from TEXT NOT NULL, recorded_to TEXT, baseline TEXT NOT NULL
);
`;
}

/**
 * The indexes: a body's rows in valid-time order (its state; closing a row); the rows with a
 * list line per jurisdiction and body in valid-time order, holding every column the registry's
 * window queries read but the line itself (partial: a fraction of the rows; in the windows'
 * order, so they need no sort); the rows with change lines per jurisdiction
 * and date. A rebuild creates them after the last insert (one sort each).
 */
export function viewIndexesSql(p: string): string {
  return `
CREATE INDEX ${p}body_rows_by_body ON ${p}body_rows (body_id, valid_from, position);
CREATE INDEX ${p}body_rows_lines ON ${p}body_rows (jurisdiction, body_id, valid_from, position, recorded_from, recorded_to) WHERE entry IS NOT NULL;
CREATE INDEX ${p}body_rows_changes ON ${p}body_rows (jurisdiction, valid_from) WHERE changes IS NOT NULL;
CREATE INDEX ${p}quota_baselines_as_of ON ${p}quota_baselines (jurisdiction, valid_from);
`;
}

export const VIEW_TABLES = ['checkpoint', 'body_rows', 'quota_baselines'];

/** Which believed document a closure closes: the key columns of each collection, in parameter order. */
const CLOSE_KEYS: Record<CollectionName, string> = {
  body_rows: 'body_id = ? AND valid_from = ? AND position = ?',
  quota_baselines: 'jurisdiction = ? AND valid_from = ?',
};

/**
 * Closures a rebuild keeps until its indexes exist (tables without an index would be scanned
 * whole for each). Applied in log order, each closes the oldest row of its key still believed:
 * the one that was believed when the closure was projected, since rows go in in log order too.
 * The last parameter is the table's last rowid when the closure was made: a closure never
 * takes a row written after it.
 */
export function deferredCloseStatements(p: string): string[] {
  return COLLECTIONS.map(
    (c) =>
      `UPDATE ${p}${c} SET recorded_to = ? WHERE rowid = (SELECT rowid FROM ${p}${c} WHERE ${CLOSE_KEYS[c]} AND recorded_to IS NULL AND rowid <= ? ORDER BY rowid LIMIT 1)`,
  );
}

export function writeStatements(p: string): WriteStatements {
  const inserts: Record<CollectionName, string> = {
    body_rows: `INSERT INTO ${p}body_rows (jurisdiction, body_id, valid_from, position, recorded_from, recorded_to, entry, changed, report, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    quota_baselines: `INSERT INTO ${p}quota_baselines (jurisdiction, valid_from, valid_to, recorded_from, recorded_to, baseline) VALUES (?, ?, ?, ?, ?, ?)`,
  };
  const closes = Object.fromEntries(
    COLLECTIONS.map((c) => [c, `UPDATE ${p}${c} SET recorded_to = ? WHERE ${CLOSE_KEYS[c]} AND recorded_to IS NULL`]),
  ) as Record<CollectionName, string>;
  return {
    readCheckpoint: `SELECT position, transaction_time FROM ${p}checkpoint WHERE id = 1`,
    moveCheckpoint: `UPDATE ${p}checkpoint SET position = ?, transaction_time = ? WHERE id = 1`,
    statements: [...COLLECTIONS.map((c) => inserts[c]), ...COLLECTIONS.map((c) => closes[c])],
  };
}

export function closeOperation({ document: d, recordedTo: at }: DocumentClosure): WriteOperation {
  switch (d.collection) {
    case 'body_rows':
      return [CLOSE.body_rows, at, d.bodyId, d.validFrom, d.position];
    case 'quota_baselines':
      return [CLOSE.quota_baselines, at, d.jurisdiction, d.validFrom];
  }
}

/** An insert as a statement run. */
export function insertOperation({ document: d, recordedFrom: from, recordedTo: to }: DocumentInsert): WriteOperation {
  switch (d.collection) {
    case 'body_rows':
      return [
        INSERT.body_rows,
        d.jurisdiction,
        d.bodyId,
        d.validFrom,
        d.position,
        from,
        to,
        d.entry === undefined ? null : JSON.stringify(d.entry),
        d.changed === undefined ? null : JSON.stringify(d.changed),
        d.report === undefined ? null : JSON.stringify(d.report),
        d.changes === undefined ? null : changesColumn(d.changes),
      ];
    case 'quota_baselines':
      return [INSERT.quota_baselines, d.jurisdiction, d.validFrom, d.validTo, from, to, JSON.stringify(d.baseline)];
  }
}

/**
 * The `changes` column: the row's change lines as a JSON array, each without what the row's
 * columns hold (bodyId, effectiveDate, position); `changesOfRow` puts them back.
 */
export function changesColumn(changes: readonly ChangeRecord[]): string {
  if (changes.length === 1) {
    const change = changes[0];
    // Most lines are adjustments: spelled out, they cost a rebuild 0.25 µs less each than the
    // object rest below (measured); the spec holds both to the same text.
    if (
      change.type === 'adjusted' &&
      typeof change.documentNo === 'string' &&
      typeof change.recordedAt === 'string' &&
      typeof change.name === 'string' &&
      Array.isArray(change.fields)
    ) {
      return `[{"type":"adjusted","eventId":${JSON.stringify(change.eventId)},"documentNo":${JSON.stringify(change.documentNo)},"recordedAt":${JSON.stringify(change.recordedAt)},"name":${JSON.stringify(change.name)},"fields":${JSON.stringify(change.fields)}}]`;
    }
  }
  return JSON.stringify(changes.map(({ bodyId: _bodyId, effectiveDate: _effectiveDate, position: _position, ...rest }) => rest));
}

export function changesOfRow(row: { changes: string; body_id: string; valid_from: string; position: number }): ChangeRecord[] {
  const stored = JSON.parse(row.changes) as Array<Partial<ChangeRecord>>;
  return stored.map((line) => ({ ...line, bodyId: row.body_id, effectiveDate: row.valid_from, position: row.position }) as ChangeRecord);
}

/**
 * A batch's operations for the build writer thread: one string per operation, its fields
 * joined by U+0001, null as U+0002, numbers as digits (the INTEGER columns take them back as
 * integers). Strings cross threads by a copy, where structured cloning the documents would walk
 * every value (measured: 4 µs an event here, 8 µs there); one string per operation keeps each
 * in V8's young generation (a batch-sized string is a large object, mapped fresh each time).
 * The JSON columns cannot hold either mark (JSON.stringify escapes control characters); a mark
 * inside another field gives its operation a field too many, which the thread refuses.
 */
export const FIELD_SEPARATOR = '\u0001';
export const NULL_FIELD = '\u0002';

export function encodeOperations(closures: readonly DocumentClosure[], inserts: readonly DocumentInsert[]): string[] {
  const encoded: string[] = [];
  const encode = (operation: WriteOperation) => {
    let text = String(operation[0]);
    for (let i = 1; i < operation.length; i++) {
      const value = operation[i];
      text += FIELD_SEPARATOR + (value == null ? NULL_FIELD : typeof value === 'number' ? String(value) : value);
    }
    encoded.push(text);
  };
  for (const closure of closures) encode(closeOperation(closure));
  for (const insert of inserts) encode(insertOperation(insert));
  return encoded;
}

/** Parameters each statement takes (after its index), by statement index. */
export const STATEMENT_ARITY: readonly number[] = writeStatements('').statements.map((sql) => sql.split('?').length - 1);

export function describeOperation(operation: WriteOperation): string {
  return `statement ${operation[0]} (${operation.slice(1, 4).join(', ')})`;
}

export type { BodyRowDocument, ViewDocument };
