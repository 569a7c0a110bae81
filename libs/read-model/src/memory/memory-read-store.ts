/**
 * The read store in memory: the port's reference semantics in a few lines, for tests and for
 * tools that need no file. Nothing survives the process.
 */
import { randomUUID } from 'node:crypto';
import {
  documentId,
  type AnnualReportDocument,
  type BodyVersionDocument,
  type ChangeDocument,
  type CollectionName,
  type QuotaBaselineDocument,
  type Recorded,
  type RegistryEntryDocument,
} from '../read-documents.js';
import {
  CheckpointConflictError,
  EMPTY_CHECKPOINT,
  type AsOf,
  type Checkpoint,
  type DayRange,
  type ReadModelBatch,
  type ReadModelBuild,
  type ReadStore,
} from '../read-store.port.js';
import { isKnownAt, isValidOn, overlapsDays } from '../time/bitemporal.js';

class MemoryViews {
  checkpoint: Checkpoint = EMPTY_CHECKPOINT;
  readonly documents = new Map<CollectionName, Recorded[]>();
  /** documentId → the believed document. */
  readonly open = new Map<string, Recorded>();

  apply(batch: ReadModelBatch): void {
    if (batch.basedOn !== this.checkpoint.position) throw new CheckpointConflictError(batch.basedOn, this.checkpoint.position);
    for (const { document, recordedTo } of batch.closures) {
      const id = documentId(document);
      const open = this.open.get(id);
      if (!open) throw new Error(`no believed document ${document.collection}/${document.key} to close`);
      open.recordedTo = recordedTo;
      this.open.delete(id);
    }
    for (const { document, recordedFrom, recordedTo } of batch.inserts) {
      const doc = structuredClone({ ...document, recordedFrom, recordedTo }) as Recorded;
      const list = this.documents.get(doc.collection) ?? [];
      list.push(doc);
      this.documents.set(doc.collection, list);
      if (doc.recordedTo === null) {
        const id = documentId(doc);
        if (this.open.has(id)) throw new Error(`document ${doc.collection}/${doc.key} is already believed`);
        this.open.set(id, doc);
      }
    }
    this.checkpoint = { ...batch.checkpoint };
  }

  of<D extends Recorded>(collection: CollectionName): D[] {
    return (this.documents.get(collection) ?? []) as D[];
  }
}

export class MemoryReadStore implements ReadStore {
  readonly name = 'memory';
  private live = new MemoryViews();
  private building: { id: string; views: MemoryViews } | undefined;

  async checkpoint(): Promise<Checkpoint> {
    return { ...this.live.checkpoint };
  }

  async apply(batch: ReadModelBatch): Promise<void> {
    this.live.apply(batch);
  }

  async isEmpty(): Promise<boolean> {
    return this.live.checkpoint.position === 0;
  }

  async beginRebuild(): Promise<ReadModelBuild> {
    const views = new MemoryViews();
    const id = randomUUID();
    this.building = { id, views };
    const active = () => {
      if (this.building?.id !== id) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
    };
    return {
      buildId: id,
      checkpoint: async () => ({ ...views.checkpoint }),
      apply: async (batch) => {
        active();
        views.apply(batch);
      },
      complete: async () => {
        active();
        this.live = views;
        this.building = undefined;
      },
      abandon: async () => {
        if (this.building?.id === id) this.building = undefined;
      },
    };
  }

  async reset(): Promise<void> {
    this.live = new MemoryViews();
  }

  async registryEntries(jurisdiction: string, { date, knownAt }: AsOf) {
    return clone(
      this.live
        .of<Recorded<RegistryEntryDocument>>('registry_entries')
        .filter((d) => d.jurisdiction === jurisdiction && isValidOn(d, date) && isKnownAt(d, knownAt)),
    );
  }

  async registryEntriesBetween(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return clone(
      this.live
        .of<Recorded<RegistryEntryDocument>>('registry_entries')
        .filter((d) => d.jurisdiction === jurisdiction && overlapsDays(d, from, to) && isKnownAt(d, knownAt)),
    );
  }

  async bodyVersions(bodyId: string, { date, knownAt }: AsOf) {
    return clone(
      this.live
        .of<Recorded<BodyVersionDocument>>('body_versions')
        .filter((d) => d.bodyId === bodyId && d.validFrom <= date && isKnownAt(d, knownAt))
        .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0)),
    );
  }

  async annualReports(bodyId: string, { date, knownAt }: AsOf) {
    return clone(
      this.live
        .of<Recorded<AnnualReportDocument>>('annual_reports')
        .filter((d) => d.bodyId === bodyId && d.validFrom <= date && isKnownAt(d, knownAt))
        .sort((a, b) => (a.validFrom !== b.validFrom ? (a.validFrom < b.validFrom ? -1 : 1) : a.position - b.position)),
    );
  }

  async quotaBaselines(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return clone(
      this.live
        .of<Recorded<QuotaBaselineDocument>>('quota_baselines')
        .filter((d) => d.jurisdiction === jurisdiction && overlapsDays(d, from, to) && isKnownAt(d, knownAt))
        .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0)),
    );
  }

  async changes(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return clone(
      this.live
        .of<Recorded<ChangeDocument>>('changes')
        .filter((d) => d.jurisdiction === jurisdiction && d.effectiveDate >= from && d.effectiveDate <= to && isKnownAt(d, knownAt))
        .sort((a, b) =>
          a.effectiveDate !== b.effectiveDate ? (a.effectiveDate < b.effectiveDate ? -1 : 1) : a.change.position - b.change.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
        ),
    );
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
