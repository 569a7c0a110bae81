/**
 * The embedded read store: one SQLite file (`<dataDir>/read-models.sqlite`, WAL), separate
 * from the event store's. Each view set lives in tables prefixed by its build id
 * (`rm_<id>_registry_entries`, …); `read_model_meta.live` names the set readers use, so a
 * rebuild fills fresh tables and switches over in one transaction. Every collection has one
 * index, on the columns its as-of query starts with; closing a document uses the same index.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AnnualReportDocument,
  BodyVersionDocument,
  ChangeDocument,
  QuotaBaselineDocument,
  Recorded,
  RegistryEntryDocument,
  ViewDocument,
} from '../read-documents.js';
import { SqliteBuildWriter } from './sqlite-build-writer.js';
import { closeOperation, describeOperation, FIRST_CLOSE_STATEMENT, insertOperation, writeStatements, type WriteStatements } from './sqlite-view-writes.js';
import {
  CheckpointConflictError,
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

function schema(p: string): string {
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
CREATE INDEX ${p}registry_entries_as_of ON ${p}registry_entries (jurisdiction, valid_from);
CREATE TABLE ${p}body_versions (
  body_id TEXT NOT NULL, valid_from TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT,
  jurisdiction TEXT NOT NULL, changed TEXT NOT NULL
);
CREATE INDEX ${p}body_versions_as_of ON ${p}body_versions (body_id, valid_from);
CREATE TABLE ${p}annual_reports (
  body_id TEXT NOT NULL, valid_from TEXT NOT NULL, position INTEGER NOT NULL, event_id TEXT NOT NULL,
  recorded_from TEXT NOT NULL, recorded_to TEXT, jurisdiction TEXT NOT NULL, report TEXT NOT NULL
);
CREATE INDEX ${p}annual_reports_as_of ON ${p}annual_reports (body_id, valid_from);
CREATE TABLE ${p}changes (
  jurisdiction TEXT NOT NULL, effective_date TEXT NOT NULL, position INTEGER NOT NULL, change_key TEXT NOT NULL,
  body_id TEXT NOT NULL, recorded_from TEXT NOT NULL, recorded_to TEXT, change TEXT NOT NULL
);
CREATE INDEX ${p}changes_by_date ON ${p}changes (jurisdiction, effective_date);
CREATE TABLE ${p}quota_baselines (
  jurisdiction TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT,
  recorded_from TEXT NOT NULL, recorded_to TEXT, baseline TEXT NOT NULL
);
CREATE INDEX ${p}quota_baselines_as_of ON ${p}quota_baselines (jurisdiction, valid_from);
`;
}

const TABLES = ['checkpoint', 'registry_entries', 'body_versions', 'annual_reports', 'changes', 'quota_baselines'];
const KNOWN = 'recorded_from <= @knownAt AND (recorded_to IS NULL OR recorded_to > @knownAt)';

interface EntryRow {
  jurisdiction: string;
  valid_from: string;
  valid_to: string | null;
  body_id: string;
  recorded_from: string;
  recorded_to: string | null;
  entry: string;
}
interface VersionRow {
  body_id: string;
  valid_from: string;
  recorded_from: string;
  recorded_to: string | null;
  jurisdiction: string;
  changed: string;
}
interface ReportRow {
  body_id: string;
  valid_from: string;
  position: number;
  event_id: string;
  recorded_from: string;
  recorded_to: string | null;
  jurisdiction: string;
  report: string;
}
interface ChangeRow {
  jurisdiction: string;
  effective_date: string;
  change_key: string;
  body_id: string;
  recorded_from: string;
  recorded_to: string | null;
  change: string;
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

  constructor(
    private readonly db: Database.Database,
    readonly buildId: string,
  ) {
    const p = (this.prefix = `rm_${buildId}_`);
    this.writes = writeStatements(p);
    const prepare = <P extends unknown[] | object = unknown[], R = unknown>(sql: string) => db.prepare<P, R>(sql);
    this.s = {
      checkpoint: prepare<[], { position: number; transaction_time: string | null }>(this.writes.readCheckpoint),
      moveCheckpoint: prepare(this.writes.moveCheckpoint),
      writes: this.writes.statements.map((sql) => prepare(sql)),
      registryEntries: prepare<object, EntryRow>(
        `SELECT * FROM ${p}registry_entries WHERE jurisdiction = @jurisdiction AND valid_from <= @date
           AND (valid_to IS NULL OR valid_to > @date) AND ${KNOWN}`,
      ),
      registryEntriesBetween: prepare<object, EntryRow>(
        `SELECT * FROM ${p}registry_entries WHERE jurisdiction = @jurisdiction AND valid_from <= @to
           AND (valid_to IS NULL OR valid_to > @from) AND ${KNOWN}`,
      ),
      bodyVersions: prepare<object, VersionRow>(
        `SELECT * FROM ${p}body_versions WHERE body_id = @bodyId AND valid_from <= @date AND ${KNOWN} ORDER BY valid_from`,
      ),
      annualReports: prepare<object, ReportRow>(
        `SELECT * FROM ${p}annual_reports WHERE body_id = @bodyId AND valid_from <= @date AND ${KNOWN}
           ORDER BY valid_from, position`,
      ),
      quotaBaselines: prepare<object, BaselineRow>(
        `SELECT * FROM ${p}quota_baselines WHERE jurisdiction = @jurisdiction AND valid_from <= @to
           AND (valid_to IS NULL OR valid_to > @from) AND ${KNOWN} ORDER BY valid_from`,
      ),
      changes: prepare<object, ChangeRow>(
        `SELECT * FROM ${p}changes WHERE jurisdiction = @jurisdiction AND effective_date >= @from AND effective_date <= @to
           AND ${KNOWN} ORDER BY effective_date, position, change_key`,
      ),
    };
  }

  static create(db: Database.Database, buildId: string): ViewTables {
    db.exec(schema(`rm_${buildId}_`));
    return new ViewTables(db, buildId);
  }

  static drop(db: Database.Database, buildId: string): void {
    for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS rm_${buildId}_${table}`);
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

  registryEntries(jurisdiction: string, { date, knownAt }: AsOf): Array<Recorded<RegistryEntryDocument>> {
    return this.s.registryEntries.all({ jurisdiction, date, knownAt }).map(entryDocument);
  }

  registryEntriesBetween(jurisdiction: string, { from, to, knownAt }: DayRange): Array<Recorded<RegistryEntryDocument>> {
    return this.s.registryEntriesBetween.all({ jurisdiction, from, to, knownAt }).map(entryDocument);
  }

  bodyVersions(bodyId: string, { date, knownAt }: AsOf): Array<Recorded<BodyVersionDocument>> {
    return this.s.bodyVersions.all({ bodyId, date, knownAt }).map((row) => ({
      collection: 'body_versions',
      key: `${row.body_id}@${row.valid_from}`,
      jurisdiction: row.jurisdiction,
      bodyId: row.body_id,
      validFrom: row.valid_from,
      changed: JSON.parse(row.changed) as BodyVersionDocument['changed'],
      recordedFrom: row.recorded_from,
      recordedTo: row.recorded_to,
    }));
  }

  annualReports(bodyId: string, { date, knownAt }: AsOf): Array<Recorded<AnnualReportDocument>> {
    return this.s.annualReports.all({ bodyId, date, knownAt }).map((row) => ({
      collection: 'annual_reports',
      key: row.event_id,
      jurisdiction: row.jurisdiction,
      bodyId: row.body_id,
      validFrom: row.valid_from,
      position: row.position,
      report: JSON.parse(row.report) as AnnualReportDocument['report'],
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

  changes(jurisdiction: string, { from, to, knownAt }: DayRange): Array<Recorded<ChangeDocument>> {
    return this.s.changes.all({ jurisdiction, from, to, knownAt }).map((row) => ({
      collection: 'changes',
      key: row.change_key,
      jurisdiction: row.jurisdiction,
      bodyId: row.body_id,
      effectiveDate: row.effective_date,
      change: JSON.parse(row.change) as ChangeDocument['change'],
      recordedFrom: row.recorded_from,
      recordedTo: row.recorded_to,
    }));
  }
}

function entryDocument(row: EntryRow): Recorded<RegistryEntryDocument> {
  return {
    collection: 'registry_entries',
    key: `${row.body_id}@${row.valid_from}`,
    jurisdiction: row.jurisdiction,
    bodyId: row.body_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    entry: JSON.parse(row.entry) as RegistryEntryDocument['entry'],
    recordedFrom: row.recorded_from,
    recordedTo: row.recorded_to,
  };
}

const newBuildId = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

export interface SqliteReadStoreOptions {
  /** SQLite page cache in MiB (default 64). */
  cacheMiB?: number;
  /**
   * Where a rebuild's batches are written: 'thread' (default for a file) writes them on a
   * worker thread with its own connection, beside the projection; 'inline' on this connection.
   */
  buildWriter?: 'thread' | 'inline';
}

export class SqliteReadStore implements ReadStore {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly views = new Map<string, ViewTables>();
  private readonly liveId;
  private readonly setMeta;
  private readonly deleteMeta;
  private readonly getMeta;

  /** The store of a data folder: `<dataDir>/read-models.sqlite`. */
  static inDataDir(dataDir: string, options?: SqliteReadStoreOptions): SqliteReadStore {
    return new SqliteReadStore(join(dataDir, READ_MODELS_FILE), options);
  }

  private readonly cacheKiB: number;
  private readonly buildWriter: 'thread' | 'inline';

  constructor(
    readonly file: string,
    options: SqliteReadStoreOptions = {},
  ) {
    this.cacheKiB = (options.cacheMiB ?? 64) * 1024;
    this.buildWriter = file === ':memory:' ? 'inline' : (options.buildWriter ?? 'thread');
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`cache_size = -${this.cacheKiB}`);
    this.db.exec(META);
    this.liveId = this.db.prepare<[], { value: string }>(`SELECT value FROM read_model_meta WHERE key = 'live'`);
    this.getMeta = this.db.prepare<[string], { value: string }>(`SELECT value FROM read_model_meta WHERE key = ?`);
    this.setMeta = this.db.prepare(`INSERT INTO read_model_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
    this.deleteMeta = this.db.prepare(`DELETE FROM read_model_meta WHERE key = ?`);
    this.db
      .transaction(() => {
        if (!this.liveId.get()) {
          const id = newBuildId();
          ViewTables.create(this.db, id);
          this.setMeta.run('live', id);
        }
      })
      .immediate();
  }

  /** The live view set (another process may have switched it). */
  private live(): ViewTables {
    const id = this.liveId.get()?.value;
    if (!id) throw new Error('read model has no live view set');
    return this.tables(id);
  }

  private tables(id: string): ViewTables {
    let tables = this.views.get(id);
    if (!tables) {
      tables = new ViewTables(this.db, id);
      this.views.set(id, tables);
    }
    return tables;
  }

  async checkpoint(): Promise<Checkpoint> {
    return this.live().checkpoint();
  }

  async apply(batch: ReadModelBatch): Promise<void> {
    this.db.transaction(() => this.live().apply(batch)).immediate();
  }

  async isEmpty(): Promise<boolean> {
    return this.live().checkpoint().position === 0;
  }

  async beginRebuild(): Promise<ReadModelBuild> {
    const id = newBuildId();
    this.db
      .transaction(() => {
        const stale = this.getMeta.get('building')?.value;
        if (stale) ViewTables.drop(this.db, stale);
        ViewTables.create(this.db, id);
        this.setMeta.run('building', id);
      })
      .immediate();
    const tables = this.tables(id);
    const inProgress = () => {
      if (this.getMeta.get('building')?.value !== id) throw new Error(`build ${id} is no longer in progress`);
    };
    const writer = this.buildWriter === 'thread' ? new SqliteBuildWriter(this.file, tables.writes, FIRST_CLOSE_STATEMENT, this.cacheKiB) : undefined;
    let stopped = false;
    const stopWriter = async () => {
      if (stopped) return;
      stopped = true;
      await writer?.close();
    };
    return {
      buildId: id,
      checkpoint: async () => tables.checkpoint(),
      apply: async (batch) => {
        if (stopped) throw new Error(`build ${id} is no longer in progress`);
        if (writer) return writer.apply(batch);
        this.db
          .transaction(() => {
            inProgress();
            tables.apply(batch);
          })
          .immediate();
      },
      complete: async () => {
        await stopWriter();
        this.switchTo(id);
      },
      abandon: async () => {
        await stopWriter().catch(() => undefined);
        this.db
          .transaction(() => {
            if (this.getMeta.get('building')?.value === id) this.deleteMeta.run('building');
            ViewTables.drop(this.db, id);
          })
          .immediate();
        this.views.delete(id);
      },
    };
  }

  /** Makes build `id` the live set and drops the previous one, in one transaction. */
  private switchTo(id: string): void {
    let previous: string | undefined;
    this.db
      .transaction(() => {
        if (this.getMeta.get('building')?.value !== id) throw new Error(`build ${id} is no longer in progress`);
        previous = this.liveId.get()?.value;
        this.setMeta.run('live', id);
        this.deleteMeta.run('building');
        if (previous && previous !== id) ViewTables.drop(this.db, previous);
      })
      .immediate();
    if (previous) this.views.delete(previous);
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

  async bodyVersions(bodyId: string, asOf: AsOf) {
    return this.live().bodyVersions(bodyId, asOf);
  }

  async annualReports(bodyId: string, asOf: AsOf) {
    return this.live().annualReports(bodyId, asOf);
  }

  async quotaBaselines(jurisdiction: string, range: DayRange) {
    return this.live().quotaBaselines(jurisdiction, range);
  }

  async changes(jurisdiction: string, range: DayRange) {
    return this.live().changes(jurisdiction, range);
  }

  /** SQLite's plan for the registry-as-of query (to check it uses the index). */
  explainRegistryQuery(): string[] {
    const p = this.live().prefix;
    return this.db
      .prepare<[string, string, string, string], { detail: string }>(
        `EXPLAIN QUERY PLAN SELECT * FROM ${p}registry_entries WHERE jurisdiction = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND recorded_from <= ?`,
      )
      .all('370700', '2020-01-01', '2020-01-01', '2020-01-01')
      .map((row) => row.detail);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
