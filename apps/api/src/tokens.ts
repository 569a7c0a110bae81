/** Injection tokens for the ports the app wires. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The one DecisionPath every command handler runs its slice on (one set of jurisdiction locks per process). */
export const DECISION_PATH = Symbol('DECISION_PATH');
export const READ_STORE = Symbol('READ_STORE');
export const PROJECTOR = Symbol('PROJECTOR');
export const REGISTRY_QUERIES = Symbol('REGISTRY_QUERIES');
