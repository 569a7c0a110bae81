/**
 * `npm run generate:api-types`: the dashboard's types of the API's answers, generated from the
 * OpenAPI document the server publishes (`/api/docs-json`) with openapi-typescript, into
 * apps/dashboard/src/lib/api-types.generated.ts (committed; test/e2e/api-types.e2e-spec.ts
 * fails when it is out of date). Starts the built server on a free port with empty stores.
 *
 * Usage: node scripts/generate-api-types.mjs [--check]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS from 'openapi-typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = join(root, 'apps/dashboard/src/lib/api-types.generated.ts');

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** The OpenAPI document of the built server. */
export async function fetchDocument() {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-api-types-'));
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), REGISTRY_DATA_DIR: dataDir, REGISTRY_SEED_ON_EMPTY: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; i < 400; i++) {
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
        if (answer.ok) return await answer.json();
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`服务未能启动(退出码 ${child.exitCode})`);
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error('服务 60 秒内未启动');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function generate(document) {
  const types = await openapiTS(document, { exportType: false, alphabetize: true });
  return `/* eslint-disable */\n// 由 npm run generate:api-types 自 /api/docs-json 生成，请勿手改。\n${types}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generate(await fetchDocument());
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== text) {
      console.error('apps/dashboard/src/lib/api-types.generated.ts 已过期：请运行 npm run generate:api-types');
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.error(`已生成 ${OUTPUT}`);
  }
}
