import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardFiles } from './dashboard-files.js';

describe('the dashboard files beside the API', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'registry-dashboard-')), 'dashboard');
  mkdirSync(join(folder, 'api', 'v1'), { recursive: true });
  // a file where an API path would point: the API must never be answered from disk
  writeFileSync(join(folder, 'api', 'v1', 'health'), 'not the API');
  writeFileSync(join(folder, 'index.html'), '<!doctype html>');
  const middleware = dashboardFiles(folder, 'api/v1');
  const request = (url: string) => ({ url, method: 'GET', headers: {} }) as unknown as IncomingMessage;

  it('passes an API path on at once, without looking it up on disk', () => {
    let passed = false;
    const response = { setHeader: () => { throw new Error('answered from disk'); } } as unknown as ServerResponse;
    middleware(request('/api/v1/health'), response, () => (passed = true));
    expect(passed).toBe(true);
  });

  it('looks any other path up in the folder (a missing file goes on to the API, after the lookup)', async () => {
    let passed = false;
    const response = { setHeader: () => undefined } as unknown as ServerResponse;
    const done = new Promise<void>((resolve) => middleware(request('/missing.js'), response, () => ((passed = true), resolve())));
    expect(passed).toBe(false);
    await done;
    expect(passed).toBe(true);
  });
});
