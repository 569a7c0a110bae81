/**
 * One body's valid-time timeline, built by folding its view events in valid-time order
 * (effective date, then log order) with the domain's `evolveBody`. Each event folded opens and
 * closes the documents it changes:
 *
 * - `registry_entries`: the stretch in which the body is in the registry with the same list
 *   fields; a change of one of them on D ends the stretch on D and starts another;
 * - `body_versions`: the state from each effective date on;
 * - `annual_reports`: each report the fold applies;
 * - `changes`: one line per decision (and one per body a merger concerns).
 *
 * Folding an event that sorts after all those folded before (the common case) emits exactly
 * the change it makes; recomputing from all events and diffing gives the same documents.
 */
import {
  ABOLITION_DISPOSITIONS,
  ABOLITION_REASONS,
  evolveBody,
  type BodiesMerged,
  type BodyState,
  type LocalDate,
} from '#domain';
import type {
  BodyVersionDocument,
  BodyVersionState,
  ChangeDocument,
  ChangeRecord,
  RegistryEntry,
  RegistryEntryDocument,
  ViewDocument,
} from '../read-documents.js';
import { DocumentCollector, type DocumentSink } from './document-batch.js';
import { byValidTime, type BodyViewEvent } from './view-events.js';

/** Event types after which the body has a new version (annual reports live in their own documents). */
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
  /** The registry entry open towards the future (validTo null), while the body is in the registry. */
  private segment: RegistryEntryDocument | undefined;
  /** The latest version. */
  private version: BodyVersionDocument | undefined;
  /** The state before the latest version's date (what that version's changes are relative to). */
  private base: BodyState | undefined;

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

  /** Folds one event that sorts after all folded before (see acceptsInOrder). */
  push(view: BodyViewEvent, sink: DocumentSink): void {
    const date = view.event.effectiveDate;
    const before = this.state;
    const after = evolveBody(before, view.event);
    this.state = after;
    if (this.lastDate === undefined || date > this.lastDate) this.lastDate = date;
    this.lastPosition = view.position;
    if (!after) return;

    for (const change of changesOf(view, before, after)) sink.open(change);

    const type = view.event.type;
    if (type === 'AnnualReportFiled') {
      const data = view.event.data;
      sink.open({
        collection: 'annual_reports',
        key: view.source.eventId,
        jurisdiction: after.jurisdiction,
        bodyId: this.bodyId,
        validFrom: date,
        position: view.position,
        report: { year: data.year, filedOn: data.filedOn, meetingsHeld: data.meetingsHeld },
      });
      return;
    }
    if (!VERSIONED_TYPES.has(type)) return;

    if (this.version && this.version.validFrom === date) sink.close(this.version);
    else this.base = before;
    this.version = {
      collection: 'body_versions',
      key: `${this.bodyId}@${date}`,
      jurisdiction: after.jurisdiction,
      bodyId: this.bodyId,
      validFrom: date,
      changed: changedFields(this.base, after),
    };
    sink.open(this.version);

    const active = after.status === 'active';
    const open = this.segment;
    // compared with the state itself: most events (adjustments) leave the list line as it is
    const unchanged = open ? active && sameEntry(open.entry, after) : !active;
    if (unchanged) return;
    const entry = active ? registryEntryOf(after) : undefined;
    if (open) {
      sink.close(open);
      if (open.validFrom < date) sink.open({ ...open, validTo: date });
    }
    this.segment = entry && {
      collection: 'registry_entries',
      key: `${this.bodyId}@${date}`,
      jurisdiction: after.jurisdiction,
      bodyId: this.bodyId,
      validFrom: date,
      validTo: null,
      entry,
    };
    if (this.segment) sink.open(this.segment);
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

/** Folds versions (in validFrom order) into the state they describe. */
export function stateFromVersions(versions: ReadonlyArray<Pick<BodyVersionDocument, 'changed'>>): BodyVersionState | undefined {
  if (versions.length === 0) return undefined;
  const state = {} as BodyVersionState;
  for (const version of versions) Object.assign(state, version.changed);
  return state;
}

function changesOf(view: BodyViewEvent, before: BodyState | undefined, after: BodyState): ChangeDocument[] {
  const { event, source } = view;
  const fromMerger = source.type === 'BodiesMerged';
  const bodyId = view.bodyId;
  const { effectiveDate, documentNo } = event;
  const eventId = source.eventId;
  const recordedAt = source.recordedAt;
  const position = view.position;
  const line = (change: ChangeRecord, key = eventId): ChangeDocument => ({
    collection: 'changes',
    key,
    jurisdiction: after.jurisdiction,
    bodyId,
    effectiveDate,
    change,
  });
  const mergerPart = (role: 'source' | 'target', name: string): ChangeDocument => {
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
      `${eventId}:${bodyId}`,
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
        fromMerger ? `${eventId}:${bodyId}:established` : eventId,
      );
      return fromMerger ? [established, mergerPart('target', after.name)] : [established];
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
