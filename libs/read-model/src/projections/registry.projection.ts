/**
 * Where the registry-as-of views are built: the registry projection. Pure (no I/O): it is fed
 * the stored events in log order and collects the document changes they make, to be written
 * with the checkpoint as one batch (see projector/projector.ts for the loop around it).
 *
 * Each event touches the timelines of the bodies it concerns (body-timeline.ts) or the
 * baselines of its jurisdiction (quota-baselines.projection.ts), at transaction time
 * T = the greatest recordedAt seen so far. An event that sorts after everything known about
 * its body (the common case) is folded onto the body's timeline held in memory. Otherwise
 * (recorded late with an earlier effective date, a correction, a body not seen since a
 * restart) the projection asks for the body's history, recomputes its timeline from all its
 * events known at T, and closes at T what changed and opens at T what replaced it.
 */
import { applyCorrections, type BodyEvent } from '#domain';
import type { StoredEvent } from '#event-store';
import type { ViewDocument } from '../read-documents.js';
import { EMPTY_CHECKPOINT, type Checkpoint, type ReadModelBatch } from '../read-store.port.js';
import { canonicalInstant, type Instant } from '../time/bitemporal.js';
import { bodyTimelineOf, BodyTimeline } from './body-timeline.js';
import { diffDocuments, DocumentBatch, type DocumentSink } from './document-batch.js';
import type { HistoryRequest, SuppliedHistory } from './history.js';
import { quotaBaselineDocuments } from './quota-baselines.projection.js';
import { bodiesOfMerger, bodyIdOf, correctionTarget, isMergerEstablishment, MARKER_TYPES, toViewEvents, type BodyViewEvent } from './view-events.js';

export interface RegistryProjectionOptions {
  /** Where the views stand; a projection started from the empty checkpoint knows every body it meets. */
  checkpoint?: Checkpoint;
  /** Fold in-order events onto the timeline in memory (default). False recomputes every time (tests). */
  fastPath?: boolean;
}

export type ApplyOutcome =
  | { status: 'applied' }
  /** At or below the checkpoint: already in the views. */
  | { status: 'skipped' }
  /** Supply this history (see history.ts) and apply the same event again. */
  | { status: 'needs-history'; request: HistoryRequest };

type Step = (sink: DocumentSink) => void;

const APPLIED: ApplyOutcome = Object.freeze({ status: 'applied' });
const SKIPPED: ApplyOutcome = Object.freeze({ status: 'skipped' });
/** Body-stream events the in-order path folds directly. */
const IN_ORDER_TYPES = new Set(['BodyEstablished', 'BodyAdjusted', 'BodyRenamed', 'BodyAffiliationChanged', 'BodyAbolished', 'AnnualReportFiled']);

/** The views' body events in an event list, corrections applied. */
export function viewEventsOf(events: readonly StoredEvent[]): BodyViewEvent[] {
  return applyCorrections(events).flatMap(toViewEvents);
}

export class RegistryProjection {
  private currentPosition: number;
  private currentTime: Instant | null;
  private flushedPosition: number;
  /** Started from nothing: a body without a timeline here has no events before. */
  private readonly knowsEverything: boolean;
  private readonly fastPath: boolean;
  private readonly timelines = new Map<string, BodyTimeline>();
  /** merger stream → the bodies of its BodiesMerged (to route corrections of a merger). */
  private readonly mergers = new Map<string, string[]>();
  /** jurisdiction → its baseline events and their corrections. */
  private readonly jurisdictions = new Map<string, StoredEvent[]>();
  private supplied: SuppliedHistory | undefined;
  private batch = new DocumentBatch();
  private eventsInBatch = 0;

  constructor(options: RegistryProjectionOptions = {}) {
    const checkpoint = options.checkpoint ?? EMPTY_CHECKPOINT;
    this.currentPosition = checkpoint.position;
    this.currentTime = checkpoint.transactionTime;
    this.flushedPosition = checkpoint.position;
    this.knowsEverything = checkpoint.position === 0;
    this.fastPath = options.fastPath ?? true;
  }

  /** Position of the last event applied (flushed or not). */
  get position(): number {
    return this.currentPosition;
  }

  get transactionTime(): Instant | null {
    return this.currentTime;
  }

  /** Events applied since the last batch was taken. */
  get pendingEvents(): number {
    return this.eventsInBatch;
  }

  /** Hands over history asked for by `apply`. */
  supply(history: SuppliedHistory): void {
    if (this.supplied && this.supplied.before === history.before) {
      for (const [k, v] of history.bodies) this.supplied.bodies.set(k, v);
      for (const [k, v] of history.streams) this.supplied.streams.set(k, v);
    } else {
      this.supplied = { before: history.before, bodies: new Map(history.bodies), streams: new Map(history.streams) };
    }
  }

  /** Applies the next event of the log, or says what history it needs first. */
  apply(event: StoredEvent): ApplyOutcome {
    if (event.position <= this.currentPosition) return SKIPPED;
    const recordedAt = canonicalInstant(event.recordedAt);
    const at = this.currentTime !== null && this.currentTime > recordedAt ? this.currentTime : recordedAt;
    if (this.fastPath && this.applyInOrder(event, at)) return APPLIED;
    const supplied = this.supplied?.before === event.position ? this.supplied : undefined;
    const need = { bodies: new Set<string>(), streams: new Set<string>() };
    const steps = this.plan(event, supplied, need);
    if (need.bodies.size > 0 || need.streams.size > 0) {
      return { status: 'needs-history', request: { before: event.position, bodies: [...need.bodies], streams: [...need.streams] } };
    }
    const sink = this.batch.sinkAt(at);
    for (const step of steps) step(sink);
    this.supplied = undefined;
    this.advance(event, at);
    return APPLIED;
  }

  /**
   * The common case, without planning: an event of one body's stream that sorts after all
   * its body's events, the timeline in memory. False when the event needs the general path.
   */
  private applyInOrder(event: StoredEvent, at: Instant): boolean {
    if (!IN_ORDER_TYPES.has(event.type) || isMergerEstablishment(event)) return false;
    const bodyId = bodyIdOf(event);
    if (bodyId === undefined) return false;
    let timeline = this.timelines.get(bodyId);
    if (!timeline) {
      if (!this.knowsEverything) return false;
      timeline = new BodyTimeline(bodyId);
      this.timelines.set(bodyId, timeline);
    }
    const view: BodyViewEvent = { bodyId, event: event as unknown as BodyEvent, source: event, position: event.position };
    if (!timeline.acceptsInOrder(view)) return false;
    timeline.push(view, this.batch.sinkAt(at));
    this.advance(event, at);
    return true;
  }

  private advance(event: StoredEvent, at: Instant): void {
    this.currentPosition = event.position;
    this.currentTime = at;
    this.eventsInBatch++;
  }

  /** The changes since the last batch, with the checkpoint they reach; undefined when none. */
  takeBatch(): ReadModelBatch | undefined {
    if (this.eventsInBatch === 0) return undefined;
    const batch = this.batch.take(this.flushedPosition, { position: this.currentPosition, transactionTime: this.currentTime });
    this.flushedPosition = this.currentPosition;
    this.eventsInBatch = 0;
    return batch;
  }

  private plan(event: StoredEvent, supplied: SuppliedHistory | undefined, need: { bodies: Set<string>; streams: Set<string> }): Step[] {
    const steps: Step[] = [];
    const add = (step: Step | undefined) => step && steps.push(step);
    if (event.type === 'QuotaBaselineSet' || (event.type === 'EventCorrected' && event.streamId.startsWith('jurisdiction-'))) {
      add(this.planJurisdiction(event, supplied, need));
      return steps;
    }
    if (event.type === 'EventCorrected') {
      if (MARKER_TYPES.has(correctionTarget(event).correctedType)) return steps;
      for (const bodyId of this.bodiesCorrectedBy(event, supplied, need)) add(this.planBody(bodyId, event, undefined, supplied, need));
      return steps;
    }
    const views = toViewEvents(event);
    if (event.type === 'BodiesMerged') {
      const bodies = bodiesOfMerger(event);
      steps.push(() => this.mergers.set(event.streamId, bodies));
    }
    for (const view of views) add(this.planBody(view.bodyId, event, view, supplied, need));
    return steps;
  }

  private bodiesCorrectedBy(event: StoredEvent, supplied: SuppliedHistory | undefined, need: { streams: Set<string> }): string[] {
    if (event.streamId.startsWith('merger-')) {
      const known = this.mergers.get(event.streamId);
      if (known) return known;
      const stream = supplied?.streams.get(event.streamId);
      if (stream) {
        const merged = stream.find((e) => e.type === 'BodiesMerged');
        return merged ? bodiesOfMerger(merged) : [];
      }
      if (this.knowsEverything) return [];
      need.streams.add(event.streamId);
      return [];
    }
    const bodyId = bodyIdOf(event);
    return bodyId ? [bodyId] : [];
  }

  /** Folds `view` onto the body's timeline, or recomputes the timeline with `event` (view undefined: a correction). */
  private planBody(
    bodyId: string,
    event: StoredEvent,
    view: BodyViewEvent | undefined,
    supplied: SuppliedHistory | undefined,
    need: { bodies: Set<string> },
  ): Step | undefined {
    const history = supplied?.bodies.get(bodyId) ?? (this.knowsEverything && !this.timelines.has(bodyId) ? [] : undefined);
    let timeline = this.timelines.get(bodyId);
    if (!timeline) {
      if (!history) {
        need.bodies.add(bodyId);
        return undefined;
      }
      timeline = history.length === 0 ? new BodyTimeline(bodyId) : bodyTimelineOf(bodyId, viewEventsOf(history)).timeline;
    }
    if (this.fastPath && view && timeline.acceptsInOrder(view)) {
      const target = timeline;
      return (sink) => {
        target.push(view, sink);
        this.timelines.set(bodyId, target);
      };
    }
    if (!history) {
      need.bodies.add(bodyId);
      return undefined;
    }
    return (sink) => {
      const before = bodyTimelineOf(bodyId, viewEventsOf(history)).documents;
      const after = bodyTimelineOf(bodyId, viewEventsOf([...history, event]));
      diffDocuments(before, after.documents, sink);
      this.timelines.set(bodyId, after.timeline);
    };
  }

  private planJurisdiction(event: StoredEvent, supplied: SuppliedHistory | undefined, need: { streams: Set<string> }): Step | undefined {
    const streamId = event.streamId.startsWith('jurisdiction-') ? event.streamId : `jurisdiction-${event.jurisdiction}`;
    const code = streamId.slice('jurisdiction-'.length);
    const known = this.jurisdictions.get(code) ?? supplied?.streams.get(streamId) ?? (this.knowsEverything ? [] : undefined);
    if (!known) {
      need.streams.add(streamId);
      return undefined;
    }
    return (sink) => {
      const next = [...known, event];
      const before: Map<string, ViewDocument> = quotaBaselineDocuments(code, known);
      diffDocuments(before, quotaBaselineDocuments(code, next), sink);
      this.jurisdictions.set(code, next);
    };
  }
}
