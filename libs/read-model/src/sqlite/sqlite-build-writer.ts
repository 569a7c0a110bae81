/**
 * Builds one view set into a file of its own, on a worker thread, so that SQLite's work runs
 * beside the projection instead of after it (the second core).
 *
 * Nobody reads the file before the switch-over, and a build that stops half-way is thrown away
 * (docs: "a crash mid-rebuild = a clean rebuild"), so while it fills the file has no journal,
 * no fsync, no index and an exclusive lock. `complete()` then creates the indexes (one sort
 * each), applies the closures kept until then, turns on WAL (which marks the file complete)
 * and syncs file and folder, still holding the lock, before the store points readers at it.
 *
 * The worker source is plain JavaScript evaluated as CommonJS, so it runs the same from
 * sources (tests) and from the build output.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CheckpointConflictError, EMPTY_CHECKPOINT, type Checkpoint, type ReadModelBatch } from '../read-store.port.js';
import {
  deferredCloseStatements,
  encodeOperations,
  FIELD_SEPARATOR,
  FIRST_CLOSE_STATEMENT,
  NULL_FIELD,
  STATEMENT_ARITY,
  viewIndexesSql,
  viewTablesSql,
  writeStatements,
} from './sqlite-view-writes.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fsync, fsyncSync, openSync } = require('node:fs');
const { dirname } = require('node:path');
const Database = require(workerData.driver);
const { file, cacheKiB, syncEveryBytes, tablesSql, indexesSql, statements, deferredCloses, moveCheckpoint, arity, firstClose, separator, nullField } = workerData;

const db = new Database(file);
db.pragma('page_size = 16384');
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.pragma('locking_mode = EXCLUSIVE');
db.pragma('cache_size = -' + cacheKiB);
db.exec(tablesSql);
const inserts = statements.map((sql, i) => (i < firstClose ? db.prepare(sql) : undefined));
/** Per collection, the last rowid inserted: a deferred closure may only close a row that existed when it was made. */
const lastRowid = inserts.map(() => 0);
const deferred = [];
let position = 0;
let transactionTime = null;

const insertAll = db.transaction((operations) => {
  for (const operation of operations) {
    const args = operation.split(separator);
    const statement = Number(args.shift());
    if (arity[statement] !== args.length) throw new Error('malformed operation (' + args.length + ' fields for statement ' + statement + '; a separator inside a value?)');
    for (let k = 0; k < args.length; k++) if (args[k] === nullField) args[k] = null;
    if (statement >= firstClose) {
      const collection = statement - firstClose;
      args.push(lastRowid[collection]);
      deferred.push([collection, args]);
    } else {
      lastRowid[statement] = Number(inserts[statement].run(args).lastInsertRowid);
    }
  }
});

function fsyncPath(path) {
  const fd = openSync(path, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

// One descriptor of the file for the whole build, closed only after SQLite's: closing any
// descriptor of a file drops the process's POSIX locks on it, the build's exclusive lock with
// them, and that lock is what tells other processes this build is still running.
const fileFd = openSync(file, 'r');
let fileOpen = true;
function closeFile() {
  if (db.open) db.close();
  if (fileOpen) closeSync(fileFd);
  fileOpen = false;
}

// Synced as the build goes (every 64 MB, on libuv's thread pool while this thread goes on
// inserting), so the sync before the switch has little left to write: it took 0.4 s at the
// end of the bench rebuild.
const pageCount = db.prepare('PRAGMA page_count').pluck();
const SYNC_EVERY_PAGES = Math.max(1, Math.ceil(syncEveryBytes / 16384));
let syncedPages = 0;
/** Called once the sync in progress has ended (undefined when none is). */
let syncing;
/** A failed background sync fails the build (the last fsync need not report it again). */
let syncError = null;
function syncAsItGrows() {
  if (syncing) return;
  const pages = pageCount.get();
  if (pages - syncedPages < SYNC_EVERY_PAGES) return;
  syncedPages = pages;
  const waiters = [];
  syncing = waiters;
  fsync(fileFd, (error) => {
    if (error) syncError ??= error;
    syncing = undefined;
    for (const waiter of waiters) waiter();
  });
}
function afterSync(then) {
  if (syncing) syncing.push(then);
  else then();
}

function complete() {
  if (syncError) throw new Error('重建写入磁盘失败：' + syncError.message);
  db.exec(indexesSql);
  const closes = deferredCloses.map((sql) => db.prepare(sql));
  db.transaction(() => {
    for (const [index, args] of deferred) {
      const changes = closes[index].run(args).changes;
      if (changes !== 1) throw new Error('expected one believed document to close (' + args.slice(1, -1).join(', ') + '), found ' + changes);
    }
    db.prepare(moveCheckpoint).run(position, transactionTime);
  })();
  // WAL marks the file as complete (the store never takes a WAL file for an abandoned build);
  // synced while this connection still holds the lock.
  db.pragma('journal_mode = WAL');
  fsyncSync(fileFd);
  fsyncPath(dirname(file));
  closeFile();
}

function reply(message, work) {
  try {
    work();
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
  if (message.kind === 'batch') return;
  // the last message: after a failed complete the store abandons the build, which deletes it
  try { closeFile(); } catch {}
  parentPort.close();
}

parentPort.on('message', (message) => {
  if (message.kind === 'batch') {
    if (message.basedOn !== position) {
      parentPort.postMessage({ id: message.id, conflict: [message.basedOn, position] });
      return;
    }
    reply(message, () => {
      insertAll(message.operations);
      syncAsItGrows();
      position = message.position;
      transactionTime = message.transactionTime;
    });
  } else if (message.kind === 'complete') {
    // not while a background sync is running: its error would fail the build only once known
    afterSync(() => reply(message, complete));
  } else if (message.kind === 'abandon') {
    afterSync(() => reply(message, closeFile));
  }
});
`;

type Reply = { id: number; error?: string; conflict?: [number, number] };

export class SqliteBuildWriter {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;
  private stopped = false;
  private hasExited = false;
  private acknowledged: Checkpoint = EMPTY_CHECKPOINT;

  /** `syncEveryBytes`: how much the file grows between background syncs (smaller in tests). */
  constructor(file: string, cacheKiB: number, syncEveryBytes = 64 * 1024 * 1024) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const writes = writeStatements('');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // a small young generation: the thread's strings live one batch long (it would otherwise take the process's)
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
      workerData: {
        file,
        driver,
        cacheKiB,
        syncEveryBytes,
        tablesSql: viewTablesSql(''),
        indexesSql: viewIndexesSql(''),
        statements: writes.statements,
        moveCheckpoint: writes.moveCheckpoint,
        deferredCloses: deferredCloseStatements(''),
        arity: STATEMENT_ARITY,
        firstClose: FIRST_CLOSE_STATEMENT,
        separator: FIELD_SEPARATOR,
        nullField: NULL_FIELD,
      },
    });
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiter) return;
      if (reply.conflict) waiter.reject(new CheckpointConflictError(reply.conflict[0], reply.conflict[1]));
      else if (reply.error) waiter.reject(new Error(reply.error));
      else waiter.resolve();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.hasExited = true;
        if (this.pending.size > 0) this.fail(new Error(`读模型重建的写入线程已退出（退出码 ${code}）`));
        resolve();
      }),
    );
  }

  /** The checkpoint of the last batch written. */
  get checkpoint(): Checkpoint {
    return this.acknowledged;
  }

  /** Encodes the batch here, writes it there; resolves once written (not yet synced: see complete). */
  async apply(batch: ReadModelBatch): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stopped) throw new Error('读模型重建的写入线程已停止');
    const operations = encodeOperations(batch.closures, batch.inserts);
    const { position, transactionTime } = batch.checkpoint;
    const written = this.send({ kind: 'batch', basedOn: batch.basedOn, position, transactionTime, operations });
    written.catch((error: Error) => (this.failure ??= error));
    await written;
    this.acknowledged = batch.checkpoint;
  }

  /** Indexes, deferred closures, checkpoint, WAL, fsync; then the thread stops. */
  async complete(): Promise<void> {
    if (this.failure) throw this.failure;
    await this.stop({ kind: 'complete' });
    if (this.failure) throw this.failure;
  }

  /** Closes the file (the store deletes it) and stops the thread. */
  async abandon(): Promise<void> {
    await this.stop({ kind: 'abandon' }).catch(() => undefined);
  }

  private async stop(message: Record<string, unknown>): Promise<void> {
    if (this.stopped) throw new Error('读模型重建的写入线程已停止');
    this.stopped = true;
    try {
      await this.send(message);
    } finally {
      await this.exited;
    }
  }

  private send(message: Record<string, unknown>): Promise<void> {
    if (this.hasExited) return Promise.reject(this.failure ?? new Error('读模型重建的写入线程已停止'));
    const id = ++this.next;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
