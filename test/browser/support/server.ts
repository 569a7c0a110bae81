/** The built API server (`node dist/apps/api/src/main.js`) as a child process, on a free port of 127.0.0.1. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../../support/free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MAIN = join(process.cwd(), 'dist/apps/api/src/main.js');
export const DASHBOARD_DIR = join(process.cwd(), 'dist/dashboard');

export const BROWSER_TOKENS = {
  registrar: 'browser-test-registrar',
  auditor: 'browser-test-auditor',
  viewer: 'browser-test-viewer',
};

export const BROWSER_GRANTS = [
  { token: BROWSER_TOKENS.registrar, role: 'registrar', jurisdictions: ['*'], name: '看板测试登记员' },
  { token: BROWSER_TOKENS.auditor, role: 'auditor', jurisdictions: ['*'], name: '看板测试审计员' },
  { token: BROWSER_TOKENS.viewer, role: 'viewer', jurisdictions: ['*'], name: '看板测试查看' },
];


export interface ServerProcess {
  baseUrl: string;
  port: number;
  dataDir: string;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-browser-'));
  const port = await freePort();
  let stderr = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      REGISTRY_DATA_DIR: dataDir,
      REGISTRY_TOKENS: JSON.stringify(BROWSER_GRANTS),
      REGISTRY_SEED_ON_EMPTY: 'true',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr}`);
    try {
      const health = await fetch(`${baseUrl}/api/v1/health`);
      if (health.ok) return { baseUrl, port, dataDir, stderr: () => stderr, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`server did not start within 60 s: ${stderr}`);
}
