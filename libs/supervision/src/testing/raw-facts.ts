/**
 * Facts read off the raw events with plain loops, for checking supervision's answers
 * independently of the folds they use (no evolveBody, no view events, no timelines).
 */
import type { StoredEvent } from '#event-store';

export interface RawBody {
  id: string;
  name: string;
  series: string;
  duration: string;
  termEnd?: string;
  establishedOn: string;
  endedOn?: string;
  reports: Map<number, { filedOn: string; meetingsHeld: number }>;
}

/** Every body's facts on `date`, from the raw events in valid-time order. */
export function rawBodiesOn(events: StoredEvent[], date: string): Map<string, RawBody> {
  const bodies = new Map<string, RawBody>();
  const ordered = events.filter((e) => e.effectiveDate <= date && e.streamId.startsWith('body-'))
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position));
  for (const e of ordered) {
    const id = e.streamId.slice(5);
    const d = e.data as Record<string, any>;
    if (e.type === 'BodyEstablished') {
      bodies.set(id, { id, name: d.name, series: d.series, duration: d.duration, termEnd: d.termEnd, establishedOn: e.effectiveDate, reports: new Map() });
      continue;
    }
    const body = bodies.get(id)!;
    if (e.type === 'BodyRenamed') body.name = d.newName;
    if (e.type === 'BodyAffiliationChanged') body.series = d.to;
    if (e.type === 'BodyAdjusted') {
      if (d.changes.duration) body.duration = d.changes.duration;
      if (d.changes.termEnd) body.termEnd = d.changes.termEnd;
    }
    if (e.type === 'BodyAbolished' || e.type === 'BodyMergedAway') body.endedOn = e.effectiveDate;
    if (e.type === 'AnnualReportFiled') body.reports.set(d.year, { filedOn: d.filedOn, meetingsHeld: d.meetingsHeld });
  }
  return bodies;
}

export const active = (bodies: Map<string, RawBody>) => [...bodies.values()].filter((b) => !b.endedOn);
export const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
export const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
