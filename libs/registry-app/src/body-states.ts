import {
  applyCorrections,
  foldBody,
  evolveBody,
  type BodyEvent,
  type BodyState,
  type LocalDate,
  type ActiveBodySummary,
} from '#domain';
import { GENESIS_HASH, type EventStore, type StoredEvent } from '#event-store';

export interface LoadedStream {
  streamId: string;
  version: number;
  lastHash: string;
  events: StoredEvent[];
}

export async function loadStream(store: EventStore, streamId: string): Promise<LoadedStream> {
  const events = await store.readStream(streamId);
  const last = events.at(-1);
  return { streamId, version: last?.version ?? 0, lastHash: last?.hash ?? GENESIS_HASH, events };
}

/** A stream's events as the domain folds them: corrections applied, envelopes kept. */
export function asBodyEvents(events: readonly StoredEvent[]): BodyEvent[] {
  return applyCorrections(events) as unknown as BodyEvent[];
}

export function foldBodyStream(events: readonly StoredEvent[]): BodyState | undefined {
  return foldBody(asBodyEvents(events));
}

/**
 * The write side's view of the other bodies of a jurisdiction, for the rules that compare a
 * decision with them (duplicate, quota). Kept current by tailing the log: establishments name
 * the bodies of each jurisdiction, and each body's state is refreshed from its stream.
 */
export class JurisdictionBodies {
  private position = 0;
  private readonly bodiesByJurisdiction = new Map<string, Set<string>>();
  private readonly states = new Map<string, { version: number; state: BodyState | undefined }>();

  constructor(private readonly store: EventStore) {}

  /** Bodies active on `date` (established on or before it, not ended by it). */
  async activeOn(jurisdiction: string, date: LocalDate, exceptBodyId?: string): Promise<ActiveBodySummary[]> {
    await this.catchUp();
    const ids = [...(this.bodiesByJurisdiction.get(jurisdiction) ?? [])].filter((id) => id !== exceptBodyId);
    const states = await Promise.all(ids.map((id) => this.stateOf(id)));
    return states
      .filter((s): s is BodyState => !!s && s.establishedOn <= date && (!s.endedOn || s.endedOn > date))
      .map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, duties: s.duties, series: s.series }));
  }

  /** Jurisdictions with at least one body, and how many bodies each has ever had. */
  async jurisdictions(): Promise<Array<{ code: string; bodiesEverEstablished: number }>> {
    await this.catchUp();
    return [...this.bodiesByJurisdiction].map(([code, ids]) => ({ code, bodiesEverEstablished: ids.size })).sort((a, b) => a.code.localeCompare(b.code));
  }

  private async catchUp(): Promise<void> {
    const established = await this.store.readAll({ after: this.position, types: ['BodyEstablished'] });
    for (const event of established) {
      const set = this.bodiesByJurisdiction.get(event.jurisdiction) ?? new Set<string>();
      set.add(String(event.data.bodyId));
      this.bodiesByJurisdiction.set(event.jurisdiction, set);
      this.position = event.position;
    }
  }

  private async stateOf(bodyId: string): Promise<BodyState | undefined> {
    const streamId = `body-${bodyId}`;
    const cached = this.states.get(bodyId);
    const fresh = await this.store.readStream(streamId, (cached?.version ?? 0) + 1);
    if (fresh.length === 0 && cached) return cached.state;
    let state: BodyState | undefined;
    if (!cached || fresh.some((e) => e.type === 'EventCorrected')) {
      const all = cached ? await this.store.readStream(streamId) : fresh;
      state = foldBodyStream(all);
    } else {
      state = (fresh as unknown as BodyEvent[]).reduce(evolveBody, cached.state);
    }
    this.states.set(bodyId, { version: fresh.at(-1)?.version ?? cached?.version ?? 0, state });
    return state;
  }
}
