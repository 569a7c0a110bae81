/**
 * Reading body rows (read-documents.ts `BodyRowDocument`) the way the SQLite store's window
 * queries do, for the stores that read them in code (memory, MongoDB): a registry stretch
 * runs from a row with a list line to the next such row of its body, as known at one moment.
 */
import type { LocalDate } from '#domain';
import type { BodyRowDocument, Recorded, RegistryStretch } from './read-documents.js';

/** Valid-time order of a body's rows: effective date, then log order. */
export function byRowOrder(a: Pick<BodyRowDocument, 'validFrom' | 'position'>, b: Pick<BodyRowDocument, 'validFrom' | 'position'>): number {
  if (a.validFrom !== b.validFrom) return a.validFrom < b.validFrom ? -1 : 1;
  return a.position - b.position;
}

function stretchOf(row: Recorded<BodyRowDocument>, validTo: LocalDate | null): RegistryStretch {
  return {
    jurisdiction: row.jurisdiction,
    bodyId: row.bodyId,
    validFrom: row.validFrom,
    validTo,
    position: row.position,
    entry: row.entry!,
    recordedFrom: row.recordedFrom,
    recordedTo: row.recordedTo,
  };
}

/** Per body, its rows with a list line, in row order. */
function lineRowsByBody(rows: Iterable<Recorded<BodyRowDocument>>): Map<string, Array<Recorded<BodyRowDocument>>> {
  const byBody = new Map<string, Array<Recorded<BodyRowDocument>>>();
  for (const row of rows) {
    if (row.entry === undefined) continue;
    const list = byBody.get(row.bodyId);
    if (list) list.push(row);
    else byBody.set(row.bodyId, [row]);
  }
  for (const list of byBody.values()) list.sort(byRowOrder);
  return byBody;
}

/**
 * The registry lines on D, from the rows known at K with validFrom <= D: per body its last
 * row with a list line, unless the body left the registry by it (validTo not derived: null).
 */
export function linesOn(rows: Iterable<Recorded<BodyRowDocument>>): RegistryStretch[] {
  const lines: RegistryStretch[] = [];
  for (const list of lineRowsByBody(rows).values()) {
    const last = list[list.length - 1];
    if (last.entry) lines.push(stretchOf(last, null));
  }
  return lines;
}

/**
 * The stretches valid on some day of [from, to], from the rows known at K with validFrom <= to:
 * each row with a list line runs to the next one of its body (null: none by `to`).
 */
export function stretchesBetween(rows: Iterable<Recorded<BodyRowDocument>>, from: LocalDate): RegistryStretch[] {
  const stretches: RegistryStretch[] = [];
  for (const list of lineRowsByBody(rows).values()) {
    list.forEach((row, i) => {
      const validTo = i + 1 < list.length ? list[i + 1].validFrom : null;
      if (!row.entry) return;
      if (validTo !== null && (validTo <= from || validTo <= row.validFrom)) return;
      stretches.push(stretchOf(row, validTo));
    });
  }
  return stretches;
}
