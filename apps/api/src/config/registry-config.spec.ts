import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, parseTokens } from './registry-config.js';

describe('configuration (docs/http-api.md table)', () => {
  it('without REGISTRY_TOKENS, the embedded default creates one token per role, each owner-only, and keeps them', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-config-'));
    const first = loadConfig({ REGISTRY_DATA_DIR: dataDir });
    expect(first.tokens.map((t) => [t.role, t.jurisdictions])).toEqual([['registrar', ['*']], ['auditor', ['*']], ['viewer', ['*']]]);
    expect(new Set(first.tokens.map((t) => t.token)).size).toBe(3);
    for (const grant of first.tokens) {
      const file = first.generatedTokenFiles![grant.role];
      expect(file).toBe(join(dataDir, `${grant.role}-token.txt`));
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toBe(grant.token);
    }
    const second = loadConfig({ REGISTRY_DATA_DIR: dataDir });
    expect(second.tokens).toEqual(first.tokens);
    expect(first.seedOnEmpty).toBe(true);
    expect(first.port).toBe(3000);
    expect(first.host).toBe('127.0.0.1');
  });

  it('HOST names the address to bind; a malformed one stops the start', () => {
    const tokens = '[{"token":"abcdefgh","role":"viewer","jurisdictions":["*"]}]';
    expect(loadConfig({ REGISTRY_TOKENS: tokens, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ REGISTRY_TOKENS: tokens, HOST: '::1' }).host).toBe('::1');
    expect(() => loadConfig({ REGISTRY_TOKENS: tokens, HOST: 'http://x y' })).toThrow(/HOST/);
  });

  it('a data folder from before, with the registrar token only, keeps it and gains the other two', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-config-'));
    writeFileSync(join(dataDir, 'registrar-token.txt'), 'kept-registrar-token\n', { mode: 0o600 });
    const config = loadConfig({ REGISTRY_DATA_DIR: dataDir });
    expect(config.tokens.find((t) => t.role === 'registrar')!.token).toBe('kept-registrar-token');
    expect(existsSync(join(dataDir, 'viewer-token.txt')) && existsSync(join(dataDir, 'auditor-token.txt'))).toBe(true);
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
