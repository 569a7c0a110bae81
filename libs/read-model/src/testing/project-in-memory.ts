/**
 * Runs the registry projection over an event list into an in-memory read store, loading
 * history from the same list, the way the Projector does against an event store.
 */
import type { StoredEvent } from '#event-store';
import { loadHistory, readStreamFrom } from '../projections/history.js';
import { RegistryProjection, type RegistryProjectionOptions } from '../projections/registry.projection.js';
import { MemoryReadStore } from '../memory/memory-read-store.js';
import type { ReadStore } from '../read-store.port.js';
import { RegistryQueries } from '../queries/registry.queries.js';

export interface ProjectOptions extends RegistryProjectionOptions {
  /** Flush a batch after these many events (default: after every event). */
  batchSize?: number;
  /** Positions after which the projection is written out, dropped and restarted from the stored checkpoint. */
  restartsAfter?: number[];
  /** Positions after which the projection crashes: what is not written is lost, it restarts from the stored checkpoint. */
  crashesAfter?: number[];
  store?: ReadStore;
}

export async function applyAll(
  projection: RegistryProjection,
  events: readonly StoredEvent[],
  all: readonly StoredEvent[] = events,
): Promise<void> {
  const readStream = readStreamFrom(all);
  for (const event of events) {
    for (let round = 0; ; round++) {
      const outcome = projection.apply(event);
      if (outcome.status !== 'needs-history') break;
      if (round > 3) throw new Error('projection keeps asking for history');
      projection.supply(await loadHistory(outcome.request, readStream));
    }
  }
}

/** Projects `events` into a store and returns queries over it. */
export async function projectInMemory(events: readonly StoredEvent[], options: ProjectOptions = {}) {
  const store = options.store ?? new MemoryReadStore();
  const batchSize = options.batchSize ?? 1;
  const restarts = new Set(options.restartsAfter ?? []);
  const crashes = new Set(options.crashesAfter ?? []);
  let projection = new RegistryProjection({ ...options, checkpoint: await store.checkpoint() });
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    await applyAll(projection, [event], events);
    if (crashes.delete(event.position)) {
      const checkpoint = await store.checkpoint();
      projection = new RegistryProjection({ ...options, checkpoint });
      const resume = events.findIndex((e) => e.position > checkpoint.position);
      if (resume < 0) break;
      i = resume - 1;
      continue;
    }
    if (projection.pendingEvents >= batchSize || restarts.has(event.position)) {
      const batch = projection.takeBatch();
      if (batch) await store.apply(batch);
    }
    if (restarts.has(event.position)) projection = new RegistryProjection({ ...options, checkpoint: await store.checkpoint() });
  }
  const batch = projection.takeBatch();
  if (batch) await store.apply(batch);
  return { store, projection, queries: new RegistryQueries(store) };
}
