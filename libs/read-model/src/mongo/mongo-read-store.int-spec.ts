/**
 * The ReadStore contract against a real MongoDB, when MONGO_URL names a replica set, e.g.
 *   docker compose up -d mongodb
 *   MONGO_URL='mongodb://localhost:27017/?directConnection=true' TEST_LAYER=int \
 *     NODE_OPTIONS=--experimental-vm-modules npx jest mongo-read-store
 * Every store of this file gets a fresh database (`registry_test_<id>`), dropped at the end.
 * FerretDB is not enough here: it has no multi-document transactions (see the report in
 * .ci/mongo-test-server.sh), and the adapter refuses a server that is not a replica set.
 */
import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { MongoClient, type Document } from 'mongodb';
import { readStoreContract } from '../read-store.contract.js';
import { CheckpointConflictError, StaleViewsError, type DocumentInsert, type ReadModelBatch } from '../read-store.port.js';
import { MongoReadStore, type MongoReadStoreOptions } from './mongo-read-store.js';

const url = process.env.MONGO_URL;

if (url) {
  jest.setTimeout(60_000);
  const databases: string[] = [];
  const fresh = (options: MongoReadStoreOptions = {}) => {
    const dbName = `registry_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    databases.push(dbName);
    return { dbName, connect: (more: MongoReadStoreOptions = {}) => MongoReadStore.connect(url, { ...options, ...more, dbName }) };
  };

  afterAll(async () => {
    const client = new MongoClient(url);
    try {
      for (const name of databases) await client.db(name).dropDatabase();
    } finally {
      await client.close();
    }
  });

  readStoreContract('MongoDB (MONGO_URL)', async () => fresh().connect());

  const J = '370700';
  const T = '2024-01-01T00:00:00.000Z';
  const asOf = { date: '2020-06-01', knownAt: '2099-01-01T00:00:00.000Z' };
  const doc = (bodyId: string): DocumentInsert => ({
    document: {
      collection: 'body_rows',
      key: `${bodyId}@1`,
      jurisdiction: J,
      bodyId,
      validFrom: '2020-01-01',
      position: 1,
      entry: { id: bodyId, name: bodyId, aliases: [], kind: '其他', series: 'party', duration: 'standing', establishedOn: '2020-01-01', hostDepartment: '办' },
    },
    recordedFrom: T,
    recordedTo: null,
  });
  const batch = (basedOn: number, position: number, ...bodyIds: string[]): ReadModelBatch => ({
    basedOn,
    closures: [],
    inserts: bodyIds.map(doc),
    checkpoint: { position, transactionTime: T },
  });
  const ids = async (store: MongoReadStore) => (await store.registryEntries(J, asOf)).map((d) => d.bodyId).sort();

  /** Every stage of a plan, depth first. */
  const stages = (plan: Document): Document[] => [plan, ...(plan.inputStage ? stages(plan.inputStage) : []), ...(plan.inputStages ?? []).flatMap(stages)];

  describe('MongoDB read store, beyond the contract', () => {
    it('answers the registry-as-of query from its index', async () => {
      const store = await fresh().connect();
      try {
        await store.apply(batch(0, 1, 'a', 'b'));
        const explained = await store.explainRegistryQuery();
        const scans = stages(explained.queryPlanner.winningPlan.queryPlan ?? explained.queryPlanner.winningPlan).filter((s) => s.stage === 'IXSCAN');
        expect(scans.map((s) => s.indexName)).toEqual(['by_jurisdiction']);
      } finally {
        await store.close();
      }
    });

    it('takes a live set of the previous format (its checkpoint names none) for empty, refuses to read it, and reads the rebuilt one', async () => {
      const { dbName, connect } = fresh();
      const store = await connect({ pointerTtlMs: 0 });
      try {
        await store.apply(batch(0, 1, 'old'));
        const pointer = await store.db.collection<{ _id: string; live: string }>('views').findOne({ _id: 'views' });
        await store.db.collection<{ _id: string }>('checkpoints').updateOne({ _id: pointer!.live }, { $unset: { format: '' } });
        const reopened = await connect({ pointerTtlMs: 0 });
        expect(await reopened.isEmpty()).toBe(true);
        await expect(reopened.registryEntries(J, asOf)).rejects.toBeInstanceOf(StaleViewsError);
        await expect(reopened.apply(batch(0, 2, 'x'))).rejects.toThrow(/npm run cli -- rebuild/);
        const build = await reopened.beginRebuild();
        await build.apply(batch(0, 2, 'new'));
        await build.complete();
        expect(await ids(reopened)).toEqual(['new']);
        await reopened.close();
        void dbName;
      } finally {
        await store.close();
      }
    });

    it('lets two writers race on one checkpoint: exactly one batch lands', async () => {
      const { connect } = fresh();
      const one = await connect();
      const two = await connect();
      try {
        const outcomes = await Promise.allSettled([one.apply(batch(0, 1, 'x')), two.apply(batch(0, 2, 'y'))]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const [refused] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(refused.reason).toBeInstanceOf(CheckpointConflictError);
        expect((await ids(one)).length).toBe(1);
      } finally {
        await one.close();
        await two.close();
      }
    });

    it('lets another connection see a rebuild once switched over, and drops the old collections', async () => {
      const { connect } = fresh();
      const writer = await connect({ retireAfterMs: 0 });
      const reader = await connect({ pointerTtlMs: 0 });
      try {
        await writer.apply(batch(0, 1, 'old'));
        expect(await ids(reader)).toEqual(['old']);
        const before = await writer.viewCollections();
        const build = await writer.beginRebuild();
        await build.apply(batch(0, 2, 'new'));
        expect(await ids(reader)).toEqual(['old']);
        await build.complete();
        expect(await ids(reader)).toEqual(['new']);
        expect(await reader.checkpoint()).toEqual({ position: 2, transactionTime: T });
        const after = await writer.viewCollections();
        expect(after).toHaveLength(5);
        expect(after.filter((name) => before.includes(name))).toEqual([]);
      } finally {
        await writer.close();
        await reader.close();
      }
    });

    it('keeps a replaced set for readers still holding the old pointer, and drops it once retired long enough', async () => {
      const { connect } = fresh();
      const writer = await connect({ retireAfterMs: 60_000 });
      const reader = await connect({ pointerTtlMs: 60_000 });
      try {
        await writer.apply(batch(0, 1, 'old'));
        expect(await ids(reader)).toEqual(['old']);
        await writer.reset();
        expect(await ids(writer)).toEqual([]);
        expect(await ids(reader)).toEqual(['old']); // its cached pointer still names the old, intact set
        expect(await writer.viewCollections()).toHaveLength(4);
        const later = await connect({ retireAfterMs: 0 });
        expect(await later.viewCollections()).toHaveLength(2);
        await later.close();
      } finally {
        await writer.close();
        await reader.close();
      }
    });

    it('sends a batch to the set that is live when it commits, not to the one its writer saw before', async () => {
      const { connect } = fresh();
      const follower = await connect({ pointerTtlMs: 60_000 });
      const rebuilder = await connect({ retireAfterMs: 60_000 });
      try {
        await follower.apply(batch(0, 1, 'a'));
        expect(await follower.checkpoint()).toEqual({ position: 1, transactionTime: T });
        const build = await rebuilder.beginRebuild();
        await build.apply(batch(0, 7, 'rebuilt'));
        await build.complete();
        await expect(follower.apply(batch(1, 2, 'late'))).rejects.toEqual(new CheckpointConflictError(1, 7));
        await follower.apply(batch(7, 8, 'next'));
        expect(await ids(rebuilder)).toEqual(['next', 'rebuilt']);
      } finally {
        await follower.close();
        await rebuilder.close();
      }
    });

    it('takes over a build left behind by a crash', async () => {
      const { connect } = fresh({ retireAfterMs: 0 });
      const crashed = await connect();
      await crashed.beginRebuild();
      await crashed.close();
      const store = await connect();
      try {
        const build = await store.beginRebuild();
        await build.apply(batch(0, 1, 'x'));
        await build.complete();
        expect(await ids(store)).toEqual(['x']);
        expect(await store.viewCollections()).toHaveLength(2);
      } finally {
        await store.close();
      }
    });

    it('refuses a build that another rebuild took over', async () => {
      const store = await fresh().connect();
      try {
        const first = await store.beginRebuild();
        const second = await store.beginRebuild();
        await expect(first.apply(batch(0, 1, 'x'))).rejects.toThrow(/已不在进行中/);
        await expect(first.complete()).rejects.toThrow(/已不在进行中/);
        await second.apply(batch(0, 1, 'y'));
        await second.complete();
        expect(await ids(store)).toEqual(['y']);
      } finally {
        await store.close();
      }
    });
  });
} else {
  const reason =
    'MongoDB read-store contract suite skipped: MONGO_URL is not set ' +
    '(start a single-node replica set with `docker compose up -d mongodb` and set ' +
    "MONGO_URL='mongodb://localhost:27017/?directConnection=true')";
  // Jest drops console output of a file whose tests are all skipped; stderr always shows.
  process.stderr.write(`\n${reason}\n\n`);
  describe.skip(reason, () => {
    it('runs the ReadStore contract against MongoDB', () => undefined);
  });
}
