import {
  applyCorrections,
  baselineInForce,
  chinaDateOf,
  defaultPolicyFor,
  evolveJurisdiction,
  initialJurisdictionState,
  policyInForce,
  streamIds,
  type AdoptPolicy,
  type BodyCommand,
  type CampaignCommand,
  type CorrectEvent,
  type DecisionContext,
  type DomainEvent,
  type JurisdictionEvent,
  type MergeBodies,
  type Policy,
  type SetQuotaBaseline,
  type SplitBody,
} from '#domain';
import { Mutex, withTimeout, type MutexInterface } from 'async-mutex';
import { ConcurrencyError, JurisdictionChangedError, newEventId, sealEvents, type EventEnvelope, type EventStore, type StoredEvent, type StreamWrite } from '#event-store';
import { JurisdictionBodies, loadStream, type LoadedStream } from './body-states.js';
import { IdempotencyKeyReusedError, JurisdictionBusyError, JurisdictionForbiddenError, StaleVersionError } from './errors.js';
import { mayAccess, type Principal } from './principal.js';

export type RegistryCommand = BodyCommand | MergeBodies | SplitBody | SetQuotaBaseline | Omit<CorrectEvent, 'today'>;
/** Supervision's decisions: a jurisdiction's policy (管理办法) and clean-up campaigns (清理规范). */
export type SupervisionCommand = AdoptPolicy | CampaignCommand;

export interface DecisionRequest<C = RegistryCommand | SupervisionCommand> {
  command: C;
  principal: Principal;
  /** The body's version the client decided on; stale gives 409. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Hash of the whole request, so that a reused key with another request is refused. */
  requestHash?: string;
  correlationId?: string;
}

/** The answer to every write (docs/http-api.md). */
export interface WriteResult {
  bodyId?: string;
  version: number;
  position: number;
  eventIds: string[];
}

/** What a slice decided: the events, and the streams (as loaded) they go to, in append order. */
export interface Decided {
  events: DomainEvent[];
  streams: LoadedStream[];
}

/**
 * One decision's own part (a slice): which streams to load, who may decide it, whether it is
 * judged against the jurisdiction's other bodies, and which decider. Everything around it
 * (idempotency, locks, retries, sealing, the append) is the DecisionPath's.
 */
export type DecisionSlice<C> = (command: C, decision: Decision) => Promise<Decided>;

export const SCHEMA_VERSION = 1;

/** Times a decision is judged again when another process recorded in its jurisdiction meanwhile. */
const ATTEMPTS = 3;

/** Thrown under a jurisdiction's lock when the request's idempotency key has been answered meanwhile. */
class AnsweredEarlier extends Error {
  constructor(readonly answer: WriteResult) {
    super('answered earlier');
  }
}

/**
 * What a slice may do during one attempt of its decision. Holds the locks it took and what the
 * append must check.
 */
export class Decision {
  readonly releases: Array<() => void> = [];
  /** Set when the decision read the jurisdiction's other bodies: the log's head then. */
  unchangedSince?: { jurisdiction: string; position: number };

  constructor(
    private readonly path: DecisionPath,
    readonly request: DecisionRequest<unknown>,
  ) {}

  get store(): EventStore {
    return this.path.store;
  }

  load(streamId: string): Promise<LoadedStream> {
    return loadStream(this.path.store, streamId);
  }

  /** Today in China, by the path's clock. */
  today(): string {
    return chinaDateOf(this.path.clock());
  }

  /** Only a registrar of the jurisdiction decides in it. */
  authorize(jurisdiction: string): void {
    authorize(this.request.principal, jurisdiction);
  }

  /** The request's expectedVersion, when given, must be the stream's version. */
  checkExpected(stream: LoadedStream): void {
    const expectedVersion = this.request.expectedVersion;
    if (expectedVersion !== undefined && expectedVersion !== stream.version) {
      throw new StaleVersionError(stream.streamId, expectedVersion, stream.version);
    }
  }

  /** One decision of the jurisdiction at a time in this process, until this one's append. */
  async lockJurisdiction(jurisdiction: string): Promise<void> {
    this.releases.push(await this.path.jurisdictionMutex(jurisdiction).acquire());
    // A retry with the same key that waited here for the first attempt answers as it did:
    // judged now, it would count the first attempt's body against itself.
    if (this.request.idempotencyKey) {
      const earlier = await this.path.earlierAnswer(this.request);
      if (earlier) throw new AnsweredEarlier(earlier);
    }
  }

  /**
   * What the decider is judged by on `date`: the policy in force, the baseline and, when
   * `withOtherBodies`, the jurisdiction's other active bodies (under its lock, the append then
   * checking that nothing was recorded in it since).
   */
  async context(jurisdiction: string, date: string, withOtherBodies: boolean, exceptBodyId?: string): Promise<DecisionContext> {
    if (withOtherBodies) {
      await this.lockJurisdiction(jurisdiction);
      // before reading them: whatever is appended after this is checked by the append
      this.unchangedSince = { jurisdiction, position: await this.path.store.headPosition() };
    }
    const [jurisdictionStream, activeBodies] = await Promise.all([
      this.path.store.readStream(streamIds.jurisdiction(jurisdiction)),
      withOtherBodies ? this.path.jurisdictionBodies.activeOn(jurisdiction, date, exceptBodyId) : Promise.resolve([]),
    ]);
    const policy = this.path.policyFor
      ? await this.path.policyFor(jurisdiction, date)
      : policyInForce(applyCorrections(jurisdictionStream), date, defaultPolicyFor(jurisdiction)).policy;
    return { policy, activeBodies, baseline: baselineInForce(jurisdictionStateOf(jurisdictionStream), date) };
  }
}

/**
 * The one generic command path every slice runs on: idempotency lookup → the slice (load,
 * fold, decide, under the jurisdiction's lock when it reads the other bodies) → seal → append
 * with the expected versions, judged again when another process recorded in the jurisdiction
 * meanwhile. Framework-free: the API's command handlers, the CLI, seeding, the list import and
 * the bench all run decisions through it.
 */
export class DecisionPath {
  readonly jurisdictionBodies: JurisdictionBodies;
  /**
   * Decisions judged against the other bodies of a jurisdiction (duplicate, quota) run one at
   * a time per jurisdiction in this process, from reading the others until their append: two
   * establishments racing in one jurisdiction would otherwise each pass the quota without
   * seeing the other. Against other processes, their append is refused when the jurisdiction
   * changed after they read it (AppendOptions.unchangedSince), and they are judged again.
   */
  private readonly jurisdictionLocks = new Map<string, MutexInterface>();

  constructor(
    readonly store: EventStore,
    readonly clock: () => Date = () => new Date(),
    /**
     * The policy a decision is judged by. Default: the one in force on the decision's date in
     * the jurisdiction's stream (PolicyAdopted), else 市级办法 (MUNICIPAL_POLICY).
     */
    readonly policyFor?: (jurisdiction: string, date: string) => Promise<Policy>,
    /** How long a decision waits for another one of its jurisdiction before answering 409. */
    private readonly lockTimeoutMs = 15_000,
  ) {
    this.jurisdictionBodies = new JurisdictionBodies(store);
  }

  async run<C>(request: DecisionRequest<C>, slice: DecisionSlice<C>): Promise<WriteResult> {
    if (request.idempotencyKey) {
      const earlier = await this.earlierAnswer(request);
      if (earlier) return earlier;
    }
    for (let attempt = 1; ; attempt++) {
      const decision = new Decision(this, request);
      try {
        let decided: Decided;
        try {
          decided = await slice(request.command, decision);
        } catch (error) {
          if (error instanceof AnsweredEarlier) return error.answer;
          throw error;
        }
        const writes = this.writesFor(decided, request);
        const result = await this.store.append(writes, decision.unchangedSince ? { unchangedSince: decision.unchangedSince } : undefined);
        const sealed = writes.flatMap((w) => w.events);
        const last = sealed.at(-1)!;
        return { ...(last.bodyId ? { bodyId: last.bodyId } : {}), version: last.version, position: result.position, eventIds: sealed.map((e) => e.eventId) };
      } catch (error) {
        // another process recorded in the jurisdiction after this decision read it: judge it again
        if (error instanceof JurisdictionChangedError) {
          if (attempt < ATTEMPTS) continue;
          throw new JurisdictionBusyError(error.jurisdiction);
        }
        if (error instanceof ConcurrencyError && request.idempotencyKey) {
          const earlier = await this.earlierAnswer(request);
          if (earlier) return earlier;
        }
        throw error;
      } finally {
        for (const release of decision.releases) release();
      }
    }
  }

  /** @internal the jurisdiction's lock in this process (Decision.lockJurisdiction). */
  jurisdictionMutex(jurisdiction: string): MutexInterface {
    let mutex = this.jurisdictionLocks.get(jurisdiction);
    if (!mutex) {
      mutex = withTimeout(new Mutex(), this.lockTimeoutMs, new JurisdictionBusyError(jurisdiction));
      this.jurisdictionLocks.set(jurisdiction, mutex);
    }
    return mutex;
  }

  /** @internal the answer an idempotency key got before, if any. */
  async earlierAnswer(request: DecisionRequest<unknown>): Promise<WriteResult | undefined> {
    const events = await this.store.findByIdempotencyKey(request.idempotencyKey!);
    if (events.length === 0) return undefined;
    // Permission first: an answer is given only to a caller who may write where it was written.
    for (const jurisdiction of new Set(events.map((e) => e.jurisdiction))) authorize(request.principal, jurisdiction);
    if (request.requestHash && events[0].requestHash !== request.requestHash) {
      throw new IdempotencyKeyReusedError(request.idempotencyKey!);
    }
    const last = events.reduce((a, b) => (b.position > a.position ? b : a));
    return {
      ...(last.bodyId ? { bodyId: last.bodyId } : {}),
      version: last.version,
      position: last.position,
      eventIds: events.map((e) => e.eventId),
    };
  }

  private writesFor({ events, streams }: Decided, request: DecisionRequest<unknown>): StreamWrite[] {
    const recordedAt = this.clock().toISOString();
    const causationId = newEventId();
    const correlationId = request.correlationId ?? causationId;
    const writes: StreamWrite[] = [];
    for (const stream of streams) {
      const drafts = events.filter((e) => e.streamId === stream.streamId).map((event) => envelopeDraft(event, {
        recordedAt,
        recordedBy: request.principal.name,
        correlationId,
        causationId,
        idempotencyKey: request.idempotencyKey,
        requestHash: request.requestHash,
      }));
      if (drafts.length === 0) continue;
      writes.push({ streamId: stream.streamId, expectedVersion: stream.version, events: sealEvents(drafts, stream) });
    }
    return writes;
  }
}

/** Only a registrar of the jurisdiction decides in it. */
function authorize(principal: Principal, jurisdiction: string): void {
  if (principal.role !== 'registrar' || !mayAccess(principal, jurisdiction)) throw new JurisdictionForbiddenError(jurisdiction);
}

/** A stream a decision creates (a merger's): nothing in it yet. */
export function newStream(streamId: string): LoadedStream {
  return { streamId, version: 0, lastHash: '0'.repeat(64), events: [] };
}

/**
 * The baselines of a jurisdiction's stream, read through their corrections. The stream also
 * holds PolicyAdopted events and corrections, which the baseline fold does not know.
 */
export function jurisdictionStateOf(events: readonly StoredEvent[]) {
  const baselines = applyCorrections(events).filter((e) => e.type === 'QuotaBaselineSet') as unknown as JurisdictionEvent[];
  return baselines.reduce(evolveJurisdiction, initialJurisdictionState());
}

function envelopeDraft(
  event: DomainEvent,
  meta: { recordedAt: string; recordedBy: string; correlationId: string; causationId: string; idempotencyKey?: string; requestHash?: string },
): Omit<EventEnvelope, 'version' | 'previousHash' | 'hash'> {
  return withoutUndefined({
    eventId: newEventId(),
    type: event.type,
    schemaVersion: SCHEMA_VERSION,
    streamId: event.streamId,
    jurisdiction: event.jurisdiction,
    bodyId: event.bodyId,
    effectiveDate: event.effectiveDate,
    recordedAt: meta.recordedAt,
    recordedBy: meta.recordedBy,
    documentNo: event.documentNo,
    reason: event.reason,
    justification: event.justification,
    waivedRules: event.waivedRules,
    correlationId: meta.correlationId,
    causationId: meta.causationId,
    idempotencyKey: meta.idempotencyKey,
    requestHash: meta.requestHash,
    data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
