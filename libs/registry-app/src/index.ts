export type { StoredEvent } from '#event-store';
export * from './errors.js';
export * from './principal.js';
export * from './body-states.js';
export * from './decision-path.js';
export * from './decision-executor.js';
export * as slices from './slices/index.js';
export * from './body-ids.js';
