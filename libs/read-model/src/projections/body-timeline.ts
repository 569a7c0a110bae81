/**
 * One body's valid-time timeline, built by folding its view events in valid-time order
 * (effective date, then log order) with the domain's `evolveBody`. Each event folded becomes
 * one `body_rows` document (read-documents.ts): the fields of the state it changed, the report
 * it filed, its change lines, and the registry line when it changed that line.
 *
 * Folding an event that sorts after all those folded before (the common case) only opens its
 * row; recomputing from all events and diffing gives the same documents.
 */
import {
  ABOLITION_DISPOSITIONS,
  ABOLITION_REASONS,
  evolveBody,
  type BodiesMerged,
  type BodyState,
  type LocalDate,
} from '#domain';
import type { BodyRowDocument, BodyVersionState, ChangeRecord, RegistryEntry, ViewDocument } from '../read-documents.js';
import { DocumentCollector, type DocumentSink } from './document-batch.js';
import { byValidTime, type BodyViewEvent } from './view-events.js';

/** Event types whose row carries the fields of the state they changed (annual reports carry the report). */
const VERSIONED_TYPES = new Set([
  'BodyEstablished',
  'BodyAdjusted',
  'BodyRenamed',
  'BodyAffiliationChanged',
  'BodyAbolished',
  'BodyMergedAway',
]);

export class BodyTimeline {
  private state: BodyState | undefined;
  /** Greatest effective date folded so far. */
  private lastDate: LocalDate | undefined;
  private lastPosition = 0;
  /** The registry line from the last event folded on, while the body is in the registry. */
  private line: RegistryEntry | undefined;

  constructor(readonly bodyId: string) {}

  /** The state after everything folded so far (the body's latest state in valid time). */
  get current(): BodyState | undefined {
    return this.state;
  }

  /** True when `view` sorts after everything folded so far, so folding it is a plain append. */
  acceptsInOrder(view: BodyViewEvent): boolean {
    return (
      this.lastDate === undefined ||
      (view.event.effectiveDate >= this.lastDate && view.position > this.lastPosition)
    );
  }

  /** Folds one event that sorts after all folded before (see acceptsInOrder): opens its row. */
  push(view: BodyViewEvent, sink: DocumentSink): void {
    const date = view.event.effectiveDate;
    const before = this.state;
    const after = evolveBody(before, view.event);
    this.state = after;
    if (this.lastDate === undefined || date > this.lastDate) this.lastDate = date;
    this.lastPosition = view.position;
    if (!after) return;

    const row: BodyRowDocument = {
      collection: 'body_rows',
      key: `${this.bodyId}@${view.position}`,
      jurisdiction: after.jurisdiction,
      bodyId: this.bodyId,
      validFrom: date,
      position: view.position,
    };
    const type = view.event.type;
    if (type === 'AnnualReportFiled') {
      const data = view.event.data;
      row.report = { year: data.year, filedOn: data.filedOn, meetingsHeld: data.meetingsHeld };
    } else if (VERSIONED_TYPES.has(type)) {
      const changed = changedFields(before, after);
      for (const _ in changed) {
        row.changed = changed;
        break;
      }
      const active = after.status === 'active';
      const line = this.line;
      // compared with the state itself: most events (adjustments) leave the list line as it is
      const unchanged = line ? active && sameEntry(line, after) : !active;
      if (!unchanged) {
        this.line = active ? registryEntryOf(after) : undefined;
        row.entry = this.line ?? null;
      }
    }
    const changes = changesOf(view, before, after);
    if (changes.length > 0) row.changes = changes;
    if (row.changed || row.report || row.changes || row.entry !== undefined) sink.open(row);
  }
}

/** Folds all of a body's view events (any order) into a timeline and the documents it believes. */
export function bodyTimelineOf(bodyId: string, views: readonly BodyViewEvent[]): { timeline: BodyTimeline; documents: Map<string, ViewDocument> } {
  const timeline = new BodyTimeline(bodyId);
  const collector = new DocumentCollector();
  for (const view of [...views].filter((v) => v.bodyId === bodyId).sort(byValidTime)) timeline.push(view, collector);
  return { timeline, documents: collector.documents };
}

export function registryEntryOf(state: BodyState): RegistryEntry {
  return {
    id: state.id,
    name: state.name,
    aliases: state.aliases ?? [],
    kind: state.kind,
    series: state.series,
    duration: state.duration,
    establishedOn: state.establishedOn,
    hostDepartment: state.hostDepartment,
    ...(state.termEnd !== undefined ? { termEnd: state.termEnd } : {}),
    ...(state.listing ? { listing: state.listing } : {}),
  };
}

/** True when the list line of `state` is `entry` (the fields a registry line shows). */
function sameEntry(entry: RegistryEntry, state: BodyState): boolean {
  const aliases = state.aliases ?? [];
  return (
    entry.name === state.name &&
    entry.kind === state.kind &&
    entry.series === state.series &&
    entry.duration === state.duration &&
    entry.establishedOn === state.establishedOn &&
    entry.hostDepartment === state.hostDepartment &&
    entry.termEnd === state.termEnd &&
    entry.aliases.length === aliases.length &&
    entry.aliases.every((alias, i) => alias === aliases[i])
  );
}

export function versionState(state: BodyState): BodyVersionState {
  const { annualReports: _reports, lastActivityOn: _last, ...rest } = state;
  return rest;
}


/**
 * The top-level fields of `after` whose value is not the one of `before` (evolveBody keeps
 * the values it does not change, so identity says what changed); the whole state when there
 * was none before.
 */
export function changedFields(before: BodyState | undefined, after: BodyState): Partial<BodyVersionState> {
  if (!before) return versionState(after);
  const changed: Record<string, unknown> = {};
  for (const key in after) {
    if (key === 'annualReports' || key === 'lastActivityOn') continue; // not versioned (see versionState)
    const value = (after as unknown as Record<string, unknown>)[key];
    if (value !== (before as unknown as Record<string, unknown>)[key]) changed[key] = value;
  }
  return changed as Partial<BodyVersionState>;
}

/** Folds rows' changed fields (in (validFrom, position) order) into the state they describe; undefined when none has any. */
export function stateFromRows(rows: ReadonlyArray<Pick<BodyRowDocument, 'changed'>>): BodyVersionState | undefined {
  let state: BodyVersionState | undefined;
  for (const row of rows) if (row.changed) state = Object.assign(state ?? ({} as BodyVersionState), row.changed);
  return state;
}

function changesOf(view: BodyViewEvent, before: BodyState | undefined, after: BodyState): ChangeRecord[] {
  const { event, source } = view;
  const fromMerger = source.type === 'BodiesMerged';
  const bodyId = view.bodyId;
  const { effectiveDate, documentNo } = event;
  const eventId = source.eventId;
  const recordedAt = source.recordedAt;
  const position = view.position;
  const line = (change: ChangeRecord): ChangeRecord => change;
  const mergerPart = (role: 'source' | 'target', name: string): ChangeRecord => {
    const data = source.data as BodiesMerged['data'];
    return line(
      {
        type: 'merged',
        eventId,
        bodyId,
        effectiveDate,
        documentNo,
        recordedAt,
        position,
        name,
        role,
        mergerId: data.mergerId,
        mergerReason: data.mergerReason,
        sourceBodyIds: data.sourceBodyIds,
        targetBodyId: data.targetBodyId,
        newTarget: data.establishedTarget !== undefined,
      },
    );
  };
  switch (event.type) {
    case 'BodyEstablished': {
      const established = line(
        {
          type: 'established',
          eventId,
          bodyId,
          effectiveDate,
          documentNo,
          recordedAt,
          position,
          name: after.name,
          kind: after.kind,
          series: after.series,
          duration: after.duration,
          origin: fromMerger ? 'merger' : (event.data.origin ?? 'decision'),
          ...(fromMerger ? { mergerId: (source.data as BodiesMerged['data']).mergerId } : {}),
        },
      );
      // the order the lines had when each was a document keyed `<event>:<body>`, `<event>:<body>:established`
      return fromMerger ? [mergerPart('target', after.name), established] : [established];
    }
    case 'AnnualReportFiled':
      return [];
  }
  if (!before) return [];
  switch (event.type) {
    case 'BodyAdjusted': {
      const fields: string[] = [];
      const changes = event.data.changes ?? {};
      for (const field in changes) if ((changes as Record<string, unknown>)[field] !== undefined) fields.push(field);
      return [line({ type: 'adjusted', eventId, bodyId, effectiveDate, documentNo, recordedAt, position, name: before.name, fields })];
    }
    case 'BodyRenamed':
      return [
        line({
          type: 'renamed',
          eventId,
          bodyId,
          effectiveDate,
          documentNo,
          recordedAt,
          position,
          previousName: event.data.previousName,
          newName: event.data.newName,
          aliases: event.data.aliases,
        }),
      ];
    case 'BodyAffiliationChanged':
      return [
        line({ type: 'affiliationChanged', eventId, bodyId, effectiveDate, documentNo, recordedAt, position, name: before.name, from: event.data.from, to: event.data.to }),
      ];
    case 'BodyAbolished':
      return [
        line({
          type: 'abolished',
          eventId,
          bodyId,
          effectiveDate,
          documentNo,
          recordedAt,
          position,
          name: before.name,
          reason: event.data.abolitionReason,
          reasonText: ABOLITION_REASONS[event.data.abolitionReason] ?? '',
          disposition: event.data.disposition,
          dispositionText: ABOLITION_DISPOSITIONS[event.data.disposition] ?? '',
        }),
      ];
    case 'BodyMergedAway':
      return fromMerger ? [mergerPart('source', before.name)] : [];
    case 'BodyAbsorbedMerger':
      return fromMerger ? [mergerPart('target', before.name)] : [];
  }
  return [];
}
