/**
 * The embedded read store, separate from the event store's file. `<dataDir>/read-models.sqlite`
 * (WAL) holds `read_model_meta`, whose `live` names the view set readers use; each view set is
 * a file of its own beside it (`read-models.<id>.sqlite`, WAL), attached to the connection as
 * schema `v_<id>`. A rebuild fills a new file on a worker thread (sqlite-build-writer.ts) and
 * switches over by changing `live` in one transaction; every reader, in this process or another,
 * looks at `live` before each query. In memory (tests) view sets are tables prefixed
 * `rm_<id>_` in the one database, as were the sets of earlier versions (still readable).
 * Every collection has one index, on the columns its as-of query starts with; closing a
 * document uses the same index.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import {
  VIEW_FORMAT,
  type BodyStateRow,
  type ChangeRecord,
  type QuotaBaselineDocument,
  type Recorded,
  type RegistryStretch,
  type SeriesStretch,
} from '../read-documents.js';
import type { Series } from '#domain';
import { SqliteBuildWriter } from './sqlite-build-writer.js';
import {
  changesOfRow,
  closeOperation,
  describeOperation,
  insertOperation,
  VIEW_TABLES,
  viewIndexesSql,
  viewTablesSql,
  writeStatements,
  type WriteStatements,
} from './sqlite-view-writes.js';
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

export const READ_MODELS_FILE = 'read-models.sqlite';

const META = `
CREATE TABLE IF NOT EXISTS read_model_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

const KNOWN = 'recorded_from <= @knownAt AND (recorded_to IS NULL OR recorded_to > @knownAt)';

interface LineRow {
  jurisdiction: string;
  body_id: string;
  valid_from: string;
  valid_to: string | null;
  position: number;
  recorded_from: string;
  recorded_to: string | null;
  entry: string;
}
interface StateRow {
  valid_from: string;
  position: number;
  recorded_from: string;
  recorded_to: string | null;
  changed: string | null;
  report: string | null;
}
interface ChangesRow {
  body_id: string;
  valid_from: string;
  position: number;
  changes: string;
}
interface BaselineRow {
  jurisdiction: string;
  valid_from: string;
  valid_to: string | null;
  recorded_from: string;
  recorded_to: string | null;
  baseline: string;
}

/** The prepared statements of one view set. */
class ViewTables {
  readonly prefix: string;
  readonly writes: WriteStatements;
  private readonly s;

  /** `prefix` qualifies the table names: `rm_<id>_` (tables in the store's file) or `v_<id>.` (an attached file). */
  constructor(
    private readonly db: Database.Database,
    readonly buildId: string,
    prefix = `rm_${buildId}_`,
  ) {
    const p = (this.prefix = prefix);
    this.writes = writeStatements(p);
    const prepare = <P extends unknown[] | object = unknown[], R = unknown>(sql: string) => db.prepare<P, R>(sql);
    this.s = {
      checkpoint: prepare<[], { position: number; transaction_time: string | null }>(this.writes.readCheckpoint),
      moveCheckpoint: prepare(this.writes.moveCheckpoint),
      writes: this.writes.statements.map((sql) => prepare(sql)),
      // Per body of the jurisdiction with list lines, its last row with a list line by D as
      // known at K: one descending seek each in the partial index, then the line of that row
      // only; 'null' is a body that left the registry. (Measured on the bench's registry, CPU
      // per query: 250 µs; ROW_NUMBER() over the same rows 380 µs, as it sorts them.)
      registryEntries: prepare<object, LineRow>(
        `SELECT r.jurisdiction, r.body_id, r.valid_from, NULL AS valid_to, r.position, r.recorded_from, r.recorded_to, r.entry
           FROM (SELECT DISTINCT body_id FROM ${p}body_rows WHERE jurisdiction = @jurisdiction AND entry IS NOT NULL) AS b
           JOIN ${p}body_rows AS r ON r.rowid = (
             SELECT rowid FROM ${p}body_rows AS x
              WHERE x.jurisdiction = @jurisdiction AND x.body_id = b.body_id AND x.entry IS NOT NULL AND x.valid_from <= @date
                AND x.recorded_from <= @knownAt AND (x.recorded_to IS NULL OR x.recorded_to > @knownAt)
              ORDER BY x.valid_from DESC, x.position DESC LIMIT 1)
          WHERE r.entry <> 'null'`,
      ),
      // Each row with a list line runs to the next one of its body (among those by @to known at K).
      registryEntriesBetween: prepare<object, LineRow>(
        `SELECT * FROM (SELECT jurisdiction, body_id, valid_from,
                  LEAD(valid_from) OVER (PARTITION BY body_id ORDER BY valid_from, position) AS valid_to,
                  position, recorded_from, recorded_to, entry
             FROM ${p}body_rows WHERE jurisdiction = @jurisdiction AND entry IS NOT NULL AND valid_from <= @to AND ${KNOWN})
          WHERE entry <> 'null' AND (valid_to IS NULL OR (valid_to > @from AND valid_to > valid_from))`,
      ),
      // the quota line counts series only: read from the JSON by SQLite, not parsed here
      seriesStretchesBetween: prepare<object, { body_id: string; valid_from: string; valid_to: string | null; series: Series }>(
        `SELECT body_id, valid_from, valid_to, series FROM (SELECT body_id, valid_from,
                  LEAD(valid_from) OVER (PARTITION BY body_id ORDER BY valid_from, position) AS valid_to,
                  entry, json_extract(entry, '$.series') AS series
             FROM ${p}body_rows WHERE jurisdiction = @jurisdiction AND entry IS NOT NULL AND valid_from <= @to AND ${KNOWN})
          WHERE entry <> 'null' AND (valid_to IS NULL OR (valid_to > @from AND valid_to > valid_from))`,
      ),
      bodyStateRows: prepare<object, StateRow>(
        `SELECT valid_from, position, recorded_from, recorded_to, changed, report FROM ${p}body_rows
          WHERE body_id = @bodyId AND valid_from <= @date AND ${KNOWN} AND (changed IS NOT NULL OR report IS NOT NULL)
          ORDER BY valid_from, position`,
      ),
      quotaBaselines: prepare<object, BaselineRow>(
        `SELECT * FROM ${p}quota_baselines WHERE jurisdiction = @jurisdiction AND valid_from <= @to
           AND (valid_to IS NULL OR valid_to > @from) AND ${KNOWN} ORDER BY valid_from`,
      ),
      changes: prepare<object, ChangesRow>(
        `SELECT body_id, valid_from, position, changes FROM ${p}body_rows
          WHERE jurisdiction = @jurisdiction AND changes IS NOT NULL AND valid_from >= @from AND valid_from <= @to AND ${KNOWN}
          ORDER BY valid_from, position, body_id`,
      ),
    };
  }

  /** A view set as tables of the store's own database. */
  static create(db: Database.Database, buildId: string): ViewTables {
    const p = `rm_${buildId}_`;
    db.exec(viewTablesSql(p) + viewIndexesSql(p));
    return new ViewTables(db, buildId);
  }

  static drop(db: Database.Database, buildId: string): void {
    for (const table of VIEW_TABLES) db.exec(`DROP TABLE IF EXISTS rm_${buildId}_${table}`);
  }

  checkpoint(): Checkpoint {
    const row = this.s.checkpoint.get();
    return { position: row?.position ?? 0, transactionTime: row?.transaction_time ?? null };
  }

  /** Inside a transaction. */
  apply(batch: ReadModelBatch): void {
    const current = this.checkpoint().position;
    if (current !== batch.basedOn) throw new CheckpointConflictError(batch.basedOn, current);
    for (const closure of batch.closures) {
      const operation = closeOperation(closure);
      const changed = this.s.writes[operation[0]].run(...operation.slice(1)).changes;
      if (changed !== 1) throw new Error(`expected one believed document to close for ${describeOperation(operation)}, found ${changed}`);
    }
    for (const insert of batch.inserts) {
      const operation = insertOperation(insert);
      this.s.writes[operation[0]].run(...operation.slice(1));
    }
    this.s.moveCheckpoint.run(batch.checkpoint.position, batch.checkpoint.transactionTime);
  }

  /** SQLite's plan for one of the read statements. */
  explain(statement: 'registryEntries' | 'registryEntriesBetween' | 'seriesStretchesBetween' | 'bodyStateRows' | 'changes', params: object): string[] {
    return this.db
      .prepare<object, { detail: string }>(`EXPLAIN QUERY PLAN ${this.s[statement].source}`)
      .all(params)
      .map((row) => row.detail);
  }

  registryEntries(jurisdiction: string, { date, knownAt }: AsOf): RegistryStretch[] {
    return this.s.registryEntries.all({ jurisdiction, date, knownAt }).map(stretchOfRow);
  }

  registryEntriesBetween(jurisdiction: string, { from, to, knownAt }: DayRange): RegistryStretch[] {
    return this.s.registryEntriesBetween.all({ jurisdiction, from, to, knownAt }).map(stretchOfRow);
  }

  seriesStretchesBetween(jurisdiction: string, { from, to, knownAt }: DayRange): SeriesStretch[] {
    return this.s.seriesStretchesBetween.all({ jurisdiction, from, to, knownAt }).map((row) => ({
      bodyId: row.body_id,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      entry: { series: row.series },
    }));
  }

  bodyStateRows(bodyId: string, { date, knownAt }: AsOf): BodyStateRow[] {
    return this.s.bodyStateRows.all({ bodyId, date, knownAt }).map((row) => ({
      validFrom: row.valid_from,
      position: row.position,
      ...(row.changed !== null ? { changed: JSON.parse(row.changed) as BodyStateRow['changed'] } : {}),
      ...(row.report !== null ? { report: JSON.parse(row.report) as BodyStateRow['report'] } : {}),
      recordedFrom: row.recorded_from,
      recordedTo: row.recorded_to,
    }));
  }

  quotaBaselines(jurisdiction: string, { from, to, knownAt }: DayRange): Array<Recorded<QuotaBaselineDocument>> {
    return this.s.quotaBaselines.all({ jurisdiction, from, to, knownAt }).map((row) => ({
      collection: 'quota_baselines',
      key: `${row.jurisdiction}@${row.valid_from}`,
      jurisdiction: row.jurisdiction,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      baseline: JSON.parse(row.baseline) as QuotaBaselineDocument['baseline'],
      recordedFrom: row.recorded_from,
      recordedTo: row.recorded_to,
    }));
  }

  changes(jurisdiction: string, { from, to, knownAt }: DayRange): ChangeRecord[] {
    return this.s.changes.all({ jurisdiction, from, to, knownAt }).flatMap(changesOfRow);
  }
}

function stretchOfRow(row: LineRow): RegistryStretch {
  return {
    jurisdiction: row.jurisdiction,
    bodyId: row.body_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    position: row.position,
    entry: JSON.parse(row.entry) as RegistryStretch['entry'],
    recordedFrom: row.recorded_from,
    recordedTo: row.recorded_to,
  };
}

/** True when the SQLite file's header says WAL (bytes 18 and 19 are 2). */
function isWalFile(file: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, header, 0, 20, 0) === 20 && header[18] === 2 && header[19] === 2;
  } finally {
    closeSync(fd);
  }
}

const newBuildId = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export interface SqliteReadStoreOptions {
  /** SQLite page cache in MiB (default 64). */
  cacheMiB?: number;
}

export class SqliteReadStore implements ReadStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  /** In memory: view sets are tables of this database, built on this connection. */
  private readonly inMemory: boolean;
  private readonly cacheKiB: number;
  private readonly views = new Map<string, ViewTables>();
  /** View sets of another format (id → its format), found when they were live: to be rebuilt. */
  private readonly stale = new Map<string, number>();
  /** Builds in progress: closing the store stops them where they are (the next rebuild drops them). */
  private readonly writers = new Set<SqliteBuildWriter>();
  private readonly liveId: Database.Statement<[], { value: string }>;
  private readonly setMeta: Database.Statement<[string, string]>;
  private readonly deleteMeta: Database.Statement<[string]>;
  private readonly getMeta: Database.Statement<[string], { value: string }>;

  /** The store of a data folder: `<dataDir>/read-models.sqlite`. */
  static inDataDir(dataDir: string, options?: SqliteReadStoreOptions): SqliteReadStore {
    return new SqliteReadStore(join(dataDir, READ_MODELS_FILE), options);
  }

  constructor(
    readonly file: string,
    options: SqliteReadStoreOptions = {},
  ) {
    this.cacheKiB = (options.cacheMiB ?? 64) * 1024;
    this.inMemory = file === ':memory:';
    if (!this.inMemory) mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`cache_size = -${this.cacheKiB}`);
    this.db.exec(META);
    this.liveId = this.db.prepare<[], { value: string }>(`SELECT value FROM read_model_meta WHERE key = 'live'`);
    this.getMeta = this.db.prepare<[string], { value: string }>(`SELECT value FROM read_model_meta WHERE key = ?`);
    this.setMeta = this.db.prepare<[string, string]>(`INSERT INTO read_model_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    this.deleteMeta = this.db.prepare<[string]>(`DELETE FROM read_model_meta WHERE key = ?`);
    if (!this.liveId.get()) this.createFirstViewSet();
    if (!this.inMemory) {
      this.dropAbandonedBuild();
      this.removeUnreferencedViewSetFiles();
    }
  }

  /** Deletes view-set files that `live` and `building` no longer name (one switched away from by a process that could not delete it). */
  private removeUnreferencedViewSetFiles(): void {
    const prefix = `${basename(this.file, '.sqlite')}.`;
    const named = new Set([this.liveId.get()?.value, this.getMeta.get('building')?.value]);
    for (const name of readdirSync(dirname(this.file))) {
      const id = name.startsWith(prefix) && name.endsWith('.sqlite') ? name.slice(prefix.length, -'.sqlite'.length) : undefined;
      if (id && /^[a-z0-9]+$/.test(id) && !named.has(id)) this.removeViewSetFile(id);
    }
  }

  /**
   * Deletes the file of a build that no process is writing any more (one that crashed): a
   * builder holds an exclusive lock on its file from its first write, so a file nobody locks is
   * left over. Without this a crashed rebuild would keep its file until the next rebuild.
   */
  private dropAbandonedBuild(): void {
    const id = this.getMeta.get('building')?.value;
    if (!id || !existsSync(this.viewSetFile(id))) return;
    // a finished build (WAL, see the build writer) waits to be switched to: not abandoned
    if (isWalFile(this.viewSetFile(id))) return;
    const probe = new Database(this.viewSetFile(id), { timeout: 0 });
    let abandoned = false;
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      abandoned = true;
    } catch {
      // locked: a rebuild is running in another process
    } finally {
      probe.close();
    }
    if (!abandoned) return;
    this.db
      .transaction(() => {
        if (this.getMeta.get('building')?.value === id) this.deleteMeta.run('building');
      })
      .immediate();
    this.removeViewSetFile(id);
  }

  /** The file of view set `id` (file stores only). */
  viewSetFile(id: string): string {
    return join(dirname(this.file), `${basename(this.file, '.sqlite')}.${id}.sqlite`);
  }

  private createFirstViewSet(): void {
    const id = newBuildId();
    if (!this.inMemory) {
      const views = new Database(this.viewSetFile(id));
      views.pragma('journal_mode = WAL');
      views.exec(viewTablesSql('') + viewIndexesSql(''));
      views.close();
    }
    this.db
      .transaction(() => {
        if (this.liveId.get()) return; // another process was first
        if (this.inMemory) ViewTables.create(this.db, id);
        this.setMeta.run('live', id);
      })
      .immediate();
    if (!this.inMemory && this.liveId.get()?.value !== id) this.removeViewSetFile(id);
  }

  /** The live view set (another process may have switched it); StaleViewsError when it is of another format. */
  private live(): ViewTables {
    const tables = this.liveOrStale();
    if (typeof tables === 'number') throw new StaleViewsError(tables, VIEW_FORMAT);
    return tables;
  }

  /** The live view set, or the format of a live set this code does not read. */
  private liveOrStale(): ViewTables | number {
    const id = this.liveId.get()?.value;
    if (!id) throw new Error('读模型没有在用的视图集');
    return this.stale.get(id) ?? this.tables(id);
  }

  /** The format of view set `id`: its file's user_version, or for tables in the store's file (earlier versions) whether they are rows. */
  private formatOf(id: string): number {
    if (this.inMemory) return VIEW_FORMAT;
    if (existsSync(this.viewSetFile(id))) {
      const probe = new Database(this.viewSetFile(id), { readonly: true, fileMustExist: true });
      try {
        // format 1 wrote no user_version
        return (probe.pragma('user_version', { simple: true }) as number) || 1;
      } finally {
        probe.close();
      }
    }
    const rows = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(`rm_${id}_body_rows`);
    return rows ? VIEW_FORMAT : 1;
  }

  private tables(id: string): ViewTables | number {
    let tables = this.views.get(id);
    if (!tables) {
      const format = this.formatOf(id);
      if (format !== VIEW_FORMAT) {
        this.stale.set(id, format);
        return format;
      }
      if (this.inMemory || !existsSync(this.viewSetFile(id))) {
        tables = new ViewTables(this.db, id);
      } else {
        // a new live file: the ones before it were switched away from, here or by another process
        this.detachAllBut(id);
        tables = this.attach(id);
      }
      this.views.set(id, tables);
    }
    return tables;
  }

  private attach(id: string): ViewTables {
    const schema = `v_${id}`;
    const file = this.viewSetFile(id);
    this.db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
    // deleted since we looked (ATTACH then makes an empty file): not a view set
    if (!this.db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'checkpoint'`).get()) {
      this.db.exec(`DETACH DATABASE ${schema}`);
      if (existsSync(file) && statSync(file).size === 0) this.removeViewSetFile(id);
      throw new Error(`读模型视图集 ${id} 的文件不存在（${file}）`);
    }
    this.db.pragma(`${schema}.synchronous = NORMAL`);
    this.db.pragma(`${schema}.cache_size = -${this.cacheKiB}`);
    return new ViewTables(this.db, id, `${schema}.`);
  }

  /** Forgets the view sets other than `id` (switched away from, here or by another process). */
  private detachAllBut(id: string): void {
    for (const [other, tables] of this.views) {
      if (other === id) continue;
      this.views.delete(other);
      if (tables.prefix.startsWith('v_')) {
        try {
          this.db.exec(`DETACH DATABASE v_${other}`);
        } catch {
          // still in use by a statement of this connection: detached with the connection
        }
      }
    }
  }

  async checkpoint(): Promise<Checkpoint> {
    const tables = this.liveOrStale();
    // views of another format count as none: the projector then rebuilds them (ADR 0017)
    return typeof tables === 'number' ? EMPTY_CHECKPOINT : tables.checkpoint();
  }

  async apply(batch: ReadModelBatch): Promise<void> {
    const tables = this.live(); // attaching is not allowed inside a transaction
    this.db
      .transaction(() => {
        if (this.liveId.get()?.value !== tables.buildId) throw new Error('the live view set was switched by a rebuild; follow again from its checkpoint');
        tables.apply(batch);
      })
      .immediate();
  }

  async isEmpty(): Promise<boolean> {
    return (await this.checkpoint()).position === 0;
  }

  async beginRebuild(): Promise<ReadModelBuild> {
    const id = newBuildId();
    this.db
      .transaction(() => {
        const stale = this.getMeta.get('building')?.value;
        if (stale) this.dropViewSet(stale);
        if (this.inMemory) ViewTables.create(this.db, id);
        this.setMeta.run('building', id);
      })
      .immediate();
    const inProgress = () => {
      if (this.getMeta.get('building')?.value !== id) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
    };
    let stopped = false;
    const abandon = async () => {
      let live = false;
      this.db
        .transaction(() => {
          if (this.getMeta.get('building')?.value === id) this.deleteMeta.run('building');
          live = this.liveId.get()?.value === id;
        })
        .immediate();
      if (!live) this.dropViewSet(id); // switched to already: it is what readers use
    };
    if (this.inMemory) {
      const tables = this.tables(id) as ViewTables;
      return {
        buildId: id,
        checkpoint: async () => tables.checkpoint(),
        apply: async (batch) => {
          if (stopped) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
          this.db
            .transaction(() => {
              inProgress();
              tables.apply(batch);
            })
            .immediate();
        },
        complete: async () => {
          stopped = true;
          this.switchTo(id);
        },
        abandon: async () => {
          stopped = true;
          await abandon();
        },
      };
    }
    const writer = new SqliteBuildWriter(this.viewSetFile(id), this.cacheKiB);
    this.writers.add(writer);
    return {
      buildId: id,
      // the writer thread takes batches in order; two queued keep it busy while the next is projected
      writesInFlight: 2,
      checkpoint: async () => writer.checkpoint,
      apply: (batch) => writer.apply(batch),
      complete: async () => {
        try {
          await writer.complete();
        } finally {
          this.writers.delete(writer);
        }
        this.switchTo(id);
      },
      abandon: async () => {
        this.writers.delete(writer);
        await writer.abandon();
        await abandon();
      },
    };
  }

  /** Makes build `id` the live set and drops the previous one; the switch is synced to disk. */
  private switchTo(id: string): void {
    let previous: string | undefined;
    this.db.pragma('synchronous = FULL');
    try {
      this.db
        .transaction(() => {
          if (this.getMeta.get('building')?.value !== id) throw new Error(`重建 ${id} 已不在进行中：另一次重建接替了它，或它已被放弃`);
          previous = this.liveId.get()?.value;
          this.setMeta.run('live', id);
          this.deleteMeta.run('building');
        })
        .immediate();
    } finally {
      this.db.pragma('synchronous = NORMAL');
    }
    if (previous && previous !== id) {
      try {
        this.dropViewSet(previous);
      } catch {
        // switched all the same; a file left behind goes when the store is next opened
      }
    }
  }

  /** Drops view set `id`: its file (other processes keep reading theirs until they look at `live`) or its tables. */
  private dropViewSet(id: string): void {
    const tables = this.views.get(id);
    this.views.delete(id);
    if (tables?.prefix.startsWith('v_')) {
      try {
        this.db.exec(`DETACH DATABASE v_${id}`);
      } catch {
        // still in use by a statement of this connection: detached with the connection
      }
    }
    if (this.inMemory || !existsSync(this.viewSetFile(id))) ViewTables.drop(this.db, id);
    if (!this.inMemory) this.removeViewSetFile(id);
  }

  private removeViewSetFile(id: string): void {
    const file = this.viewSetFile(id);
    for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(path, { force: true });
  }

  async reset(): Promise<void> {
    const build = await this.beginRebuild();
    await build.complete();
  }

  async registryEntries(jurisdiction: string, asOf: AsOf) {
    return this.live().registryEntries(jurisdiction, asOf);
  }

  async registryEntriesBetween(jurisdiction: string, range: DayRange) {
    return this.live().registryEntriesBetween(jurisdiction, range);
  }

  async seriesStretchesBetween(jurisdiction: string, range: DayRange) {
    return this.live().seriesStretchesBetween(jurisdiction, range);
  }

  async bodyStateRows(bodyId: string, asOf: AsOf) {
    return this.live().bodyStateRows(bodyId, asOf);
  }

  async quotaBaselines(jurisdiction: string, range: DayRange) {
    return this.live().quotaBaselines(jurisdiction, range);
  }

  async changes(jurisdiction: string, range: DayRange) {
    return this.live().changes(jurisdiction, range);
  }

  /** SQLite's plan for the registry-as-of query (to check it uses the index). */
  explainRegistryQuery(): string[] {
    return this.live().explain('registryEntries', { jurisdiction: '370700', date: '2020-01-01', knownAt: '2020-01-01' });
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await Promise.all([...this.writers].map((writer) => writer.abandon()));
    this.writers.clear();
    if (this.db.open) this.db.close();
  }
}
