/**
 * The reads of docs/http-api.md, answered from the read store (one indexed query per collection, no
 * replay). Dates default to today in China time, knownAt to now.
 */
import { isLocalDate, type BodyState, type LocalDate, type MergerReason } from '#domain';
import { MERGER_REASONS } from '#domain';
import { stateFromRows } from '../projections/body-timeline.js';
import type { ChangeRecord } from '../read-documents.js';
import type { ReadStore } from '../read-store.port.js';
import { knownAtInstant, todayInChina, type Instant } from '../time/bitemporal.js';
import { registryAnswer, type RegistryAsOf } from './registry-list.js';
import { quotaTimeline, type QuotaTimeline } from './quota-timeline.js';

/** A query parameter is malformed (400 at the edge). */
export class InvalidReadQueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidReadQueryError';
  }
}

type Line<T extends ChangeRecord['type']> = Omit<Extract<ChangeRecord, { type: T }>, 'type'>;

export interface MergerLine {
  mergerId: string;
  eventId: string;
  effectiveDate: LocalDate;
  documentNo: string;
  recordedAt: string;
  reason: MergerReason;
  reasonText: string;
  sources: Array<{ id: string; name: string }>;
  target: { id: string; name: string; established: boolean };
}

/** docs/http-api.md `GET /jurisdictions/{code}/changes`. */
export interface ChangesBetween {
  jurisdiction: string;
  from: LocalDate;
  to: LocalDate;
  knownAt: Instant;
  established: Array<Line<'established'>>;
  abolished: Array<Line<'abolished'>>;
  merged: MergerLine[];
  renamed: Array<Line<'renamed'>>;
  adjusted: Array<Line<'adjusted'>>;
  affiliationChanged: Array<Line<'affiliationChanged'>>;
}

export interface QuotaBetween extends QuotaTimeline {
  jurisdiction: string;
  from: LocalDate;
  to: LocalDate;
  knownAt: Instant;
}

export class RegistryQueries {
  constructor(
    private readonly store: ReadStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The registry of a jurisdiction on `date` as known at `knownAt`. */
  async registry(jurisdiction: string, date?: string, knownAt?: string): Promise<RegistryAsOf> {
    const asOf = { date: this.date('date', date), knownAt: this.knownAt(knownAt) };
    const entries = await this.store.registryEntries(jurisdiction, asOf);
    return registryAnswer(jurisdiction, asOf.date, asOf.knownAt, entries.map((e) => e.entry));
  }

  /** The body's state on `date` as known at `knownAt`; undefined before it was established (404). */
  async bodyAsOf(bodyId: string, date?: string, knownAt?: string): Promise<BodyState | undefined> {
    const asOf = { date: this.date('date', date), knownAt: this.knownAt(knownAt) };
    const rows = await this.store.bodyStateRows(bodyId, asOf);
    const folded = stateFromRows(rows);
    if (!folded) return undefined;
    const state: BodyState = { ...folded, annualReports: [] };
    for (const { report } of rows) {
      if (!report) continue;
      state.annualReports = [...state.annualReports.filter((r) => r.year !== report.year), report];
      if (!state.lastActivityOn || report.filedOn > state.lastActivityOn) state.lastActivityOn = report.filedOn;
    }
    return state;
  }

  /** The own title of the list whose baseline is in force on `date` (imported with it), if any. */
  async listTitle(jurisdiction: string, date?: string, knownAt?: string): Promise<string | undefined> {
    const day = this.date('date', date);
    const baselines = await this.store.quotaBaselines(jurisdiction, { from: day, to: day, knownAt: this.knownAt(knownAt) });
    return baselines.find((b) => b.validFrom <= day && (b.validTo === null || b.validTo > day))?.baseline.listTitle;
  }

  /** Active count per day against the baseline in force, and the stretches over it. */
  async quota(jurisdiction: string, from: string, to: string, knownAt?: string): Promise<QuotaBetween> {
    const range = this.range(from, to, knownAt);
    const [entries, baselines] = await Promise.all([
      this.store.seriesStretchesBetween(jurisdiction, range),
      // Every baseline, not only those of the period: before the first one, the line counts what it counts.
      this.store.quotaBaselines(jurisdiction, { ...range, from: '0001-01-01', to: '9999-12-31' }),
    ]);
    return { jurisdiction, ...range, ...quotaTimeline(entries, baselines, range.from, range.to) };
  }

  /** What was established, abolished, merged, renamed, adjusted or moved between series in [from, to]. */
  async changes(jurisdiction: string, from: string, to: string, knownAt?: string): Promise<ChangesBetween> {
    const range = this.range(from, to, knownAt);
    const answer: ChangesBetween = {
      jurisdiction,
      ...range,
      established: [],
      abolished: [],
      merged: [],
      renamed: [],
      adjusted: [],
      affiliationChanged: [],
    };
    const mergers = new Map<string, MergerLine>();
    for (const change of await this.store.changes(jurisdiction, range)) {
      const { type, position: _position, ...line } = change;
      switch (change.type) {
        case 'established':
          answer.established.push(line as Line<'established'>);
          break;
        case 'abolished':
          answer.abolished.push(line as Line<'abolished'>);
          break;
        case 'renamed':
          answer.renamed.push(line as Line<'renamed'>);
          break;
        case 'adjusted':
          answer.adjusted.push(line as Line<'adjusted'>);
          break;
        case 'affiliationChanged':
          answer.affiliationChanged.push(line as Line<'affiliationChanged'>);
          break;
        case 'merged': {
          let merger = mergers.get(change.eventId);
          if (!merger) {
            merger = {
              mergerId: change.mergerId,
              eventId: change.eventId,
              effectiveDate: change.effectiveDate,
              documentNo: change.documentNo,
              recordedAt: change.recordedAt,
              reason: change.mergerReason,
              reasonText: MERGER_REASONS[change.mergerReason] ?? '',
              sources: change.sourceBodyIds.map((id) => ({ id, name: '' })),
              target: { id: change.targetBodyId, name: '', established: change.newTarget },
            };
            mergers.set(change.eventId, merger);
            answer.merged.push(merger);
          }
          if (change.role === 'target') merger.target.name = change.name;
          else {
            const source = merger.sources.find((s) => s.id === change.bodyId);
            if (source) source.name = change.name;
          }
          break;
        }
      }
      void type;
    }
    return answer;
  }

  private date(field: string, value: string | undefined): LocalDate {
    if (value === undefined || value === '') return todayInChina(this.now());
    if (!isLocalDate(value)) throw new InvalidReadQueryError(field, `${field} 须为 YYYY-MM-DD：${value}`);
    return value;
  }

  private knownAt(value: string | undefined): Instant {
    if (value === undefined || value === '') return this.now().toISOString();
    try {
      return knownAtInstant(value);
    } catch (error) {
      throw new InvalidReadQueryError('knownAt', (error as Error).message);
    }
  }

  private range(from: string, to: string, knownAt: string | undefined) {
    const range = { from: this.date('from', from), to: this.date('to', to), knownAt: this.knownAt(knownAt) };
    if (range.from > range.to) throw new InvalidReadQueryError('from', `from(${range.from}) 晚于 to(${range.to})`);
    return range;
  }
}
