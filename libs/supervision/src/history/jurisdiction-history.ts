/**
 * A jurisdiction's history folded for supervision: per body, its states over valid time
 * (one segment per effective date, with the events of that date), and the jurisdiction's
 * baselines, policies and campaigns. Pure: built from the stored events of the jurisdiction's
 * streams, as known at a moment, read through their corrections. The fold is the registry's
 * own (the domain's `evolveBody`, the merger taken from BodiesMerged as the read model does).
 */
import {
  addDays,
  applyCorrections,
  baselineInForce,
  defaultPolicyFor,
  evolveBody,
  evolveJurisdiction,
  foldCampaign,
  initialJurisdictionState,
  policyInForce,
  type BodyState,
  type CampaignEvent,
  type CampaignState,
  type JurisdictionEvent,
  type JurisdictionState,
  type LocalDate,
  type PolicyInForce,
  type QuotaBaselineInForce,
} from '#domain';
import type { StoredEvent } from '#event-store';
import { byValidTime, canonicalInstant, toViewEvents, type BodyViewEvent, type Instant } from '#read-model';

/** A stretch of valid time over which a body's state stays the same. */
export interface BodySegment {
  /** First day of the stretch (the effective date of its events). */
  from: LocalDate;
  /** Day after its last day; undefined for the latest. */
  to?: LocalDate;
  state: BodyState;
  /** The events of `from`, as the views fold them (source: the stored event, corrected). */
  events: BodyViewEvent[];
}

export class BodyTimeline {
  constructor(
    readonly id: string,
    readonly segments: readonly BodySegment[],
  ) {}

  /** The segment in force on `date`; undefined before the body existed. */
  segmentOn(date: LocalDate): BodySegment | undefined {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found: BodySegment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].from <= date) {
        found = this.segments[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  stateOn(date: LocalDate): BodyState | undefined {
    return this.segmentOn(date)?.state;
  }

  activeOn(date: LocalDate): BodyState | undefined {
    const state = this.stateOn(date);
    return state?.status === 'active' ? state : undefined;
  }

  /** Every view event up to and including `date`, in valid-time order. */
  eventsUpTo(date: LocalDate): BodyViewEvent[] {
    return this.segments.filter((s) => s.from <= date).flatMap((s) => s.events);
  }
}

export interface JurisdictionHistory {
  jurisdiction: string;
  /** Only events recorded at or before this instant count (corrections included). */
  knownAt: Instant;
  /** The stored events that count, corrections applied, in log order. */
  events: StoredEvent[];
  bodies: Map<string, BodyTimeline>;
  baselines: JurisdictionState;
  /** PolicyAdopted events in recording order. */
  policies: StoredEvent[];
  campaigns: Map<string, { state: CampaignState; events: StoredEvent[] }>;
  /**
   * Warning rules bent by corrections (known by knownAt), by the corrected event's id: a
   * correction that makes a record bend a rule carries the justification (EventCorrected.waivedRules).
   */
  correctionWaivers: Map<string, Array<NonNullable<StoredEvent['waivedRules']>[number] & { documentNo: string; eventId: string }>>;
}

/** The warning rules an event's decision bent, its own and those of the corrections to it. */
export function waiversOf(history: JurisdictionHistory, source: StoredEvent) {
  return [
    ...(source.waivedRules ?? []).map((w) => ({ ...w, justification: w.justification ?? source.justification, documentNo: source.documentNo, eventId: source.eventId })),
    ...(history.correctionWaivers.get(source.eventId) ?? []),
  ];
}

/** Builds the history from the stored events of one jurisdiction's streams. */
export function buildJurisdictionHistory(jurisdiction: string, stored: readonly StoredEvent[], knownAt: Instant): JurisdictionHistory {
  const known = stored
    .filter((e) => e.jurisdiction === jurisdiction)
    .map((e) => ({ ...e, recordedAt: canonicalInstant(e.recordedAt) }))
    .filter((e) => e.recordedAt <= knownAt)
    .sort((a, b) => a.position - b.position);
  const events = applyCorrections(known, knownAt);

  const byBody = new Map<string, BodyViewEvent[]>();
  for (const view of events.flatMap(toViewEvents)) {
    const list = byBody.get(view.bodyId) ?? [];
    list.push(view);
    byBody.set(view.bodyId, list);
  }
  const bodies = new Map<string, BodyTimeline>();
  for (const [bodyId, views] of byBody) {
    const segments: BodySegment[] = [];
    let state: BodyState | undefined;
    for (const view of views.sort(byValidTime)) {
      state = evolveBody(state, view.event);
      if (!state) continue;
      const last = segments.at(-1);
      if (last && last.from === view.event.effectiveDate) {
        last.state = state;
        last.events.push(view);
      } else {
        if (last) last.to = view.event.effectiveDate;
        segments.push({ from: view.event.effectiveDate, state, events: [view] });
      }
    }
    if (segments.length > 0) bodies.set(bodyId, new BodyTimeline(bodyId, segments));
  }

  const baselineEvents = events.filter((e) => e.type === 'QuotaBaselineSet') as unknown as JurisdictionEvent[];
  const campaignEvents = new Map<string, StoredEvent[]>();
  for (const e of events) {
    if (!e.type.startsWith('Campaign')) continue;
    const id = String((e.data as { campaignId?: string }).campaignId ?? e.streamId.replace(/^campaign-/, ''));
    campaignEvents.set(id, [...(campaignEvents.get(id) ?? []), e]);
  }
  const campaigns = new Map<string, { state: CampaignState; events: StoredEvent[] }>();
  for (const [id, list] of campaignEvents) {
    const state = foldCampaign(list as unknown as CampaignEvent[]);
    if (state) campaigns.set(id, { state, events: list });
  }
  const correctionWaivers: JurisdictionHistory['correctionWaivers'] = new Map();
  for (const e of known) {
    if (e.type !== 'EventCorrected' || !e.waivedRules) continue;
    const target = String((e.data as { correctedEventId?: string }).correctedEventId);
    const list = correctionWaivers.get(target) ?? [];
    list.push(...e.waivedRules.map((w) => ({ ...w, justification: w.justification ?? e.justification, documentNo: e.documentNo, eventId: e.eventId })));
    correctionWaivers.set(target, list);
  }
  return {
    jurisdiction,
    knownAt,
    events,
    bodies,
    correctionWaivers,
    baselines: baselineEvents.reduce(evolveJurisdiction, initialJurisdictionState()),
    policies: events.filter((e) => e.type === 'PolicyAdopted'),
    campaigns,
  };
}

export function policyOn(history: JurisdictionHistory, date: LocalDate): PolicyInForce {
  return policyInForce(history.policies, date, defaultPolicyFor(history.jurisdiction));
}

export function baselineOn(history: JurisdictionHistory, date: LocalDate): QuotaBaselineInForce | undefined {
  return baselineInForce(history.baselines, date);
}

/** Bodies active on `date`, with their state then. */
export function activeBodiesOn(history: JurisdictionHistory, date: LocalDate): BodyState[] {
  const active: BodyState[] = [];
  for (const timeline of history.bodies.values()) {
    const state = timeline.activeOn(date);
    if (state) active.push(state);
  }
  return active.sort((a, b) => (a.establishedOn !== b.establishedOn ? (a.establishedOn < b.establishedOn ? -1 : 1) : a.name.localeCompare(b.name, 'zh')));
}

/** Every date on which something in the history may change a count or a baseline, ascending. */
export function changeDates(history: JurisdictionHistory): LocalDate[] {
  const dates = new Set<LocalDate>();
  for (const timeline of history.bodies.values()) for (const s of timeline.segments) dates.add(s.from);
  for (const b of history.baselines.baselines) dates.add(b.effectiveDate);
  return [...dates].sort();
}

export const dayBefore = (date: LocalDate) => addDays(date, -1);
export const dayAfter = (date: LocalDate) => addDays(date, 1);

/** Whole days from a to b (b later: positive). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
