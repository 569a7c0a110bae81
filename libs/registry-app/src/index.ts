export * from './errors.js';
export * from './principal.js';
export * from './body-states.js';
export * from './decision-executor.js';
export * from './body-ids.js';
