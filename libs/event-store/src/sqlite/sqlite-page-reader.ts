/**
 * Reads the log page by page on a worker thread, one page ahead of the caller, so that a
 * rebuild folds one page on the main thread while SQLite reads the next on the other core.
 *
 * Each event crosses over as one JSON text, spliced on the worker from the stored columns
 * (`{...envelope,"position":…,"data":…}`: the envelope as SQLite spelled it, the payload as
 * stored), so the caller decodes it with one JSON.parse; a row whose JSON no longer parses is
 * named from the members SQLite spelled out. One
 * string per event, not one per page: a page-sized string is a large object that V8 maps
 * fresh for each page and frees late (measured: twice the page faults, 1.8 GB resident).
 * The worker source is plain JavaScript evaluated as CommonJS, so it runs
 * the same from sources (tests) and from the build output.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CorruptEventError, type EventValidator, type StoredEvent } from '../event-store.port.js';
import { COLUMN, COLUMNS, FROM, rowNamedBy } from './sqlite-format.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const page = db.prepare(${JSON.stringify(`SELECT ${COLUMNS} FROM ${FROM} WHERE e.position > ? ORDER BY e.position LIMIT ?`)}).raw(true);
let after = workerData.after;
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
    const parts = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      parts[i] = row[${COLUMN.envelope}].slice(0, -1) + ',"data":' + row[${COLUMN.data}] + '}';
    }
    after = rows[rows.length - 1][${COLUMN.position}];
    parentPort.postMessage({ events: parts });
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

type PageMessage = { events: string[] } | { done: true } | { error: string };

/** Pages of the log after `after` from the SQLite file, read ahead by `ahead` pages on a worker. */
export async function* readPagesOnWorker(
  file: string,
  after: number,
  pageSize: number,
  validate?: EventValidator,
  onCorrupt?: (error: CorruptEventError) => void,
  ahead = 2,
): AsyncGenerator<StoredEvent[]> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // a small young generation: the thread's strings live one page long (it would otherwise take the process's)
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, after, pageSize }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
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
      const texts = message.events;
      const page: StoredEvent[] = [];
      for (let i = 0; i < texts.length; i++) {
        const text = texts[i];
        let event: StoredEvent;
        let problem: CorruptEventError | undefined;
        try {
          event = JSON.parse(text) as StoredEvent;
          const shape = validate?.(event);
          if (shape) problem = corruptFrom({ ...event, problem: shape });
        } catch (error) {
          problem = corruptFrom({ ...rowNamedBy(text), problem: `JSON 无法解析(${(error as Error).message})` });
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
