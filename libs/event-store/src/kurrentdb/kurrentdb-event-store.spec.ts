/**
 * The adapter's own logic (version ↔ revision mapping, envelope in metadata, index streams,
 * filtering of system and index events, positions, error translation) against an in-memory
 * stand-in for the KurrentDB client. The stand-in models the client as documented; it proves
 * nothing about the server. kurrentdb-event-store.int-spec.ts runs the same contract against
 * a real KurrentDB when EVENTSTORE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import {
  ANY,
  BACKWARDS,
  END,
  NO_STREAM,
  START,
  StreamNotFoundError,
  UnsupportedError,
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type AppendStreamState,
  type EventData,
  type Filter,
  type KurrentDBClient,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { appendDrafts, draftEvent, eventStoreContract } from '../event-store.contract.js';
import { GENESIS_HASH, sealEvents } from '../hash-chain.js';
import { KurrentDbEventStore, MULTI_STREAM_UNSUPPORTED, eventIndexStream } from './kurrentdb-event-store.js';

interface Recorded {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  isJson: true;
  created: Date;
  data: unknown;
  metadata: unknown;
  position: { commit: bigint; prepare: bigint };
}

/** One in-memory "server": $all with byte-like positions, system events mixed in. */
class FakeKurrentDb {
  private readonly log: Recorded[] = [];
  private readonly streams = new Map<string, Recorded[]>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private next = 512n;

  constructor(private readonly multiStream: boolean) {
    this.put('$epochs', { type: '$epoch-information', data: {} });
  }

  client(): KurrentDBClient {
    const client = {
      appendToStream: async (streamName: string, events: EventData[], options: { streamState?: AppendStreamState } = {}) => {
        this.check(streamName, options.streamState ?? ANY);
        for (const event of events) this.put(streamName, event, roundTrip(event.metadata));
        this.put(`$$${streamName}`, { type: '$metadata', data: {} }); // system noise in $all
        return { success: true, nextExpectedRevision: BigInt(this.streams.get(streamName)!.length - 1) };
      },
      multiStreamAppend: async (requests: AppendStreamRequest[]) => {
        if (!this.multiStream) throw new UnsupportedError('multiStreamAppend', '25.1');
        for (const request of requests) {
          for (const event of request.events) {
            const values = Object.values((event.metadata ?? {}) as object);
            if (values.some((value) => typeof value !== 'string')) throw new Error('multiStreamAppend requires string metadata values');
          }
        }
        for (const request of requests) this.check(request.streamName, request.expectedState);
        // The server does not promise the order of streams in the log: write them backwards.
        for (const request of [...requests].reverse()) {
          for (const event of request.events) {
            const metadata = { ...(event.metadata as object), '$schema.name': event.type, '$schema.data-format': 'Json' };
            this.put(request.streamName, event, metadata);
          }
        }
        return {
          position: this.log.at(-1)!.position.commit,
          responses: requests.map((r) => ({ streamName: r.streamName, revision: BigInt(this.streams.get(r.streamName)!.length - 1) })),
        };
      },
      readStream: (streamName: string, options: { fromRevision?: ReadRevision; direction?: string; maxCount?: number | bigint } = {}) => {
        const stream = this.streams.get(streamName);
        const { fromRevision = START, direction, maxCount = Number.MAX_SAFE_INTEGER } = options;
        return (async function* () {
          if (!stream) throw new StreamNotFoundError(undefined, streamName);
          let events = direction === BACKWARDS ? [...stream].reverse() : stream;
          if (typeof fromRevision === 'bigint') {
            events = events.filter((e) => (direction === BACKWARDS ? e.revision <= fromRevision : e.revision >= fromRevision));
          }
          for (const event of events.slice(0, Number(maxCount))) yield { event };
        })();
      },
      readAll: (options: { fromPosition?: ReadPosition; direction?: string; maxCount?: number | bigint; filter?: Filter } = {}) => {
        const { fromPosition = START, direction, maxCount = Number.MAX_SAFE_INTEGER, filter } = options;
        let events = (direction === BACKWARDS ? [...this.log].reverse() : this.log).filter((e) => matches(filter, e));
        if (typeof fromPosition === 'object') {
          // Forwards from a position includes the event at that position.
          events = events.filter((e) => (direction === BACKWARDS ? e.position.commit <= fromPosition.commit : e.position.commit >= fromPosition.commit));
        }
        const page = events.slice(0, Number(maxCount));
        return (async function* () {
          for (const event of page) yield { event, commitPosition: event.position.commit };
        })();
      },
      subscribeToAll: (options: { fromPosition?: ReadPosition; filter?: Filter } = {}) => {
        const after = typeof options.fromPosition === 'object' ? options.fromPosition.commit : -1n;
        const readable = new Readable({ objectMode: true, read() {} }) as Readable & { unsubscribe(): Promise<void> };
        let delivered = after;
        const push = () => {
          for (const event of this.log) {
            if (event.position.commit <= delivered) continue;
            delivered = event.position.commit;
            if (matches(options.filter, event)) readable.push({ event, commitPosition: event.position.commit });
          }
        };
        this.appended.on('appended', push);
        setImmediate(push);
        readable.unsubscribe = async () => {
          this.appended.off('appended', push);
          readable.push(null);
        };
        return readable;
      },
      dispose: async () => undefined,
    };
    return client as unknown as KurrentDBClient;
  }

  private check(streamName: string, expected: AppendStreamState) {
    const stream = this.streams.get(streamName);
    const current = stream ? BigInt(stream.length - 1) : NO_STREAM;
    const ok = expected === ANY || (expected === NO_STREAM ? !stream : expected === 'stream_exists' ? !!stream : expected === current);
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
  }

  private put(streamId: string, event: { id?: string; type: string; data: unknown }, metadata?: unknown) {
    const stream = this.streams.get(streamId) ?? [];
    const commit = this.next;
    const data = roundTrip(event.data);
    this.next += 100n + BigInt(JSON.stringify(data).length);
    const recorded: Recorded = {
      streamId,
      id: event.id ?? randomUUID(),
      type: event.type,
      revision: BigInt(stream.length),
      isJson: true,
      created: new Date(),
      data,
      metadata,
      position: { commit, prepare: commit },
    };
    stream.push(recorded);
    this.streams.set(streamId, stream);
    this.log.push(recorded);
    queueMicrotask(() => this.appended.emit('appended'));
  }
}

function roundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function matches(filter: Filter | undefined, event: Recorded): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'eventType' ? event.type : event.streamId;
  return 'regex' in filter ? new RegExp(filter.regex).test(subject) : filter.prefixes.some((p) => subject.startsWith(p));
}

describe('KurrentDB adapter over a stand-in client (KurrentDB 25.1, multi-stream append)', () => {
  const server = new FakeKurrentDb(true);
  eventStoreContract('KurrentDB adapter, stand-in client', async () => new KurrentDbEventStore(server.client()));

  it('keeps index and system events out of the log, and refuses a reused event id', async () => {
    const store = new KurrentDbEventStore(server.client());
    const start = await store.headPosition();
    const id = `body-${randomUUID()}`;
    const { events } = await appendDrafts(store, id, 2);
    const all = await store.readAll({ after: start });
    expect(all.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
    expect(await store.readStream(eventIndexStream(events[0].eventId))).toEqual([]);
    const other = `body-${randomUUID()}`;
    const reused = sealEvents([{ ...draftEvent(other), eventId: events[0].eventId }], { version: 0, lastHash: GENESIS_HASH });
    await expect(store.append([{ streamId: other, expectedVersion: 0, events: reused }])).rejects.toThrow(/already stored/);
    expect(await store.readStream(other)).toEqual([]);
  });

  it("with 'any' writes events only where they were sealed, as the SQLite store does", async () => {
    const store = new KurrentDbEventStore(server.client());
    const id = `body-${randomUUID()}`;
    const { events } = await appendDrafts(store, id, 1);
    const sealedForThree = sealEvents([draftEvent(id)], { version: 2, lastHash: events[0].hash });
    await expect(store.append([{ streamId: id, expectedVersion: 'any', events: sealedForThree }])).rejects.toMatchObject({
      name: 'ConcurrencyError',
      actualVersion: 1,
    });
    const sealedForTwo = sealEvents([draftEvent(id)], { version: 1, lastHash: events[0].hash });
    const result = await store.append([{ streamId: id, expectedVersion: 'any', events: sealedForTwo }]);
    expect(result.streams).toEqual([{ streamId: id, version: 2 }]);
  });

  it('filters a subscription by type', async () => {
    const store = new KurrentDbEventStore(server.client());
    const start = await store.headPosition();
    const seen: string[] = [];
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const subscription = await store.subscribeAll({ after: start, types: ['BodyRenamed'] }, (event) => {
      seen.push(event.type);
      if (seen.length === 2) resolve();
    });
    try {
      await appendDrafts(store, `body-${randomUUID()}`, 2);
      await appendDrafts(store, `body-${randomUUID()}`, 2, 0, GENESIS_HASH, 'BodyRenamed');
      await done;
      expect(seen).toEqual(['BodyRenamed', 'BodyRenamed']);
      expect(await store.readAll({ after: start, types: [] })).toEqual([]);
    } finally {
      await subscription.close();
      await store.close();
    }
  });
});

describe('KurrentDB adapter over a stand-in client (before 25.1, no multi-stream append)', () => {
  const server = new FakeKurrentDb(false);
  const store = new KurrentDbEventStore(server.client());

  it('appends to one stream and indexes it right after', async () => {
    const id = `body-${randomUUID()}`;
    const key = randomUUID();
    const events = sealEvents([draftEvent(id, 'BodyEstablished', { idempotencyKey: key })], { version: 0, lastHash: GENESIS_HASH });
    const result = await store.append([{ streamId: id, expectedVersion: 0, events }]);
    expect(result.streams).toEqual([{ streamId: id, version: 1 }]);
    expect((await store.findEvent(events[0].eventId))?.position).toBe(result.position);
    expect((await store.findByIdempotencyKey(key)).map((e) => e.eventId)).toEqual([events[0].eventId]);
  });

  it('refuses an append to several streams with a clear error and writes nothing', async () => {
    const a = `body-${randomUUID()}`;
    const b = `body-${randomUUID()}`;
    const head = await store.headPosition();
    const seal = (id: string) => sealEvents([draftEvent(id)], { version: 0, lastHash: GENESIS_HASH });
    await expect(
      store.append([
        { streamId: a, expectedVersion: 0, events: seal(a) },
        { streamId: b, expectedVersion: 0, events: seal(b) },
      ]),
    ).rejects.toThrow(MULTI_STREAM_UNSUPPORTED);
    expect(await store.headPosition()).toBe(head);
  });
});
