/**
 * Ids of new events (and of the decisions that cause them): UUID version 7 (RFC 9562), which
 * starts with the time in milliseconds. Ids made one after another sort together, so each
 * append adds to the end of the event-id index instead of to twenty scattered pages of it
 * (measured on 95,016 bench events, one run each: 10,660 → 12,687 events/s appended). The id still says
 * nothing that `recordedAt` does not.
 */
import { v7 } from 'uuid';

export function newEventId(): string {
  return v7();
}
