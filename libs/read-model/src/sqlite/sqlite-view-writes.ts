/**
 * How a ReadModelBatch becomes SQL on one view set: the statements, and each closure and insert
 * as a row of parameters. Shared by the inline writer (the store's own connection) and the
 * build writer thread (sqlite-build-writer.ts), so both write exactly the same rows.
 */
import type { CollectionName, ViewDocument } from '../read-documents.js';
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

export function writeStatements(p: string): WriteStatements {
  const inserts: Record<CollectionName, string> = {
    registry_entries: `INSERT INTO ${p}registry_entries (jurisdiction, valid_from, valid_to, body_id, recorded_from, recorded_to, entry) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    body_versions: `INSERT INTO ${p}body_versions (body_id, valid_from, recorded_from, recorded_to, jurisdiction, changed) VALUES (?, ?, ?, ?, ?, ?)`,
    annual_reports: `INSERT INTO ${p}annual_reports (body_id, valid_from, position, event_id, recorded_from, recorded_to, jurisdiction, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    changes: `INSERT INTO ${p}changes (jurisdiction, effective_date, position, change_key, body_id, recorded_from, recorded_to, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    quota_baselines: `INSERT INTO ${p}quota_baselines (jurisdiction, valid_from, valid_to, recorded_from, recorded_to, baseline) VALUES (?, ?, ?, ?, ?, ?)`,
  };
  const closes: Record<CollectionName, string> = {
    registry_entries: `UPDATE ${p}registry_entries SET recorded_to = ? WHERE jurisdiction = ? AND valid_from = ? AND body_id = ? AND recorded_to IS NULL`,
    body_versions: `UPDATE ${p}body_versions SET recorded_to = ? WHERE body_id = ? AND valid_from = ? AND recorded_to IS NULL`,
    annual_reports: `UPDATE ${p}annual_reports SET recorded_to = ? WHERE body_id = ? AND valid_from = ? AND event_id = ? AND recorded_to IS NULL`,
    changes: `UPDATE ${p}changes SET recorded_to = ? WHERE jurisdiction = ? AND effective_date = ? AND change_key = ? AND recorded_to IS NULL`,
    quota_baselines: `UPDATE ${p}quota_baselines SET recorded_to = ? WHERE jurisdiction = ? AND valid_from = ? AND recorded_to IS NULL`,
  };
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

/**
 * An insert as a statement run. Its last parameter is the document's JSON column; with
 * `encode` false it stays an object, for the writer thread to encode.
 */
export function insertOperation({ document: d, recordedFrom: from, recordedTo: to }: DocumentInsert, encode = true): WriteOperation {
  const json = (value: unknown) => (encode ? JSON.stringify(value) : (value as string));
  switch (d.collection) {
    case 'registry_entries':
      return [INSERT.registry_entries, d.jurisdiction, d.validFrom, d.validTo, d.bodyId, from, to, json(d.entry)];
    case 'body_versions':
      return [INSERT.body_versions, d.bodyId, d.validFrom, from, to, d.jurisdiction, json(d.changed)];
    case 'annual_reports':
      return [INSERT.annual_reports, d.bodyId, d.validFrom, d.position, d.key, from, to, d.jurisdiction, json(d.report)];
    case 'changes':
      return [INSERT.changes, d.jurisdiction, d.effectiveDate, d.change.position, d.key, d.bodyId, from, to, json(d.change)];
    case 'quota_baselines':
      return [INSERT.quota_baselines, d.jurisdiction, d.validFrom, d.validTo, from, to, json(d.baseline)];
  }
}

export function describeOperation(operation: WriteOperation): string {
  return `statement ${operation[0]} (${operation.slice(1, 4).join(', ')})`;
}

export type { ViewDocument };
