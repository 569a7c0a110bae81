import {
  applyCorrections,
  baselineInForce,
  campaignStreamId,
  chinaDateOf,
  correctionRules,
  decideBody,
  decideCampaign,
  decideCorrection,
  decideJurisdiction,
  decideMerger,
  decidePolicy,
  decideSplit,
  defaultPolicyFor,
  evolveJurisdiction,
  foldCampaign,
  initialJurisdictionState,
  policyInForce,
  streamIds,
  type AdoptPolicy,
  type BodyCommand,
  type CampaignCommand,
  type CampaignEvent,
  type BodyState,
  type CorrectEvent,
  type DecisionContext,
  type DomainEvent,
  type JurisdictionEvent,
  type MergeBodies,
  type Policy,
  type RecordedDomainEvent,
  type SetQuotaBaseline,
  type SplitBody,
} from '#domain';
import { Mutex, withTimeout, type MutexInterface } from 'async-mutex';
import { ConcurrencyError, JurisdictionChangedError, newEventId, sealEvents, type EventEnvelope, type EventStore, type StoredEvent, type StreamWrite } from '#event-store';
import { JurisdictionBodies, foldBodyStream, loadStream, type LoadedStream } from './body-states.js';
import { BodyNotFoundError, IdempotencyKeyReusedError, JurisdictionBusyError, JurisdictionForbiddenError, StaleVersionError } from './errors.js';
import { mayAccess, type Principal } from './principal.js';

export type RegistryCommand = BodyCommand | MergeBodies | SplitBody | SetQuotaBaseline | Omit<CorrectEvent, 'today'>;
/** Supervision's decisions: a jurisdiction's policy (管理办法) and clean-up campaigns (清理规范). */
export type SupervisionCommand = AdoptPolicy | CampaignCommand;

export interface DecisionRequest {
  command: RegistryCommand | SupervisionCommand;
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

export const SCHEMA_VERSION = 1;

/** What a decision holds until its append: the locks it took, and what its append must check. */
interface Scope {
  releases: Array<() => void>;
  /** Set when the decision read the jurisdiction's other bodies: the log's head then. */
  unchangedSince?: { jurisdiction: string; position: number };
}

/** Times a decision is judged again when another process recorded in its jurisdiction meanwhile. */
const ATTEMPTS = 3;

/** Thrown under a jurisdiction's lock when the request's idempotency key has been answered meanwhile. */
class AnsweredEarlier extends Error {
  constructor(readonly answer: WriteResult) {
    super('answered earlier');
  }
}

/**
 * The one generic command path: load the streams → fold → decide → append with the expected
 * versions. Every action of the registry goes through `execute`.
 */
export class DecisionExecutor {
  private readonly jurisdictionBodies: JurisdictionBodies;
  /**
   * Decisions judged against the other bodies of a jurisdiction (duplicate, quota) run one at
   * a time per jurisdiction in this process, from reading the others until their append: two
   * establishments racing in one jurisdiction would otherwise each pass the quota without
   * seeing the other. Against other processes, their append is refused when the jurisdiction
   * changed after they read it (AppendOptions.unchangedSince), and they are judged again.
   */
  private readonly jurisdictionLocks = new Map<string, MutexInterface>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
    /**
     * The policy a decision is judged by. Default: the one in force on the decision's date in
     * the jurisdiction's stream (PolicyAdopted), else 市级办法 (MUNICIPAL_POLICY).
     */
    private readonly policyFor?: (jurisdiction: string, date: string) => Promise<Policy>,
    /** How long a decision waits for another one of its jurisdiction before answering 409. */
    private readonly lockTimeoutMs = 15_000,
  ) {
    this.jurisdictionBodies = new JurisdictionBodies(store);
  }

  async execute(request: DecisionRequest): Promise<WriteResult> {
    if (request.idempotencyKey) {
      const earlier = await this.earlierAnswer(request);
      if (earlier) return earlier;
    }
    for (let attempt = 1; ; attempt++) {
      const scope: Scope = { releases: [] };
      try {
        const decided = await this.decide(request, scope);
        if ('earlier' in decided) return decided.earlier;
        const { writes } = decided;
        const result = await this.store.append(writes, scope.unchangedSince ? { unchangedSince: scope.unchangedSince } : undefined);
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
        for (const release of scope.releases) release();
      }
    }
  }

  private async lockJurisdiction(jurisdiction: string, scope: Scope, request: DecisionRequest): Promise<void> {
    let mutex = this.jurisdictionLocks.get(jurisdiction);
    if (!mutex) {
      mutex = withTimeout(new Mutex(), this.lockTimeoutMs, new JurisdictionBusyError(jurisdiction));
      this.jurisdictionLocks.set(jurisdiction, mutex);
    }
    scope.releases.push(await mutex.acquire());
    // A retry with the same key that waited here for the first attempt answers as it did:
    // judged now, it would count the first attempt's body against itself.
    if (request.idempotencyKey) {
      const earlier = await this.earlierAnswer(request);
      if (earlier) throw new AnsweredEarlier(earlier);
    }
  }

  private async earlierAnswer(request: DecisionRequest): Promise<WriteResult | undefined> {
    const events = await this.store.findByIdempotencyKey(request.idempotencyKey!);
    if (events.length === 0) return undefined;
    // Permission first: an answer is given only to a caller who may write where it was written.
    for (const jurisdiction of new Set(events.map((e) => e.jurisdiction))) this.authorize(request.principal, jurisdiction);
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

  private async decide(request: DecisionRequest, scope: Scope): Promise<{ writes: StreamWrite[] } | { earlier: WriteResult }> {
    try {
      return await this.decideCommand(request, scope);
    } catch (error) {
      if (error instanceof AnsweredEarlier) return { earlier: error.answer };
      throw error;
    }
  }

  private async decideCommand(request: DecisionRequest, scope: Scope): Promise<{ writes: StreamWrite[] }> {
    const command = request.command;
    switch (command.type) {
      case 'MergeBodies':
        return this.decideMerger(command, request, scope);
      case 'SetQuotaBaseline': {
        this.authorize(request.principal, command.jurisdiction);
        // not while a decision of the jurisdiction is being judged by the baseline in force
        await this.lockJurisdiction(command.jurisdiction, scope, request);
        const stream = await loadStream(this.store, streamIds.jurisdiction(command.jurisdiction));
        return this.writesFor(decideJurisdiction(command, jurisdictionStateOf(stream.events)), [stream], request);
      }
      case 'AdoptPolicy': {
        this.authorize(request.principal, command.jurisdiction);
        await this.lockJurisdiction(command.jurisdiction, scope, request);
        const stream = await loadStream(this.store, streamIds.jurisdiction(command.jurisdiction));
        return this.writesFor(decidePolicy(command), [stream], request);
      }
      case 'OpenCampaign':
      case 'ListCampaignOutcomes':
      case 'ConcludeCampaign':
        return this.decideCampaign(command, request, scope);
      case 'CorrectEvent':
        return this.decideCorrection(command, request, scope);
      case 'SplitBody':
        return this.decideSplit(command, request, scope);
      default:
        return this.decideOnBody(command, request, scope);
    }
  }

  /**
   * 更正: judged by the rules of the decision it corrects, on the body as it stood just before
   * the corrected event and the jurisdiction on the (corrected) effective date.
   */
  private async decideCorrection(command: Omit<CorrectEvent, 'today'>, request: DecisionRequest, scope: Scope) {
    const target = await this.store.findEvent(command.eventId);
    if (!target) throw new BodyNotFoundError(`事件 ${command.eventId}`);
    this.authorize(request.principal, target.jurisdiction);
    const onBody = target.streamId === streamIds.body(target.bodyId ?? '');
    const judgedAgainstOthers = onBody && ['BodyEstablished', 'BodyRenamed', 'BodyAffiliationChanged', 'BodyAdjusted'].includes(target.type);
    // a corrected baseline or policy changes what the jurisdiction's decisions are judged by
    if (target.streamId === streamIds.jurisdiction(target.jurisdiction)) await this.lockJurisdiction(target.jurisdiction, scope, request);
    const stream = await loadStream(this.store, target.streamId);
    this.checkExpected(stream, request.expectedVersion);
    const at = stream.events.findIndex((e) => e.eventId === target.eventId);
    const asRead = applyCorrections(stream.events).find((e) => e.eventId === target.eventId) ?? target;
    const before = onBody ? foldBodyStream(stream.events.slice(0, at).concat(stream.events.slice(at).filter((e) => e.type === 'EventCorrected'))) : undefined;
    const date = command.effectiveDate && /^\d{4}-\d{2}-\d{2}$/.test(command.effectiveDate) ? command.effectiveDate : target.effectiveDate;
    const context = await this.contextFor(target.jurisdiction, date, judgedAgainstOthers, scope, request, target.bodyId);
    const events = decideCorrection(
      { ...command, today: chinaDateOf(this.clock()) },
      (target.type === 'EventCorrected' ? target : asRead) as unknown as RecordedDomainEvent,
      (event) => correctionRules(event, before, context),
    );
    return this.writesFor(events, [stream], request);
  }

  /** 分设: the source body and every new one appended together. */
  private async decideSplit(command: SplitBody, request: DecisionRequest, scope: Scope) {
    this.authorize(request.principal, command.jurisdiction);
    const ids = [command.bodyId, ...command.into.map((t) => t.bodyId)];
    const streams = await Promise.all(ids.map((id) => loadStream(this.store, streamIds.body(id))));
    this.checkExpected(streams[0], request.expectedVersion);
    const states = new Map(ids.map((id, i) => [id, foldBodyStream(streams[i].events)] as const));
    const source = states.get(command.bodyId);
    if (source) this.authorize(request.principal, source.jurisdiction);
    const context = await this.contextFor(command.jurisdiction, command.effectiveDate, true, scope, request);
    return this.writesFor(decideSplit(command, source, states, context), streams, request);
  }

  private async decideOnBody(command: BodyCommand, request: DecisionRequest, scope: Scope) {
    const stream = await loadStream(this.store, streamIds.body(command.bodyId));
    const state = foldBodyStream(stream.events);
    const unrecorded = command.type === 'AdjustBody' ? command.unrecorded : undefined;
    if (command.type === 'EstablishBody') {
      this.authorize(request.principal, command.jurisdiction);
    } else if (unrecorded && !state) {
      this.authorize(request.principal, unrecorded.jurisdiction);
    } else {
      if (!state) throw new BodyNotFoundError(`机构 ${command.bodyId}`);
      this.authorize(request.principal, state.jurisdiction);
    }
    this.checkExpected(stream, request.expectedVersion);
    const jurisdiction = command.type === 'EstablishBody' ? command.jurisdiction : state?.jurisdiction ?? unrecorded!.jurisdiction;
    const needsOthers = ['EstablishBody', 'RenameBody', 'ChangeAffiliation'].includes(command.type) || unrecorded !== undefined ||
      (command.type === 'AdjustBody' && command.changes.duties !== undefined);
    const context = await this.contextFor(jurisdiction, command.effectiveDate, needsOthers, scope, request, command.bodyId);
    return this.writesFor(decideBody(command, state, context), [stream], request);
  }

  private async decideMerger(command: MergeBodies, request: DecisionRequest, scope: Scope) {
    this.authorize(request.principal, command.jurisdiction);
    const ids = [...command.sourceBodyIds, command.target.bodyId];
    const streams = await Promise.all(ids.map((id) => loadStream(this.store, streamIds.body(id))));
    const bodies = new Map<string, BodyState | undefined>();
    ids.forEach((id, i) => bodies.set(id, foldBodyStream(streams[i].events)));
    if (command.target.kind === 'existing') this.checkExpected(streams.at(-1)!, request.expectedVersion);
    const context = await this.contextFor(command.jurisdiction, command.effectiveDate, true, scope, request);
    const mergerStream: LoadedStream = { streamId: streamIds.merger(command.mergerId), version: 0, lastHash: '0'.repeat(64), events: [] };
    return this.writesFor(decideMerger(command, bodies, context), [mergerStream, ...streams], request);
  }

  /**
   * 清理规范: opening and listing touch the campaign's stream; the conclusion appends, in one
   * multi-stream write, the campaign's CampaignConcluded and every body and merger event it decides.
   */
  private async decideCampaign(command: CampaignCommand, request: DecisionRequest, scope: Scope) {
    const campaignStream = await loadStream(this.store, campaignStreamId(command.campaignId));
    const campaign = foldCampaign(applyCorrections(campaignStream.events) as unknown as CampaignEvent[]);
    const jurisdiction = command.type === 'OpenCampaign' ? command.jurisdiction : campaign?.jurisdiction;
    if (!jurisdiction) throw new BodyNotFoundError(`清理 ${command.campaignId}`);
    this.authorize(request.principal, jurisdiction);
    this.checkExpected(campaignStream, request.expectedVersion);
    const named = command.type === 'OpenCampaign' ? [] : [
      ...(command.type === 'ConcludeCampaign' ? [...(campaign?.outcomes.values() ?? [])] : []),
      ...(command.outcomes ?? []),
    ];
    const concluding = command.type === 'ConcludeCampaign';
    const context = await this.contextFor(jurisdiction, command.effectiveDate, concluding, scope, request);
    // In scope at the conclusion: every body active that day (the decider filters by series).
    const ids = [...new Set([
      ...named.flatMap((o) => [o.bodyId, ...(o.outcome === 'merge' && o.mergeInto ? [o.mergeInto] : [])]),
      ...(concluding ? context.activeBodies.map((b) => b.id) : []),
    ])];
    const bodyStreams = await Promise.all(ids.map((id) => loadStream(this.store, streamIds.body(id))));
    const bodies = new Map<string, BodyState | undefined>();
    ids.forEach((id, i) => bodies.set(id, foldBodyStream(bodyStreams[i].events)));
    if (concluding) {
      // The scope is judged on the bodies as they stood that day (a later change of series does not count).
      const asOf = (i: number) => foldBodyStream(bodyStreams[i].events.filter((e) => e.type === 'EventCorrected' || e.effectiveDate <= command.effectiveDate));
      const active = new Set(context.activeBodies.map((b) => b.id));
      context.activeBodies = ids.flatMap((id, i) => {
        const state = active.has(id) ? asOf(i) : undefined;
        return state ? [{ id, name: state.name, aliases: state.aliases, duties: state.duties, series: state.series }] : [];
      });
    }
    const events = decideCampaign(command, campaign, bodies, context);
    const mergerStreams: LoadedStream[] = [...new Set(events.filter((e) => e.type === 'BodiesMerged').map((e) => e.streamId))]
      .map((streamId) => ({ streamId, version: 0, lastHash: '0'.repeat(64), events: [] }));
    // The campaign's stream last, so that the answer's version is the campaign's.
    return this.writesFor(events, [...bodyStreams, ...mergerStreams, campaignStream], request);
  }

  private async contextFor(
    jurisdiction: string,
    date: string,
    withOtherBodies: boolean,
    scope: Scope,
    request: DecisionRequest,
    exceptBodyId?: string,
  ): Promise<DecisionContext> {
    if (withOtherBodies) {
      await this.lockJurisdiction(jurisdiction, scope, request);
      // before reading them: whatever is appended after this is checked by the append
      scope.unchangedSince = { jurisdiction, position: await this.store.headPosition() };
    }
    const [jurisdictionStream, activeBodies] = await Promise.all([
      this.store.readStream(streamIds.jurisdiction(jurisdiction)),
      withOtherBodies ? this.jurisdictionBodies.activeOn(jurisdiction, date, exceptBodyId) : Promise.resolve([]),
    ]);
    const policy = this.policyFor
      ? await this.policyFor(jurisdiction, date)
      : policyInForce(applyCorrections(jurisdictionStream), date, defaultPolicyFor(jurisdiction)).policy;
    return { policy, activeBodies, baseline: baselineInForce(jurisdictionStateOf(jurisdictionStream), date) };
  }

  private writesFor(events: DomainEvent[], streams: LoadedStream[], request: DecisionRequest): { writes: StreamWrite[] } {
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
    return { writes };
  }

  private checkExpected(stream: LoadedStream, expectedVersion: number | undefined) {
    if (expectedVersion !== undefined && expectedVersion !== stream.version) {
      throw new StaleVersionError(stream.streamId, expectedVersion, stream.version);
    }
  }

  private authorize(principal: Principal, jurisdiction: string) {
    if (principal.role !== 'registrar' || !mayAccess(principal, jurisdiction)) throw new JurisdictionForbiddenError(jurisdiction);
  }
}

/**
 * The baselines of a jurisdiction's stream, read through their corrections. The stream also
 * holds PolicyAdopted events and corrections, which the baseline fold does not know.
 */
function jurisdictionStateOf(events: readonly StoredEvent[]) {
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

export type { StoredEvent };
