/**
 * Supervision's answers over one jurisdiction: compliance on a date, the 编办's annual report,
 * campaigns, policies. Computed at query time from the jurisdiction's streams in the event
 * store (JurisdictionEventLog), folded into a JurisdictionHistory that is kept until the log
 * moves; nothing is stored besides that memo.
 */
import { isLocalDate, type LocalDate } from '#domain';
import type { EventStore } from '#event-store';
import { InvalidReadQueryError, knownAtInstant, todayInChina, type Instant } from '#read-model';
import { annualReport, type AnnualReport } from './annual-report/annual-report.js';
import { campaignList, campaignSummary, type CampaignSummary } from './campaign/campaign-summary.js';
import type { AlertOptions } from './compliance/alerts.js';
import { complianceOn, type ComplianceAnswer } from './compliance/compliance.js';
import { buildJurisdictionHistory, type JurisdictionHistory } from './history/jurisdiction-history.js';
import { JurisdictionEventLog } from './history/jurisdiction-event-log.js';

const EVERYTHING = '9999-12-31T23:59:59.999Z';

export class SupervisionQueries {
  private readonly log: JurisdictionEventLog;
  private readonly memo = new Map<string, { head: number; history: JurisdictionHistory }>();

  constructor(
    store: EventStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.log = new JurisdictionEventLog(store);
  }

  /** The jurisdiction's history as known at `knownAt` (default: everything recorded). */
  async history(jurisdiction: string, knownAt?: string): Promise<JurisdictionHistory> {
    const instant = this.knownAt(knownAt);
    if (knownAt) return buildJurisdictionHistory(jurisdiction, await this.log.eventsOf(jurisdiction), instant);
    const head = await this.log.head();
    const cached = this.memo.get(jurisdiction);
    if (cached && cached.head === head) return { ...cached.history, knownAt: instant };
    // Everything read counts (an event recorded while reading is in the log the memo stands for).
    const history = buildJurisdictionHistory(jurisdiction, await this.log.eventsOf(jurisdiction), EVERYTHING);
    this.memo.set(jurisdiction, { head, history });
    return { ...history, knownAt: instant };
  }

  async compliance(jurisdiction: string, date?: string, knownAt?: string, options: AlertOptions = {}): Promise<ComplianceAnswer> {
    const day = this.date('date', date);
    if (options.dormantAfterDays !== undefined && (!Number.isInteger(options.dormantAfterDays) || options.dormantAfterDays < 1)) {
      throw new InvalidReadQueryError('dormantDays', 'dormantDays 须为正整数');
    }
    return complianceOn(await this.history(jurisdiction, knownAt), day, options);
  }

  /**
   * The 编办's annual report of `year`: reports filed (valid time) up to `reportsAsOf`, default
   * today, count as filed.
   */
  async annualReport(jurisdiction: string, year: unknown, options: { knownAt?: string; reportsAsOf?: string; jurisdictionName?: string } = {}): Promise<AnnualReport> {
    const y = Number(year);
    if (year === undefined || year === '' || !Number.isInteger(y) || y < 1949 || y > 2999) {
      throw new InvalidReadQueryError('year', `year 须为四位年份：${String(year)}`);
    }
    const reportsAsOf = this.date('reportsAsOf', options.reportsAsOf);
    return annualReport(await this.history(jurisdiction, options.knownAt), y, { reportsAsOf, jurisdictionName: options.jurisdictionName });
  }

  /** A campaign's summary; undefined when the jurisdiction has none of that id. */
  async campaign(jurisdiction: string, campaignId: string, date?: string): Promise<CampaignSummary | undefined> {
    return campaignSummary(await this.history(jurisdiction), campaignId, this.date('date', date));
  }

  async campaigns(jurisdiction: string): Promise<CampaignSummary[]> {
    return campaignList(await this.history(jurisdiction), this.date('date', undefined));
  }

  date(field: string, value: string | undefined): LocalDate {
    if (value === undefined || value === '') return todayInChina(this.now());
    if (!isLocalDate(value)) throw new InvalidReadQueryError(field, `${field} 须为 YYYY-MM-DD：${value}`);
    return value;
  }

  knownAt(value: string | undefined): Instant {
    if (value === undefined || value === '') return this.now().toISOString();
    try {
      return knownAtInstant(value);
    } catch (error) {
      throw new InvalidReadQueryError('knownAt', (error as Error).message);
    }
  }
}
