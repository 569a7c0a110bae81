/** The demo history (libs/official-list demoHistory) executed into a temporary SQLite event store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { DEMO_JURISDICTION, buildDemoHistory, type DemoHistory, type PlannedCommand } from '#official-list';
import { DecisionExecutor, type Principal } from '#registry-app';

export const DEMO_REGISTRAR: Principal = { name: '演示市委编办', role: 'registrar', jurisdictions: [DEMO_JURISDICTION] };

export interface DemoStore {
  store: SqliteEventStore;
  executor: DecisionExecutor;
  history: DemoHistory;
  close(): Promise<void>;
}

/** Executes the demo's commands in order (those `keep` accepts) through the DecisionExecutor. */
export async function demoStore(keep: (planned: PlannedCommand) => boolean = () => true): Promise<DemoStore> {
  const dir = mkdtempSync(join(tmpdir(), 'supervision-demo-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const executor = new DecisionExecutor(store);
  const history = buildDemoHistory();
  for (const planned of history.commands.filter(keep)) {
    try {
      await executor.execute({ command: planned.command, principal: DEMO_REGISTRAR, idempotencyKey: planned.idempotencyKey });
    } catch (error) {
      throw new Error(`${planned.idempotencyKey} refused: ${(error as Error).message}`);
    }
  }
  return {
    store,
    executor,
    history,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
