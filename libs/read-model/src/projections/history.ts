/**
 * When a projection cannot apply an event from what it holds in memory (an event recorded
 * late, a correction, or a body it has not seen since a restart), it asks for history: the
 * events before that position of the body (its stream and the mergers it took part in) or of
 * a whole stream. The Projector loads it from the event store and hands it back.
 */
import type { StoredEvent } from '#event-store';

export interface HistoryRequest {
  /** Only events strictly before this position. */
  before: number;
  /** Bodies whose history is needed. */
  bodies: string[];
  /** Streams needed whole (jurisdiction-…, merger-…). */
  streams: string[];
}

export interface SuppliedHistory {
  before: number;
  bodies: Map<string, StoredEvent[]>;
  streams: Map<string, StoredEvent[]>;
}

export type ReadStream = (streamId: string) => Promise<StoredEvent[]>;

/**
 * Loads a request through `readStream`: a body's history is its stream plus the streams of the
 * mergers its stream names (BodiesMerged and its corrections live there).
 */
export async function loadHistory(request: HistoryRequest, readStream: ReadStream): Promise<SuppliedHistory> {
  const before = (events: StoredEvent[]) => events.filter((event) => event.position < request.before);
  const bodies = new Map<string, StoredEvent[]>();
  for (const bodyId of request.bodies) {
    const own = await readStream(`body-${bodyId}`);
    const mergerIds = new Set<string>();
    for (const event of own) {
      const mergerId = (event.data as { mergerId?: unknown }).mergerId;
      if (typeof mergerId === 'string') mergerIds.add(mergerId);
    }
    const events = before(own);
    for (const mergerId of mergerIds) events.push(...before(await readStream(`merger-${mergerId}`)));
    bodies.set(bodyId, events.sort((a, b) => a.position - b.position));
  }
  const streams = new Map<string, StoredEvent[]>();
  for (const streamId of request.streams) streams.set(streamId, before(await readStream(streamId)));
  return { before: request.before, bodies, streams };
}

/** A `readStream` over events held in memory (tests, the replay oracle). */
export function readStreamFrom(events: readonly StoredEvent[]): ReadStream {
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const list = byStream.get(event.streamId) ?? [];
    list.push(event);
    byStream.set(event.streamId, list);
  }
  return async (streamId) => [...(byStream.get(streamId) ?? [])];
}
