/**
 * The shape check the store applies to every event it reads (domain eventShapeProblem) passes
 * every event the real command path writes (the whole demo history: every type) and names the
 * field of a damaged one.
 */
import { eventShapeProblem, REGISTRY_EVENT_TYPES } from '#domain';
import type { StoredEvent } from '#event-store';
import { demoStore } from './testing/demo-store.js';

describe('event shapes against the events the command path writes', () => {
  let events: StoredEvent[];
  beforeAll(async () => {
    const demo = await demoStore();
    events = await demo.store.readAll();
    await demo.close();
  }, 120_000);

  it('every event of the demo history passes', () => {
    const problems = events.map((e) => ({ position: e.position, type: e.type, problem: eventShapeProblem(e) })).filter((p) => p.problem);
    expect(problems).toEqual([]);
    const types = new Set(events.map((e) => e.type));
    // the demo covers most types; the check has a shape for each
    expect(types.size).toBeGreaterThan(8);
    for (const type of REGISTRY_EVENT_TYPES) expect(eventShapeProblem({ type, schemaVersion: 2, data: {} })).toContain('schemaVersion');
  });

  it('a damaged event is named by its field', () => {
    const established = events.find((e) => e.type === 'BodyEstablished')!;
    const { aliases: _aliases, ...withoutAliases } = established.data;
    expect(eventShapeProblem({ ...established, data: withoutAliases })).toMatch(/^data\.aliases .*缺失/);
    expect(eventShapeProblem({ ...established, data: { ...established.data, memberUnits: 'abc' } })).toMatch(/^data\.memberUnits/);
    expect(eventShapeProblem({ ...established, type: 'BodyVanished' })).toContain('未知的事件类型');
    const adjusted = events.find((e) => e.type === 'BodyAdjusted')!;
    expect(eventShapeProblem({ ...adjusted, data: { changes: { leaders: '市长' } } })).toMatch(/^data\.changes/);
  });
});
