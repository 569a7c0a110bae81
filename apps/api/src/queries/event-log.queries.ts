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

/** Events read at a time when the page is filtered to a token's jurisdictions. */
const EVENT_LOG_BATCH = 5_000;

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
    if (!mayAccess(principal, events[0].jurisdiction)) throw new JurisdictionForbiddenError(events[0].jurisdiction, 'read');
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

  /**
   * The token's jurisdictions are filtered before `limit` counts, so that a registrar of one
   * jurisdiction pages through its events; the log is read in batches until the page is full.
   */
  async execute({ after, limit, principal }: GetEventLog): Promise<StoredEvent[]> {
    if (principal.jurisdictions.includes('*')) return this.store.readAll({ after, limit });
    const page: StoredEvent[] = [];
    for (let cursor = after; page.length < limit; ) {
      const batch = await this.store.readAll({ after: cursor, limit: EVENT_LOG_BATCH });
      for (const event of batch) {
        if (mayAccess(principal, event.jurisdiction)) page.push(event);
        if (page.length === limit) break;
      }
      if (batch.length < EVENT_LOG_BATCH) break;
      cursor = batch.at(-1)!.position;
    }
    return page;
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
