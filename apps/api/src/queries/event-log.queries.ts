import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamIds } from '#domain';
import { verifyLog, type EventStore, type LogCheck, type LogDigest, type LogHead, type StoredEvent } from '#event-store';
import { BodyNotFoundError, JurisdictionForbiddenError, mayAccess, type Principal } from '#registry-app';
import { EVENT_STORE } from '../tokens.js';

export interface HistoryEntry {
  eventId: string;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  recordedBy: string;
  documentNo: string;
  reason?: string;
  justification?: string;
  waivedRules?: StoredEvent['waivedRules'];
  version: number;
  position: number;
  data: Record<string, unknown>;
}

/** 机构沿革 and the jurisdiction it belongs to (the read cache checks tokens against it). */
export interface BodyHistory {
  jurisdiction: string;
  entries: HistoryEntry[];
}

/** 机构沿革: every event of one body, oldest first, corrections included. */
export class GetBodyHistory extends Query<BodyHistory> {
  constructor(readonly bodyId: string, readonly principal: Principal) {
    super();
  }
}

/** The raw log in order, for auditors. */
export class GetEventLog extends Query<StoredEvent[]> {
  constructor(readonly after: number, readonly limit: number, readonly principal: Principal) {
    super();
  }
}

/** Hash-chain check over the whole log, against a digest kept before when given. */
export class VerifyIntegrity extends Query<IntegrityReport> {
  constructor(readonly against?: LogHead) {
    super();
  }
}

/** The check, and the digest of the log as it now is (to keep outside the system). */
export type IntegrityReport = Omit<LogCheck, 'head'> & { digest: LogDigest };

@Injectable()
@QueryHandler(GetBodyHistory)
export class GetBodyHistoryHandler implements IQueryHandler<GetBodyHistory, BodyHistory> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ bodyId, principal }: GetBodyHistory): Promise<BodyHistory> {
    const events = await this.store.readStream(streamIds.body(bodyId));
    if (events.length === 0) throw new BodyNotFoundError(`机构 ${bodyId}`);
    if (!mayAccess(principal, events[0].jurisdiction)) throw new JurisdictionForbiddenError(events[0].jurisdiction);
    const entries = events.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      effectiveDate: e.effectiveDate,
      recordedAt: e.recordedAt,
      recordedBy: e.recordedBy,
      documentNo: e.documentNo,
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.justification ? { justification: e.justification, waivedRules: e.waivedRules } : {}),
      version: e.version,
      position: e.position,
      data: e.data,
    }));
    return { jurisdiction: events[0].jurisdiction, entries };
  }
}

@Injectable()
@QueryHandler(GetEventLog)
export class GetEventLogHandler implements IQueryHandler<GetEventLog, StoredEvent[]> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ after, limit, principal }: GetEventLog): Promise<StoredEvent[]> {
    const events = await this.store.readAll({ after, limit });
    return events.filter((e) => mayAccess(principal, e.jurisdiction));
  }
}

@Injectable()
@QueryHandler(VerifyIntegrity)
export class VerifyIntegrityHandler implements IQueryHandler<VerifyIntegrity> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ against }: VerifyIntegrity): Promise<IntegrityReport> {
    const { head, ...check } = await verifyLog(this.store, { against });
    return { ...check, digest: { ...head, at: new Date().toISOString() } };
  }
}
