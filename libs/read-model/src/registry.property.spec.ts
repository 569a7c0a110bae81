/**
 * For any valid history, the registry the projections answer equals the registry folded
 * directly from the events (replay/registry-by-replay.ts), for many dates and many moments of
 * knowledge; so do each body's state and the quota count.
 */
import fc from 'fast-check';
import { addDays, applyCorrections, baselineInForce, evolveJurisdiction, initialJurisdictionState, type JurisdictionEvent } from '#domain';
import type { StoredEvent } from '#event-store';
import { bodyByReplay, registryByReplay } from './replay/registry-by-replay.js';
import { historyArbitrary, historyFromSteps, JURISDICTIONS } from './testing/history-arbitrary.js';
import { projectInMemory, type ProjectOptions } from './testing/project-in-memory.js';
import type { RegistryQueries } from './queries/registry.queries.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);

/** Days and instants worth asking about: every one the history names, and its neighbours. */
function samples(events: readonly StoredEvent[], pick: number[]) {
  const dates = new Set<string>(['2019-12-31', '2099-01-01']);
  for (const e of events) {
    dates.add(e.effectiveDate);
    dates.add(addDays(e.effectiveDate, -1));
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

function quotaByReplay(events: readonly StoredEvent[], jurisdiction: string, date: string, knownAt: string) {
  const known = applyCorrections(events.filter((e) => e.recordedAt <= knownAt), knownAt).filter(
    (e) => e.type === 'QuotaBaselineSet' && e.streamId === `jurisdiction-${jurisdiction}`,
  );
  const state = known.reduce((s, e) => evolveJurisdiction(s, e as unknown as JurisdictionEvent), initialJurisdictionState());
  const baseline = baselineInForce(state, date);
  const registry = registryByReplay(events, jurisdiction, date, knownAt);
  const active = registry.bodies.filter((b) => !baseline?.series || b.series === baseline.series).length;
  return { active, baseline: baseline?.total ?? null };
}

async function expectSameAnswers(events: StoredEvent[], bodyIds: string[], queries: RegistryQueries, pick: number[]) {
  const { dates, instants } = samples(events, pick);
  for (const knownAt of instants) {
    for (const date of dates) {
      for (const jurisdiction of JURISDICTIONS) {
        const projected = await queries.registry(jurisdiction, date, knownAt);
        expect(projected).toEqual(registryByReplay(events, jurisdiction, date, knownAt));
      }
    }
  }
  for (const knownAt of instants.slice(0, 5)) {
    for (const date of dates.slice(0, 6)) {
      for (const bodyId of bodyIds) {
        expect(await queries.bodyAsOf(bodyId, date, knownAt)).toEqual(bodyByReplay(events, bodyId, date, knownAt));
      }
    }
    for (const jurisdiction of JURISDICTIONS) {
      const quota = await queries.quota(jurisdiction, '2019-12-01', '2022-12-31', knownAt);
      for (const date of dates.filter((d) => d >= '2019-12-01' && d <= '2022-12-31')) {
        const point = [...quota.points].reverse().find((p) => p.date <= date)!;
        expect({ date, active: point.active, baseline: point.baseline }).toEqual({ date, ...quotaByReplay(events, jurisdiction, date, knownAt) });
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

describe('registry as of any date and any moment of knowledge', () => {
  it('equals the registry folded directly from the events', async () => {
    await fc.assert(
      fc.asyncProperty(historyArbitrary(60), options, fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), async (steps, opts, pick) => {
        const { events, bodyIds } = historyFromSteps(steps);
        const projectOptions: ProjectOptions = {
          batchSize: opts.batchSize,
          fastPath: opts.fastPath,
          restartsAfter: opts.restarts,
          crashesAfter: opts.crashes,
        };
        const { queries } = await projectInMemory(events, projectOptions);
        await expectSameAnswers(events, bodyIds, queries, pick);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
