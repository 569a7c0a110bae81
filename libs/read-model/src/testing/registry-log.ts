/**
 * Writes a registry's event log in memory, the way the write side would record it (stored
 * envelopes with positions, versions and recording times), for specs and property tests.
 */
import {
  kindFromName,
  type AbolitionDisposition,
  type AbolitionReason,
  type AdjustableParts,
  type BodyProfile,
  type MergerReason,
  type Series,
} from '#domain';
import type { StoredEvent } from '#event-store';

export interface ProfileInput extends Partial<BodyProfile> {
  name: string;
}

export function profile(input: ProfileInput): BodyProfile {
  const duration = input.duration ?? 'standing';
  return {
    name: input.name,
    aliases: input.aliases ?? [],
    kind: input.kind ?? kindFromName(input.name),
    series: input.series ?? 'government',
    duration,
    ...(duration === 'temporary' ? { termEnd: input.termEnd ?? '2030-12-31', abolitionCondition: input.abolitionCondition ?? '任务完成后撤销' } : {}),
    ...(input.termEnd && duration !== 'temporary' ? { termEnd: input.termEnd } : {}),
    basis: input.basis ?? { conditions: [2], text: '跨部门协调' },
    reason: input.reason ?? '工作需要',
    leaders: input.leaders ?? [{ title: '市长' }],
    deputies: input.deputies ?? [{ title: '副市长' }],
    members: input.members ?? [],
    memberUnits: input.memberUnits ?? ['市发展改革委', '市财政局'],
    tasks: input.tasks ?? '统筹协调',
    duties: input.duties ?? `研究${input.name}有关重大问题`,
    hostDepartment: input.hostDepartment ?? '市政府办公室',
  };
}

interface WriteSide {
  jurisdiction: string;
  name: string;
  series: Series;
}

export class RegistryLog {
  readonly events: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();
  private readonly bodies = new Map<string, WriteSide>();
  private clock: number;
  private documents = 0;

  constructor(start = '2024-01-01T00:00:00.000Z') {
    this.clock = Date.parse(start);
  }

  /** The recording time of the next append (later appends move on by a second each). */
  recordAt(instant: string): this {
    this.clock = Date.parse(instant);
    return this;
  }

  get lastRecordedAt(): string {
    return this.events[this.events.length - 1]?.recordedAt ?? new Date(this.clock).toISOString();
  }

  establish(bodyId: string, date: string, input: ProfileInput & { jurisdiction?: string; origin?: 'decision' | 'import' }): StoredEvent {
    const jurisdiction = input.jurisdiction ?? '370700';
    const { jurisdiction: _j, origin, ...rest } = input;
    const p = profile(rest);
    this.bodies.set(bodyId, { jurisdiction, name: p.name, series: p.series });
    return this.append([
      { streamId: `body-${bodyId}`, type: 'BodyEstablished', jurisdiction, bodyId, date, data: { bodyId, ...p, ...(origin ? { origin } : {}) } },
    ])[0];
  }

  adjust(bodyId: string, date: string, changes: AdjustableParts): StoredEvent {
    return this.onBody(bodyId, 'BodyAdjusted', date, { changes });
  }

  rename(bodyId: string, date: string, newName: string, aliases: string[] = []): StoredEvent {
    const body = this.body(bodyId);
    const previousName = body.name;
    body.name = newName;
    return this.onBody(bodyId, 'BodyRenamed', date, { previousName, newName, aliases });
  }

  changeAffiliation(bodyId: string, date: string, to: Series): StoredEvent {
    const body = this.body(bodyId);
    const from = body.series;
    body.series = to;
    return this.onBody(bodyId, 'BodyAffiliationChanged', date, { from, to });
  }

  abolish(bodyId: string, date: string, abolitionReason: AbolitionReason = 1, disposition: AbolitionDisposition = 'abolished'): StoredEvent {
    return this.onBody(bodyId, 'BodyAbolished', date, { abolitionReason, disposition });
  }

  fileReport(bodyId: string, date: string, year: number, meetingsHeld = 2, filedOn = date): StoredEvent {
    return this.onBody(bodyId, 'AnnualReportFiled', date, { year, summary: `${year}年度工作总结`, meetingsHeld, filedOn });
  }

  /** 合并: BodiesMerged plus the write-side markers, in one append. Returns BodiesMerged. */
  merge(input: {
    mergerId: string;
    date: string;
    sources: string[];
    target: { bodyId: string } | { bodyId: string; establish: ProfileInput };
    reason?: MergerReason;
    jurisdiction?: string;
  }): StoredEvent {
    const jurisdiction = input.jurisdiction ?? this.body(input.sources[0]).jurisdiction;
    const established = 'establish' in input.target ? profile(input.target.establish) : undefined;
    const targetId = input.target.bodyId;
    if (established) this.bodies.set(targetId, { jurisdiction, name: established.name, series: established.series });
    const mergerReason = input.reason ?? 1;
    const drafts: Draft[] = [
      {
        streamId: `merger-${input.mergerId}`,
        type: 'BodiesMerged',
        jurisdiction,
        date: input.date,
        data: {
          mergerId: input.mergerId,
          mergerReason,
          sourceBodyIds: input.sources,
          targetBodyId: targetId,
          ...(established ? { establishedTarget: established } : {}),
        },
      },
      ...input.sources.map((id) => ({
        streamId: `body-${id}`,
        type: 'BodyMergedAway',
        jurisdiction,
        bodyId: id,
        date: input.date,
        data: { mergerId: input.mergerId, targetBodyId: targetId },
      })),
      established
        ? {
            streamId: `body-${targetId}`,
            type: 'BodyEstablished',
            jurisdiction,
            bodyId: targetId,
            date: input.date,
            data: { bodyId: targetId, ...established, origin: 'merger', mergerId: input.mergerId },
          }
        : {
            streamId: `body-${targetId}`,
            type: 'BodyAbsorbedMerger',
            jurisdiction,
            bodyId: targetId,
            date: input.date,
            data: { mergerId: input.mergerId, sourceBodyIds: input.sources },
          },
    ];
    return this.append(drafts)[0];
  }

  setBaseline(jurisdiction: string, date: string, total: number, extra: { standing?: number; temporary?: number; series?: Series } = {}): StoredEvent {
    return this.append([{ streamId: `jurisdiction-${jurisdiction}`, type: 'QuotaBaselineSet', jurisdiction, date, data: { total, ...extra } }])[0];
  }

  /** 更正 of an earlier event, in that event's stream. */
  correct(target: StoredEvent, fix: { fields?: Record<string, unknown>; effectiveDate?: string; documentNo?: string }, date?: string): StoredEvent {
    return this.append([
      {
        streamId: target.streamId,
        type: 'EventCorrected',
        jurisdiction: target.jurisdiction,
        ...(target.bodyId ? { bodyId: target.bodyId } : {}),
        date: date ?? new Date(this.clock).toISOString().slice(0, 10),
        data: {
          correctedEventId: target.eventId,
          correctedType: target.type,
          fields: fix.fields ?? {},
          ...(fix.effectiveDate !== undefined ? { effectiveDate: fix.effectiveDate } : {}),
          ...(fix.documentNo !== undefined ? { documentNo: fix.documentNo } : {}),
        },
      },
    ])[0];
  }

  private onBody(bodyId: string, type: string, date: string, data: Record<string, unknown>): StoredEvent {
    const body = this.body(bodyId);
    return this.append([{ streamId: `body-${bodyId}`, type, jurisdiction: body.jurisdiction, bodyId, date, data }])[0];
  }

  private body(bodyId: string): WriteSide {
    const body = this.bodies.get(bodyId);
    if (!body) throw new Error(`no body ${bodyId} in this log`);
    return body;
  }

  private append(drafts: Draft[]): StoredEvent[] {
    const recordedAt = new Date(this.clock).toISOString();
    this.clock += 1000;
    const documentNo = `潍政字〔2024〕${++this.documents}号`;
    return drafts.map((draft) => {
      const version = (this.versions.get(draft.streamId) ?? 0) + 1;
      this.versions.set(draft.streamId, version);
      const position = this.events.length + 1;
      const event: StoredEvent = {
        eventId: `event-${position}`,
        type: draft.type,
        schemaVersion: 1,
        streamId: draft.streamId,
        version,
        jurisdiction: draft.jurisdiction,
        ...(draft.bodyId ? { bodyId: draft.bodyId } : {}),
        effectiveDate: draft.date,
        recordedAt,
        recordedBy: 'registry-log',
        documentNo,
        correlationId: `c-${position}`,
        causationId: `c-${position}`,
        previousHash: '',
        hash: '',
        data: draft.data,
        position,
      };
      this.events.push(event);
      return event;
    });
  }
}

interface Draft {
  streamId: string;
  type: string;
  jurisdiction: string;
  bodyId?: string;
  date: string;
  data: Record<string, unknown>;
}
