/**
 * 总量控制基准 per jurisdiction: each baseline is in force from its effective date until the
 * next one (two on the same date: the later recorded wins, as `baselineInForce` decides).
 */
import { applyCorrections, type QuotaBaselineSet } from '#domain';
import type { StoredEvent } from '#event-store';
import { documentId, type QuotaBaselineDocument, type ViewDocument } from '../read-documents.js';

/** The baseline documents a jurisdiction's stream (baselines and their corrections) believes. */
export function quotaBaselineDocuments(jurisdiction: string, events: readonly StoredEvent[]): Map<string, ViewDocument> {
  const baselines = applyCorrections(events)
    .filter((event) => event.type === 'QuotaBaselineSet')
    .sort((a, b) => (a.effectiveDate !== b.effectiveDate ? (a.effectiveDate < b.effectiveDate ? -1 : 1) : a.position - b.position));
  const byDate = new Map<string, StoredEvent>();
  for (const event of baselines) byDate.set(event.effectiveDate, event);
  const dates = [...byDate.keys()];
  const documents = new Map<string, ViewDocument>();
  dates.forEach((date, i) => {
    const event = byDate.get(date)!;
    const data = event.data as QuotaBaselineSet['data'];
    const doc: QuotaBaselineDocument = {
      collection: 'quota_baselines',
      key: `${jurisdiction}@${date}`,
      jurisdiction,
      validFrom: date,
      validTo: dates[i + 1] ?? null,
      baseline: {
        total: data.total,
        ...(data.standing !== undefined ? { standing: data.standing } : {}),
        ...(data.temporary !== undefined ? { temporary: data.temporary } : {}),
        ...(data.series !== undefined ? { series: data.series } : {}),
        ...(data.listTitle ? { listTitle: data.listTitle } : {}),
        documentNo: event.documentNo,
        effectiveDate: event.effectiveDate,
        eventId: event.eventId,
      },
    };
    documents.set(documentId(doc), doc);
  });
  return documents;
}
