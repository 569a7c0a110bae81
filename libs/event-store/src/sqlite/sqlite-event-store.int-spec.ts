import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { eventStoreContract } from '../event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'registry-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

eventStoreContract('SQLite (embedded, better-sqlite3)', async () => new SqliteEventStore(join(dir, `events-${++n}.sqlite`)), {
  // a second connection to the same file
  openPeer: async (store) => new SqliteEventStore((store as SqliteEventStore).file),
});

describe('SQLite event store shared by two processes', () => {
  const CHILD = join(process.cwd(), 'libs/event-store/src/testing/jurisdiction-race-child.ts');
  const HOOKS = join(process.cwd(), 'test/support/ts-register.mjs');

  /** A child process that has read the head and waits for `go`; `outcome` is its last line. */
  async function racer(file: string, jurisdiction: string, streamId: string) {
    const child = spawn(process.execPath, ['--import', HOOKS, CHILD, file, jurisdiction, streamId], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const ready = (await lines.next()).value as string | undefined;
    if (!ready?.startsWith('ready ')) throw new Error(`the racing process did not start: ${ready}`);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    return {
      position: Number(ready.slice('ready '.length)),
      go: () => child.stdin!.write('go\n'),
      outcome: async () => {
        const line = (await lines.next()).value as string | undefined;
        await exited;
        return line;
      },
    };
  }

  it('lets only one of two processes that read the same head append to the jurisdiction over it', async () => {
    const file = join(dir, `two-processes-${randomUUID()}.sqlite`);
    await new SqliteEventStore(file).close(); // schema in place before both open it
    const [a, b] = [`body-${randomUUID()}`, `body-${randomUUID()}`];
    const racers = await Promise.all([racer(file, '370700', a), racer(file, '370700', b)]);
    expect(racers.map((r) => r.position)).toEqual([0, 0]); // both judged the same, empty jurisdiction
    racers.forEach((r) => r.go());
    const outcomes = await Promise.all(racers.map((r) => r.outcome()));
    expect(outcomes.sort()).toEqual(['JurisdictionChangedError', 'appended']);
    const store = new SqliteEventStore(file);
    try {
      expect((await store.readAll()).map((e) => e.streamId).filter((id) => id === a || id === b)).toHaveLength(1);
    } finally {
      await store.close();
    }
  }, 60_000);
});
