import type { ReadStore } from './read-store.port.js';
import { SqliteReadStore } from './sqlite/sqlite-read-store.js';

export interface ReadStoreConfig {
  dataDir: string;
  mongoUrl?: string;
}

/**
 * MONGO_URL set: the MongoDB adapter (registered by `registerMongoReadStore`); otherwise the
 * embedded SQLite file `<dataDir>/read-models.sqlite`.
 */
export async function createReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  if (config.mongoUrl) {
    if (!mongoFactory) throw new Error('MONGO_URL 已设置，但 MongoDB 读存储适配器尚未注册');
    return mongoFactory(config.mongoUrl);
  }
  return SqliteReadStore.inDataDir(config.dataDir);
}

let mongoFactory: ((url: string) => Promise<ReadStore>) | undefined;

/** Lets the MongoDB adapter plug itself in without the factory importing the driver. */
export function registerMongoReadStore(factory: (url: string) => Promise<ReadStore>): void {
  mongoFactory = factory;
}
