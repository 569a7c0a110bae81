/**
 * What the views read from the log: per body, the events that change its state, with the
 * merger taken from BodiesMerged alone (docs/decisions/0002-merger.md). The write-side markers
 * (BodyMergedAway, BodyAbsorbedMerger, BodyEstablished with origin 'merger') are skipped.
 */
import type { BodiesMerged, BodyEvent, BodyProfile, EventCorrected } from '#domain';
import type { StoredEvent } from '#event-store';

/** One body's view of an event: the domain event `evolveBody` folds, and where it came from. */
export interface BodyViewEvent {
  bodyId: string;
  event: BodyEvent;
  /** The stored event it comes from, corrections applied. */
  source: StoredEvent;
  position: number;
}

const BODY_STREAM_TYPES = new Set([
  'BodyEstablished',
  'BodyAdjusted',
  'BodyRenamed',
  'BodyAffiliationChanged',
  'BodyAbolished',
  'AnnualReportFiled',
]);

/** Event types the registry views never fold (write-side markers). */
export const MARKER_TYPES = new Set(['BodyMergedAway', 'BodyAbsorbedMerger']);

export function bodyIdOf(event: Pick<StoredEvent, 'bodyId' | 'streamId'>): string | undefined {
  if (event.bodyId) return event.bodyId;
  return event.streamId.startsWith('body-') ? event.streamId.slice(5) : undefined;
}

export function isMergerEstablishment(event: StoredEvent): boolean {
  return event.type === 'BodyEstablished' && (event.data as { origin?: string }).origin === 'merger';
}

/** The bodies a BodiesMerged concerns: its sources, then its target. */
export function bodiesOfMerger(event: StoredEvent): string[] {
  const data = event.data as BodiesMerged['data'];
  return [...data.sourceBodyIds, data.targetBodyId];
}

/** Translates one (corrected) stored event into the body events the views fold. */
export function toViewEvents(stored: StoredEvent): BodyViewEvent[] {
  if (BODY_STREAM_TYPES.has(stored.type)) {
    if (isMergerEstablishment(stored)) return [];
    const bodyId = bodyIdOf(stored);
    if (!bodyId) return [];
    return [{ bodyId, event: stored as unknown as BodyEvent, source: stored, position: stored.position }];
  }
  if (stored.type !== 'BodiesMerged') return [];
  const data = stored.data as BodiesMerged['data'];
  const paperwork = {
    jurisdiction: stored.jurisdiction,
    effectiveDate: stored.effectiveDate,
    documentNo: stored.documentNo,
    ...(stored.reason ? { reason: stored.reason } : {}),
  };
  const views: BodyViewEvent[] = data.sourceBodyIds.map((bodyId) => ({
    bodyId,
    source: stored,
    position: stored.position,
    event: {
      ...paperwork,
      type: 'BodyMergedAway',
      streamId: `body-${bodyId}`,
      bodyId,
      data: { mergerId: data.mergerId, targetBodyId: data.targetBodyId },
    },
  }));
  const target = data.targetBodyId;
  const established: BodyProfile | undefined = data.establishedTarget;
  views.push({
    bodyId: target,
    source: stored,
    position: stored.position,
    event: established
      ? {
          ...paperwork,
          type: 'BodyEstablished',
          streamId: `body-${target}`,
          bodyId: target,
          data: { bodyId: target, ...established, origin: 'merger', mergerId: data.mergerId },
        }
      : {
          ...paperwork,
          type: 'BodyAbsorbedMerger',
          streamId: `body-${target}`,
          bodyId: target,
          data: { mergerId: data.mergerId, sourceBodyIds: data.sourceBodyIds },
        },
  });
  return views;
}

/** Valid-time order: effective date, then log order. */
export function byValidTime(a: BodyViewEvent, b: BodyViewEvent): number {
  if (a.event.effectiveDate !== b.event.effectiveDate) return a.event.effectiveDate < b.event.effectiveDate ? -1 : 1;
  return a.position - b.position;
}

export function correctionTarget(event: StoredEvent): EventCorrected['data'] {
  return event.data as EventCorrected['data'];
}
