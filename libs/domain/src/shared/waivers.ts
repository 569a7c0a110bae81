import { ruleLabel } from '../labels.js';
import type { WaivedViolation } from './violations.js';

/** How a decision's justification is written on its event (DomainEvent.justification, waivedRules). */
export function waiverRecord(waived: WaivedViolation[]) {
  if (waived.length === 0) return {};
  const texts = [...new Set(waived.map((w) => w.justification))];
  const rules = [...new Set(waived.map((w) => w.rule))];
  return {
    // one text for a reader: each rule by its Chinese name (the codes are in waivedRules)
    justification: texts.length === 1 ? texts[0] : rules.map((r) => `${ruleLabel(r)}：${waived.find((w) => w.rule === r)!.justification}`).join('；'),
    waivedRules: waived.map(({ rule, source, message, justification }) => ({ rule, source, message, justification })),
  };
}

/** What every event of one decision carries: where, when, by which document, why, and the rules it was allowed to bend. */
export function decisionPaperwork(
  command: { effectiveDate: string; documentNo: string; reason?: string },
  jurisdiction: string,
  waived: WaivedViolation[],
) {
  return {
    jurisdiction,
    effectiveDate: command.effectiveDate,
    documentNo: command.documentNo,
    ...(command.reason ? { reason: command.reason } : {}),
    ...waiverRecord(waived),
  };
}
