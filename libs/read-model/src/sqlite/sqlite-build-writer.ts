/**
 * Writes a rebuild's batches on a worker thread with its own connection, so that SQLite's
 * work runs beside the projection instead of after it (the second core). The worker source is
 * plain JavaScript evaluated as CommonJS, so it runs the same from sources (tests) and from
 * the build output. Each batch is one transaction there, as on the store's own connection.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CheckpointConflictError, type ReadModelBatch } from '../read-store.port.js';
import { closeOperation, insertOperation, type WriteOperation, type WriteStatements } from './sqlite-view-writes.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 10000');
db.pragma('cache_size = -' + workerData.cacheKiB);
const statements = workerData.statements.statements.map((sql) => db.prepare(sql));
const readCheckpoint = db.prepare(workerData.statements.readCheckpoint);
const moveCheckpoint = db.prepare(workerData.statements.moveCheckpoint);
const apply = db.transaction((message) => {
  const operations = message.operations;
  const current = readCheckpoint.get().position;
  if (current !== message.basedOn) {
    const error = new Error('checkpoint conflict');
    error.conflict = [message.basedOn, current];
    throw error;
  }
  for (const operation of operations) {
    if (operation[0] < workerData.firstClose) operation[operation.length - 1] = JSON.stringify(operation[operation.length - 1]);
    const info = statements[operation[0]].run(...operation.slice(1));
    if (operation[0] >= workerData.firstClose && info.changes !== 1) {
      throw new Error('expected one believed document to close for statement ' + operation[0] + ' (' + operation.slice(1, 4).join(', ') + '), found ' + info.changes);
    }
  }
  moveCheckpoint.run(message.position, message.transactionTime);
});
parentPort.on('message', (text) => {
  if (text === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const message = JSON.parse(text);
  try {
    apply.immediate(message);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String(error && error.message), conflict: error && error.conflict });
  }
});
`;

export class SqliteBuildWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private readonly inFlight = new Set<Promise<void>>();
  private next = 0;
  private failure: Error | undefined;

  constructor(file: string, statements: WriteStatements, firstClose: number, cacheKiB: number) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, statements, firstClose, cacheKiB } });
    this.worker.on('message', (reply: { id: number; error?: string; conflict?: [number, number] }) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiter) return;
      if (reply.conflict) waiter.reject(new CheckpointConflictError(reply.conflict[0], reply.conflict[1]));
      else if (reply.error) waiter.reject(new Error(reply.error));
      else waiter.resolve();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (this.pending.size > 0) this.fail(new Error(`read-model build writer stopped (exit ${code})`));
    });
  }

  /** Serialises the batch here, writes it there; resolves once committed. */
  apply(batch: ReadModelBatch): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const operations: WriteOperation[] = [];
    for (const closure of batch.closures) operations.push(closeOperation(closure));
    for (const insert of batch.inserts) operations.push(insertOperation(insert, false));
    const id = ++this.next;
    const written = new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // one string: cheaper to hand over than many small values; the thread parses it
      this.worker.postMessage(
        JSON.stringify({ id, basedOn: batch.basedOn, position: batch.checkpoint.position, transactionTime: batch.checkpoint.transactionTime, operations }),
      );
    });
    this.inFlight.add(written);
    void written
      .catch((error: Error) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(written));
    return written;
  }

  /** Waits for what was sent, then stops the thread; throws if a write failed. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    await exited;
    if (this.failure) throw this.failure;
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
