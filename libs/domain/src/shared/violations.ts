/** Stable rule codes (docs/domain.md), cited by errors, warnings and reports. */
export type RuleCode =
  | 'basis'
  | 'application'
  | 'temporary-term'
  | 'single-series'
  | 'lifecycle'
  | 'leader'
  | 'deputies'
  | 'member-units'
  | 'member-rank'
  | 'discipline'
  | 'mirror'
  | 'duplicate'
  | 'quota'
  | 'correction';

export type Severity = 'error' | 'warning';

export interface Violation {
  rule: RuleCode;
  severity: Severity;
  /** The article the rule comes from, e.g. "市级办法 第八条". */
  source: string;
  message: string;
  /** Other bodies concerned (for duplicate, quota). */
  related?: string[];
}

/** A decision that breaks rules: 422 at the edge. */
export class RuleViolationError extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.rule}: ${v.message}`).join('; '));
    this.name = 'RuleViolationError';
  }
}

/** Errors refuse outright; warnings are accepted when the decision carries a justification. */
export function enforce(violations: Violation[], justification: string | undefined): Violation[] {
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) throw new RuleViolationError(violations);
  const warnings = violations.filter((v) => v.severity === 'warning');
  if (warnings.length > 0 && !justification?.trim()) throw new RuleViolationError(warnings);
  return warnings;
}
