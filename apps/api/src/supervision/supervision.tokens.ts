/** Injection tokens of supervision (issue 5). */
export const SUPERVISION_QUERIES = Symbol('SUPERVISION_QUERIES');
export const POLICY_CATALOGUE = Symbol('POLICY_CATALOGUE');
