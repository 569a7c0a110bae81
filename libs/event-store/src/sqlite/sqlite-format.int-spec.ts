/**
 * The SQLite file's format 2 and the log chain: a file of format 1 (the fixture, written by the
 * code before this format) is migrated on open and still verifies; deletions and rewrites are
 * found by the log chain, or by a digest kept before when the forger recomputed it too.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { appendDrafts } from '../event-store.contract.js';
import { CorruptEventError, type EventEnvelope, type StoredEvent } from '../event-store.port.js';
import { takeDigest, verifyLog } from '../log-chain.js';
import { deleteEvent, deleteStream, overwritePayload, rewriteEvent } from '../testing/tamper.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const FIXTURE = fileURLToPath(new URL('../../test-fixtures/events-format-1.sqlite', import.meta.url));
/** 28 events in 4 streams, written by format 2's code (user_version 2, indexed by (type, position)). */
const FIXTURE_2 = fileURLToPath(new URL('../../test-fixtures/events-format-2.sqlite', import.meta.url));
const FORMAT_3_INDEXES = ['events_by_id', 'events_by_idempotency_key', 'events_by_position_type', 'events_by_stream'];
const indexesOf = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL ORDER BY name")
    .all()
    .map((row) => row.name);
const dir = mkdtempSync(join(tmpdir(), 'registry-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `events-${++n}.sqlite`);

/** The fixture's events as format 1 holds them: the envelope JSON, the data JSON, the position. */
function format1Events(file: string): StoredEvent[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { position: number; envelope: string; data: string }>('SELECT position, envelope, data FROM events ORDER BY position')
      .all()
      .map((row) => ({ ...(JSON.parse(row.envelope) as StoredEvent), data: JSON.parse(row.data) as Record<string, unknown>, position: row.position }));
  } finally {
    db.close();
  }
}

describe('SQLite event file: format 3 and the migration of formats 1 and 2', () => {
  it('migrates a file of format 1 on open, in place: the same events, every hash verifying, the log chain built', async () => {
    const file = fresh();
    copyFileSync(FIXTURE, file);
    const before = format1Events(file);
    expect(before).toHaveLength(69);
    const store = new SqliteEventStore(file);
    try {
      expect(store.migration).toEqual({ from: 1, to: 3, events: 69, problems: [] });
      expect(await store.readAll()).toEqual(before);
      const check = await verifyLog(store);
      expect(check.problems).toEqual([]);
      expect(check.head).toEqual(await store.logHead());
      const last = before.at(-1)!;
      expect(await store.findEvent(last.eventId)).toEqual(last);
      expect(await store.findByIdempotencyKey(last.idempotencyKey!)).toEqual([last]);
      // the migrated log goes on: an append to a migrated stream links to its last hash
      await appendDrafts(store, last.streamId, 1, 1, last.hash);
      expect((await verifyLog(store)).problems).toEqual([]);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'events_format_1'").all()).toEqual([]);
    expect(indexesOf(db)).toEqual(FORMAT_3_INDEXES);
    db.close();
    const again = new SqliteEventStore(file);
    expect(again.migration).toBeUndefined();
    expect(await again.readAll()).toHaveLength(70);
    await again.close();
  });

  it('migrates a file of format 2 on open: the same rows, indexed by (position, type) instead of (type, position); reads by type as before', async () => {
    const file = fresh();
    copyFileSync(FIXTURE_2, file);
    const old = new Database(file, { readonly: true });
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    expect(indexesOf(old)).toContain('events_by_type');
    const rowsBefore = old.prepare('SELECT * FROM events ORDER BY position').raw(true).all();
    old.close();
    const store = new SqliteEventStore(file);
    try {
      expect(store.migration).toEqual({ from: 2, to: 3, events: 28, problems: [] });
      const all = await store.readAll();
      expect(all).toHaveLength(28);
      expect((await verifyLog(store)).problems).toEqual([]);
      for (const types of [['BodyEstablished'], ['BodyAdjusted', 'BodyRenamed'], ['AnnualReportFiled'], ['NoSuchType']]) {
        expect(await store.readAll({ types })).toEqual(all.filter((e) => types.includes(e.type)));
        expect(await store.readAll({ types, after: 10, limit: 3 })).toEqual(all.filter((e) => types.includes(e.type) && e.position > 10).slice(0, 3));
      }
      const keyed = all.find((e) => e.idempotencyKey)!;
      expect(await store.findByIdempotencyKey(keyed.idempotencyKey!)).toEqual([keyed]);
      expect(all.find((e) => 'unexpected' in e)).toBeDefined();
      // and goes on
      const last = all.filter((e) => e.streamId === all[0].streamId).at(-1)!;
      await appendDrafts(store, last.streamId, 2, last.version, last.hash, 'BodyAdjusted');
      expect((await verifyLog(store)).problems).toEqual([]);
      expect(await store.readAll({ types: ['BodyAdjusted'], after: 28 })).toHaveLength(2);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(indexesOf(db)).toEqual(FORMAT_3_INDEXES);
    expect(db.prepare('SELECT * FROM events WHERE position <= 28 ORDER BY position').raw(true).all()).toEqual(rowsBefore);
    db.close();
    const again = new SqliteEventStore(file);
    expect(again.migration).toBeUndefined();
    await again.close();
  });

  it('creates a new file in format 3', async () => {
    const file = fresh();
    await new SqliteEventStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(indexesOf(db)).toEqual(FORMAT_3_INDEXES);
    db.close();
  });

  it('refuses to migrate a format 1 file with a row it cannot read, naming it, and leaves the file as it was', () => {
    const file = fresh();
    copyFileSync(FIXTURE, file);
    const db = new Database(file);
    db.prepare('UPDATE events SET data = ? WHERE position = 5').run('{"name":');
    db.close();
    expect(() => new SqliteEventStore(file)).toThrow(/位置 5 的事件 JSON 无法解析/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(0);
    expect(after.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 69 });
    after.close();
  });
});

describe('SQLite event file: every value back as it came', () => {
  const uuid = fc.uuid().map((u) => u.toLowerCase());
  /** Each field: the kind this program writes, and the kinds a column must not turn into something else. */
  const id = fc.oneof(uuid, uuid.map((u) => u.toUpperCase()), fc.constantFrom('not-a-uuid', '0123', '', '00000000-0000-0000-0000-00000000000g', '0123456789ab-cdef-0123-4567-89abcdef'));
  const sha = fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('ABCDEF'.repeat(10) + 'abcd', 'abc', '', '0'.repeat(63)));
  const field = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
  const envelope = fc.record(
    {
      eventId: id,
      type: fc.constantFrom('BodyEstablished', 'BodyAdjusted', '数'),
      schemaVersion: fc.oneof(fc.constantFrom(1, 2), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(2 ** 60)),
      jurisdiction: fc.oneof(fc.constantFrom('370700', '0123'), fc.integer() as fc.Arbitrary<unknown>),
      bodyId: field(fc.oneof(id, fc.constant('SAME'))),
      effectiveDate: fc.oneof(fc.constantFrom('2020-03-31', '0001-01-01', '9999-12-31', '2020-02-30', '2020-1-1', '２０２０-01-01', ''), fc.integer() as fc.Arbitrary<unknown>),
      recordedAt: fc.oneof(
        fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom('2026-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '+010000-01-01T00:00:00.000Z', '2026-01-01T08:00:00.000+08:00', 'soon', '2021-02-29T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-01-01T00:00:60.000Z', '2026-01-01T00:00:00.000z'),
      ),
      recordedBy: fc.string(),
      documentNo: fc.string({ unit: 'grapheme' }),
      reason: field(fc.string({ unit: 'grapheme' })),
      justification: field(fc.string()),
      waivedRules: field(fc.array(fc.record({ rule: fc.string(), source: fc.string(), message: fc.string() }), { maxLength: 2 })),
      correlationId: id,
      causationId: fc.oneof(id, fc.constant('SAME')),
      idempotencyKey: field(fc.string({ minLength: 1 })),
      requestHash: field(sha),
      previousHash: sha,
      hash: sha,
      unknownField: field(fc.jsonValue()),
      data: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
    },
    { requiredKeys: ['eventId', 'type', 'schemaVersion', 'jurisdiction', 'effectiveDate', 'recordedAt', 'recordedBy', 'documentNo', 'correlationId', 'causationId', 'previousHash', 'hash', 'data'] },
  );

  it('keeps each envelope field and the payload exactly, whatever its kind, through an append and every read', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(envelope, async (drawn) => {
        // a store each time: the drawn event ids repeat
        const store = new SqliteEventStore(':memory:');
        try {
          const streamId = `body-${++n}`;
          const event = { ...drawn, streamId, version: 1 } as Record<string, unknown>;
          for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
          if (event.bodyId === 'SAME') event.bodyId = String(n);
          if (event.causationId === 'SAME') event.causationId = event.correlationId;
          const written = event as unknown as EventEnvelope;
          await store.append([{ streamId, expectedVersion: 0, events: [written] }]);
          const [read] = await store.readStream(streamId);
          const { position, ...back } = read;
          // as JSON carries it: -0 is 0 there, and in the hash's canonical JSON
          expect(back).toEqual(JSON.parse(JSON.stringify(written)));
          expect(JSON.stringify(back.data)).toBe(JSON.stringify(written.data));
          expect(await store.readAll({ after: position - 1, limit: 1 })).toEqual([read]);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('SQLite event file: the log chain finds what the stream chains alone did not', () => {
  /** Three streams of three events each, appended one stream after the other, and a digest then. */
  async function logOfThree() {
    const file = fresh();
    const store = new SqliteEventStore(file);
    const streams = ['body-a', 'body-b', 'body-c'];
    for (const id of streams) await appendDrafts(store, id, 3);
    const digest = await takeDigest(store);
    await store.close();
    return { file, streams, digest };
  }
  const check = async (file: string, against?: { position: number; hash: string }) => {
    const store = new SqliteEventStore(file);
    try {
      return await verifyLog(store, { against, pageSize: 2 });
    } finally {
      await store.close();
    }
  };
  const kinds = (problems: Array<{ problem: string }>) => [...new Set(problems.map((p) => p.problem))].sort();

  it('an untouched log verifies against its digest', async () => {
    const { file, digest } = await logOfThree();
    const report = await check(file, digest);
    expect(report.problems).toEqual([]);
    expect(report.against).toEqual({ position: 9, hash: digest.hash, holds: true });
    expect(report.head).toEqual({ position: 9, hash: digest.hash });
  });

  it('the newest event of a stream deleted (a stream in the middle of the log): the log chain breaks at the next event', async () => {
    const { file, digest } = await logOfThree();
    deleteEvent(file, 'body-a');
    const report = await check(file);
    expect(report.problems).toEqual([expect.objectContaining({ problem: 'log-chain-broken', position: 4, streamId: 'body-b', version: 1 })]);
    expect(kinds((await check(file, digest)).problems)).toEqual(['digest-mismatch', 'log-chain-broken']);
  });

  it('the newest event of the log deleted: the chain left is whole, the digest kept before finds it', async () => {
    const { file, digest } = await logOfThree();
    deleteEvent(file, 'body-c');
    expect((await check(file)).problems).toEqual([]);
    const report = await check(file, digest);
    expect(report.against?.holds).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ problem: 'digest-mismatch', position: 9 })]);
    expect(report.problems[0].message).toContain('日志只到位置 8');
  });

  it('a whole stream deleted: in the middle by the log chain, at the end by the digest', async () => {
    const middle = await logOfThree();
    deleteStream(middle.file, 'body-b');
    expect((await check(middle.file)).problems).toEqual([expect.objectContaining({ problem: 'log-chain-broken', position: 7, streamId: 'body-c' })]);
    const end = await logOfThree();
    deleteStream(end.file, 'body-c');
    expect((await check(end.file)).problems).toEqual([]);
    expect(kinds((await check(end.file, end.digest)).problems)).toEqual(['digest-mismatch']);
  });

  it('an event edited and its stream rehashed: the log chain finds it; with the log chain recomputed as well, the digest does', async () => {
    for (const relinkLog of [false, true]) {
      const { file, digest } = await logOfThree();
      const store = new SqliteEventStore(file);
      const all = new Map((await store.readAll()).map((e) => [e.position, e]));
      await store.close();
      rewriteEvent(file, (p) => ({ ...all.get(p)! }) as unknown as Record<string, unknown>, 5, (data) => ({ ...data, note: '改写' }), relinkLog);
      const alone = await check(file);
      // every stream chain verifies: only the log chain (when not recomputed) tells
      expect(alone.problems.filter((p) => ['hash-mismatch', 'broken-link'].includes(p.problem))).toEqual([]);
      expect(kinds(alone.problems)).toEqual(relinkLog ? [] : ['log-chain-broken']);
      const against = await check(file, digest);
      expect(against.against?.holds).toBe(false);
      expect(against.problems).toContainEqual(expect.objectContaining({ problem: 'digest-mismatch', position: 9 }));
    }
  });

  it('a row whose JSON no longer parses is named (position, stream, version) and the check goes on; reading it throws CorruptEventError', async () => {
    const { file } = await logOfThree();
    overwritePayload(file, 5, '{"note":');
    const report = await check(file);
    expect(report.events).toBe(9);
    expect(report.problems).toEqual([expect.objectContaining({ problem: 'corrupt-row', position: 5, streamId: 'body-b', version: 2 })]);
    const store = new SqliteEventStore(file);
    try {
      await expect(store.readStream('body-b')).rejects.toEqual(expect.objectContaining({ name: 'CorruptEventError', position: 5, streamId: 'body-b', version: 2 }));
      expect(await store.readStream('body-a')).toHaveLength(3);
      const pages = async () => {
        for await (const _page of store.readAllPages({ pageSize: 2 })) void _page;
      };
      await expect(pages()).rejects.toBeInstanceOf(CorruptEventError);
    } finally {
      await store.close();
    }
  });
});
