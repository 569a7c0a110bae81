/**
 * For any valid history, the registry the projections answer equals the registry computed
 * naively from the raw events (testing/naive-registry-oracle.ts, which shares no code with the
 * projections or the domain's fold), for many dates and many moments of knowledge; so do each
 * body's state and the quota count. On the in-memory read store and on the SQLite one.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '#event-store';
import { comparableBody, naiveBody, naiveQuota, naiveRegistry } from './testing/naive-registry-oracle.js';
import { historyArbitrary, historyFromSteps, JURISDICTIONS } from './testing/history-arbitrary.js';
import { projectInMemory, type ProjectOptions } from './testing/project-in-memory.js';
import { SqliteReadStore } from './sqlite/sqlite-read-store.js';
import type { RegistryQueries } from './queries/registry.queries.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
/** SQLite costs a file per run: fewer runs, the same property. */
const SQLITE_RUNS = Number(process.env.PROPERTY_RUNS_SQLITE ?? 40);

/** The day before `date` (the oracle's own arithmetic: no helper shared with the code under test). */
const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Days and instants worth asking about: every one the history names, and its neighbours. */
function samples(events: readonly StoredEvent[], pick: number[]) {
  const dates = new Set<string>(['2019-12-31', '2099-01-01']);
  for (const e of events) {
    dates.add(e.effectiveDate);
    dates.add(dayBefore(e.effectiveDate));
    const corrected = (e.data as { effectiveDate?: string }).effectiveDate;
    if (typeof corrected === 'string') dates.add(corrected);
  }
  const instants = new Set<string>(['2023-12-31T00:00:00.000Z', '2099-01-01T00:00:00.000Z']);
  for (const e of events) {
    const t = Date.parse(e.recordedAt);
    instants.add(new Date(t).toISOString());
    instants.add(new Date(t - 1).toISOString());
  }
  const choose = <T>(all: T[], n: number) => (all.length <= n ? all : pick.slice(0, n).map((p) => all[p % all.length]));
  return { dates: choose([...dates].sort(), 14), instants: choose([...instants].sort(), 14) };
}

async function expectSameAnswers(events: StoredEvent[], bodyIds: string[], queries: RegistryQueries, pick: number[]) {
  const { dates, instants } = samples(events, pick);
  for (const knownAt of instants) {
    for (const date of dates) {
      for (const jurisdiction of JURISDICTIONS) {
        const { total, counts, bodies } = await queries.registry(jurisdiction, date, knownAt);
        expect({ jurisdiction, date, knownAt, total, counts, bodies }).toEqual({ jurisdiction, date, knownAt, ...naiveRegistry(events, jurisdiction, date, knownAt) });
      }
    }
  }
  for (const knownAt of instants.slice(0, 5)) {
    for (const date of dates.slice(0, 6)) {
      for (const bodyId of bodyIds) {
        expect({ bodyId, date, knownAt, state: comparableBody(await queries.bodyAsOf(bodyId, date, knownAt)) }).toEqual({ bodyId, date, knownAt, state: naiveBody(events, bodyId, date, knownAt) });
      }
    }
    for (const jurisdiction of JURISDICTIONS) {
      const quota = await queries.quota(jurisdiction, '2019-12-01', '2022-12-31', knownAt);
      for (const date of dates.filter((d) => d >= '2019-12-01' && d <= '2022-12-31')) {
        const point = [...quota.points].reverse().find((p) => p.date <= date)!;
        expect({ jurisdiction, date, knownAt, active: point.active, baseline: point.baseline }).toEqual({ jurisdiction, date, knownAt, ...naiveQuota(events, jurisdiction, date, knownAt) });
      }
    }
  }
}

const options = fc.record({
  batchSize: fc.integer({ min: 1, max: 40 }),
  fastPath: fc.boolean(),
  restarts: fc.array(fc.nat({ max: 200 }), { maxLength: 3 }),
  crashes: fc.array(fc.nat({ max: 200 }), { maxLength: 2 }),
});

const projectOptions = (opts: { batchSize: number; fastPath: boolean; restarts: number[]; crashes: number[] }): ProjectOptions => ({
  batchSize: opts.batchSize,
  fastPath: opts.fastPath,
  restartsAfter: opts.restarts,
  crashesAfter: opts.crashes,
});

describe('registry as of any date and any moment of knowledge', () => {
  it('equals the registry computed naively from the events (in-memory read store)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(60), options, fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), async (steps, opts, pick) => {
        const { events, bodyIds } = historyFromSteps(steps);
        const { queries } = await projectInMemory(events, projectOptions(opts));
        await expectSameAnswers(events, bodyIds, queries, pick);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('equals the registry computed naively from the events (SQLite read store)', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(60), options, fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), async (steps, opts, pick) => {
        const { events, bodyIds } = historyFromSteps(steps);
        const dir = mkdtempSync(join(tmpdir(), 'registry-property-'));
        const store = SqliteReadStore.inDataDir(dir);
        try {
          const { queries } = await projectInMemory(events, { ...projectOptions(opts), store });
          await expectSameAnswers(events, bodyIds, queries, pick);
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: SQLITE_RUNS },
    );
  }, 300_000);
});
