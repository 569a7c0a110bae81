/**
 * A process on the embedded stores does not load the external stores' drivers: importing the
 * read-model and event-store libraries loads neither `mongodb` nor `@kurrent/kurrentdb-client`;
 * their factories import them only when MONGO_URL / EVENTSTORE_URL is used. Run in a fresh
 * Node process (jest's own module registry would not say what Node itself loaded).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const url = (path: string) => pathToFileURL(join(root, path)).href;

/** Which of the drivers a fresh process has loaded after running `program` (an ES module body). */
function driversLoadedBy(program: string): { mongodb: boolean; kurrentdb: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    ${program}
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    const has = (name) => loaded.some((path) => path.includes('/node_modules/' + name + '/'));
    console.log(JSON.stringify({ mongodb: has('mongodb'), kurrentdb: has('@kurrent/kurrentdb-client') }));`;
  const output = execFileSync(
    process.execPath,
    ['--conditions=source', '--import', url('test/support/ts-register.mjs'), '--input-type=module', '-e', script],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' },
  );
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

describe('the external stores’ drivers are loaded only when used', () => {
  it('importing the read-model and event-store libraries loads neither driver', () => {
    const loaded = driversLoadedBy(`
      await import(${JSON.stringify(url('libs/read-model/src/index.ts'))});
      await import(${JSON.stringify(url('libs/event-store/src/index.ts'))});`);
    expect(loaded).toEqual({ mongodb: false, kurrentdb: false });
  }, 60_000);

  it('the adapters MONGO_URL and EVENTSTORE_URL pick do load them (so the check above can see a driver)', () => {
    const loaded = driversLoadedBy(`
      await import(${JSON.stringify(url('libs/read-model/src/mongo/mongo-read-store.ts'))});
      await import(${JSON.stringify(url('libs/event-store/src/kurrentdb/kurrentdb-event-store.ts'))});`);
    expect(loaded).toEqual({ mongodb: true, kurrentdb: true });
  }, 60_000);
});
