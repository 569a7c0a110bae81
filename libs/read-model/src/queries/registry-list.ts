/** How a registry answer lists and counts its bodies (shared by the views and the replay oracle). */
import type { LocalDate } from '#domain';
import type { RegistryEntry } from '../read-documents.js';

export interface RegistryCounts {
  standing: number;
  temporary: number;
  party: number;
  government: number;
  /** Bodies established jointly by party and government; present only when there are some. */
  joint?: number;
}

/** docs/http-api.md `GET /jurisdictions/{code}/registry`. */
export interface RegistryAsOf {
  jurisdiction: string;
  date: LocalDate;
  knownAt: string;
  total: number;
  counts: RegistryCounts;
  bodies: RegistryEntry[];
}

/** Establishment order, then the published list's numbering, then name (code-point order), then id. */
export function byEstablishmentThenName(a: RegistryEntry, b: RegistryEntry): number {
  if (a.establishedOn !== b.establishedOn) return a.establishedOn < b.establishedOn ? -1 : 1;
  if (a.listing && b.listing && a.listing.number !== b.listing.number) return a.listing.number - b.listing.number;
  if (!!a.listing !== !!b.listing) return a.listing ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function registryAnswer(jurisdiction: string, date: LocalDate, knownAt: string, entries: RegistryEntry[]): RegistryAsOf {
  const bodies = [...entries].sort(byEstablishmentThenName);
  const counts: RegistryCounts = { standing: 0, temporary: 0, party: 0, government: 0 };
  for (const body of bodies) {
    counts[body.duration] += 1;
    counts[body.series] = (counts[body.series] ?? 0) + 1;
  }
  return { jurisdiction, date, knownAt, total: bodies.length, counts, bodies };
}
