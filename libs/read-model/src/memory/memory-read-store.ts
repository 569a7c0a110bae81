/**
 * The read store in memory: the port's reference semantics in a few lines, for tests and for
 * tools that need no file. Nothing survives the process.
 */
import { randomUUID } from 'node:crypto';
import { byRowOrder, linesOn, stretchesBetween } from '../body-rows.js';
import { documentId, type BodyRowDocument, type BodyStateRow, type ChangeRecord, type QuotaBaselineDocument, type Recorded } from '../read-documents.js';
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
import { isKnownAt, overlapsDays } from '../time/bitemporal.js';

class MemoryViews {
  checkpoint: Checkpoint = EMPTY_CHECKPOINT;
  readonly baselines: Array<Recorded<QuotaBaselineDocument>> = [];
  /** Body rows by jurisdiction and by body. */
  readonly byJurisdiction = new Map<string, Array<Recorded<BodyRowDocument>>>();
  readonly byBody = new Map<string, Array<Recorded<BodyRowDocument>>>();
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
      if (doc.collection === 'quota_baselines') this.baselines.push(doc);
      else {
        push(this.byJurisdiction, doc.jurisdiction, doc);
        push(this.byBody, doc.bodyId, doc);
      }
      if (doc.recordedTo === null) {
        const id = documentId(doc);
        if (this.open.has(id)) throw new Error(`document ${doc.collection}/${doc.key} is already believed`);
        this.open.set(id, doc);
      }
    }
    this.checkpoint = { ...batch.checkpoint };
  }

  rowsOf(jurisdiction: string, knownAt: string, validFromUpTo: string): Array<Recorded<BodyRowDocument>> {
    return (this.byJurisdiction.get(jurisdiction) ?? []).filter((d) => d.validFrom <= validFromUpTo && isKnownAt(d, knownAt));
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
    return clone(linesOn(this.live.rowsOf(jurisdiction, knownAt, date)));
  }

  async registryEntriesBetween(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return clone(stretchesBetween(this.live.rowsOf(jurisdiction, knownAt, to), from));
  }

  async seriesStretchesBetween(jurisdiction: string, range: DayRange) {
    return (await this.registryEntriesBetween(jurisdiction, range)).map(({ bodyId, validFrom, validTo, entry }) => ({ bodyId, validFrom, validTo, entry: { series: entry.series } }));
  }

  async bodyStateRows(bodyId: string, { date, knownAt }: AsOf): Promise<BodyStateRow[]> {
    return clone(
      (this.live.byBody.get(bodyId) ?? [])
        .filter((d) => d.validFrom <= date && isKnownAt(d, knownAt) && (d.changed || d.report))
        .sort(byRowOrder)
        .map(({ validFrom, position, changed, report, recordedFrom, recordedTo }) => ({
          validFrom,
          position,
          ...(changed ? { changed } : {}),
          ...(report ? { report } : {}),
          recordedFrom,
          recordedTo,
        })),
    );
  }

  async quotaBaselines(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return clone(
      this.live.baselines
        .filter((d) => d.jurisdiction === jurisdiction && overlapsDays(d, from, to) && isKnownAt(d, knownAt))
        .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0)),
    );
  }

  async changes(jurisdiction: string, { from, to, knownAt }: DayRange): Promise<ChangeRecord[]> {
    const rows = this.live
      .rowsOf(jurisdiction, knownAt, to)
      .filter((d) => d.validFrom >= from && d.changes)
      .sort((a, b) => byRowOrder(a, b) || (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0));
    return clone(rows.flatMap((d) => d.changes!));
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
