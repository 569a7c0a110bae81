/**
 * The start rebuild's thread (see start-rebuild.ts): the embedded stores opened afresh on the
 * data folder, the views rebuilt from the log if they are still empty, the stores closed.
 * Everything it allocated goes when the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { eventShapeProblem } from '#domain';
import { createEventStore } from '#event-store';
import { Projector, SqliteReadStore } from '#read-model';
import type { StartRebuildMessage, StartRebuildReply, StartRebuildRequest } from './start-rebuild.js';

const { dataDir, cacheMiB } = workerData as StartRebuildRequest;
const eventStore = await createEventStore({ dataDir, validate: eventShapeProblem });
const readStore = SqliteReadStore.inDataDir(dataDir, { cacheMiB });
let reply: StartRebuildReply;
try {
  const projector = new Projector({ eventStore, readStore });
  const started = Date.now();
  let events = 0;
  const rebuilt = await projector.catchUpFromScratchIfEmpty((progress) => {
    if (events === 0) parentPort!.postMessage({ kind: 'started' } satisfies StartRebuildMessage);
    events = progress.events;
  });
  reply = { kind: 'done', rebuilt, events, elapsedMs: Date.now() - started };
} finally {
  await readStore.close();
  await eventStore.close();
}
parentPort!.postMessage(reply);
