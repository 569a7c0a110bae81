/**
 * A list import is all or nothing: every planned command is decided by the real command path
 * (DecisionExecutor: the same rules, idempotency and hash chain as the HTTP API) against a
 * staging copy of the log, and only when every one of them has been accepted are all their
 * events appended to the real store in ONE multi-stream append. A refused command, a crash or
 * a failed check before that leaves the store as it was.
 *
 * The staging store reads through to the real one (up to its head when the import began) and
 * keeps what the import appends in memory. The final append carries the expected version of
 * every stream it touches and `unchangedSince` for the jurisdiction: if anyone recorded in the
 * jurisdiction meanwhile, it is refused whole (JurisdictionChangedError) and the import can be
 * run again.
 */
import {
  ConcurrencyError,
  type AppendOptions,
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  type ReadAllOptions,
  type ReadPagesOptions,
  type StoredEvent,
  type StreamWrite,
  type Subscription,
} from '#event-store';
import { DecisionExecutor, type Principal } from '#registry-app';
import type { PlannedCommand } from './plan-list-import.js';

export class StagingEventStore implements EventStore {
  readonly name: string;
  private readonly staged: StoredEvent[] = [];
  private readonly stagedByStream = new Map<string, StoredEvent[]>();
  /** The base log does not change for the staging store (it reads up to basePosition): each stream is read from it once. */
  private readonly baseStreams = new Map<string, Promise<StoredEvent[]>>();

  constructor(
    private readonly base: EventStore,
    /** The base log's head when staging began: later base events are not seen (the final append checks for them). */
    private readonly basePosition: number,
  ) {
    this.name = `staging(${base.name})`;
  }

  /** The events staged so far, in order. */
  get events(): readonly StoredEvent[] {
    return this.staged;
  }

  private baseStream(streamId: string): Promise<StoredEvent[]> {
    let stream = this.baseStreams.get(streamId);
    if (!stream) {
      stream = this.base.readStream(streamId).then((events) => events.filter((e) => e.position <= this.basePosition));
      this.baseStreams.set(streamId, stream);
    }
    return stream;
  }

  private async version(streamId: string): Promise<number> {
    const staged = this.stagedByStream.get(streamId)?.at(-1);
    if (staged) return staged.version;
    return (await this.baseStream(streamId)).at(-1)?.version ?? 0;
  }

  async append(writes: StreamWrite[], _options?: AppendOptions): Promise<AppendResult> {
    // one decision at a time (the import runs its commands in order): only the versions need checking
    for (const w of writes) {
      const current = await this.version(w.streamId);
      if (w.expectedVersion !== 'any' && w.expectedVersion !== current) throw new ConcurrencyError(w.streamId, w.expectedVersion, current);
    }
    let position = await this.headPosition();
    for (const w of writes) {
      for (const e of w.events) {
        const stored = { ...e, position: ++position };
        this.staged.push(stored);
        const list = this.stagedByStream.get(e.streamId) ?? [];
        list.push(stored);
        this.stagedByStream.set(e.streamId, list);
      }
    }
    return { position, streams: writes.map((w) => ({ streamId: w.streamId, version: w.events.at(-1)?.version ?? 0 })) };
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    const base = (await this.baseStream(streamId)).filter((e) => e.version >= fromVersion);
    return [...base, ...(this.stagedByStream.get(streamId) ?? []).filter((e) => e.version >= fromVersion)];
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? 0;
    const base = after < this.basePosition ? (await this.base.readAll({ after, types: options.types })).filter((e) => e.position <= this.basePosition) : [];
    const staged = this.staged.filter((e) => e.position > after && (!options.types || options.types.includes(e.type)));
    const all = [...base, ...staged];
    return options.limit === undefined ? all : all.slice(0, options.limit);
  }

  async *readAllPages(options: ReadPagesOptions = {}): AsyncIterable<StoredEvent[]> {
    const all = await this.readAll({ after: options.after });
    const size = options.pageSize ?? 10_000;
    for (let i = 0; i < all.length; i += size) yield all.slice(i, i + size);
  }

  async subscribeAll(): Promise<Subscription> {
    throw new Error('staging store: no subscriptions');
  }

  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    return this.staged.find((e) => e.eventId === eventId) ?? (await this.base.findEvent(eventId));
  }

  async findByIdempotencyKey(key: string): Promise<StoredEvent[]> {
    return [...(await this.base.findByIdempotencyKey(key)), ...this.staged.filter((e) => e.idempotencyKey === key)];
  }

  async headPosition(): Promise<number> {
    return this.basePosition + this.staged.length;
  }

  async ping(): Promise<void> {
    await this.base.ping();
  }

  async close(): Promise<void> {
    // the base store belongs to the caller
  }

  /** The staged events as one write per stream (each from the version it found), in order of first appearance. */
  writes(): StreamWrite[] {
    const byStream = new Map<string, EventEnvelope[]>();
    for (const { position: _position, ...event } of this.staged) {
      const list = byStream.get(event.streamId) ?? [];
      list.push(event);
      byStream.set(event.streamId, list);
    }
    return [...byStream].map(([streamId, events]) => ({ streamId, expectedVersion: events[0].version - 1, events }));
  }
}

export interface AtomicImportResult {
  /** Commands run (those already recorded by an earlier run answer without new events). */
  commands: number;
  /** Events appended to the store: all of them in one append, or none. */
  eventsRecorded: number;
}

/**
 * Decides every command on a staging copy, then appends all their events in one step. Throws,
 * having written nothing, when any command is refused or the jurisdiction changed meanwhile.
 */
export async function importAtomically(
  store: EventStore,
  jurisdiction: string,
  commands: readonly PlannedCommand[],
  principal: Principal,
): Promise<AtomicImportResult> {
  const basePosition = await store.headPosition();
  const staging = new StagingEventStore(store, basePosition);
  const executor = new DecisionExecutor(staging);
  for (const { command, idempotencyKey } of commands) {
    // the request hash seeding uses (apps/shared/src/seeding.ts executePlan): a list seeded once and imported again is answered, not refused
    await executor.execute({ command, principal, idempotencyKey, requestHash: `seed:${idempotencyKey}` });
  }
  const writes = staging.writes();
  if (writes.length > 0) await store.append(writes, { unchangedSince: { jurisdiction, position: basePosition } });
  return { commands: commands.length, eventsRecorded: staging.events.length };
}
