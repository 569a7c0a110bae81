import type { EventCorrected } from './correction.events.js';

interface CorrectableEvent {
  eventId: string;
  type: string;
  recordedAt: string;
  effectiveDate: string;
  documentNo: string;
  data: object;
}

/**
 * Reads a stream through its corrections: each corrected event takes the replacement
 * fields of every correction that points at it (later corrections win), and the
 * correction events themselves drop out. `knownAt` ignores corrections recorded later,
 * so an auditor sees what was believed then. Nothing is edited in place.
 */
export function applyCorrections<E extends CorrectableEvent>(events: readonly E[], knownAt?: string): E[] {
  const corrections = new Map<string, EventCorrected['data'][]>();
  for (const event of events) {
    if (event.type !== 'EventCorrected') continue;
    if (knownAt !== undefined && event.recordedAt > knownAt) continue;
    const data = event.data as EventCorrected['data'];
    const list = corrections.get(data.correctedEventId) ?? [];
    list.push(data);
    corrections.set(data.correctedEventId, list);
  }
  const result: E[] = [];
  for (const event of events) {
    if (event.type === 'EventCorrected') continue;
    const fixes = corrections.get(event.eventId);
    if (!fixes) {
      result.push(event);
      continue;
    }
    let corrected: E = event;
    for (const fix of fixes) {
      corrected = {
        ...corrected,
        effectiveDate: fix.effectiveDate ?? corrected.effectiveDate,
        documentNo: fix.documentNo ?? corrected.documentNo,
        data: { ...corrected.data, ...fix.fields },
      };
    }
    result.push(corrected);
  }
  return result;
}

