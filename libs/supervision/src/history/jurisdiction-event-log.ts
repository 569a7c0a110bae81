/**
 * Reads one jurisdiction's events from the event store: its jurisdiction stream (baselines,
 * policies), its bodies' streams, its mergers' and campaigns' streams. A directory of those
 * streams is kept current by tailing the log for the events that open them; each stream is
 * cached and topped up from its last version, so a repeated question reads only what is new.
 */
import type { EventStore, StoredEvent } from '#event-store';

/** The events that open a stream of a jurisdiction. */
const OPENING_TYPES = ['BodyEstablished', 'BodiesMerged', 'CampaignOpened', 'QuotaBaselineSet', 'PolicyAdopted'];
const PAGE = 5_000;

export class JurisdictionEventLog {
  private position = 0;
  private readonly streamsOf = new Map<string, Set<string>>();
  private readonly streams = new Map<string, StoredEvent[]>();

  constructor(private readonly store: EventStore) {}

  /** The log's head: a history built at this head stays right until it moves. */
  head(): Promise<number> {
    return this.store.headPosition();
  }

  /** Every event of the jurisdiction's streams, in log order. */
  async eventsOf(jurisdiction: string): Promise<StoredEvent[]> {
    await this.catchUp();
    const ids = [`jurisdiction-${jurisdiction}`, ...(this.streamsOf.get(jurisdiction) ?? [])];
    const all = (await Promise.all(ids.map((id) => this.stream(id)))).flat();
    const seen = new Set<string>();
    return all.filter((e) => (seen.has(e.eventId) ? false : (seen.add(e.eventId), true))).sort((a, b) => a.position - b.position);
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ after: this.position, limit: PAGE, types: OPENING_TYPES });
      for (const event of page) {
        const set = this.streamsOf.get(event.jurisdiction) ?? new Set<string>();
        set.add(event.streamId);
        this.streamsOf.set(event.jurisdiction, set);
        this.position = event.position;
      }
      if (page.length < PAGE) return;
    }
  }

  private async stream(streamId: string): Promise<StoredEvent[]> {
    const cached = this.streams.get(streamId) ?? [];
    const fresh = await this.store.readStream(streamId, (cached.at(-1)?.version ?? 0) + 1);
    if (fresh.length === 0) return cached;
    const next = [...cached, ...fresh];
    this.streams.set(streamId, next);
    return next;
  }
}
