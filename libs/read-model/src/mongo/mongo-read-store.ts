/**
 * The MongoDB read store (MONGO_URL), the port mapped thinly onto collections.
 *
 * - A view set is two collections suffixed by its set id (`body_rows_<id>`,
 *   `quota_baselines_<id>`) plus its document in `checkpoints` (`_id` = the set id, `format` the
 *   view format: a set of another format counts as empty and is rebuilt, ADR 0017). The
 *   indexes start with the fields the queries filter on (and sort by); closing a document uses
 *   the body index. The queries read the rows a window needs and derive the registry stretches
 *   in code (body-rows.ts), the same rule the SQLite store runs as window functions.
 * - `views` holds one pointer document, `{_id: 'views', live, building, retired}`. Readers
 *   cache it for `pointerTtlMs`; writers read it inside their transaction.
 * - `apply(batch)` is one multi-document transaction: the checkpoint compare-and-set on
 *   `basedOn` first (so two writers of one set collide on that document), then the closures
 *   (each must match exactly one believed document), the inserts and the new checkpoint.
 *   Transactions need a replica set (or mongos): `connect` refuses a server that is not one,
 *   and one that does not honour a transaction (it writes a probe in one and aborts it).
 * - A rebuild fills a fresh set; `complete()` switches `views.live` and deletes the old set's
 *   checkpoint in one transaction (an apply still aimed at the old set then conflicts, retries
 *   and sees the new pointer). The old collections are dropped `retireAfterMs` later, so that
 *   readers of other processes still holding the old pointer finish on intact data.
 */
import { randomBytes } from 'node:crypto';
import {
  MongoClient,
  MongoServerError,
  type ClientSession,
  type Collection,
  type Db,
  type Document,
  type Filter,
  type MongoClientOptions,
} from 'mongodb';
import { byRowOrder, linesOn, stretchesBetween } from '../body-rows.js';
import {
  VIEW_FORMAT,
  type BodyRowDocument,
  type BodyStateRow,
  type ChangeRecord,
  type CollectionName,
  type QuotaBaselineDocument,
  type Recorded,
  type ViewDocument,
} from '../read-documents.js';
import {
  CheckpointConflictError,
  EMPTY_CHECKPOINT,
  StaleViewsError,
  type AsOf,
  type Checkpoint,
  type DayRange,
  type ReadModelBatch,
  type ReadModelBuild,
  type ReadStore,
} from '../read-store.port.js';
import { ProjectionLease, type ProjectionLeaseOptions } from './projection-lease.js';

export const VIEW_COLLECTIONS: readonly CollectionName[] = ['body_rows', 'quota_baselines'];
/** The collections of view sets of format 1, dropped with their set. */
const FORMAT_1_COLLECTIONS = ['registry_entries', 'body_versions', 'annual_reports', 'changes'];

/** The indexes of each view: the fields its queries start with, then the ones they sort by. */
export const VIEW_INDEXES: Record<CollectionName, Array<{ name: string; key: Document }>> = {
  body_rows: [
    { name: 'by_body', key: { bodyId: 1, validFrom: 1, position: 1 } },
    { name: 'by_jurisdiction', key: { jurisdiction: 1, validFrom: 1, position: 1, bodyId: 1 } },
  ],
  quota_baselines: [{ name: 'as_of', key: { jurisdiction: 1, validFrom: 1 } }],
};
const POINTER_ID = 'views';
const POINTER_COLLECTION = 'views';
const CHECKPOINT_COLLECTION = 'checkpoints';

export const REPLICA_SET_REQUIRED =
  'MONGO_URL 须指向 MongoDB 副本集或分片集群（例如 mongodb://m1,m2,m3/registry?replicaSet=rs0；单节点可用 `mongod --replSet rs0` 并执行 rs.initiate()）：' +
  '读模型的每个批次在一个多文档事务中写入，单机 mongod 及不支持事务的兼容服务器（如 FerretDB）都不行';

export const collectionOf = (view: CollectionName, setId: string) => `${view}_${setId}`;

interface ViewsPointer {
  _id: typeof POINTER_ID;
  live: string;
  building: string | null;
  /** Sets replaced by a switch-over, dropped once `at` is `retireAfterMs` old. */
  retired: Array<{ id: string; at: Date }>;
}

interface CheckpointDocument {
  _id: string;
  position: number;
  transactionTime: string | null;
  /** The view format of the set (absent: format 1). */
  format?: number;
}

export interface MongoReadStoreOptions {
  /** Database name; default: the one in the URL, else `registry`. */
  dbName?: string;
  /** How long a reader trusts its cached `views` pointer (default 1000 ms; 0: read it for every query). */
  pointerTtlMs?: number;
  /** How long a replaced view set is kept for readers of other processes (default 10 s; 0: drop at once). */
  retireAfterMs?: number;
  /** Passed on to the driver (`ignoreUndefined` is always on, so documents come back as written). */
  clientOptions?: MongoClientOptions;
}

const newSetId = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/** The database named in a connection string, if any (`mongodb://h1,h2/registry?…` → registry). */
export function databaseInUrl(url: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url);
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return name || undefined;
}

const isMongoCode = (error: unknown, ...codes: number[]) => error instanceof MongoServerError && codes.includes(Number(error.code));

/** The standalone server's refusal of a transaction, said plainly. */
function explainTransactionError(error: unknown): unknown {
  if (error instanceof MongoServerError && (Number(error.code) === 20 || /only allowed on a replica set member or mongos/i.test(error.message))) {
    return new Error(`${REPLICA_SET_REQUIRED}（服务器答复：${error.message}）`, { cause: error });
  }
  return error;
}

/** Keeps `_id` out of every answer. */
const WITHOUT_ID = { projection: { _id: 0 } } as const;

/** The queries and writes of one view set. */
class ViewSet {
  private readonly views: Record<CollectionName, Collection<Document>>;

  constructor(
    private readonly db: Db,
    readonly id: string,
  ) {
    this.views = Object.fromEntries(VIEW_COLLECTIONS.map((v) => [v, db.collection(collectionOf(v, id))])) as Record<CollectionName, Collection<Document>>;
  }

  /** Creates the collections and their indexes (idempotent). */
  static async create(db: Db, id: string): Promise<ViewSet> {
    const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    for (const view of VIEW_COLLECTIONS) {
      const name = collectionOf(view, id);
      if (!existing.has(name)) {
        try {
          await db.createCollection(name);
        } catch (error) {
          if (!isMongoCode(error, 48)) throw error; // NamespaceExists: created meanwhile
        }
      }
      for (const index of VIEW_INDEXES[view]) await db.collection(name).createIndex(index.key, { name: index.name });
    }
    return new ViewSet(db, id);
  }

  static async drop(db: Db, id: string): Promise<void> {
    for (const view of [...VIEW_COLLECTIONS, ...FORMAT_1_COLLECTIONS]) {
      try {
        await db.collection(`${view}_${id}`).drop();
      } catch (error) {
        if (!isMongoCode(error, 26)) throw error; // NamespaceNotFound
      }
    }
  }

  /** Inside the transaction of `session`, after the checkpoint compare-and-set. */
  async write(batch: ReadModelBatch, session: ClientSession): Promise<void> {
    const closures = new Map<CollectionName, Array<{ filter: Filter<Document>; label: string; recordedTo: string }>>();
    for (const { document, recordedTo } of batch.closures) {
      const list = closures.get(document.collection) ?? [];
      list.push({ filter: closeFilter(document), label: `${document.collection}/${document.key}`, recordedTo });
      closures.set(document.collection, list);
    }
    for (const [view, list] of closures) {
      const result = await this.views[view].bulkWrite(
        list.map(({ filter, recordedTo }) => ({ updateOne: { filter, update: { $set: { recordedTo } } } })),
        { session, ordered: true },
      );
      if (result.matchedCount !== list.length) {
        throw new Error(`expected ${list.length} believed ${view} documents to close, found ${result.matchedCount} (among ${list.map((c) => c.label).join(', ')})`);
      }
    }
    const inserts = new Map<CollectionName, Document[]>();
    for (const { document, recordedFrom, recordedTo } of batch.inserts) {
      const list = inserts.get(document.collection) ?? [];
      list.push({ ...document, recordedFrom, recordedTo }); // a copy: the driver adds _id to what it inserts
      inserts.set(document.collection, list);
    }
    for (const [view, docs] of inserts) await this.views[view].insertMany(docs, { session, ordered: true });
  }

  /** The rows with a list line of the jurisdiction by `upTo`, known at K. */
  private lineRows(jurisdiction: string, upTo: string, knownAt: string) {
    return this.views.body_rows
      .find({ jurisdiction, validFrom: { $lte: upTo }, entry: { $exists: true }, $and: knownAtFilter(knownAt) }, { projection: { _id: 0, changed: 0, report: 0, changes: 0 } })
      .toArray() as unknown as Promise<Array<Recorded<BodyRowDocument>>>;
  }

  async registryEntries(jurisdiction: string, { date, knownAt }: AsOf) {
    return linesOn(await this.lineRows(jurisdiction, date, knownAt));
  }

  async registryEntriesBetween(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return stretchesBetween(await this.lineRows(jurisdiction, to, knownAt), from);
  }

  async seriesStretchesBetween(jurisdiction: string, range: DayRange) {
    return (await this.registryEntriesBetween(jurisdiction, range)).map(({ bodyId, validFrom, validTo, entry }) => ({ bodyId, validFrom, validTo, entry: { series: entry.series } }));
  }

  async bodyStateRows(bodyId: string, { date, knownAt }: AsOf): Promise<BodyStateRow[]> {
    return (await this.views.body_rows
      .find(
        { bodyId, validFrom: { $lte: date }, $and: [...knownAtFilter(knownAt), { $or: [{ changed: { $exists: true } }, { report: { $exists: true } }] }] },
        { projection: { _id: 0, validFrom: 1, position: 1, changed: 1, report: 1, recordedFrom: 1, recordedTo: 1 }, sort: { bodyId: 1, validFrom: 1, position: 1 } },
      )
      .toArray()) as unknown as BodyStateRow[];
  }

  async quotaBaselines(jurisdiction: string, { from, to, knownAt }: DayRange) {
    return (await this.views.quota_baselines
      .find(
        { jurisdiction, validFrom: { $lte: to }, $and: [validAfter(from), ...knownAtFilter(knownAt)] },
        { ...WITHOUT_ID, sort: { jurisdiction: 1, validFrom: 1 } },
      )
      .toArray()) as unknown as Array<Recorded<QuotaBaselineDocument>>;
  }

  async changes(jurisdiction: string, { from, to, knownAt }: DayRange): Promise<ChangeRecord[]> {
    const rows = (await this.views.body_rows
      .find(
        { jurisdiction, validFrom: { $gte: from, $lte: to }, changes: { $exists: true }, $and: knownAtFilter(knownAt) },
        { projection: { _id: 0, bodyId: 1, validFrom: 1, position: 1, changes: 1 }, sort: { jurisdiction: 1, validFrom: 1, position: 1, bodyId: 1 } },
      )
      .toArray()) as unknown as Array<Pick<BodyRowDocument, 'bodyId' | 'validFrom' | 'position' | 'changes'>>;
    rows.sort((a, b) => byRowOrder(a, b) || (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0));
    return rows.flatMap((row) => row.changes ?? []);
  }

  /** The server's plan for the registry-as-of query (to check that it uses the index). */
  async explainRegistryQuery(): Promise<Document> {
    return this.views.body_rows
      .find({ jurisdiction: '370700', validFrom: { $lte: '2020-01-01' }, entry: { $exists: true }, $and: knownAtFilter('2020-01-01T00:00:00.000Z') })
      .explain('queryPlanner');
  }
}

/** validTo null (open) or after `date`. */
const validAfter = (date: string): Filter<Document> => ({ $or: [{ validTo: null }, { validTo: { $gt: date } }] });

/** Believed at `knownAt`: recordedFrom <= K and (recordedTo null or K < recordedTo). */
const knownAtFilter = (knownAt: string): Array<Filter<Document>> => [
  { recordedFrom: { $lte: knownAt } },
  { $or: [{ recordedTo: null }, { recordedTo: { $gt: knownAt } }] },
];

/** The believed document a closure names, by the fields of its collection's index. */
function closeFilter(d: ViewDocument): Filter<Document> {
  switch (d.collection) {
    case 'body_rows':
      return { bodyId: d.bodyId, validFrom: d.validFrom, position: d.position, key: d.key, recordedTo: null };
    case 'quota_baselines':
      return { jurisdiction: d.jurisdiction, validFrom: d.validFrom, key: d.key, recordedTo: null };
  }
}

export class MongoReadStore implements ReadStore {
  readonly name = 'mongodb';
  private readonly pointers: Collection<ViewsPointer>;
  private readonly checkpoints: Collection<CheckpointDocument>;
  private readonly sets = new Map<string, ViewSet>();
  private readonly pointerTtlMs: number;
  private readonly retireAfterMs: number;
  private cached: { pointer: ViewsPointer; at: number } | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
    options: MongoReadStoreOptions,
  ) {
    this.pointers = db.collection<ViewsPointer>(POINTER_COLLECTION);
    this.checkpoints = db.collection<CheckpointDocument>(CHECKPOINT_COLLECTION);
    this.pointerTtlMs = options.pointerTtlMs ?? 1000;
    this.retireAfterMs = options.retireAfterMs ?? 10_000;
  }

  /**
   * Connects, checks that the server runs transactions (replica set or mongos) and sets up the
   * first view set if the database has none.
   */
  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    const client = new MongoClient(url, { ...options.clientOptions, ignoreUndefined: true });
    try {
      await client.connect();
      const db = client.db(options.dbName ?? databaseInUrl(url) ?? 'registry');
      const hello = await db.admin().command({ hello: 1 });
      if (!hello.setName && hello.msg !== 'isdbgrid') throw new Error(REPLICA_SET_REQUIRED);
      const store = new MongoReadStore(client, db, options);
      await store.checkTransactions();
      await store.start();
      return store;
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
  }

  /**
   * Writes a probe document in a transaction and aborts it: a server that keeps the write (or
   * refuses the transaction) would break the all-or-nothing batches, so it is refused here.
   */
  private async checkTransactions(): Promise<void> {
    try {
      await this.db.createCollection(CHECKPOINT_COLLECTION);
    } catch (error) {
      if (!isMongoCode(error, 48)) throw error; // NamespaceExists
    }
    const probe = `transaction-probe-${randomBytes(6).toString('hex')}`;
    const session = this.client.startSession();
    try {
      session.startTransaction({ readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
      await this.checkpoints.insertOne({ _id: probe, position: -1, transactionTime: null }, { session });
      await session.abortTransaction();
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      throw new Error(`${REPLICA_SET_REQUIRED}（事务试写失败：${error instanceof Error ? error.message : String(error)}）`, { cause: error });
    } finally {
      await session.endSession();
    }
    if (await this.checkpoints.findOneAndDelete({ _id: probe })) {
      throw new Error(`${REPLICA_SET_REQUIRED}（该服务器在事务中止后仍保留了写入，不支持多文档事务）`);
    }
  }

  private async start(): Promise<void> {
    if (!(await this.pointers.findOne({ _id: POINTER_ID }))) {
      const id = newSetId();
      await ViewSet.create(this.db, id);
      await this.checkpoints.insertOne({ _id: id, position: 0, transactionTime: null, format: VIEW_FORMAT });
      let won = true;
      try {
        await this.pointers.insertOne({ _id: POINTER_ID, live: id, building: null, retired: [] });
      } catch (error) {
        if (!isMongoCode(error, 11000)) throw error;
        won = false; // another process set up the first set meanwhile
      }
      if (!won) {
        await this.checkpoints.deleteOne({ _id: id });
        await ViewSet.drop(this.db, id);
      }
    }
    await this.dropRetired(await this.pointer(true));
  }

  /** The `views` pointer, from the cache unless it is older than `pointerTtlMs` (or `fresh`). */
  private async pointer(fresh = false): Promise<ViewsPointer> {
    const now = Date.now();
    if (!fresh && this.cached && now - this.cached.at < this.pointerTtlMs) return this.cached.pointer;
    const pointer = await this.pointers.findOne({ _id: POINTER_ID });
    if (!pointer) throw new Error('read model has no live view set (the `views` document is missing)');
    this.cached = { pointer, at: now };
    return pointer;
  }

  private set(id: string): ViewSet {
    let set = this.sets.get(id);
    if (!set) {
      set = new ViewSet(this.db, id);
      this.sets.set(id, set);
    }
    return set;
  }

  /** Formats of the sets seen live (a set's format never changes). */
  private readonly formats = new Map<string, number>();

  /** The live set; StaleViewsError when it is of another format. */
  private async live(): Promise<ViewSet> {
    const id = (await this.pointer()).live;
    let format = this.formats.get(id);
    if (format === undefined) this.formats.set(id, (format = await this.formatOf(id)));
    if (format !== VIEW_FORMAT) throw new StaleViewsError(format, VIEW_FORMAT);
    return this.set(id);
  }

  /** Runs `fn` in one transaction (retried by the driver on transient errors). */
  private async transaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(fn, { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' } });
    } catch (error) {
      throw explainTransactionError(error);
    } finally {
      await session.endSession();
    }
  }

  private async readCheckpoint(id: string, session?: ClientSession): Promise<Checkpoint | undefined> {
    const doc = await this.checkpoints.findOne({ _id: id }, { session });
    return doc ? { position: doc.position, transactionTime: doc.transactionTime } : undefined;
  }

  /** The format of view set `id` (its checkpoint's; format 1 wrote none). */
  private async formatOf(id: string, session?: ClientSession): Promise<number> {
    const doc = await this.checkpoints.findOne({ _id: id }, { session, projection: { format: 1 } });
    return doc?.format ?? 1;
  }

  /** Compare-and-set of set `id`'s checkpoint, first write of every batch. */
  private async moveCheckpoint(id: string, batch: ReadModelBatch, session: ClientSession): Promise<void> {
    const moved = await this.checkpoints.updateOne(
      { _id: id, position: batch.basedOn },
      { $set: { position: batch.checkpoint.position, transactionTime: batch.checkpoint.transactionTime } },
      { session },
    );
    if (moved.matchedCount === 1) return;
    const actual = await this.readCheckpoint(id, session);
    if (!actual) throw new Error(`view set ${id} is no longer in use`);
    throw new CheckpointConflictError(batch.basedOn, actual.position);
  }

  async checkpoint(): Promise<Checkpoint> {
    for (let attempt = 0; ; attempt++) {
      const pointer = await this.pointer(attempt > 0);
      const checkpoint = await this.readCheckpoint(pointer.live);
      // views of another format count as none: the projector then rebuilds them (ADR 0017)
      if (checkpoint && (await this.formatOf(pointer.live)) !== VIEW_FORMAT) return EMPTY_CHECKPOINT;
      if (checkpoint) return checkpoint;
      if (attempt > 0) throw new Error(`read model view set ${pointer.live} has no checkpoint`);
    }
  }

  async apply(batch: ReadModelBatch): Promise<void> {
    await this.transaction(async (session) => {
      const pointer = await this.pointers.findOne({ _id: POINTER_ID }, { session });
      if (!pointer) throw new Error('read model has no live view set (the `views` document is missing)');
      const format = await this.formatOf(pointer.live, session);
      if (format !== VIEW_FORMAT) throw new StaleViewsError(format, VIEW_FORMAT);
      await this.moveCheckpoint(pointer.live, batch, session);
      await this.set(pointer.live).write(batch, session);
    });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.checkpoint()).position === 0;
  }

  async beginRebuild(): Promise<ReadModelBuild> {
    const id = newSetId();
    const set = await ViewSet.create(this.db, id);
    await this.checkpoints.insertOne({ _id: id, position: 0, transactionTime: null, format: VIEW_FORMAT });
    // Take over: a build still named by the pointer (another one in progress, or left by a crash) is dropped.
    const stale = await this.transaction(async (session) => {
      const pointer = await this.pointers.findOne({ _id: POINTER_ID }, { session });
      if (!pointer) throw new Error('read model has no live view set (the `views` document is missing)');
      await this.pointers.updateOne({ _id: POINTER_ID }, { $set: { building: id } }, { session });
      if (pointer.building) await this.checkpoints.deleteOne({ _id: pointer.building }, { session });
      return pointer.building;
    });
    if (stale) await this.dropSet(stale);
    return {
      buildId: id,
      checkpoint: async () => {
        const checkpoint = await this.readCheckpoint(id);
        if (!checkpoint) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
        return checkpoint;
      },
      apply: async (batch) => {
        await this.transaction(async (session) => {
          const pointer = await this.pointers.findOne({ _id: POINTER_ID }, { session });
          if (pointer?.building !== id) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
          await this.moveCheckpoint(id, batch, session);
          await set.write(batch, session);
        });
      },
      complete: async () => this.switchTo(id),
      abandon: async () => {
        await this.transaction(async (session) => {
          await this.pointers.updateOne({ _id: POINTER_ID, building: id }, { $set: { building: null } }, { session });
          await this.checkpoints.deleteOne({ _id: id }, { session });
        });
        await this.dropSet(id);
      },
    };
  }

  /**
   * Makes build `id` the live set in one transaction: the pointer names it, the old set's
   * checkpoint goes (so a batch still aimed at it conflicts and is retried against the new one),
   * and the old set is listed as retired, to be dropped once no reader can still be using it.
   */
  private async switchTo(id: string): Promise<void> {
    const pointer = await this.transaction(async (session) => {
      const current = await this.pointers.findOne({ _id: POINTER_ID }, { session });
      if (current?.building !== id) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
      const retired = current.live !== id ? [...current.retired, { id: current.live, at: new Date() }] : current.retired;
      await this.pointers.updateOne({ _id: POINTER_ID }, { $set: { live: id, building: null, retired } }, { session });
      if (current.live !== id) await this.checkpoints.deleteOne({ _id: current.live }, { session });
      return { ...current, live: id, building: null, retired };
    });
    this.cached = { pointer, at: Date.now() };
    if (this.retireAfterMs <= 0) {
      await this.dropRetired(pointer);
    } else {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.closed) void this.dropRetired().catch(() => undefined);
      }, this.retireAfterMs + 10);
      timer.unref();
      this.timers.add(timer);
    }
  }

  /** Drops the retired sets old enough (also after a crash: `connect` and every switch-over look). */
  private async dropRetired(pointer?: ViewsPointer): Promise<void> {
    const current = pointer ?? (await this.pointer(true));
    const due = current.retired.filter((r) => Date.now() - r.at.getTime() >= this.retireAfterMs);
    for (const { id } of due) {
      await this.dropSet(id);
      await this.pointers.updateOne({ _id: POINTER_ID }, { $pull: { retired: { id } } });
    }
  }

  private async dropSet(id: string): Promise<void> {
    await ViewSet.drop(this.db, id);
    this.sets.delete(id);
  }

  async reset(): Promise<void> {
    const build = await this.beginRebuild();
    await build.complete();
  }

  async registryEntries(jurisdiction: string, asOf: AsOf) {
    return (await this.live()).registryEntries(jurisdiction, asOf);
  }

  async registryEntriesBetween(jurisdiction: string, range: DayRange) {
    return (await this.live()).registryEntriesBetween(jurisdiction, range);
  }

  async seriesStretchesBetween(jurisdiction: string, range: DayRange) {
    return (await this.live()).seriesStretchesBetween(jurisdiction, range);
  }

  async bodyStateRows(bodyId: string, asOf: AsOf) {
    return (await this.live()).bodyStateRows(bodyId, asOf);
  }

  async quotaBaselines(jurisdiction: string, range: DayRange) {
    return (await this.live()).quotaBaselines(jurisdiction, range);
  }

  async changes(jurisdiction: string, range: DayRange) {
    return (await this.live()).changes(jurisdiction, range);
  }

  /** The server's plan for the registry-as-of query of the live set. */
  async explainRegistryQuery(): Promise<Document> {
    return (await this.live()).explainRegistryQuery();
  }

  /** The names of the collections of the view sets (live, building, retired) in the database. */
  async viewCollections(): Promise<string[]> {
    const names = (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    return names.filter((n) => VIEW_COLLECTIONS.some((v) => n.startsWith(`${v}_`))).sort();
  }

  /** A lease on this database deciding which process projects (see projection-lease.ts). */
  projectionLease(options: ProjectionLeaseOptions = {}): ProjectionLease {
    return ProjectionLease.on(this.db, options);
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.client.close();
  }
}
