/**
 * An event log written in memory for supervision specs: stored envelopes as the write side
 * records them (positions, versions, recording times), including what the write side adds
 * to a decision that bends a rule (justification, waivedRules) and events that no rule
 * checked (records carried over from elsewhere, corrections).
 */
import { MUNICIPAL_POLICY, kindFromName, type BodyProfile, type Policy } from '#domain';
import type { StoredEvent } from '#event-store';

export const CODE = '370700';

export interface Draft {
  type: string;
  streamId: string;
  bodyId?: string;
  effectiveDate: string;
  documentNo?: string;
  data: Record<string, unknown>;
  justification?: string;
  waivedRules?: StoredEvent['waivedRules'];
  reason?: string;
}

export function profileOf(name: string, extra: Partial<BodyProfile> = {}): BodyProfile {
  const duration = extra.duration ?? 'standing';
  return {
    name,
    aliases: [],
    kind: kindFromName(name),
    series: 'government',
    duration,
    ...(duration === 'temporary' ? { termEnd: '2030-12-31', abolitionCondition: '任务完成后撤销' } : {}),
    basis: { conditions: [2], text: '跨部门协调' },
    reason: '工作需要',
    leaders: [{ title: '市长', rank: 'bureau' }],
    deputies: [{ title: '分管副市长', rank: 'deputy-bureau' }],
    members: [],
    memberUnits: ['市发展和改革委员会', '市财政局', '市应急管理局'],
    tasks: `统筹协调${name}工作`,
    duties: `研究${name}有关重大问题`,
    hostDepartment: '市政府办公室',
    ...extra,
  };
}

export class SupervisionLog {
  readonly events: StoredEvent[] = [];
  private clock: number;
  private readonly versions = new Map<string, number>();
  private seq = 0;

  constructor(
    readonly jurisdiction = CODE,
    start = '2026-01-01T00:00:00.000Z',
  ) {
    this.clock = Date.parse(start);
  }

  /** Recording time of the next append; each append moves it on by a second. */
  recordAt(instant: string): this {
    this.clock = Date.parse(instant);
    return this;
  }

  get now(): string {
    return new Date(this.clock).toISOString();
  }

  append(...drafts: Draft[]): StoredEvent[] {
    const recordedAt = new Date(this.clock).toISOString();
    this.clock += 1000;
    return drafts.map((d) => {
      const version = (this.versions.get(d.streamId) ?? 0) + 1;
      this.versions.set(d.streamId, version);
      const event: StoredEvent = {
        eventId: `e${++this.seq}`,
        type: d.type,
        schemaVersion: 1,
        streamId: d.streamId,
        version,
        jurisdiction: this.jurisdiction,
        ...(d.bodyId ? { bodyId: d.bodyId } : {}),
        effectiveDate: d.effectiveDate,
        recordedAt,
        recordedBy: '测试',
        documentNo: d.documentNo ?? `潍政字〔${d.effectiveDate.slice(0, 4)}〕${this.seq}号`,
        ...(d.reason ? { reason: d.reason } : {}),
        ...(d.justification ? { justification: d.justification } : {}),
        ...(d.waivedRules ? { waivedRules: d.waivedRules } : {}),
        correlationId: `c${this.seq}`,
        causationId: `c${this.seq}`,
        previousHash: '0'.repeat(64),
        hash: '0'.repeat(64),
        position: this.events.length + 1,
        data: d.data,
      };
      this.events.push(event);
      return event;
    });
  }

  establish(bodyId: string, date: string, name: string, extra: Partial<BodyProfile> = {}, paperwork: Partial<Draft> = {}): StoredEvent {
    return this.append({ type: 'BodyEstablished', streamId: `body-${bodyId}`, bodyId, effectiveDate: date, data: { bodyId, ...profileOf(name, extra) }, ...paperwork })[0];
  }

  adjust(bodyId: string, date: string, changes: Record<string, unknown>, paperwork: Partial<Draft> = {}): StoredEvent {
    return this.append({ type: 'BodyAdjusted', streamId: `body-${bodyId}`, bodyId, effectiveDate: date, data: { changes }, ...paperwork })[0];
  }

  rename(bodyId: string, date: string, previousName: string, newName: string): StoredEvent {
    return this.append({ type: 'BodyRenamed', streamId: `body-${bodyId}`, bodyId, effectiveDate: date, data: { previousName, newName, aliases: [] } })[0];
  }

  abolish(bodyId: string, date: string, abolitionReason = 2, disposition = 'abolished'): StoredEvent {
    return this.append({ type: 'BodyAbolished', streamId: `body-${bodyId}`, bodyId, effectiveDate: date, data: { abolitionReason, disposition } })[0];
  }

  report(bodyId: string, year: number, filedOn: string, meetingsHeld = 2): StoredEvent {
    return this.append({
      type: 'AnnualReportFiled', streamId: `body-${bodyId}`, bodyId, effectiveDate: filedOn,
      data: { year, summary: `${year}年度工作情况`, meetingsHeld, filedOn },
    })[0];
  }

  baseline(date: string, total: number, series?: 'party' | 'government', documentNo?: string): StoredEvent {
    return this.append({
      type: 'QuotaBaselineSet', streamId: `jurisdiction-${this.jurisdiction}`, effectiveDate: date,
      data: { total, ...(series ? { series } : {}) }, ...(documentNo ? { documentNo } : {}),
    })[0];
  }

  adopt(date: string, policy: Partial<Policy>, documentNo?: string): StoredEvent {
    return this.append({
      type: 'PolicyAdopted', streamId: `jurisdiction-${this.jurisdiction}`, effectiveDate: date,
      data: { policy: { ...MUNICIPAL_POLICY, ...policy } }, ...(documentNo ? { documentNo } : {}),
    })[0];
  }

  correct(target: StoredEvent, fields: Record<string, unknown>, date: string): StoredEvent {
    return this.append({
      type: 'EventCorrected', streamId: target.streamId, ...(target.bodyId ? { bodyId: target.bodyId } : {}), effectiveDate: date,
      data: { correctedEventId: target.eventId, correctedType: target.type, fields },
    })[0];
  }
}

/** A waiver as the write side records it on a decision that bends `rule`. */
export const waiver = (rule: string, message = '确因工作需要') => ({
  justification: message,
  waivedRules: [{ rule, source: '市级办法 第八条', message }],
});
