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
  /**
   * A warning only a justification naming its rule waives (an identical name while the other
   * body is active): the single `justification` of older clients never covers it.
   */
  explicit?: boolean;
}

/** Why each bent warning rule was bent, by rule code: `{"quota": "…", "duplicate": "…"}`. */
export type Justifications = Partial<Record<RuleCode, string>>;

/** A warning the decision bends, with the text that justified it. */
export type WaivedViolation = Violation & { justification: string };


/** A decision that breaks rules: 422 at the edge. */
export class RuleViolationError extends Error {
  constructor(readonly violations: Violation[]) {
    super(violations.map((v) => `${v.rule}: ${v.message}`).join('; '));
    this.name = 'RuleViolationError';
  }
}

/**
 * Errors refuse outright. A warning is waived by the justification that names its rule
 * (`justifications[rule]`); the single `justification` of older requests is accepted only where
 * it is unambiguous: the decision bends exactly one rule, and not one that must be named
 * (docs/decisions/0009-published-decisions.md). Any warning left unwaived refuses the decision.
 */
export function enforce(
  violations: Violation[],
  justification: string | undefined,
  justifications?: Justifications,
): WaivedViolation[] {
  const errors = violations.filter((v) => v.severity === 'error');
  if (errors.length > 0) throw new RuleViolationError(violations);
  const warnings = violations.filter((v) => v.severity === 'warning');
  const bent = new Set(warnings.map((w) => w.rule));
  const single = justification?.trim() && bent.size === 1 ? justification.trim() : undefined;
  const waived: WaivedViolation[] = [];
  const unwaived: Violation[] = [];
  for (const warning of warnings) {
    const named = justifications?.[warning.rule]?.trim();
    const text = named || (warning.explicit ? undefined : single);
    if (text) waived.push({ ...warning, justification: text });
    else unwaived.push(warning);
  }
  if (unwaived.length > 0) {
    if (unwaived.some((v) => v.explicit)) {
      throw new RuleViolationError(unwaived.map((v) => (v.explicit ? { ...v, message: `${v.message}；须在 justifications.${v.rule} 中明确说明理由` } : v)));
    }
    if (justification?.trim() && bent.size > 1) {
      throw new RuleViolationError(unwaived.map((v) => ({ ...v, message: `${v.message}(本决定涉及多项警告，须在 justifications 中逐项说明，如 {"${v.rule}": "…"})` })));
    }
    throw new RuleViolationError(unwaived);
  }
  return waived;
}
