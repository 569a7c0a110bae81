/**
 * A small hash router: every view and its inputs live in the address (#/registry?date=…), so a
 * view can be bookmarked, printed, sent to a colleague and reached with Back. The server only
 * has to serve index.html at `/`.
 */
import { reactive } from 'vue';

export type ViewName = 'registry' | 'quota' | 'body' | 'changes';

export interface Route {
  view: ViewName;
  /** The body id of #/body/<id>. */
  id: string;
  query: Record<string, string>;
}

const VIEWS: ViewName[] = ['registry', 'quota', 'body', 'changes'];

function parse(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, qs = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const view = (VIEWS as string[]).includes(parts[0] ?? '') ? (parts[0] as ViewName) : 'registry';
  const query: Record<string, string> = {};
  new URLSearchParams(qs).forEach((value, key) => {
    query[key] = value;
  });
  return { view, id: view === 'body' ? (parts[1] ?? '') : '', query };
}

export const route = reactive<Route>(parse(location.hash));

window.addEventListener('hashchange', () => Object.assign(route, parse(location.hash)));

export function href(view: ViewName, query: Record<string, string | undefined> = {}, id = ''): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) qs.set(k, v);
  const s = qs.toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${s ? `?${s}` : ''}`;
}

/** Changes the address; `replace` keeps Back from stepping through every keystroke. */
export function navigate(view: ViewName, query: Record<string, string | undefined> = {}, id = '', replace = false): void {
  const target = href(view, query, id);
  if (location.hash === target) return;
  if (replace) {
    history.replaceState(history.state, '', target);
    Object.assign(route, parse(target));
  } else location.hash = target;
}

/** Replaces some query values of the current view. */
export function setQuery(patch: Record<string, string | undefined>, replace = true): void {
  navigate(route.view, { ...route.query, ...patch }, route.id, replace);
}
