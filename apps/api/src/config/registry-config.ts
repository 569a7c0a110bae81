import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import type { Principal, Role } from '#registry-app';

export interface TokenGrant extends Principal {
  token: string;
}

export interface RegistryConfig {
  /** Address the HTTP server binds to (HOST); default 127.0.0.1, this machine only. */
  host?: string;
  port: number;
  dataDir: string;
  eventStoreUrl?: string;
  mongoUrl?: string;
  seedOnEmpty: boolean;
  /** Folder of the seeds loaded by REGISTRY_SEED_ON_EMPTY and `npm run seed`. */
  seedsDir: string;
  /** This process keeps the read store current (one process per read store). */
  projector: boolean;
  /** Reads of registry views are open without a token (viewer role, all jurisdictions). */
  publicRead: boolean;
  tokens: TokenGrant[];
  /** Where the generated tokens were stored (one per role), when they were. */
  generatedTokenFiles?: Record<Role, string>;
}

export const DEFAULT_HOST = '127.0.0.1';

const ROLES: Role[] = ['registrar', 'auditor', 'viewer'];
/** Recorded as `recordedBy` (only the registrar's writes). */
const GENERATED_TOKEN_NAMES: Record<Role, string> = { registrar: '本机登记员', auditor: '本机审计员', viewer: '本机查看者' };

/** Reads the configuration of docs/http-api.md's table from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const dataDir = resolve(env.REGISTRY_DATA_DIR || './data');
  const eventStoreUrl = env.EVENTSTORE_URL || undefined;
  const mongoUrl = env.MONGO_URL || undefined;
  const embedded = !eventStoreUrl && !mongoUrl;
  // This machine only unless the operator says otherwise: the embedded default's generated
  // token may write everywhere, and the server speaks plain HTTP (put TLS in front of it).
  const host = env.HOST || DEFAULT_HOST;
  if (!isIP(host) && !/^[A-Za-z0-9.-]{1,253}$/.test(host)) throw new Error(`HOST 无效：${env.HOST}`);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  let tokens: TokenGrant[];
  let generatedTokenFiles: Record<Role, string> | undefined;
  if (env.REGISTRY_TOKENS) {
    tokens = parseTokens(env.REGISTRY_TOKENS);
  } else if (embedded) {
    // One token per role, so that an auditor and the dashboard need not hold the registrar's.
    generatedTokenFiles = { registrar: join(dataDir, 'registrar-token.txt'), auditor: join(dataDir, 'auditor-token.txt'), viewer: join(dataDir, 'viewer-token.txt') };
    tokens = ROLES.map((role) => ({ token: generatedToken(dataDir, generatedTokenFiles![role]), role, jurisdictions: ['*'], name: GENERATED_TOKEN_NAMES[role] }));
  } else {
    throw new Error('REGISTRY_TOKENS 未设置：连接外部存储(EVENTSTORE_URL / MONGO_URL)时必须配置令牌');
  }
  const seedFlag = env.REGISTRY_SEED_ON_EMPTY;
  return {
    host,
    port,
    dataDir,
    eventStoreUrl,
    mongoUrl,
    seedOnEmpty: seedFlag === undefined || seedFlag === '' ? embedded : seedFlag === 'true' || seedFlag === '1',
    seedsDir: resolve(env.REGISTRY_SEEDS_DIR || 'seeds'),
    projector: env.REGISTRY_PROJECTOR !== 'false' && env.REGISTRY_PROJECTOR !== '0',
    publicRead: env.REGISTRY_PUBLIC_READ === 'true' || env.REGISTRY_PUBLIC_READ === '1',
    tokens,
    generatedTokenFiles,
  };
}

export function parseTokens(json: string): TokenGrant[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('REGISTRY_TOKENS 须为 JSON 数组：[{"token","role","jurisdictions","name"}]');
  }
  if (!Array.isArray(parsed)) throw new Error('REGISTRY_TOKENS 须为 JSON 数组');
  return parsed.map((entry, i) => {
    const e = entry as Partial<TokenGrant>;
    if (typeof e.token !== 'string' || e.token.length < 8) throw new Error(`REGISTRY_TOKENS[${i}].token 须为至少 8 个字符的字符串`);
    if (!ROLES.includes(e.role as Role)) throw new Error(`REGISTRY_TOKENS[${i}].role 须为 ${ROLES.join('/')}`);
    if (!Array.isArray(e.jurisdictions) || !e.jurisdictions.every((j) => j === '*' || /^\d{6}$/.test(j))) {
      throw new Error(`REGISTRY_TOKENS[${i}].jurisdictions 须为六位行政区划代码的数组或 ["*"]`);
    }
    return { token: e.token, role: e.role as Role, jurisdictions: e.jurisdictions, name: e.name ?? `${e.role}-${i + 1}` };
  });
}

/** Created once, owner-only; later starts read it back. */
function generatedToken(dataDir: string, file: string): string {
  // The embedded stores and the token live here: owner-only when we create it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return token;
}
