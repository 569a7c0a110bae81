/**
 * The read side: pure projections of the event log into bitemporal views, the read-store port
 * and its adapters, the Projector that keeps them current, and the queries of docs/http-api.md.
 *
 * Where things are:
 * - the registry-as-of view is built in projections/registry.projection.ts (per body:
 *   projections/body-timeline.ts; baselines: projections/quota-baselines.projection.ts);
 * - the documents: read-documents.ts; the port: read-store.port.ts (contract: read-store.contract.ts);
 * - the SQLite adapter: sqlite/sqlite-read-store.ts; in memory: memory/memory-read-store.ts;
 * - the MongoDB adapter: mongo/mongo-read-store.ts; the projection lease: mongo/projection-lease.ts
 *   (types only here: createReadStore imports them, and so the `mongodb` driver, when MONGO_URL is set);
 * - the loop: projector/projector.ts; the reads: queries/registry.queries.ts;
 * - the oracle (answer by replay): replay/registry-by-replay.ts.
 */
export * from './time/bitemporal.js';
export * from './read-documents.js';
export * from './read-store.port.js';
export * from './projections/view-events.js';
export * from './projections/document-batch.js';
export * from './projections/body-timeline.js';
export * from './projections/quota-baselines.projection.js';
export * from './projections/history.js';
export * from './projections/registry.projection.js';
export * from './memory/memory-read-store.js';
export * from './sqlite/sqlite-read-store.js';
export * from './read-store.factory.js';
export type { MongoReadStore, MongoReadStoreOptions } from './mongo/mongo-read-store.js';
export type { ProjectionLease, ProjectionLeaseOptions, LeaseHolder, MaintainOptions } from './mongo/projection-lease.js';
export * from './projector/projector.js';
export * from './queries/registry-list.js';
export * from './queries/quota-timeline.js';
export * from './queries/registry.queries.js';
export * from './replay/registry-by-replay.js';
