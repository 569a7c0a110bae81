import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Series } from '#domain';
import { SqliteEventStore } from '#event-store';
import { DecisionExecutor, JurisdictionBodies, foldBodyStream, type Principal } from '#registry-app';
import { formatOfficialListText } from './format-official-list.js';
import { parseOfficialList } from './parse-official-list.js';
import { planListImport, type PlannedCommand } from './plan-list-import.js';
import type { RegistryListAnswer } from './official-list.types.js';
import { SEEDS_DIR, WEIFANG_NOTICE } from './testing/weifang.js';

const seed = JSON.parse(readFileSync(join(SEEDS_DIR, 'weifang-2020', 'seed.json'), 'utf8')) as {
  jurisdiction: string;
  series: Series;
  documentNo: string;
  date: string;
  baseline: boolean;
};
const principal: Principal = { name: '潍坊市委编办', role: 'registrar', jurisdictions: [seed.jurisdiction] };

describe('importing the 潍坊 seed through the DecisionExecutor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'weifang-import-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const executor = new DecisionExecutor(store);
  const list = parseOfficialList(WEIFANG_NOTICE);
  const plan = planListImport({ ...seed, list, activeBodies: [] });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = async (commands: PlannedCommand[]) => {
    for (const { command, idempotencyKey } of commands) await executor.execute({ command, principal, idempotencyKey });
  };
  const activeNow = async () => {
    const bodies = await new JurisdictionBodies(store).activeOn(seed.jurisdiction, seed.date);
    return Promise.all(bodies.map(async (b) => foldBodyStream(await store.readStream(`body-${b.id}`))!));
  };

  it('records the baseline and the 66 bodies, refusing none', async () => {
    await run(plan.commands);
    expect((await store.readAll({ types: ['BodyEstablished'] })).length).toBe(66);
    const [baseline] = await store.readAll({ types: ['QuotaBaselineSet'] });
    // the list's own title is kept with the baseline, for exports
    expect(baseline.data).toEqual({ total: 66, standing: 55, temporary: 11, series: 'government', listTitle: '市政府议事协调机构名单' });
    expect((await activeNow()).every((b) => b.establishedBy === seed.documentNo && b.establishedOn === seed.date)).toBe(true);
  });

  it('records nothing new when imported again, or when planned against what it recorded', async () => {
    const head = await store.headPosition();
    await run(plan.commands);
    const again = planListImport({ ...seed, list, activeBodies: (await activeNow()).map((b) => ({ id: b.id, name: b.name, aliases: b.aliases, series: b.series })) });
    expect(again.items.every((i) => i.action === 'unchanged' && !i.aliasesDiffer)).toBe(true);
    expect(again.commands.map((c) => c.command.type)).toEqual(['SetQuotaBaseline']);
    await run(again.commands);
    expect(await store.headPosition()).toBe(head);
  });

  it('gives back the published list, character for character, from the registry\'s names and aliases', async () => {
    const answer: RegistryListAnswer = {
      date: seed.date,
      bodies: (await activeNow()).map((b) => ({
        id: b.id, name: b.name, aliases: b.aliases, kind: b.kind, series: b.series, duration: b.duration, establishedOn: b.establishedOn,
      })),
    };
    const published = WEIFANG_NOTICE.slice(WEIFANG_NOTICE.lastIndexOf('附件') + 2).trimEnd();
    expect(formatOfficialListText(answer, { layout: 'inline' })).toBe(published);
  });
});
