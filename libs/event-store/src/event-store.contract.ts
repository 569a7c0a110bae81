/**
 * The contract every EventStore adapter keeps. Each adapter's *.int-spec.ts calls
 * `eventStoreContract` with a factory for a fresh, empty store.
 */
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, JurisdictionChangedError, type EventEnvelope, type EventStore, type StoredEvent } from './event-store.port.js';
import { GENESIS_HASH, sealEvents, verifyStreamChain } from './hash-chain.js';

export function draftEvent(streamId: string, type = 'BodyAdjusted', extra: Partial<EventEnvelope> = {}) {
  const { version: _v, previousHash: _p, hash: _h, ...rest } = {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    jurisdiction: '370700',
    bodyId: streamId.replace(/^body-/, ''),
    effectiveDate: '2020-03-31',
    recordedAt: new Date().toISOString(),
    recordedBy: 'contract-test',
    documentNo: '潍政办字〔2020〕37号',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    data: { note: '测试事件', n: Math.random() },
    version: 0,
    previousHash: '',
    hash: '',
    ...extra,
  };
  return rest;
}

export async function appendDrafts(store: EventStore, streamId: string, count: number, expectedVersion = 0, lastHash = GENESIS_HASH, type?: string) {
  const events = sealEvents(Array.from({ length: count }, () => draftEvent(streamId, type)), { version: expectedVersion, lastHash });
  const result = await store.append([{ streamId, expectedVersion, events }]);
  return { result, events };
}

export interface ContractOptions {
  /** A second store on the same data as `store` (another connection, as another process would have); default: `store` itself. */
  openPeer?: (store: EventStore) => Promise<EventStore>;
}

/** Appends one event of `jurisdiction` to a new stream, on the condition that the jurisdiction is unchanged since `position`. */
export function appendUnchangedSince(store: EventStore, streamId: string, jurisdiction: string, position: number) {
  const events = sealEvents([draftEvent(streamId, 'BodyEstablished', { jurisdiction })], { version: 0, lastHash: GENESIS_HASH });
  return store.append([{ streamId, expectedVersion: 0, events }], { unchangedSince: { jurisdiction, position } });
}

export function eventStoreContract(adapterName: string, makeStore: () => Promise<EventStore>, options: ContractOptions = {}): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const stream = () => `body-${randomUUID()}`;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('appends to a new stream with expected version 0 and reads it back in order', async () => {
      const id = stream();
      const { result, events } = await appendDrafts(store, id, 3);
      expect(result.streams).toEqual([{ streamId: id, version: 3 }]);
      const read = await store.readStream(id);
      expect(read.map((e) => e.eventId)).toEqual(events.map((e) => e.eventId));
      expect(read.map((e) => e.version)).toEqual([1, 2, 3]);
      expect(read[2].position).toBe(result.position);
      expect(read[0].data).toEqual(events[0].data);
      expect(verifyStreamChain(read)).toEqual([]);
    });

    it('refuses a stale expected version and writes nothing', async () => {
      const id = stream();
      const first = await appendDrafts(store, id, 2);
      const head = await store.headPosition();
      await expect(appendDrafts(store, id, 1, 1, first.events[0].hash)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(appendDrafts(store, id, 1, 0)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.headPosition()).toBe(head);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('refuses an append over a change of the jurisdiction since a position, writing nothing; other jurisdictions do not count', async () => {
      const read = await store.headPosition();
      await appendDrafts(store, stream(), 1); // 370700, after the position read
      const id = stream();
      const write = () => [{ streamId: id, expectedVersion: 0, events: sealEvents([draftEvent(id)], { version: 0, lastHash: GENESIS_HASH }) }];
      await expect(store.append(write(), { unchangedSince: { jurisdiction: '370700', position: read } })).rejects.toBeInstanceOf(JurisdictionChangedError);
      expect(await store.readStream(id)).toEqual([]);
      const again = await store.headPosition();
      const elsewhere = stream();
      await store.append([{ streamId: elsewhere, expectedVersion: 0, events: sealEvents([draftEvent(elsewhere, 'BodyAdjusted', { jurisdiction: '370800' })], { version: 0, lastHash: GENESIS_HASH }) }]);
      await store.append(write(), { unchangedSince: { jurisdiction: '370700', position: again } });
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('lets only one of two stores racing on one jurisdiction append over the position both read', async () => {
      const peer = options.openPeer ? await options.openPeer(store) : store;
      try {
        // a jurisdiction of its own, so other writers of a shared server do not decide the race
        const jurisdiction = `9${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`;
        const position = await store.headPosition();
        const [a, b] = [stream(), stream()];
        const outcomes = await Promise.allSettled([
          appendUnchangedSince(store, a, jurisdiction, position),
          appendUnchangedSince(peer, b, jurisdiction, position),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(JurisdictionChangedError);
        expect([...(await store.readStream(a)), ...(await store.readStream(b))]).toHaveLength(1);
      } finally {
        if (peer !== store) await peer.close();
      }
    });

    it('lets exactly one of two concurrent writers with the same expected version win', async () => {
      const id = stream();
      const first = await appendDrafts(store, id, 1);
      const outcomes = await Promise.allSettled([
        appendDrafts(store, id, 1, 1, first.events[0].hash),
        appendDrafts(store, id, 1, 1, first.events[0].hash),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('appends to several streams all or nothing', async () => {
      const a = stream();
      const b = stream();
      await appendDrafts(store, b, 1);
      const head = await store.headPosition();
      const eventsA = sealEvents([draftEvent(a)], { version: 0, lastHash: GENESIS_HASH });
      const staleB = sealEvents([draftEvent(b)], { version: 0, lastHash: GENESIS_HASH });
      await expect(
        store.append([
          { streamId: a, expectedVersion: 0, events: eventsA },
          { streamId: b, expectedVersion: 0, events: staleB },
        ]),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream(a)).toEqual([]);
      expect(await store.headPosition()).toBe(head);

      const bEvents = await store.readStream(b);
      const okB = sealEvents([draftEvent(b)], { version: 1, lastHash: bEvents[0].hash });
      const result = await store.append([
        { streamId: a, expectedVersion: 0, events: eventsA },
        { streamId: b, expectedVersion: 1, events: okB },
      ]);
      expect(result.streams).toEqual([
        { streamId: a, version: 1 },
        { streamId: b, version: 2 },
      ]);
      expect(await store.readStream(a)).toHaveLength(1);
    });

    it('reads the whole log in order from a position, with a limit and a type filter', async () => {
      const start = await store.headPosition();
      const a = stream();
      const b = stream();
      await appendDrafts(store, a, 2);
      await appendDrafts(store, b, 2, 0, GENESIS_HASH, 'BodyRenamed');
      const all = await store.readAll({ after: start });
      expect(all.map((e) => e.streamId)).toEqual([a, a, b, b]);
      const positions = all.map((e) => e.position);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      expect(new Set(positions).size).toBe(4);
      expect(await store.readAll({ after: all[1].position, limit: 1 })).toEqual([all[2]]);
      const renames = await store.readAll({ after: start, types: ['BodyRenamed'] });
      expect(renames.map((e) => e.eventId)).toEqual([all[2].eventId, all[3].eventId]);
    });

    it('reads the whole log page by page, the same events as readAll', async () => {
      const start = await store.headPosition();
      for (let i = 0; i < 5; i++) await appendDrafts(store, stream(), 1);
      const pages: StoredEvent[][] = [];
      for await (const page of store.readAllPages({ after: start, pageSize: 2 })) pages.push(page);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
      expect(pages.flat()).toEqual(await store.readAll({ after: start }));
    });

    it('reads a stream from a version', async () => {
      const id = stream();
      await appendDrafts(store, id, 4);
      expect((await store.readStream(id, 3)).map((e) => e.version)).toEqual([3, 4]);
      expect(await store.readStream(`body-${randomUUID()}`)).toEqual([]);
    });

    it('finds an event by id and the events of an idempotency key', async () => {
      const id = stream();
      const key = randomUUID();
      const events = sealEvents([draftEvent(id, 'BodyEstablished', { idempotencyKey: key, requestHash: 'abc' })], {
        version: 0,
        lastHash: GENESIS_HASH,
      });
      await store.append([{ streamId: id, expectedVersion: 0, events }]);
      expect((await store.findEvent(events[0].eventId))?.streamId).toBe(id);
      expect(await store.findEvent(randomUUID())).toBeUndefined();
      const found = await store.findByIdempotencyKey(key);
      expect(found.map((e) => e.eventId)).toEqual([events[0].eventId]);
      expect(found[0].requestHash).toBe('abc');
      expect(await store.findByIdempotencyKey(randomUUID())).toEqual([]);
    });

    it('keeps every envelope field through a round trip, so the hash still verifies', async () => {
      const id = stream();
      const events = sealEvents(
        [
          draftEvent(id, 'BodyEstablished', {
            reason: '工作需要',
            justification: '确因工作需要可以适当增加',
            waivedRules: [{ rule: 'member-units', source: '市级办法 第九条', message: '超过10个' }],
            data: { name: '潍坊市防汛抗旱指挥部', aliases: ['潍坊市森林防火指挥部'], nested: { a: [1, 2, { b: null }] }, 数: 1.5 },
          }),
        ],
        { version: 0, lastHash: GENESIS_HASH },
      );
      await store.append([{ streamId: id, expectedVersion: 0, events }]);
      const [read] = await store.readStream(id);
      const { position, ...envelope } = read;
      expect(position).toBeGreaterThan(0);
      expect(envelope).toEqual(events[0]);
      expect(verifyStreamChain([read])).toEqual([]);
    });

    it('delivers past and new events to a subscriber in log order, after a position', async () => {
      const before = await store.headPosition();
      const a = stream();
      await appendDrafts(store, a, 2);
      const seen: StoredEvent[] = [];
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      const subscription = await store.subscribeAll({ after: before }, (event) => {
        seen.push(event);
        if (seen.length === 5) resolve();
      });
      try {
        const b = stream();
        await appendDrafts(store, b, 3);
        await done;
        expect(seen.map((e) => e.streamId)).toEqual([a, a, b, b, b]);
        const positions = seen.map((e) => e.position);
        expect([...positions].sort((x, y) => x - y)).toEqual(positions);
      } finally {
        await subscription.close();
      }
    });
  });
}
