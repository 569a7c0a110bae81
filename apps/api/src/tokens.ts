/** Injection tokens for the ports the app wires. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const DECISION_EXECUTOR = Symbol('DECISION_EXECUTOR');
export const READ_STORE = Symbol('READ_STORE');
export const PROJECTOR = Symbol('PROJECTOR');
export const REGISTRY_QUERIES = Symbol('REGISTRY_QUERIES');
