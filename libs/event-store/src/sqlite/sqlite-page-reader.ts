/**
 * Reads the log page by page on a worker thread, one page ahead of the caller, so that a
 * rebuild folds one page on the main thread while SQLite reads the next on the other core.
 *
 * Each event crosses over as one JSON text: the event's canonical hash input as SQLite spells
 * it (sqlite-format.ts CANONICAL_SQL) with `hash` and `position` appended, so the caller
 * decodes it with one JSON.parse; a row whose JSON no longer parses is named from the members
 * SQLite spelled out. Asked to (`onAuditRow`, the CLI rebuild's check), the worker also hashes
 * that text and links the log chain, so the caller's thread checks a row with a few string
 * comparisons (ADR 0016); what did not match there is left to the caller's full check. One
 * string per event, not one per page: a page-sized string is a large object that V8 maps
 * fresh for each page and frees late (measured: twice the page faults, 1.8 GB resident).
 * The worker source is plain JavaScript evaluated as CommonJS, so it runs
 * the same from sources (tests) and from the build output.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CorruptEventError, type AuditRow, type EventValidator, type StoredEvent } from '../event-store.port.js';
import { GENESIS_HASH } from '../hash-chain.js';
import { CANONICAL_COLUMN, CANONICAL_COLUMNS, FROM, canonicalRowNamedBy } from './sqlite-format.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hash: digestOf } = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const page = db.prepare(${JSON.stringify(`SELECT ${CANONICAL_COLUMNS} FROM ${FROM} WHERE e.position > ? ORDER BY e.position LIMIT ?`)}).raw(true);
const audit = workerData.audit;
let after = workerData.after;
// what the first row's link starts from: the chain from the first event, as LogVerifier's (a
// read from further on leaves its first row to the verifier)
let previousLogHash = ${JSON.stringify(GENESIS_HASH)};
let credit = 0;
let done = false;
function readAhead() {
  while (credit > 0 && !done) {
    credit--;
    const rows = page.all(after, workerData.pageSize);
    if (rows.length === 0) {
      done = true;
      db.close();
      parentPort.postMessage({ done: true });
      return;
    }
    const texts = new Array(rows.length);
    const logHashes = audit ? new Array(rows.length) : undefined;
    // per row: 1 the text hashes to the stored hash, 2 the stored log hash links to the one before
    const checked = audit ? new Uint8Array(rows.length) : undefined;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const position = row[${CANONICAL_COLUMN.position}];
      const hash = row[${CANONICAL_COLUMN.hash}];
      const content = '{' + row[${CANONICAL_COLUMN.head}] + '"data":' + row[${CANONICAL_COLUMN.data}] + row[${CANONICAL_COLUMN.tail}];
      const text = content + '}';
      texts[i] = content + ',"hash":' + JSON.stringify(hash) + ',"position":' + position + '}';
      if (audit) {
        const logHash = row[${CANONICAL_COLUMN.logHash}];
        checked[i] = (digestOf('sha256', text, 'hex') === hash ? 1 : 0) | (digestOf('sha256', previousLogHash + ':' + position + ':' + hash, 'hex') === logHash ? 2 : 0);
        logHashes[i] = logHash;
        previousLogHash = logHash;
      }
    }
    after = rows[rows.length - 1][${CANONICAL_COLUMN.position}];
    parentPort.postMessage({ events: texts, logHashes, checked });
  }
}
parentPort.on('message', (more) => {
  credit += more;
  try {
    readAhead();
  } catch (error) {
    done = true;
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

/** What the worker's flags say, one shared object each. */
const CHECKS = [0, 1, 2, 3].map((flags) => Object.freeze({ hash: (flags & 1) !== 0, logLink: (flags & 2) !== 0 }));

type PageMessage = { events: string[]; logHashes?: string[]; checked?: Uint8Array } | { done: true } | { error: string };

/**
 * Pages of the log after `after` from the SQLite file, read ahead by `ahead` pages on a worker.
 * Given `onAuditRow`, every row also goes there, with what the worker checked of it.
 */
export async function* readPagesOnWorker(
  file: string,
  after: number,
  pageSize: number,
  validate?: EventValidator,
  onCorrupt?: (error: CorruptEventError) => void,
  onAuditRow?: (row: AuditRow) => void,
  ahead = 2,
): AsyncGenerator<StoredEvent[]> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // a small young generation: the thread's strings live one page long (it would otherwise take the process's)
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, after, pageSize, audit: onAuditRow !== undefined }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  const arrived: PageMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: PageMessage) => {
    arrived.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`读取事件日志的线程已退出（退出码 ${code}）`);
    notify();
  });
  worker.postMessage(ahead);
  try {
    for (;;) {
      while (arrived.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const message = arrived.shift()!;
      if ('error' in message) throw new Error(message.error);
      if ('done' in message) return;
      worker.postMessage(1);
      const { events: texts, logHashes, checked } = message;
      const page: StoredEvent[] = [];
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i];
        let event: StoredEvent | undefined;
        let problem: CorruptEventError | undefined;
        try {
          event = JSON.parse(text) as StoredEvent;
          const shape = validate?.(event);
          if (shape) problem = corruptFrom({ ...event, problem: shape });
        } catch (error) {
          problem = corruptFrom({ ...canonicalRowNamedBy(text), problem: `JSON 无法解析(${(error as Error).message})` });
        }
        if (onAuditRow) {
          const check = CHECKS[checked![i]];
          if (problem) {
            onAuditRow({ position: problem.position, streamId: problem.streamId, version: problem.version, type: problem.type, hash: event?.hash ?? canonicalRowNamedBy(text).hash ?? '', logHash: logHashes![i], problem: problem.problem, checked: check });
          } else {
            onAuditRow({ position: event!.position, streamId: event!.streamId, version: event!.version, type: event!.type, eventId: event!.eventId, hash: event!.hash, logHash: logHashes![i], event, checked: check });
          }
        }
        if (problem) {
          if (!onCorrupt) throw problem;
          onCorrupt(problem);
          continue;
        }
        page.push(event!);
      }
      if (page.length === 0) continue;
      yield page;
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

interface CorruptRowNote {
  position: number;
  streamId: string;
  version: number;
  type: string;
  problem: string;
}

function corruptFrom(note: CorruptRowNote): CorruptEventError {
  return new CorruptEventError(note.position, note.streamId, note.version, note.type, note.problem);
}
