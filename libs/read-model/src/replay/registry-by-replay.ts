/**
 * The registry answered by replay: fold the raw events directly, no read model. Slow, and
 * plainly right: the oracle the projections are checked against (registry.property.spec.ts),
 * and the "as-of by replay" side of the benchmark.
 *
 * As of D, known at K: only events recorded at or before K count (corrections included), each
 * read through its corrections; each body's events are folded with `evolveBody` in valid-time
 * order (effective date, then log order), the merger taken from BodiesMerged alone, up to D.
 */
import { applyCorrections, evolveBody, type BodyState, type LocalDate } from '#domain';
import type { StoredEvent } from '#event-store';
import { registryEntryOf } from '../projections/body-timeline.js';
import { byValidTime, toViewEvents, type BodyViewEvent } from '../projections/view-events.js';
import { registryAnswer, type RegistryAsOf } from '../queries/registry-list.js';
import { canonicalInstant, type Instant } from '../time/bitemporal.js';

/** Events known at `knownAt`, read through the corrections known then. */
function knownEvents(events: readonly StoredEvent[], knownAt: Instant): StoredEvent[] {
  const known = events
    .map((event) => ({ ...event, recordedAt: canonicalInstant(event.recordedAt) }))
    .filter((event) => event.recordedAt <= knownAt);
  return applyCorrections(known, knownAt);
}

function foldUpTo(views: BodyViewEvent[], date: LocalDate): BodyState | undefined {
  let state: BodyState | undefined;
  for (const view of views.sort(byValidTime)) {
    if (view.event.effectiveDate > date) break;
    state = evolveBody(state, view.event);
  }
  return state;
}

/** Every body's state on `date` as known at `knownAt`. */
export function bodiesByReplay(events: readonly StoredEvent[], date: LocalDate, knownAt: Instant): Map<string, BodyState> {
  const byBody = new Map<string, BodyViewEvent[]>();
  for (const view of knownEvents(events, knownAt).flatMap(toViewEvents)) {
    const list = byBody.get(view.bodyId) ?? [];
    list.push(view);
    byBody.set(view.bodyId, list);
  }
  const states = new Map<string, BodyState>();
  for (const [bodyId, views] of byBody) {
    const state = foldUpTo(views, date);
    if (state) states.set(bodyId, state);
  }
  return states;
}

/** The registry of `jurisdiction` on `date` as known at `knownAt`, by replay. */
export function registryByReplay(events: readonly StoredEvent[], jurisdiction: string, date: LocalDate, knownAt: Instant): RegistryAsOf {
  const entries = [...bodiesByReplay(events, date, knownAt).values()]
    .filter((state) => state.jurisdiction === jurisdiction && state.status === 'active')
    .map(registryEntryOf);
  return registryAnswer(jurisdiction, date, knownAt, entries);
}

/** One body's state on `date` as known at `knownAt`, by replay; undefined before it exists. */
export function bodyByReplay(events: readonly StoredEvent[], bodyId: string, date: LocalDate, knownAt: Instant): BodyState | undefined {
  const views = knownEvents(events, knownAt)
    .flatMap(toViewEvents)
    .filter((view) => view.bodyId === bodyId);
  return foldUpTo(views, date);
}
