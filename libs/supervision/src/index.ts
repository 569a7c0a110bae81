/**
 * Supervision (issue 5): policies as data, compliance alerts for any date, similarity of names
 * and duties, the 编办's annual report, clean-up campaigns. Reads the event store; writes go
 * through the registry's one command path (DecisionExecutor).
 *
 * Where things are:
 * - a jurisdiction's history folded for supervision: history/jurisdiction-history.ts (its
 *   events: history/jurisdiction-event-log.ts);
 * - the alerts, one function per rule: compliance/alerts.ts; the answer: compliance/compliance.ts;
 * - similarity: the domain's rules/body-similarity.ts (shared with the decider's duplicate rule), tuned in similarity/body-similarity.spec.ts;
 * - the queries: supervision.queries.ts.
 */
export * from './history/jurisdiction-history.js';
export * from './history/jurisdiction-event-log.js';
export * from './compliance/alerts.js';
export * from './compliance/compliance.js';
export * from './supervision.queries.js';
export * from './policy/policy-profiles.js';
export * from './campaign/campaign-summary.js';
export * from './annual-report/annual-report.js';
export * from './annual-report/annual-report.format.js';
