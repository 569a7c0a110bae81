import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * SQLite page cache of the embedded read store, for its connection and for a view set being
 * built (MiB). The library's default is 64; the read cache in front answers the dashboard's
 * repeated reads, and every MiB counts toward the server's RSS (docs/decisions/0018). 4 against
 * 8: 6–7 MB less peak RSS at a million events, and no slower rebuild measured.
 */
export const SERVER_SQLITE_CACHE_MIB = 4;

/**
 * Old generation of the rebuild's thread at first (MiB). The fold keeps each body's current
 * state: on the bench's log (936,107 events, 10,000 bodies) its heap peaked at 110 MB used
 * under this cap. A thread that runs out is started again with twice the cap, said in the log.
 */
export const REBUILD_OLD_GENERATION_MB = 128;
/** Past this, the thread runs with V8's own limit. */
const REBUILD_OLD_GENERATION_MAX_MB = 2048;
/**
 * Young generation of the rebuild's thread: its objects live one batch (1,000 events) long. 8 MB
 * against 16: 14–20 MB less peak RSS on the bench's million events, at the same rate within this
 * shared machine's noise.
 */
const REBUILD_YOUNG_GENERATION_MB = 8;

/** What the start rebuild's thread is given. */
export interface StartRebuildRequest {
  dataDir: string;
  cacheMiB: number;
}
export interface StartRebuildReply {
  kind: 'done';
  rebuilt: boolean;
  events: number;
  elapsedMs: number;
}
/** The thread's messages: `started` once it finds the views empty and has read a first page, then `done`. */
export type StartRebuildMessage = { kind: 'started' } | StartRebuildReply;

/** The compiled worker beside this file; absent when running from TypeScript sources (tests). */
const WORKER_FILE = fileURLToPath(new URL('./start-rebuild.worker.js', import.meta.url));

/**
 * The embedded server's first start on a log with empty views rebuilds them before it loads the
 * app and listens. Done on a thread of its own (docs/decisions/0018), with a bounded heap, so that
 * the rebuild's memory — V8 grows a heap ahead of a high allocation rate, to 300 MB at a million
 * events — is given back when the thread ends instead of staying in the server's heap for its
 * whole life, where its read load would pay for it in old-generation collections.
 *
 * Returns undefined when the worker file is not there (sources run by the tests): the
 * ReadSideLifecycle then rebuilds in the server's thread, as before.
 */
export async function rebuildEmptyViewsOnThread(
  request: StartRebuildRequest,
  log: { started?: () => void; retry?: (oldGenerationMb: number | undefined) => void } = {},
  /** The compiled worker and the first cap (tests: the built file from sources, a cap too small). */
  options: { workerFile?: string; oldGenerationMb?: number } = {},
): Promise<StartRebuildReply | undefined> {
  const workerFile = options.workerFile ?? WORKER_FILE;
  if (!existsSync(workerFile)) return undefined;
  for (let oldGenerationMb: number | undefined = options.oldGenerationMb ?? REBUILD_OLD_GENERATION_MB; ; ) {
    try {
      return await runOnce(workerFile, request, oldGenerationMb, log.started);
    } catch (error) {
      // A larger registry than the cap was sized for: the half-built view set is dropped by the next build.
      if ((error as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY' || oldGenerationMb === undefined) throw error;
      oldGenerationMb = oldGenerationMb * 2 > REBUILD_OLD_GENERATION_MAX_MB ? undefined : oldGenerationMb * 2;
      log.retry?.(oldGenerationMb);
    }
  }
}

function runOnce(workerFile: string, request: StartRebuildRequest, oldGenerationMb: number | undefined, started?: () => void): Promise<StartRebuildReply> {
  const worker = new Worker(workerFile, {
    workerData: request,
    resourceLimits: { maxYoungGenerationSizeMb: REBUILD_YOUNG_GENERATION_MB, ...(oldGenerationMb === undefined ? {} : { maxOldGenerationSizeMb: oldGenerationMb }) },
  });
  return new Promise<StartRebuildReply>((resolve, reject) => {
    let reply: StartRebuildReply | undefined;
    let failure: unknown;
    worker.on('message', (message: StartRebuildMessage) => {
      if (message.kind === 'started') started?.();
      else reply = message;
    });
    worker.once('error', (error) => (failure = error));
    worker.once('exit', (code) => {
      if (reply) resolve(reply);
      else reject(failure ?? new Error(`启动时重建读模型的线程已退出(退出码 ${code})，未完成重建`));
    });
  });
}
