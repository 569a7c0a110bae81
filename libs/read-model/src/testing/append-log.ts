/**
 * Appends a RegistryLog's events to a real event store, one append per recording instant (so a
 * merger's events go in together), sealed into each stream's hash chain.
 */
import { GENESIS_HASH, sealEvents, type EventEnvelope, type EventStore, type StoredEvent, type StreamWrite } from '#event-store';

export class LogAppender {
  private readonly streams = new Map<string, { version: number; lastHash: string }>();
  constructor(private readonly store: EventStore) {}

  /** Appends the events, grouped by recordedAt; answers the position of the last one. */
  async append(events: readonly StoredEvent[]): Promise<number> {
    let position = 0;
    let group: StoredEvent[] = [];
    const flush = async () => {
      if (group.length === 0) return;
      const writes: StreamWrite[] = [];
      for (const event of group) {
        const { position: _p, version: _v, previousHash: _h, hash: _hash, ...draft } = event;
        const stream = this.streams.get(event.streamId) ?? { version: 0, lastHash: GENESIS_HASH };
        const [sealed] = sealEvents([draft as Omit<EventEnvelope, 'version' | 'previousHash' | 'hash'>], stream);
        this.streams.set(event.streamId, { version: sealed.version, lastHash: sealed.hash });
        const last = writes[writes.length - 1];
        if (last && last.streamId === event.streamId) last.events.push(sealed);
        else writes.push({ streamId: event.streamId, expectedVersion: stream.version, events: [sealed] });
      }
      position = (await this.store.append(writes)).position;
      group = [];
    };
    for (const event of events) {
      if (group.length > 0 && group[0].recordedAt !== event.recordedAt) await flush();
      group.push(event);
    }
    await flush();
    return position;
  }
}
