/**
 * The projection lease against a server: MONGO_URL (MongoDB), or else FERRETDB_URL (the lease
 * needs no transaction, so the FerretDB of .ci/mongo-test-server.sh is enough), e.g.
 *   eval "$(bash .ci/mongo-test-server.sh)"   # prints FERRETDB_URL=…
 *   TEST_LAYER=int NODE_OPTIONS=--experimental-vm-modules npx jest projection-lease
 * Each test uses its own lease name in a database of this run, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { jest } from '@jest/globals';
import { MongoClient, type Db } from 'mongodb';
import { ProjectionLease, type LeaseDocument, type ProjectionLeaseOptions } from './projection-lease.js';

const url = process.env.MONGO_URL || process.env.FERRETDB_URL;

if (url) {
  jest.setTimeout(30_000);
  let client: MongoClient;
  let db: Db;
  let n = 0;
  let name: string;
  let clock: number;
  const lease = (owner: string, options: ProjectionLeaseOptions = {}) => ProjectionLease.on(db, { name, owner, ttlMs: 10_000, now: () => clock, ...options });

  beforeAll(async () => {
    client = await new MongoClient(url).connect();
    db = client.db(`lease_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });
  beforeEach(() => {
    name = `projection-${++n}`;
    clock = Date.parse('2024-01-01T00:00:00.000Z');
  });

  describe(`ProjectionLease (${process.env.MONGO_URL ? 'MONGO_URL' : 'FERRETDB_URL'})`, () => {
    it('goes to the first process that asks, and to no other while it is held', async () => {
      const a = lease('a');
      const b = lease('b');
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      expect(a.held).toBe(true);
      expect(b.held).toBe(false);
      expect(await b.holder()).toEqual({ owner: 'a', expiresAt: new Date(clock + 10_000) });
    });

    it('is renewed by its holder, which pushes the expiry on', async () => {
      const a = lease('a');
      const b = lease('b');
      await a.acquire();
      clock += 8_000;
      expect(await a.acquire()).toBe(true);
      clock += 8_000; // 16 s after the first grant, 8 s after the renewal
      expect(await b.acquire()).toBe(false);
      expect((await b.holder())?.expiresAt).toEqual(new Date(clock + 2_000));
    });

    it('passes to another process once it expires; the former holder then cannot renew it', async () => {
      const a = lease('a');
      const b = lease('b');
      await a.acquire();
      clock += 10_000;
      expect(a.held).toBe(false);
      expect(await a.holder()).toBeUndefined();
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
      expect(await a.holder()).toEqual({ owner: 'b', expiresAt: new Date(clock + 10_000) });
    });

    it('is free at once when its holder releases it; a release by another owner changes nothing', async () => {
      const a = lease('a');
      const b = lease('b');
      await a.acquire();
      await b.release();
      expect((await a.holder())?.owner).toBe('a');
      await a.release();
      expect(await a.holder()).toBeUndefined();
      expect(await b.acquire()).toBe(true);
    });

    it('keeps one document per lease name', async () => {
      await lease('a').acquire();
      await lease('b').acquire();
      clock += 20_000;
      await lease('b').acquire();
      expect(await db.collection<LeaseDocument>('leases').countDocuments({ _id: name })).toBe(1);
    });

    // FerretDB v1 (SQLite) does not apply a conditional update atomically: two contenders for an
    // expired lease both match it there. MongoDB updates one document atomically.
    (process.env.MONGO_URL ? it : it.skip)('goes to exactly one of two processes taking over an expired lease at once', async () => {
      await lease('z').acquire();
      clock += 10_000;
      for (let round = 0; round < 20; round++) {
        const contenders = [lease(`a${round}`), lease(`b${round}`)];
        const got = await Promise.all(contenders.map((c) => c.acquire()));
        expect(got.filter(Boolean)).toHaveLength(1);
        clock += 10_000;
      }
    });

    it('is maintained in the background, telling when holding starts and stops, and released on stop', async () => {
      const a = lease('a', { now: Date.now, ttlMs: 300 });
      const b = lease('b', { now: Date.now, ttlMs: 300 });
      const told: boolean[] = [];
      const changed = new Promise<void>((resolve) => {
        const keeper = a.maintain({
          onChange: (held) => {
            told.push(held);
            if (held) void (async () => {
              await new Promise((r) => setTimeout(r, 450)); // beyond one ttl: only renewals keep it
              expect(await b.acquire()).toBe(false);
              await keeper.stop();
              resolve();
            })();
          },
        });
      });
      await changed;
      expect(told).toEqual([true, false]);
      expect(await b.acquire()).toBe(true);
    });
  });
} else {
  const reason =
    'Projection lease suite skipped: neither MONGO_URL nor FERRETDB_URL is set ' +
    '(start FerretDB with `eval "$(bash .ci/mongo-test-server.sh)"`, or a MongoDB with `docker compose up -d mongodb`)';
  // Jest drops console output of a file whose tests are all skipped; stderr always shows.
  process.stderr.write(`\n${reason}\n\n`);
  describe.skip(reason, () => {
    it('runs the projection lease against a MongoDB-compatible server', () => undefined);
  });
}
