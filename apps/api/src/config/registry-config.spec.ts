import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseTokens } from './registry-config.js';

describe('configuration (docs/http-api.md table)', () => {
  it('without REGISTRY_TOKENS, the embedded default creates one registrar token, owner-only, and keeps it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-config-'));
    const first = loadConfig({ REGISTRY_DATA_DIR: dataDir });
    expect(first.tokens).toEqual([expect.objectContaining({ role: 'registrar', jurisdictions: ['*'] })]);
    expect(first.generatedTokenFile).toBe(join(dataDir, 'registrar-token.txt'));
    expect(statSync(first.generatedTokenFile!).mode & 0o777).toBe(0o600);
    expect(readFileSync(first.generatedTokenFile!, 'utf8').trim()).toBe(first.tokens[0].token);
    const second = loadConfig({ REGISTRY_DATA_DIR: dataDir });
    expect(second.tokens[0].token).toBe(first.tokens[0].token);
    expect(first.seedOnEmpty).toBe(true);
    expect(first.port).toBe(3000);
  });

  it('refuses to start against external stores without REGISTRY_TOKENS: nothing is open to everyone', () => {
    expect(() => loadConfig({ EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false' })).toThrow(/REGISTRY_TOKENS/);
  });

  it('names the bad entry of REGISTRY_TOKENS', () => {
    expect(() => parseTokens('[{"token":"abcdefgh","role":"king","jurisdictions":["*"]}]')).toThrow(/REGISTRY_TOKENS\[0\]\.role/);
    expect(() => parseTokens('[{"token":"abcdefgh","role":"viewer","jurisdictions":["3707"]}]')).toThrow(/jurisdictions/);
    expect(() => parseTokens('nope')).toThrow(/JSON/);
    expect(parseTokens('[{"token":"abcdefgh","role":"viewer","jurisdictions":["370700"],"name":"看板"}]')).toEqual([
      { token: 'abcdefgh', role: 'viewer', jurisdictions: ['370700'], name: '看板' },
    ]);
  });

  it('REGISTRY_SEED_ON_EMPTY defaults to true only for the embedded default', () => {
    const tokens = '[{"token":"abcdefgh","role":"viewer","jurisdictions":["*"]}]';
    expect(loadConfig({ REGISTRY_TOKENS: tokens, MONGO_URL: 'mongodb://x' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ REGISTRY_TOKENS: tokens, REGISTRY_SEED_ON_EMPTY: 'false' }).seedOnEmpty).toBe(false);
  });
});
