import { validate, version } from 'uuid';
import { newEventId } from './event-ids.js';

describe('newEventId', () => {
  it('makes UUIDs of version 7 that sort in the order they were made, each once, across refills of the random pool', () => {
    // 10,000 ids: 39 refills of the 256-id pool, many within one millisecond
    const ids = Array.from({ length: 10_000 }, () => newEventId());
    expect(ids.filter((id) => !validate(id) || version(id) !== 7)).toEqual([]);
    expect(ids.filter((id, i) => i > 0 && ids[i - 1] >= id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the time in milliseconds', () => {
    const before = Date.now();
    const id = newEventId();
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
