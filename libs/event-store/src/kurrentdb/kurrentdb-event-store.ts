import { createHash } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  KurrentDBClient,
  NO_STREAM,
  START,
  eventTypeFilter,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendStreamRequest,
  type AppendStreamState,
  type EventData,
  type Filter,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  ConcurrencyError,
  JurisdictionChangedError,
  type AppendOptions,
  type AppendResult,
  type EventEnvelope,
  type EventStore,
  type ExpectedVersion,
  type ReadAllOptions,
  type ReadPagesOptions,
  type StoredEvent,
  type StreamWrite,
  type Subscription,
} from '../event-store.port.js';
import { pagesOfReadAll } from '../read-pages.js';

/**
 * KurrentDB / EventStoreDB adapter (docs/decisions/0001-kurrentdb-adapter.md).
 *
 * - Our 1-based stream version N is KurrentDB revision N-1; our `position` is the commit
 *   position of the event in $all, as a JS number.
 * - Event data is our `data` as JSON; the rest of the envelope (without `position`) travels as
 *   JSON text under the metadata key `envelope`, because multi-stream append only accepts
 *   string-valued metadata. The event id is our `eventId`, the event type our `type`.
 * - KurrentDB has no secondary index by event id or idempotency key, so every append also
 *   writes small index events (types starting with `IndexEntry.`) to the user streams
 *   `idx-event-<eventId>` and `idx-idempotency-<sha256(key)>`, in the same atomic
 *   multi-stream append. Reads of the log leave them and all `$` system events out.
 */

const ENVELOPE_KEY = 'envelope';
export const INDEX_TYPE_PREFIX = 'IndexEntry.';
const EVENT_INDEX_TYPE = `${INDEX_TYPE_PREFIX}Event`;
const KEY_INDEX_TYPE = `${INDEX_TYPE_PREFIX}IdempotencyKey`;
const EVENT_INDEX_PREFIX = 'idx-event-';

export const eventIndexStream = (eventId: string) => `${EVENT_INDEX_PREFIX}${eventId.toLowerCase()}`;
export const idempotencyIndexStream = (key: string) =>
  `idx-idempotency-${createHash('sha256').update(key, 'utf8').digest('hex')}`;

export const MULTI_STREAM_UNSUPPORTED =
  'Atomic append to several streams needs KurrentDB 25.1 or later (multi-stream append); this server does not offer it';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EventRef = { eventId: string; streamId: string; version: number };
type KeyIndexEntry = { idempotencyKey: string; events: EventRef[] };

interface PlannedWrite {
  streamId: string;
  expectedVersion: ExpectedVersion;
  state: AppendStreamState;
  events: EventEnvelope[];
  /** The stream's version once the events are in (unknown for an empty 'any' write). */
  version?: number;
}

export class KurrentDbEventStore implements EventStore {
  readonly name = 'kurrentdb';
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly client: KurrentDBClient) {}

  /** Connects with a KurrentDB connection string and checks that the server answers. */
  static async connect(url: string): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore(KurrentDBClient.connectionString(url));
    try {
      await store.ping();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw new Error(`KurrentDB at ${redact(url)} does not answer: ${messageOf(error)}`, { cause: error });
    }
    return store;
  }

  async append(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult> {
    // Checked before the append, not with it: a multi-stream append has no condition on $all.
    const since = options.unchangedSince;
    if (since && (await this.readAll({ after: since.position })).some((e) => e.jurisdiction === since.jurisdiction)) {
      throw new JurisdictionChangedError(since.jurisdiction, since.position);
    }
    const planned = writes.map(planWrite);
    // A write without events only checks its expected version (not atomically with the rest).
    for (const write of planned.filter((w) => w.events.length === 0)) {
      const actual = await this.currentVersion(write.streamId);
      if (write.expectedVersion !== 'any' && write.expectedVersion !== actual) {
        throw new ConcurrencyError(write.streamId, write.expectedVersion, actual);
      }
      write.version = actual;
    }
    const toWrite = planned.filter((w) => w.events.length > 0);
    if (toWrite.length > 0) await this.write(toWrite);

    // An append answers one log position without saying whose record it is (a multi-stream
    // append does not promise the order of its streams): read each stream's last event back.
    const positions = await Promise.all(toWrite.map((w) => this.positionOf(w.streamId, w.version!)));
    return {
      position: positions.length ? Math.max(...positions) : 0,
      streams: planned.map((w) => ({ streamId: w.streamId, version: w.version! })),
    };
  }

  private async write(writes: PlannedWrite[]): Promise<void> {
    const domain: AppendStreamRequest[] = writes.map((w) => ({
      streamName: w.streamId,
      expectedState: w.state,
      events: w.events.map(toEventData),
    }));
    const index = indexRequests(writes);
    try {
      await this.client.multiStreamAppend([...domain, ...index]);
      return;
    } catch (error) {
      if (errorType(error) !== ErrorType.UNSUPPORTED) throw translate(error, writes);
    }
    // KurrentDB < 25.1: one stream per call. Several domain streams cannot be made atomic.
    if (writes.length > 1) throw new Error(MULTI_STREAM_UNSUPPORTED);
    try {
      await this.client.appendToStream(domain[0].streamName, domain[0].events, { streamState: domain[0].expectedState });
    } catch (error) {
      throw translate(error, writes);
    }
    try {
      for (const request of index) {
        await this.client.appendToStream(request.streamName, request.events, { streamState: request.expectedState });
      }
    } catch (error) {
      throw new Error(
        `events were stored in ${writes[0].streamId} but not their index entries (KurrentDB < 25.1 cannot write both atomically); ` +
          `findEvent and findByIdempotencyKey will not see them: ${messageOf(error)}`,
        { cause: error },
      );
    }
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    return this.readRange(streamId, fromVersion);
  }

  readAllPages(options: ReadPagesOptions = {}): AsyncIterable<StoredEvent[]> {
    return pagesOfReadAll((o) => this.readAll(o), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { limit, types } = options;
    if (limit === 0 || types?.length === 0) return [];
    const filter = typeFilter(types);
    const events: StoredEvent[] = [];
    let after = options.after ?? 0;
    for (;;) {
      // One more than needed: a read from a position may include the event at that position.
      const maxCount = limit === undefined ? undefined : limit - events.length + 1;
      let read = 0;
      let last = after;
      for await (const resolved of this.client.readAll({ fromPosition: readPosition(after), maxCount, filter })) {
        read += 1;
        const position = commitPosition(resolved);
        if (position === undefined || position <= after) continue;
        last = position;
        const event = decode(resolved, types);
        if (event) events.push(event);
        if (limit !== undefined && events.length >= limit) return events;
      }
      // Only events we could not decode used up the page: read on.
      if (maxCount === undefined || read < maxCount || last === after) return events;
      after = last;
    }
  }

  async subscribeAll(
    options: Omit<ReadAllOptions, 'limit'>,
    onEvent: (event: StoredEvent) => Promise<void> | void,
    onError?: (error: unknown) => void,
  ): Promise<Subscription> {
    const { types } = options;
    let last = options.after ?? 0;
    let closed = false;
    const source = this.client.subscribeToAll({ fromPosition: readPosition(last), filter: typeFilter(types) });
    const running = (async () => {
      try {
        for await (const resolved of source as AsyncIterable<AllStreamResolvedEvent>) {
          if (closed) return;
          const position = commitPosition(resolved);
          if (position === undefined || position <= last) continue;
          const event = decode(resolved, types);
          if (event) await onEvent(event);
          last = position;
        }
        if (!closed) onError?.(new Error('KurrentDB ended the subscription to $all'));
      } catch (error) {
        if (!closed) onError?.(error);
      } finally {
        if (!closed) await source.unsubscribe().catch(() => undefined);
      }
    })();
    const subscription: Subscription = {
      close: async () => {
        if (closed) return;
        closed = true;
        this.subscriptions.delete(subscription);
        await source.unsubscribe().catch(() => undefined);
        source.destroy();
        await running;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async findEvent(eventId: string): Promise<StoredEvent | undefined> {
    const [ref] = await this.readIndex<EventRef>(eventIndexStream(eventId));
    return ref && this.readRef(ref);
  }

  async findByIdempotencyKey(key: string): Promise<StoredEvent[]> {
    const entries = await this.readIndex<KeyIndexEntry>(idempotencyIndexStream(key));
    const refs = new Map(entries.flatMap((entry) => entry.events).map((ref) => [ref.eventId, ref]));
    const events = await Promise.all([...refs.values()].map((ref) => this.readRef(ref)));
    return events
      .filter((event): event is StoredEvent => event?.idempotencyKey === key)
      .sort((a, b) => a.position - b.position);
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: typeFilter() })) {
      return commitPosition(resolved) ?? 0;
    }
    return 0;
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async readRange(streamId: string, fromVersion: number, maxCount?: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const fromRevision = BigInt(Math.max(1, Math.floor(fromVersion)) - 1);
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision, maxCount })) {
        const event = decode(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (errorType(error) === ErrorType.STREAM_NOT_FOUND) return [];
      throw error;
    }
    return events;
  }

  private async readRef(ref: EventRef): Promise<StoredEvent | undefined> {
    const [event] = await this.readRange(ref.streamId, ref.version, 1);
    return event?.eventId === ref.eventId ? event : undefined;
  }

  private async readIndex<T>(streamId: string): Promise<T[]> {
    const entries: T[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId)) {
        if (resolved.event?.type.startsWith(INDEX_TYPE_PREFIX)) entries.push(resolved.event.data as T);
      }
    } catch (error) {
      if (errorType(error) === ErrorType.STREAM_NOT_FOUND) return [];
      throw error;
    }
    return entries;
  }

  private async currentVersion(streamId: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })) {
        if (resolved.event) return Number(resolved.event.revision) + 1;
      }
    } catch (error) {
      if (errorType(error) !== ErrorType.STREAM_NOT_FOUND) throw error;
    }
    return 0;
  }

  private async positionOf(streamId: string, version: number): Promise<number> {
    const fromRevision = BigInt(version - 1);
    for await (const resolved of this.client.readStream(streamId, { fromRevision, maxCount: 1, requiresLeader: true })) {
      const position = commitPosition(resolved);
      if (position !== undefined) return position;
    }
    throw new Error(`KurrentDB did not return the position of ${streamId} version ${version} after appending it`);
  }
}

/**
 * A sealed event belongs at exactly one place in its stream (its hash links it to the event
 * before), so the revision it must land on comes from its version. With 'any' this refuses
 * what the SQLite store refuses: events that would land elsewhere than their sealed version.
 */
function planWrite(write: StreamWrite): PlannedWrite {
  const { streamId, expectedVersion, events } = write;
  if (events.length === 0) {
    return { streamId, expectedVersion, state: ANY, events, version: expectedVersion === 'any' ? undefined : expectedVersion };
  }
  const base = events[0].version - 1;
  if (expectedVersion !== 'any' && expectedVersion !== base) {
    throw new Error(`events for ${streamId} are sealed for version ${base + 1} but the expected version is ${expectedVersion}`);
  }
  events.forEach((event, index) => {
    if (event.version !== base + index + 1) throw new Error(`events for ${streamId} do not have consecutive versions`);
    if (!UUID.test(event.eventId)) throw new Error(`KurrentDB needs UUID event ids; got ${event.eventId}`);
  });
  return { streamId, expectedVersion, state: base === 0 ? NO_STREAM : BigInt(base - 1), events, version: base + events.length };
}

function toEventData(event: EventEnvelope): EventData {
  const { data, position: _position, ...envelope } = event as EventEnvelope & { position?: number };
  return jsonEvent({ id: event.eventId, type: event.type, data, metadata: { [ENVELOPE_KEY]: JSON.stringify(envelope) } });
}

/** `idx-event-<id>` must not exist yet (event ids are unique); key streams collect every append. */
function indexRequests(writes: PlannedWrite[]): AppendStreamRequest[] {
  const requests: AppendStreamRequest[] = [];
  const byKey = new Map<string, EventRef[]>();
  for (const write of writes) {
    for (const event of write.events) {
      const ref: EventRef = { eventId: event.eventId, streamId: write.streamId, version: event.version };
      requests.push({
        streamName: eventIndexStream(event.eventId),
        expectedState: NO_STREAM,
        events: [jsonEvent({ type: EVENT_INDEX_TYPE, data: ref })],
      });
      if (event.idempotencyKey !== undefined) byKey.set(event.idempotencyKey, [...(byKey.get(event.idempotencyKey) ?? []), ref]);
    }
  }
  for (const [idempotencyKey, events] of byKey) {
    const entry: KeyIndexEntry = { idempotencyKey, events };
    requests.push({ streamName: idempotencyIndexStream(idempotencyKey), expectedState: ANY, events: [jsonEvent({ type: KEY_INDEX_TYPE, data: entry })] });
  }
  return requests;
}

function translate(error: unknown, writes: PlannedWrite[]): unknown {
  if (errorType(error) !== ErrorType.WRONG_EXPECTED_VERSION) return error;
  const { streamName, actualState } = error as { streamName?: string; actualState?: bigint | typeof NO_STREAM };
  if (streamName?.startsWith(EVENT_INDEX_PREFIX)) {
    return new Error(`event ${streamName.slice(EVENT_INDEX_PREFIX.length)} is already stored`, { cause: error });
  }
  const write = writes.find((w) => w.streamId === streamName) ?? (writes.length === 1 ? writes[0] : undefined);
  if (!write) return error;
  const actual = typeof actualState === 'bigint' ? Number(actualState) + 1 : 0;
  return new ConcurrencyError(write.streamId, write.expectedVersion, actual);
}

/** Server-side filter: the given types (none matches nothing), or every type but system (`$`) and index events. */
function typeFilter(types?: readonly string[]): Filter {
  const escape = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const regex = types ? `^(?:${types.map(escape).join('|')})$` : `^(?!\\$|${escape(INDEX_TYPE_PREFIX)})`;
  return eventTypeFilter({ regex });
}

function readPosition(after: number): ReadPosition {
  return after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START;
}

function commitPosition(resolved: AllStreamResolvedEvent | ResolvedEvent): number | undefined {
  const position = resolved.event?.position?.commit ?? resolved.commitPosition;
  return position === undefined ? undefined : Number(position);
}

function decode(resolved: AllStreamResolvedEvent | ResolvedEvent, types?: readonly string[]): StoredEvent | undefined {
  const recorded = resolved.event;
  if (!recorded) return undefined;
  const { type, streamId } = recorded;
  if (type.startsWith('$') || type.startsWith(INDEX_TYPE_PREFIX) || streamId.startsWith('$')) return undefined;
  if (types && !types.includes(type)) return undefined;
  const metadata = recorded.metadata as Record<string, unknown> | undefined;
  const envelope = metadata && typeof metadata === 'object' ? metadata[ENVELOPE_KEY] : undefined;
  if (typeof envelope !== 'string') return undefined; // not written by this registry
  const position = commitPosition(resolved);
  if (position === undefined) throw new Error('KurrentDB returned an event without its log position (KurrentDB 22.6 or later needed)');
  return {
    ...(JSON.parse(envelope) as Omit<EventEnvelope, 'data'>),
    // Where the event really is wins over what the envelope says: a misplaced event then fails its hash check.
    streamId,
    version: Number(recorded.revision) + 1,
    // Written as JSON; should a server not flag it so, the client hands back the bytes.
    data: (recorded.isJson ? recorded.data : JSON.parse(Buffer.from(recorded.data).toString('utf8'))) as Record<string, unknown>,
    position,
  };
}

function errorType(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
