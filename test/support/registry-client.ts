import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { createRegistryApp } from '../../apps/api/src/bootstrap.js';
import type { RegistryConfig, TokenGrant } from '../../apps/api/src/config/registry-config.js';

export const TOKENS = {
  registrar: 'registrar-token-370700',
  otherRegistrar: 'registrar-token-110000',
  auditor: 'auditor-token-all',
  viewer: 'viewer-token-370700',
};

export const TEST_GRANTS: TokenGrant[] = [
  { token: TOKENS.registrar, role: 'registrar', jurisdictions: ['370700', '370100'], name: '潍坊市编办登记员' },
  { token: TOKENS.otherRegistrar, role: 'registrar', jurisdictions: ['110000'], name: '北京市编办登记员' },
  { token: TOKENS.auditor, role: 'auditor', jurisdictions: ['*'], name: '审计员' },
  { token: TOKENS.viewer, role: 'viewer', jurisdictions: ['370700'], name: '看板' },
];

export interface Answer<T = any> {
  status: number;
  body: T;
}

/** A client for the HTTP API that speaks JSON and carries a token. */
export class RegistryClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  post<T = any>(path: string, body: unknown, token = TOKENS.registrar, headers: Record<string, string> = {}) {
    return this.request<T>('POST', path, { token, body, headers });
  }

  get<T = any>(path: string, token = TOKENS.auditor) {
    return this.request<T>('GET', path, { token });
  }

  async log(): Promise<any[]> {
    const all: any[] = [];
    for (;;) {
      const page = await this.get<any[]>(`/events?after=${all.at(-1)?.position ?? 0}&limit=1000`);
      all.push(...page.body);
      if (page.body.length < 1000) return all;
    }
  }
}

export interface RunningRegistry {
  app: INestApplication;
  client: RegistryClient;
  dataDir: string;
  close(): Promise<void>;
}

export function testConfig(dataDir = mkdtempSync(join(tmpdir(), 'registry-e2e-'))): RegistryConfig {
  return { port: 0, dataDir, seedOnEmpty: false, seedsDir: 'seeds', projector: true, publicRead: false, tokens: TEST_GRANTS };
}

/** The whole app in this process, on the embedded stores in a fresh folder. */
export async function startRegistry(config: RegistryConfig = testConfig()): Promise<RunningRegistry> {
  const app = await createRegistryApp(config, { logger: false });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    client: new RegistryClient(`http://127.0.0.1:${address.port}`),
    dataDir: config.dataDir,
    close: () => app.close(),
  };
}
