/**
 * 总量控制: for a period, the active count on each day against the baseline in force, as change
 * points, and the stretches where the count went over. Pure: fed the registry entries and
 * baselines that overlap the period (both as known at one moment).
 */
import { addDays, type LocalDate, type Series } from '#domain';
import type { QuotaBaselineDocument, SeriesStretch } from '../read-documents.js';
import { isValidOn } from '../time/bitemporal.js';

export interface QuotaPoint {
  /** From this day on (until the next point) the values below hold. */
  date: LocalDate;
  /** Bodies in the registry that day; of the baseline's series when the baseline names one. */
  active: number;
  /** The baseline's total in force that day; null when none is. */
  baseline: number | null;
  /** The series the baseline counts, when it names one. */
  series?: Series;
  /** The baseline's document, when one is in force. */
  baselineDocumentNo?: string;
}

export interface QuotaViolation {
  /** First day over the baseline. */
  from: LocalDate;
  /** Last day over the baseline (inclusive; the period's end when still over then). */
  to: LocalDate;
  /** Greatest excess in the stretch. */
  maxOver: number;
}

export interface QuotaTimeline {
  points: QuotaPoint[];
  violations: QuotaViolation[];
}

type Valid = { validFrom: LocalDate; validTo: LocalDate | null };

export function quotaTimeline(
  entries: ReadonlyArray<Pick<SeriesStretch, 'validFrom' | 'validTo' | 'entry'>>,
  baselines: ReadonlyArray<Pick<QuotaBaselineDocument, 'validFrom' | 'validTo' | 'baseline'>>,
  from: LocalDate,
  to: LocalDate,
): QuotaTimeline {
  if (from > to) return { points: [], violations: [] };
  const days = new Set<LocalDate>([from]);
  const boundaries = (doc: Valid) => {
    if (doc.validFrom > from && doc.validFrom <= to) days.add(doc.validFrom);
    if (doc.validTo !== null && doc.validTo > from && doc.validTo <= to) days.add(doc.validTo);
  };
  entries.forEach(boundaries);
  baselines.forEach(boundaries);

  // Before the first baseline there is nothing to count against, but the line counts what the
  // first baseline will count (its series), so that it does not jump when the baseline starts.
  const firstDay = baselines.reduce<LocalDate | undefined>((day, b) => (day === undefined || b.validFrom < day ? b.validFrom : day), undefined);
  const first = firstDay === undefined ? undefined : baselines.find((b) => isValidOn(b, firstDay));
  // One sweep over the change days: each entry adds one to its series where it starts (or at
  // `from`) and takes it back where it ends, instead of counting every entry on every day
  // (a 25-year line of a 100-body jurisdiction: ~3,000 days × ~3,000 entries).
  // joint (党政联合设立) bodies count only where the baseline covers every series (ADR 0009)
  const deltas = new Map<LocalDate, Record<Series, number>>();
  const delta = (day: LocalDate, series: Series, by: number) => {
    let d = deltas.get(day);
    if (!d) deltas.set(day, (d = { party: 0, government: 0, joint: 0 }));
    d[series] += by;
  };
  for (const e of entries) {
    const start = e.validFrom < from ? from : e.validFrom;
    if (start > to || (e.validTo !== null && e.validTo <= start)) continue;
    delta(start, e.entry.series, 1);
    if (e.validTo !== null && e.validTo <= to) delta(e.validTo, e.entry.series, -1);
  }
  const running: Record<Series, number> = { party: 0, government: 0, joint: 0 };

  const points: QuotaPoint[] = [];
  for (const day of [...days].sort()) {
    const d = deltas.get(day);
    if (d) {
      running.party += d.party;
      running.government += d.government;
      running.joint += d.joint;
    }
    const baseline = baselines.find((b) => isValidOn(b, day))?.baseline;
    const series = baseline ? baseline.series : first && day < first.validFrom ? first.baseline.series : undefined;
    const active = series === undefined ? running.party + running.government + running.joint : running[series];
    const point: QuotaPoint = {
      date: day,
      active,
      baseline: baseline ? baseline.total : null,
      ...(series ? { series } : {}),
      ...(baseline ? { baselineDocumentNo: baseline.documentNo } : {}),
    };
    const last = points[points.length - 1];
    if (last && last.active === point.active && last.baseline === point.baseline && last.series === point.series && last.baselineDocumentNo === point.baselineDocumentNo) continue;
    points.push(point);
  }

  const violations: QuotaViolation[] = [];
  let open: QuotaViolation | undefined;
  points.forEach((point, i) => {
    const over = point.baseline === null ? 0 : point.active - point.baseline;
    if (over > 0) {
      if (!open) {
        open = { from: point.date, to, maxOver: over };
        violations.push(open);
      } else open.maxOver = Math.max(open.maxOver, over);
    } else if (open) {
      open.to = addDays(point.date, -1);
      open = undefined;
    }
    if (i === points.length - 1 && open) open.to = to;
  });
  return { points, violations };
}
