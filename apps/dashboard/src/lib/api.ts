/**
 * The only way the page talks to the server: GET requests under /api/v1 of the same origin,
 * with the viewer token (if one was entered) kept in sessionStorage. Nothing here can write.
 */
import { reactive } from 'vue';
import type { Jurisdiction } from './types';

const PREFIX = '/api/v1';
const TOKEN_KEY = 'registry.viewerToken';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Shared auth state: the app shows the token form while `needed` is true. */
export const auth = reactive({
  token: readToken(),
  needed: false,
  /** Why the last request was refused (shown above the token form). */
  problem: '',
  /** Bumped when the token changes, so that views load again. */
  generation: 0,
});

function readToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(token: string): void {
  auth.token = token.trim();
  try {
    if (auth.token) sessionStorage.setItem(TOKEN_KEY, auth.token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token lives as long as the page
  }
  auth.needed = false;
  auth.problem = '';
  auth.generation++;
}

export function clearToken(): void {
  setToken('');
}

type Params = Record<string, string | undefined | null>;

export function apiUrl(path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const qs = query.toString();
  return `${PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

async function send(path: string, params: Params, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  const response = await fetch(apiUrl(path, params), { method: 'GET', headers, credentials: 'same-origin' });
  if (response.ok) return response;
  let body: unknown;
  let message = `${response.status} ${response.statusText}`;
  try {
    body = await response.json();
    const m = (body as { message?: unknown }).message;
    if (typeof m === 'string') message = m;
    else if (Array.isArray(m)) message = m.join('；');
  } catch {
    // not JSON
  }
  if (response.status === 401) {
    auth.needed = true;
    auth.problem = auth.token ? '令牌无效或已失效，请重新输入。' : '本登记簿需要查看令牌。';
  }
  if (response.status === 403) message = `无权查看：${message}`;
  throw new ApiError(response.status, message, body);
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const response = await send(path, params, 'application/json');
  return (await response.json()) as T;
}

/** Downloads a file through fetch (so that the token goes along) and saves it under `fallbackName`. */
export async function download(path: string, params: Params, fallbackName: string): Promise<void> {
  const response = await send(path, params, '*/*');
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1];
}

/** Known jurisdictions; without the route, the demo's two codes. */
export const FALLBACK_JURISDICTIONS: Jurisdiction[] = [
  { code: '370700', name: '潍坊市' },
  { code: '370799', name: '演示辖区' },
];

export async function loadJurisdictions(): Promise<{ list: Jurisdiction[]; fromServer: boolean }> {
  const answer = await getJson<unknown>('/jurisdictions');
  const raw = Array.isArray(answer)
    ? answer
    : answer && typeof answer === 'object'
      ? ((answer as { jurisdictions?: unknown; items?: unknown }).jurisdictions ?? (answer as { items?: unknown }).items)
      : undefined;
  if (!Array.isArray(raw)) return { list: FALLBACK_JURISDICTIONS, fromServer: false };
  const list = raw
    .map((j): Jurisdiction | undefined => {
      if (typeof j === 'string') return { code: j, name: '' };
      if (j && typeof j === 'object') {
        const o = j as Record<string, unknown>;
        const code = String(o.code ?? o.jurisdiction ?? '');
        if (!/^\d{6}$/.test(code)) return undefined;
        return { code, name: typeof o.name === 'string' ? o.name : '' };
      }
      return undefined;
    })
    .filter((j): j is Jurisdiction => j !== undefined);
  return list.length ? { list, fromServer: true } : { list: FALLBACK_JURISDICTIONS, fromServer: false };
}
