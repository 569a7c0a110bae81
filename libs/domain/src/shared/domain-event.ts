import type { LocalDate } from './dates.js';
import type { Violation } from './violations.js';

/**
 * What a decider emits: the fact and the decision's paperwork. The event store wraps it
 * in an envelope (ids, recorded time, recorder, hash chain).
 */
export interface DomainEvent<TType extends string = string, TData extends object = object> {
  type: TType;
  /** The stream this fact belongs to, e.g. `body-<uuid>`. */
  streamId: string;
  jurisdiction: string;
  bodyId?: string;
  /** Valid time: the date the decision takes effect (China time). */
  effectiveDate: LocalDate;
  /** 文号 of the approving or filing document. */
  documentNo: string;
  reason?: string;
  /** Why a warning rule was bent; present only when some were. */
  justification?: string;
  /** The warning rules this decision bends, recorded for supervision. */
  waivedRules?: Array<Pick<Violation, 'rule' | 'source' | 'message'> & { justification?: string }>;
  data: TData;
}

/** An event as read back: the domain fields plus identity and time of recording. */
export type RecordedDomainEvent<E extends DomainEvent = DomainEvent> = E & {
  eventId: string;
  recordedAt: string;
  /** Place in the stream, 1-based: the stream's version after this event. */
  version: number;
  /** Place in the whole log. */
  position: number;
};

export const streamIds = {
  body: (bodyId: string) => `body-${bodyId}`,
  jurisdiction: (code: string) => `jurisdiction-${code}`,
  merger: (mergerId: string) => `merger-${mergerId}`,
};
