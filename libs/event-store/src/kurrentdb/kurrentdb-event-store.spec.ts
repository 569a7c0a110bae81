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
  WrongExpectedVersionError,
  type AppendStreamRequest,
  type AppendStreamState,
  type EventData,
  type Filter,
  type KurrentDBClient,
  type ReadPosition,
  type ReadRevision,
} from '@kurrent/kurrentdb-client';
import { appendDrafts, appendUnchangedSince, draftEvent, eventStoreContract } from '../event-store.contract.js';
import { JurisdictionChangedError } from '../event-store.port.js';
import { GENESIS_HASH, sealEvents } from '../hash-chain.js';
import { KurrentDbEventStore, eventIndexStream } from './kurrentdb-event-store.js';

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

/** How a stand-in server differs from KurrentDB 25.1 as the adapter expects it. */
interface ServerTraits {
  /** As the server-features endpoint reports it; undefined: it does not answer (before 21.10). */
  version?: string;
  /** multiStreamAppend answers UNIMPLEMENTED (a server without it). */
  noMultiStream?: boolean;
  /** Metadata of a multi-stream append reads back as bytes instead of an object. */
  metadataAsBytes?: boolean;
  /** The events of one append share one commit position. */
  sharedCommit?: boolean;
}

/** One in-memory "server": $all with byte-like positions, system events mixed in. */
class FakeKurrentDb {
  private readonly log: Recorded[] = [];
  private readonly streams = new Map<string, Recorded[]>();
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private next = 512n;

  constructor(private readonly traits: ServerTraits = { version: '25.1.0' }) {
    this.put('$epochs', { type: '$epoch-information', data: {} });
  }

  client(): KurrentDBClient {
    const client = {
      capabilities: Promise.resolve({ serverVersion: this.traits.version ?? 'unknown' }),
      deleteStream: async () => ({ position: undefined }),
      appendToStream: async (streamName: string, events: EventData[], options: { streamState?: AppendStreamState } = {}) => {
        this.check(streamName, options.streamState ?? ANY);
        for (const event of events) this.put(streamName, event, roundTrip(event.metadata));
        this.put(`$$${streamName}`, { type: '$metadata', data: {} }); // system noise in $all
        return { success: true, nextExpectedRevision: BigInt(this.streams.get(streamName)!.length - 1) };
      },
      multiStreamAppend: async (requests: AppendStreamRequest[]) => {
        if (this.traits.noMultiStream) throw Object.assign(new Error('12 UNIMPLEMENTED: unknown service'), { code: 12 });
        for (const request of requests) {
          for (const event of request.events) {
            const values = Object.values((event.metadata ?? {}) as object);
            if (values.some((value) => typeof value !== 'string')) throw new Error('multiStreamAppend requires string metadata values');
          }
        }
        for (const request of requests) this.check(request.streamName, request.expectedState);
        // The server does not promise the order of streams in the log: write them backwards.
        const commit = this.next;
        for (const request of [...requests].reverse()) {
          for (const event of request.events) {
            const properties = { ...(event.metadata as object), '$schema.name': event.type, '$schema.data-format': 'Json' };
            const metadata = this.traits.metadataAsBytes ? new TextEncoder().encode(JSON.stringify(properties)) : properties;
            this.put(request.streamName, event, metadata, this.traits.sharedCommit ? commit : undefined);
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

  private put(streamId: string, event: { id?: string; type: string; data: unknown }, metadata?: unknown, sharedCommit?: bigint) {
    const stream = this.streams.get(streamId) ?? [];
    const commit = sharedCommit ?? this.next;
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
      position: { commit, prepare: sharedCommit === undefined ? commit : this.next },
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
  const server = new FakeKurrentDb();
  eventStoreContract('KurrentDB adapter, stand-in client', async () => new KurrentDbEventStore(server.client()), {
    openPeer: async () => new KurrentDbEventStore(server.client()),
  });

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

  it('refuses an append when the jurisdiction changed between its check and its write (the guard is part of the write)', async () => {
    const store = new KurrentDbEventStore(server.client());
    const other = new KurrentDbEventStore(server.client());
    const jurisdiction = '379901';
    const position = await store.headPosition();
    // The other store's append lands after this one's check, just before its multi-stream append.
    const client = (store as unknown as { client: KurrentDBClient }).client;
    const multiStreamAppend = client.multiStreamAppend.bind(client);
    client.multiStreamAppend = (async (requests: AppendStreamRequest[]) => {
      const id = `body-${randomUUID()}`;
      await other.append([{ streamId: id, expectedVersion: 0, events: sealEvents([draftEvent(id, 'BodyEstablished', { jurisdiction })], { version: 0, lastHash: GENESIS_HASH }) }]);
      return multiStreamAppend(requests);
    }) as typeof client.multiStreamAppend;
    const id = `body-${randomUUID()}`;
    await expect(appendUnchangedSince(store, id, jurisdiction, position)).rejects.toBeInstanceOf(JurisdictionChangedError);
    expect(await store.readStream(id)).toEqual([]);
  });
});

describe('KurrentDB adapter: what it checks at start', () => {
  const verify = (traits: ServerTraits) => new KurrentDbEventStore(new FakeKurrentDb(traits).client()).verifyServer();

  it('accepts KurrentDB 25.1 and later, leaving its probe out of the log', async () => {
    const server = new FakeKurrentDb({ version: '25.1.0.2299' });
    const store = new KurrentDbEventStore(server.client());
    await store.verifyServer();
    await verify({ version: '26.0.3' });
    expect(await store.readAll()).toEqual([]);
    expect(await store.headPosition()).toBe(0);
  });

  it.each([
    ['24.10.6', '24.10.6'],
    ['23.10.1', '23.10.1'],
    [undefined, '未知'],
  ])('refuses server version %s, naming it and the version it needs', async (version, named) => {
    const refusal = verify({ version });
    await expect(refusal).rejects.toThrow('需要 KurrentDB 25.1 或更高版本');
    await expect(verify({ version })).rejects.toThrow(`服务器版本为 ${named}`);
  });

  it('refuses a server that says 25.1 but has no multi-stream append', async () => {
    await expect(verify({ version: '25.1.0', noMultiStream: true })).rejects.toThrow(/KurrentDB 服务器版本为 25\.1\.0，本系统需要 KurrentDB 25\.1/);
  });

  it('refuses a server whose multi-stream metadata reads back as bytes', async () => {
    await expect(verify({ version: '25.1.0', metadataAsBytes: true })).rejects.toThrow(/元数据（metadata）读回时不是原样的 JSON 对象.*需要 KurrentDB 25\.1/);
  });

  it('refuses a server where the events of one append share a commit position', async () => {
    await expect(verify({ version: '25.1.0', sharedCommit: true })).rejects.toThrow(/日志位置|提交位置/);
  });
});
