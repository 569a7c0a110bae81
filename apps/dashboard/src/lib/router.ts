/**
 * Every view and its inputs live in the address (#/registry?date=…), so a view can be
 * bookmarked, printed, sent to a colleague and reached with Back. vue-router's hash history
 * keeps the address; the server only has to serve index.html at `/`. The views read the
 * current view, body id and query through `route`, and change them with `navigate`/`setQuery`.
 */
import { reactive } from 'vue';
import { createRouter, createWebHashHistory, type LocationQuery, type RouteLocationNormalized } from 'vue-router';

export type ViewName = 'registry' | 'quota' | 'body' | 'changes';

export interface Route {
  view: ViewName;
  /** The body id of #/body/<id>. */
  id: string;
  query: Record<string, string>;
}

const VIEWS: ViewName[] = ['registry', 'quota', 'body', 'changes'];
// App.vue picks the view from `route` (it keys views by token and jurisdiction), so the routes
// render nothing themselves.
const Nothing = { render: () => null };

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/registry', name: 'registry', component: Nothing },
    { path: '/quota', name: 'quota', component: Nothing },
    { path: '/body/:id?', name: 'body', component: Nothing },
    { path: '/changes', name: 'changes', component: Nothing },
    { path: '/:unknown(.*)*', redirect: (to) => ({ name: 'registry', query: to.query }) },
  ],
  // The query as URLSearchParams writes it (so addresses stay as they were: knownAt=…T09%3A00).
  parseQuery: (search) => Object.fromEntries(new URLSearchParams(search)),
  stringifyQuery: (query) => new URLSearchParams(Object.entries(query ?? {}).filter(([, v]) => typeof v === 'string' && v !== '') as Array<[string, string]>).toString(),
});

function flat(query: LocationQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') out[key] = first;
  }
  return out;
}

function fromLocation(to: RouteLocationNormalized): Route {
  const view = (VIEWS as string[]).includes(String(to.name)) ? (to.name as ViewName) : 'registry';
  const id = view === 'body' && typeof to.params.id === 'string' ? to.params.id : '';
  return { view, id, query: flat(to.query) };
}

export const route = reactive<Route>({ view: 'registry', id: '', query: {} });
router.afterEach((to) => Object.assign(route, fromLocation(to)));

function location(view: ViewName, query: Record<string, string | undefined>, id: string) {
  const q: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v) q[k] = v;
  return { name: view, params: view === 'body' && id ? { id } : {}, query: q };
}

export function href(view: ViewName, query: Record<string, string | undefined> = {}, id = ''): string {
  return router.resolve(location(view, query, id)).href;
}

/** Changes the address; `replace` keeps Back from stepping through every keystroke. */
export function navigate(view: ViewName, query: Record<string, string | undefined> = {}, id = '', replace = false): void {
  const target = location(view, query, id);
  void (replace ? router.replace(target) : router.push(target));
}

/** Replaces some query values of the current view. */
export function setQuery(patch: Record<string, string | undefined>, replace = true): void {
  navigate(route.view, { ...route.query, ...patch }, route.id, replace);
}
