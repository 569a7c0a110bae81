export * from './event-store.port.js';
export * from './event-ids.js';
export * from './hash-chain.js';
export * from './log-chain.js';
export * from './sqlite/sqlite-event-store.js';
export * from './event-store.factory.js';
