import type { ProjectionLease } from './mongo/projection-lease.js';
import type { ReadStore } from './read-store.port.js';
import { SqliteReadStore } from './sqlite/sqlite-read-store.js';

export interface ReadStoreConfig {
  dataDir: string;
  mongoUrl?: string;
}

/**
 * MONGO_URL set: the MongoDB adapter, imported only then, so that a process on the embedded
 * stores never loads the `mongodb` driver (lazy-mongo.int-spec.ts); otherwise the embedded
 * SQLite file `<dataDir>/read-models.sqlite`.
 */
export async function createReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  if (config.mongoUrl) {
    const { MongoReadStore } = await import('./mongo/mongo-read-store.js');
    return MongoReadStore.connect(config.mongoUrl);
  }
  return SqliteReadStore.inDataDir(config.dataDir);
}

/** A read store shared by several processes, where a lease picks the one that projects (MongoDB's). */
export function projectionLeaseOf(store: ReadStore): ProjectionLease | undefined {
  const leased = store as ReadStore & { projectionLease?: () => ProjectionLease };
  return typeof leased.projectionLease === 'function' ? leased.projectionLease() : undefined;
}
