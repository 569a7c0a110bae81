/**
 * `npm start` and `npm run cli` build first, but only what changed: the server (tsc) when a
 * TypeScript source or a config is newer than the last server build, the dashboard (vite)
 * when one of its sources (or the label table it shares, in libs/domain) is newer than the
 * last dashboard build. Comparing modification times costs a few milliseconds, so a restart
 * without changes starts at once. `npm run build` still builds everything.
 *
 * Usage: node scripts/build-if-stale.mjs [--server-only] [--force]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverStamp = join(root, 'dist/.server-build-stamp');
const dashboardStamp = join(root, 'dist/.dashboard-build-stamp');

/** The newest modification time under `paths` (files or folders), 0 when none exists. */
function newest(paths, accept = () => true) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else if (accept(path)) latest = Math.max(latest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return latest;
}
const force = process.argv.includes('--force');
const builtAt = (stamp, output) => (!force && existsSync(stamp) && existsSync(join(root, output)) ? statSync(stamp).mtimeMs : -1);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
function stamp(file) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${new Date().toISOString()}\n`);
}
const bin = (name) => join(root, 'node_modules/.bin', name);

const configs = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const serverSources = newest(['apps', 'libs', 'bench', 'seeds', ...configs], (p) => (p.endsWith('.ts') && !p.includes('/apps/dashboard/')) || configs.some((c) => p.endsWith(c)));
if (serverSources > builtAt(serverStamp, 'dist/apps/api/src/main.js')) {
  const started = Date.now();
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  stamp(serverStamp);
  console.error(`服务端已编译(${((Date.now() - started) / 1000).toFixed(1)} 秒)`);
}

if (!process.argv.includes('--server-only')) {
  const dashboardSources = newest(['apps/dashboard', 'libs/domain/src', 'package.json', 'package-lock.json']);
  if (dashboardSources > builtAt(dashboardStamp, 'dist/dashboard/index.html')) {
    const started = Date.now();
    // The bundle users get, whatever NODE_ENV the caller has (jest sets `test`, which gives Vue's development build).
    run(bin('vite'), ['build', '--config', 'apps/dashboard/vite.config.ts', '--logLevel', 'warn'], { ...process.env, NODE_ENV: 'production' });
    stamp(dashboardStamp);
    console.error(`看板已构建(${((Date.now() - started) / 1000).toFixed(1)} 秒)`);
  }
}
