import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { DecisionExecutor, JurisdictionBodies, foldBodyStream, type Principal, type WriteResult } from '#registry-app';
import { DEMO_CAMPAIGN, DEMO_JURISDICTION, buildDemoHistory } from './demo-history.js';

const principal: Principal = { name: '演示市委编办', role: 'registrar', jurisdictions: [DEMO_JURISDICTION] };
const history = buildDemoHistory();

describe('the demo history executed through the DecisionExecutor on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-history-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const executor = new DecisionExecutor(store);
  const firstAnswers: WriteResult[] = [];
  let headAfterFirstRun = 0;

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runAll(answers: WriteResult[]): Promise<void> {
    for (const { command, idempotencyKey } of history.commands) {
      try {
        answers.push(await executor.execute({ command, principal, idempotencyKey }));
      } catch (error) {
        throw new Error(`${idempotencyKey} (${command.type}) refused: ${(error as Error).message}`);
      }
    }
  }

  it('records every command, refusing none', async () => {
    await runAll(firstAnswers);
    headAfterFirstRun = await store.headPosition();
    expect(firstAnswers).toHaveLength(history.commands.length);
    expect(headAfterFirstRun).toBeGreaterThanOrEqual(history.commands.length);
  });

  it('records nothing new when run a second time, answering as the first time', async () => {
    const again: WriteResult[] = [];
    await runAll(again);
    expect(await store.headPosition()).toBe(headAfterFirstRun);
    expect(again).toEqual(firstAnswers);
  });

  it('ends 36 + 4 + 4 bodies in the 2003 campaign, leaving 52 of the 96 government bodies', async () => {
    const abolitions = (await store.readAll({ types: ['BodyAbolished'] })).filter((e) => e.documentNo === DEMO_CAMPAIGN.documentNo);
    const by = (d: string) => abolitions.filter((e) => e.data.disposition === d).length;
    expect([by('abolished'), by('delisted'), by('joint-meeting')]).toEqual([36, 4, 4]);

    // The series as it stood on the date: two bodies moved to the party series later (2006, 2019).
    const bodies = new JurisdictionBodies(store);
    const government = async (date: string) => {
      const active = await bodies.activeOn(DEMO_JURISDICTION, date);
      const states = await Promise.all(active.map(async (b) => foldBodyStream((await store.readStream(`body-${b.id}`)).filter((e) => e.effectiveDate <= date))));
      return states.filter((s) => s?.series === 'government').length;
    };
    expect(await government('2003-04-14')).toBe(96);
    expect(await government(DEMO_CAMPAIGN.date)).toBe(52);
  });

  it('records the planted near-duplicates with their justification, and the quota overruns', async () => {
    const waived = (await store.readAll()).filter((e) => e.waivedRules?.length);
    const duplicates = waived.filter((e) => e.waivedRules!.some((w) => w.rule === 'duplicate'));
    expect(duplicates.map((e) => e.idempotencyKey).sort()).toEqual([...history.plantedDuplicates].sort());
    expect(duplicates.every((e) => e.type === 'BodyEstablished' && (e.justification ?? '').length > 0)).toBe(true);
    expect(waived.some((e) => e.waivedRules!.some((w) => w.rule === 'quota'))).toBe(true);
  });

  it('leaves three temporary bodies active past their term', async () => {
    const bodies = new JurisdictionBodies(store);
    const active = await bodies.activeOn(DEMO_JURISDICTION, '2026-06-30');
    const states = await Promise.all(active.map(async (b) => foldBodyStream(await store.readStream(`body-${b.id}`))!));
    const pastTerm = states.filter((s) => s.duration === 'temporary' && s.termEnd! < '2026-06-30');
    expect(pastTerm.map((s) => s.name).sort()).toEqual([...history.pastTermAtEnd].sort());
    expect(active).toHaveLength(history.activeAtEnd);
  });
});
