import { createHash, randomUUID } from 'node:crypto';
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
 * - Every append also writes one event to `idx-jurisdiction-<code>` of each jurisdiction it
 *   touches: the jurisdiction's guard. An append with `unchangedSince` expects the guard at the
 *   revision it read before looking for the jurisdiction's events, so the check and the append
 *   are one atomic write (see `append`).
 * - `verifyServer` (run by `connect`) refuses a server without what all this relies on.
 */

const ENVELOPE_KEY = 'envelope';
export const INDEX_TYPE_PREFIX = 'IndexEntry.';
const EVENT_INDEX_TYPE = `${INDEX_TYPE_PREFIX}Event`;
const KEY_INDEX_TYPE = `${INDEX_TYPE_PREFIX}IdempotencyKey`;
const GUARD_TYPE = `${INDEX_TYPE_PREFIX}Jurisdiction`;
const PROBE_TYPE = `${INDEX_TYPE_PREFIX}Probe`;
const EVENT_INDEX_PREFIX = 'idx-event-';
const GUARD_PREFIX = 'idx-jurisdiction-';

export const eventIndexStream = (eventId: string) => `${EVENT_INDEX_PREFIX}${eventId.toLowerCase()}`;
export const idempotencyIndexStream = (key: string) =>
  `idx-idempotency-${createHash('sha256').update(key, 'utf8').digest('hex')}`;

export const jurisdictionGuardStream = (jurisdiction: string) => `${GUARD_PREFIX}${jurisdiction}`;

/** The oldest server with multi-stream append (and so every check of `verifyServer`). */
export const MINIMUM_SERVER = { major: 25, minor: 1 };
const MINIMUM = `KurrentDB ${MINIMUM_SERVER.major}.${MINIMUM_SERVER.minor}`;

/** Refusal of a server older than MINIMUM_SERVER, or one that does not report its version. */
export function serverTooOld(version: string | undefined): string {
  return (
    `KurrentDB 服务器版本为 ${version ?? '未知（服务器未报告版本）'}，本系统需要 ${MINIMUM} 或更高版本：` +
    '每次登记的事件、其索引和行政区划守卫须以多流原子追加（multi-stream append）一并写入。' +
    `请升级到 ${MINIMUM} 或更高版本，或不设置 EVENTSTORE_URL 而使用内置的 SQLite 事件库。`
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EventRef = { eventId: string; streamId: string; version: number };
type KeyIndexEntry = { idempotencyKey: string; events: EventRef[] };

/** An append's condition on a jurisdiction, with the guard's revision read before the check. */
interface Guard {
  jurisdiction: string;
  position: number;
  state: AppendStreamState;
}

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

  /** Connects with a KurrentDB connection string, checks that the server answers and has what the adapter needs. */
  static async connect(url: string): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore(KurrentDBClient.connectionString(url));
    try {
      await store.ping();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw new Error(`无法连接 KurrentDB（${redact(url)}）：${messageOf(error)}`, { cause: error });
    }
    try {
      await store.verifyServer();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
    return store;
  }

  async append(writes: StreamWrite[], options: AppendOptions = {}): Promise<AppendResult> {
    const planned = writes.map(planWrite);
    // The guard's revision is read first, then the jurisdiction's events after the position.
    // The append expects the guard still at that revision; every append of the jurisdiction
    // moves it. So an event of the jurisdiction either is found here, or was appended after the
    // guard was read and fails this append, which is then refused as the check would have.
    const since = options.unchangedSince;
    let guard: Guard | undefined;
    if (since) {
      const state = await this.guardState(since.jurisdiction);
      const after = await this.readLog({ after: since.position }, true);
      if (after.some((e) => e.jurisdiction === since.jurisdiction)) throw new JurisdictionChangedError(since.jurisdiction, since.position);
      guard = { ...since, state };
    }
    // A write without events only checks its expected version (not atomically with the rest).
    for (const write of planned.filter((w) => w.events.length === 0)) {
      const actual = await this.currentVersion(write.streamId);
      if (write.expectedVersion !== 'any' && write.expectedVersion !== actual) {
        throw new ConcurrencyError(write.streamId, write.expectedVersion, actual);
      }
      write.version = actual;
    }
    const toWrite = planned.filter((w) => w.events.length > 0);
    if (toWrite.length > 0) await this.write(toWrite, guard);

    // An append answers one log position without saying whose record it is (a multi-stream
    // append does not promise the order of its streams): read each stream's last event back.
    const positions = await Promise.all(toWrite.map((w) => this.positionOf(w.streamId, w.version!)));
    return {
      position: positions.length ? Math.max(...positions) : 0,
      streams: planned.map((w) => ({ streamId: w.streamId, version: w.version! })),
    };
  }

  /** One atomic multi-stream append: the events, their index entries, the jurisdictions' guards. */
  private async write(writes: PlannedWrite[], guard?: Guard): Promise<void> {
    const domain: AppendStreamRequest[] = writes.map((w) => ({
      streamName: w.streamId,
      expectedState: w.state,
      events: w.events.map(toEventData),
    }));
    try {
      await this.client.multiStreamAppend([...domain, ...indexRequests(writes), ...guardRequests(writes, guard)]);
    } catch (error) {
      throw translate(error, writes, guard);
    }
  }

  /**
   * Checks at start what the adapter relies on and refuses, in Chinese, a server without it
   * (docs/decisions/0001-kurrentdb-adapter.md): the server's version (25.1 or later, for
   * multi-stream append); then, on two scratch streams, that a multi-stream append is taken,
   * that each of its events reads back with a commit position of its own (prepare = commit, as
   * `readAll({after})` reads from `{commit, prepare}`), that a read of `$all` from such a
   * position starts at that event, and that string metadata reads back as an object.
   */
  async verifyServer(): Promise<void> {
    const version = await serverVersion(this.client);
    if (!isAtLeast(version, MINIMUM_SERVER)) throw new Error(serverTooOld(version));
    const streams = [`idx-probe-${randomUUID()}`, `idx-probe-${randomUUID()}`];
    const marker = JSON.stringify({ probe: randomUUID() });
    const probe = () => jsonEvent({ id: randomUUID(), type: PROBE_TYPE, data: {}, metadata: { [ENVELOPE_KEY]: marker } });
    try {
      await this.client.multiStreamAppend([
        { streamName: streams[0], expectedState: NO_STREAM, events: [probe(), probe()] },
        { streamName: streams[1], expectedState: NO_STREAM, events: [probe()] },
      ]);
    } catch (error) {
      if (isUnsupported(error)) throw new Error(serverTooOld(version), { cause: error });
      throw new Error(`KurrentDB ${version}：试写（多流原子追加）失败：${messageOf(error)}`, { cause: error });
    }
    const refused = (what: string) => new Error(`KurrentDB ${version}：${what}，本适配器依赖于此。${serverTooOld(version)}`);
    const read: Array<{ id: string; metadata: unknown; position?: { commit: bigint; prepare: bigint } }> = [];
    for (const streamName of streams) {
      for await (const resolved of this.client.readStream(streamName, { requiresLeader: true })) {
        if (resolved.event) read.push(resolved.event);
      }
    }
    if (read.length !== 3) throw refused(`试写的 3 个事件读回了 ${read.length} 个`);
    for (const event of read) {
      const metadata = event.metadata as Record<string, unknown> | undefined;
      if (!metadata || typeof metadata !== 'object' || metadata[ENVELOPE_KEY] !== marker) {
        throw refused('多流追加写入的元数据（metadata）读回时不是原样的 JSON 对象');
      }
      if (!event.position || event.position.commit !== event.position.prepare) {
        throw refused('读回的事件没有自己的日志位置（commit 与 prepare 位置相同）');
      }
    }
    if (new Set(read.map((e) => e.position!.commit)).size !== read.length) {
      throw refused('同一次追加的事件共用一个提交位置，而不是各有其位置');
    }
    const first = read[0].position!;
    let startsThere = false;
    for await (const resolved of this.client.readAll({
      fromPosition: first,
      maxCount: 1,
      filter: eventTypeFilter({ regex: `^${escapeRegex(PROBE_TYPE)}$` }),
      requiresLeader: true,
    })) {
      startsThere = resolved.event?.id === read[0].id;
    }
    if (!startsThere) throw refused('从一个事件的位置读 $all 时，读到的不是该事件');
    // Scratch streams: deleted (their events are index events, left out of every read anyway).
    await Promise.all(streams.map((s) => this.client.deleteStream(s).catch(() => undefined)));
  }

  async readStream(streamId: string, fromVersion = 1): Promise<StoredEvent[]> {
    return this.readRange(streamId, fromVersion);
  }

  readAllPages(options: ReadPagesOptions = {}): AsyncIterable<StoredEvent[]> {
    return pagesOfReadAll((o) => this.readAll(o), options);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.readLog(options, false);
  }

  private async readLog(options: ReadAllOptions, requiresLeader: boolean): Promise<StoredEvent[]> {
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
      for await (const resolved of this.client.readAll({ fromPosition: readPosition(after), maxCount, filter, requiresLeader })) {
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

  /** The guard's revision now, from the leader (NO_STREAM before the jurisdiction's first append). */
  private async guardState(jurisdiction: string): Promise<AppendStreamState> {
    try {
      const options = { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true } as const;
      for await (const resolved of this.client.readStream(jurisdictionGuardStream(jurisdiction), options)) {
        if (resolved.event) return resolved.event.revision;
      }
    } catch (error) {
      if (errorType(error) !== ErrorType.STREAM_NOT_FOUND) throw error;
    }
    return NO_STREAM;
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

/**
 * One guard event per jurisdiction the append touches (and the one it is conditioned on):
 * expected at the revision read before the check for that one, at any revision for the others.
 */
function guardRequests(writes: PlannedWrite[], guard?: Guard): AppendStreamRequest[] {
  const jurisdictions = new Set(writes.flatMap((w) => w.events.map((e) => e.jurisdiction)));
  if (guard) jurisdictions.add(guard.jurisdiction);
  return [...jurisdictions].map((jurisdiction) => ({
    streamName: jurisdictionGuardStream(jurisdiction),
    expectedState: jurisdiction === guard?.jurisdiction ? guard.state : ANY,
    events: [jsonEvent({ type: GUARD_TYPE, data: { jurisdiction } })],
  }));
}

function translate(error: unknown, writes: PlannedWrite[], guard?: Guard): unknown {
  if (isUnsupported(error)) return new Error(serverTooOld(undefined), { cause: error });
  if (errorType(error) !== ErrorType.WRONG_EXPECTED_VERSION) return error;
  const { streamName, actualState } = error as { streamName?: string; actualState?: bigint | typeof NO_STREAM };
  if (guard && streamName === jurisdictionGuardStream(guard.jurisdiction)) {
    return new JurisdictionChangedError(guard.jurisdiction, guard.position);
  }
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
  const regex = types ? `^(?:${types.map(escapeRegex).join('|')})$` : `^(?!\\$|${escapeRegex(INDEX_TYPE_PREFIX)})`;
  return eventTypeFilter({ regex });
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * The server's version as it reports it (its server-features endpoint, which the client reads
 * once per connection); undefined when it does not say. `capabilities` is the client's own
 * (protected) accessor for it: there is no public one in @kurrent/kurrentdb-client 1.x.
 */
async function serverVersion(client: KurrentDBClient): Promise<string | undefined> {
  const features = await (client as unknown as { capabilities: Promise<{ serverVersion?: string }> }).capabilities;
  const version = features?.serverVersion;
  return version && version !== 'unknown' ? version : undefined;
}

function isAtLeast(version: string | undefined, minimum: { major: number; minor: number }): boolean {
  const match = /^(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > minimum.major || (major === minimum.major && minor >= minimum.minor);
}

/** The client's UnsupportedError, or the server's gRPC UNIMPLEMENTED (code 12) for a method it lacks. */
function isUnsupported(error: unknown): boolean {
  if (errorType(error) === ErrorType.UNSUPPORTED) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 12 || /UNIMPLEMENTED/.test(messageOf(error));
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
