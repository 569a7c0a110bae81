import type { DomainEvent } from '../shared/domain-event.js';

/**
 * 更正: points at an earlier event of the same stream and supersedes some of its fields.
 * The corrected event is never edited; folds read it through its corrections.
 */
export type EventCorrected = DomainEvent<
  'EventCorrected',
  {
    correctedEventId: string;
    correctedType: string;
    /** Replacement values for top-level data fields of the corrected event. */
    fields: Record<string, unknown>;
    /** Replacement effective date / document number of the corrected event, if wrong. */
    effectiveDate?: string;
    documentNo?: string;
  }
>;
