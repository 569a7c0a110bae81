import { join } from 'node:path';
import type { EventStore, EventValidator } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export interface EventStoreConfig {
  eventStoreUrl?: string;
  dataDir: string;
  /** Checks each event read against its type (the domain's eventShapeProblem); SQLite only for now. */
  validate?: EventValidator;
}

/** EVENTSTORE_URL set: KurrentDB / EventStoreDB; otherwise the embedded SQLite file. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreUrl) {
    const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
    return KurrentDbEventStore.connect(config.eventStoreUrl);
  }
  return new SqliteEventStore(join(config.dataDir, 'events.sqlite'), { validate: config.validate });
}
