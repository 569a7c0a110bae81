/**
 * The dashboard's generated API types (apps/dashboard/src/lib/api-types.generated.ts) match the
 * OpenAPI document the built server publishes: after a change to a route or a DTO, run
 * `npm run generate:api-types` and commit the result.
 */
import { execFileSync, spawnSync } from 'node:child_process';

describe('generated API types', () => {
  beforeAll(() => execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' }), 120_000);

  it('are those openapi-typescript makes of /api/docs-json today', () => {
    const run = spawnSync(process.execPath, ['scripts/generate-api-types.mjs', '--check'], { env: { ...process.env, NODE_OPTIONS: '' }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 90_000);
});
