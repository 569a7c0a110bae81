/**
 * The layers of docs/style.md, held by dependency-cruiser (.dependency-cruiser.cjs): the
 * repository obeys them, and a deliberate wrong import is caught.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = process.cwd();
const depcruise = (cwd: string, ...paths: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'err', ...paths], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });

describe('layers (dependency-cruiser)', () => {
  it('the repository breaks none of the rules', () => {
    const run = depcruise(ROOT, 'libs', 'apps', 'bench', 'test', 'seeds');
    expect(run.stdout + run.stderr).not.toMatch(/error /);
    expect(run.status).toBe(0);
  }, 60_000);

  it('a deliberate wrong import fails: the domain importing the event store, official-list importing supervision, the command path importing NestJS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    const file = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    try {
      file('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true } }));
      file('libs/event-store/src/index.ts', 'export const store = 1;\n');
      file('libs/supervision/src/index.ts', 'export const alerts = 1;\n');
      file('libs/domain/src/index.ts', "import { store } from '../../event-store/src/index.js';\nexport const decide = () => store;\n");
      file('libs/read-model/src/index.ts', "import { decide } from '../../domain/src/index.js';\nexport const project = decide;\n");
      file('libs/official-list/src/index.ts', "import { alerts } from '../../supervision/src/index.js';\nexport const seed = alerts;\n");
      file('libs/registry-app/src/index.ts', "import { Injectable } from '@nestjs/common';\nexport const path = Injectable;\n");
      const run = depcruise(dir, 'libs');
      expect(run.status).not.toBe(0);
      expect(run.stdout).toContain('domain-imports-nothing: libs/domain/src/index.ts → libs/event-store/src/index.ts');
      expect(run.stdout).toContain('official-list-does-not-read-supervision: libs/official-list/src/index.ts → libs/supervision/src/index.ts');
      expect(run.stdout).toContain('libraries-are-framework-free: libs/registry-app/src/index.ts → @nestjs/common');
      // The allowed direction is not reported.
      expect(run.stdout).not.toContain('libs/read-model/src/index.ts →');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
