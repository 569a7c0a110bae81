/**
 * Collects what a run of projected events writes, until it is flushed as one ReadModelBatch.
 * A document opened and closed again within the batch never reaches the store as an update:
 * it is inserted closed, or dropped when it was believed for no time at all.
 */
import { documentId, type CollectionName, type ViewDocument } from '../read-documents.js';
import type { Checkpoint, DocumentClosure, DocumentInsert, ReadModelBatch } from '../read-store.port.js';
import type { Instant } from '../time/bitemporal.js';

export interface DocumentSink {
  open(document: ViewDocument): void;
  close(document: ViewDocument): void;
}

export class DocumentBatch implements DocumentSink {
  /** Transaction time stamped on what `open`/`close` receive as a sink (see `at`). */
  at: Instant = '';
  /** Per collection: key → the insert of a document opened in this batch and still believed. */
  private opened = new Map<CollectionName, Map<string, DocumentInsert>>();
  private finished: DocumentInsert[] = [];
  private closures: DocumentClosure[] = [];
  private count = 0;

  private openOf(collection: CollectionName): Map<string, DocumentInsert> {
    let map = this.opened.get(collection);
    if (!map) {
      map = new Map();
      this.opened.set(collection, map);
    }
    return map;
  }

  open(document: ViewDocument, at: Instant = this.at): void {
    const map = this.openOf(document.collection);
    if (map.has(document.key)) throw new Error(`document ${document.collection}/${document.key} is already open`);
    map.set(document.key, { document, recordedFrom: at, recordedTo: null });
    this.count++;
  }

  close(document: ViewDocument, at: Instant = this.at): void {
    const map = this.openOf(document.collection);
    const opened = map.get(document.key);
    if (!opened) {
      this.closures.push({ document, recordedTo: at });
      this.count++;
      return;
    }
    map.delete(document.key);
    if (opened.recordedFrom < at) {
      opened.recordedTo = at;
      this.finished.push(opened);
    } else this.count--;
  }

  /** This batch as a sink that stamps every change with transaction time `at`. */
  sinkAt(at: Instant): DocumentSink {
    this.at = at;
    return this;
  }

  /** Documents to write so far. */
  get size(): number {
    return this.count;
  }

  take(basedOn: number, checkpoint: Checkpoint): ReadModelBatch {
    const inserts = this.finished;
    for (const map of this.opened.values()) for (const insert of map.values()) inserts.push(insert);
    const batch: ReadModelBatch = { basedOn, closures: this.closures, inserts, checkpoint };
    this.opened = new Map();
    this.finished = [];
    this.closures = [];
    this.count = 0;
    return batch;
  }
}

/** A sink that keeps the believed documents in a map (for recomputing a whole timeline). */
export class DocumentCollector implements DocumentSink {
  readonly documents = new Map<string, ViewDocument>();
  open(document: ViewDocument): void {
    this.documents.set(documentId(document), document);
  }
  close(document: ViewDocument): void {
    this.documents.delete(documentId(document));
  }
}

/**
 * What turns the believed documents `before` into `after`: closes the ones that went or
 * changed, then opens the new or changed ones.
 */
export function diffDocuments(before: ReadonlyMap<string, ViewDocument>, after: ReadonlyMap<string, ViewDocument>, sink: DocumentSink): number {
  const opens: ViewDocument[] = [];
  let changes = 0;
  for (const [id, old] of before) {
    const now = after.get(id);
    if (now === undefined || JSON.stringify(now) !== JSON.stringify(old)) {
      sink.close(old);
      changes++;
    }
  }
  for (const [id, now] of after) {
    const old = before.get(id);
    if (old === undefined || JSON.stringify(now) !== JSON.stringify(old)) opens.push(now);
  }
  for (const document of opens) sink.open(document);
  return changes + opens.length;
}
