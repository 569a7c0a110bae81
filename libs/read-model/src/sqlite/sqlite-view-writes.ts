/**
 * How a ReadModelBatch becomes SQL on one view set: the tables, the statements, and each
 * closure and insert as a row of parameters. Shared by the inline writer (the store's own
 * connection) and the build writer thread (sqlite-build-writer.ts), so both write exactly the
 * same rows.
 */
import type { ChangeDocument, ChangeRecord, CollectionName, ViewDocument } from '../read-documents.js';
import type { DocumentClosure, DocumentInsert } from '../read-store.port.js';

const COLLECTIONS: readonly CollectionName[] = ['registry_entries', 'body_versions', 'annual_reports', 'changes', 'quota_baselines'];
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

/** The tables of one view set, their names prefixed by `p` (empty in a view set's own file). */
export function viewTablesSql(p: string): string {
  return `
CREATE TABLE ${p}checkpoint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  position INTEGER NOT NULL,
  transaction_time TEXT
);
INSERT INTO ${p}checkpoint (id, position, transaction_time) VALUES (1, 0, NULL);
CREATE TABLE ${p}registry_entries (
  jurisdiction TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT, body_id TEXT NOT NULL,
  recorded_from TEXT NOT NULL, recorded_to TEXT, entry TEXT NOT NULL
);
CREATE TABLE ${p}body_versions (
  body_id TEXT NOT NULL, valid_from TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT,
  jurisdiction TEXT NOT NULL, changed TEXT NOT NULL
);
CREATE TABLE ${p}annual_reports (
  body_id TEXT NOT NULL, valid_from TEXT NOT NULL, position INTEGER NOT NULL, event_id TEXT NOT NULL,
  recorded_from TEXT NOT NULL, recorded_to TEXT, jurisdiction TEXT NOT NULL, report TEXT NOT NULL
);
CREATE TABLE ${p}changes (
  jurisdiction TEXT NOT NULL, effective_date TEXT NOT NULL, position INTEGER NOT NULL, change_key TEXT NOT NULL,
  body_id TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, change TEXT NOT NULL
);
CREATE TABLE ${p}quota_baselines (
  jurisdiction TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT,
  recorded_from TEXT NOT NULL, recorded_to TEXT, baseline TEXT NOT NULL
);
`;
}

/**
 * One index per collection, on the columns its as-of query starts with; closing a document uses
 * the same index. The registry's also holds the interval ends, so that of a jurisdiction's
 * entries begun by D only those valid and known then are read from the table (measured:
 * p50 0.26 → 0.20 ms on the bench registry). A rebuild creates them after the last insert (one sort instead of 2 million
 * index updates).
 */
export function viewIndexesSql(p: string): string {
  return `
CREATE INDEX ${p}registry_entries_as_of ON ${p}registry_entries (jurisdiction, valid_from, valid_to, recorded_from, recorded_to);
CREATE INDEX ${p}body_versions_as_of ON ${p}body_versions (body_id, valid_from);
CREATE INDEX ${p}annual_reports_as_of ON ${p}annual_reports (body_id, valid_from);
CREATE INDEX ${p}changes_by_date ON ${p}changes (jurisdiction, effective_date);
CREATE INDEX ${p}quota_baselines_as_of ON ${p}quota_baselines (jurisdiction, valid_from);
`;
}

export const VIEW_TABLES = ['checkpoint', 'registry_entries', 'body_versions', 'annual_reports', 'changes', 'quota_baselines'];

/** Which believed document a closure closes: the key columns of each collection, in parameter order. */
const CLOSE_KEYS: Record<CollectionName, string> = {
  registry_entries: 'jurisdiction = ? AND valid_from = ? AND body_id = ?',
  body_versions: 'body_id = ? AND valid_from = ?',
  annual_reports: 'body_id = ? AND valid_from = ? AND event_id = ?',
  changes: 'jurisdiction = ? AND effective_date = ? AND change_key = ?',
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
    registry_entries: `INSERT INTO ${p}registry_entries (jurisdiction, valid_from, valid_to, body_id, recorded_from, recorded_to, entry) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    body_versions: `INSERT INTO ${p}body_versions (body_id, valid_from, recorded_from, recorded_to, jurisdiction, changed) VALUES (?, ?, ?, ?, ?, ?)`,
    annual_reports: `INSERT INTO ${p}annual_reports (body_id, valid_from, position, event_id, recorded_from, recorded_to, jurisdiction, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    changes: `INSERT INTO ${p}changes (jurisdiction, effective_date, position, change_key, body_id, recorded_from, recorded_to, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
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
    case 'registry_entries':
      return [CLOSE.registry_entries, at, d.jurisdiction, d.validFrom, d.bodyId];
    case 'body_versions':
      return [CLOSE.body_versions, at, d.bodyId, d.validFrom];
    case 'annual_reports':
      return [CLOSE.annual_reports, at, d.bodyId, d.validFrom, d.key];
    case 'changes':
      return [CLOSE.changes, at, d.jurisdiction, d.effectiveDate, d.key];
    case 'quota_baselines':
      return [CLOSE.quota_baselines, at, d.jurisdiction, d.validFrom];
  }
}

/** An insert as a statement run; its last parameter is the document's JSON column. */
export function insertOperation({ document: d, recordedFrom: from, recordedTo: to }: DocumentInsert): WriteOperation {
  const json = (value: unknown) => JSON.stringify(value);
  switch (d.collection) {
    case 'registry_entries':
      return [INSERT.registry_entries, d.jurisdiction, d.validFrom, d.validTo, d.bodyId, from, to, json(d.entry)];
    case 'body_versions':
      return [INSERT.body_versions, d.bodyId, d.validFrom, from, to, d.jurisdiction, json(d.changed)];
    case 'annual_reports':
      return [INSERT.annual_reports, d.bodyId, d.validFrom, d.position, d.key, from, to, d.jurisdiction, json(d.report)];
    case 'changes':
      return [INSERT.changes, d.jurisdiction, d.effectiveDate, d.change.position, d.key, d.bodyId, from, to, changeColumn(d)];
    case 'quota_baselines':
      return [INSERT.quota_baselines, d.jurisdiction, d.validFrom, d.validTo, from, to, json(d.baseline)];
  }
}

/**
 * The `change` column: the change line without what its row's columns already hold (bodyId,
 * effectiveDate, position, and eventId when it is the key), a third of its bytes. Rows written
 * before kept them; `changeOfRow` gives the same line for both.
 */
export function changeColumn(document: ChangeDocument): string {
  const change = document.change;
  // Most lines are adjustments: spelled out, they cost a rebuild 0.25 µs less each than the
  // object rest below (measured); the spec holds both to the same text.
  if (
    change.type === 'adjusted' &&
    change.eventId === document.key &&
    typeof change.documentNo === 'string' &&
    typeof change.recordedAt === 'string' &&
    typeof change.name === 'string' &&
    Array.isArray(change.fields)
  ) {
    return `{"type":"adjusted","documentNo":${JSON.stringify(change.documentNo)},"recordedAt":${JSON.stringify(change.recordedAt)},"name":${JSON.stringify(change.name)},"fields":${JSON.stringify(change.fields)}}`;
  }
  const { eventId, bodyId: _bodyId, effectiveDate: _effectiveDate, position: _position, ...rest } = change;
  return JSON.stringify(eventId === document.key ? rest : { eventId, ...rest });
}

export function changeOfRow(row: { change: string; change_key: string; body_id: string; effective_date: string; position: number }): ChangeRecord {
  const stored = JSON.parse(row.change) as Partial<ChangeRecord>;
  return { ...stored, eventId: stored.eventId ?? row.change_key, bodyId: row.body_id, effectiveDate: row.effective_date, position: row.position } as ChangeRecord;
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

export type { ViewDocument };
