/**
 * Loads `seeds/` (shared by the server and the CLI; it reads official-list and supervision, so it
 * lives with the apps, above both) through the registry's command path (DecisionExecutor), each command with a
 * deterministic Idempotency-Key, so a second run records nothing new.
 *
 * A folder with `seed.json` + `notice.txt` is a published list (潍坊名单 format) imported with
 * its quota baseline; a folder whose `seed.json` says `"demo": true` is the generated demo; one
 * whose `seed.json` has `"policy": {profiles, adoptions}` records policy adoptions (PolicyAdopted)
 * from the profiles of its folder (seeds/policies).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Series } from '#domain';
import type { EventStore } from '#event-store';
import { JurisdictionBodies, type DecisionExecutor, type Principal } from '#registry-app';
import { loadPolicyProfiles, policySeedCommands, type PolicySeed } from '#supervision';
import { demoHistory, parseOfficialList, planListImport, type PlannedCommand } from '#official-list';

export const SEED_PRINCIPAL: Principal = { name: '种子数据(seeds/)', role: 'registrar', jurisdictions: ['*'] };

interface ListSeed {
  jurisdiction: string;
  series: Series;
  documentNo: string;
  date: string;
  baseline?: boolean;
  jurisdictionName?: string;
}
interface DemoSeed {
  demo: true;
  randomSeed?: number;
}

export interface SeedSummary {
  seeds: Array<{ folder: string; commands: number; recorded: number }>;
  /** Events added to the log by this run (0 when everything was there already). */
  eventsRecorded: number;
}

/** Runs planned commands in order; an earlier answer for a key means "already recorded". */
export async function executePlan(executor: DecisionExecutor, plan: readonly PlannedCommand[], principal = SEED_PRINCIPAL): Promise<number> {
  let recorded = 0;
  for (const { command, idempotencyKey } of plan) {
    await executor.execute({ command, principal, idempotencyKey, requestHash: `seed:${idempotencyKey}` });
    recorded++;
  }
  return recorded;
}

export async function loadSeeds(seedsDir: string, store: EventStore, executor: DecisionExecutor, onProgress?: (line: string) => void): Promise<SeedSummary> {
  const before = await store.headPosition();
  const folders = existsSync(seedsDir) ? readdirSync(seedsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  const bodies = new JurisdictionBodies(store);
  const summary: SeedSummary = { seeds: [], eventsRecorded: 0 };
  for (const folder of folders) {
    const file = join(seedsDir, folder, 'seed.json');
    if (!existsSync(file)) continue;
    const seed = JSON.parse(readFileSync(file, 'utf8')) as ListSeed | DemoSeed | { policy: PolicySeed };
    let plan: PlannedCommand[];
    if ('policy' in seed && seed.policy) {
      const catalogue = loadPolicyProfiles(join(seedsDir, folder, seed.policy.profiles ?? 'profiles'));
      const adoptions = policySeedCommands(seed.policy, catalogue);
      onProgress?.(`载入 seeds/${folder}：${catalogue.size} 个管理办法，${adoptions.length} 项采用`);
      for (const { command, idempotencyKey } of adoptions) {
        await executor.execute({ command, principal: SEED_PRINCIPAL, idempotencyKey, requestHash: `seed:${idempotencyKey}` });
      }
      summary.seeds.push({ folder, commands: adoptions.length, recorded: adoptions.length });
      continue;
    } else if ('demo' in seed && seed.demo) {
      plan = demoHistory(seed.randomSeed);
    } else {
      const list = seed as ListSeed;
      const parsed = parseOfficialList(readFileSync(join(seedsDir, folder, 'notice.txt'), 'utf8'));
      plan = planListImport({
        list: parsed,
        jurisdiction: list.jurisdiction,
        jurisdictionName: list.jurisdictionName,
        series: list.series,
        documentNo: list.documentNo,
        date: list.date,
        baseline: list.baseline ?? false,
        activeBodies: await bodies.activeOn(list.jurisdiction, list.date),
      }).commands;
    }
    onProgress?.(`载入 seeds/${folder}：${plan.length} 项决定`);
    summary.seeds.push({ folder, commands: plan.length, recorded: await executePlan(executor, plan) });
  }
  // Positions are not counts on every store (KurrentDB's are log offsets): count the events.
  summary.eventsRecorded = before === (await store.headPosition()) ? 0 : (await store.readAll({ after: before })).length;
  return summary;
}
