/**
 * The registry as the documents describe it, computed the slow and obvious way from the raw
 * events: the oracle of the property test (registry.property.spec.ts). It shares no code with
 * the projections, the replay or the domain's fold (no `applyCorrections`, `evolveBody`,
 * `toViewEvents`, `registryAnswer`): if those are wrong in the same way, this is not.
 *
 * The rules it follows (docs/domain.md, docs/http-api.md):
 * - known at K: only events recorded at or before K count, corrections included;
 * - a correction replaces the effective date, the document number and the listed data fields of
 *   the event it points at; later corrections win; the correction itself is no decision;
 * - a body's decisions apply in order of effective date, then of recording, up to the date D;
 *   a decision dated before the body exists changes nothing;
 * - a merger (BodiesMerged) ends its sources and, when it sets up a new body, establishes it;
 *   the per-body markers of a merger are not read;
 * - the registry on D lists the bodies set up and not ended by D, ordered by establishment date,
 *   the published list's number, name and id;
 * - the quota count on D counts the series of the baseline in force (the latest effective on or
 *   before D, the later recorded on the same day); before the first baseline, that one's series.
 */
import type { StoredEvent } from '#event-store';

type Data = Record<string, any>;

interface Fact {
  type: string;
  effectiveDate: string;
  documentNo: string;
  jurisdiction: string;
  bodyId?: string;
  streamId: string;
  position: number;
  data: Data;
}

export interface NaiveBody {
  id: string;
  jurisdiction: string;
  name: string;
  aliases: string[];
  kind: string;
  series: string;
  duration: string;
  termEnd?: string;
  hostDepartment: string;
  memberUnits: string[];
  leaders: unknown[];
  listing?: { number: number };
  status: 'active' | 'abolished' | 'merged';
  establishedOn: string;
  endedOn?: string;
  mergedInto?: string;
  formerNames: Array<{ name: string; until: string }>;
  /** By year, the last filed report of that year. */
  annualReports: Map<number, { year: number; filedOn: string; meetingsHeld: number }>;
}

const time = (instant: string) => Date.parse(instant);

/** The decisions known at `knownAt`, each read through the corrections known then. */
export function knownFacts(events: readonly StoredEvent[], knownAt: string): Fact[] {
  const limit = time(knownAt);
  const known = events.filter((e) => time(e.recordedAt) <= limit).sort((a, b) => a.position - b.position);
  const facts = new Map<string, Fact>();
  for (const e of known) {
    if (e.type === 'EventCorrected') {
      const fix = e.data as Data;
      const target = facts.get(fix.correctedEventId);
      if (!target) continue;
      if (fix.effectiveDate) target.effectiveDate = fix.effectiveDate;
      if (fix.documentNo) target.documentNo = fix.documentNo;
      target.data = { ...target.data, ...(fix.fields ?? {}) };
      continue;
    }
    facts.set(e.eventId, {
      type: e.type,
      effectiveDate: e.effectiveDate,
      documentNo: e.documentNo,
      jurisdiction: e.jurisdiction,
      bodyId: e.bodyId,
      streamId: e.streamId,
      position: e.position,
      data: { ...(e.data as Data) },
    });
  }
  return [...facts.values()];
}

const inOrder = (a: Fact, b: Fact) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position);

function newBody(id: string, jurisdiction: string, date: string, profile: Data): NaiveBody {
  return {
    id,
    jurisdiction,
    name: profile.name,
    aliases: profile.aliases ?? [],
    kind: profile.kind,
    series: profile.series,
    duration: profile.duration,
    ...(profile.termEnd !== undefined ? { termEnd: profile.termEnd } : {}),
    hostDepartment: profile.hostDepartment,
    memberUnits: profile.memberUnits,
    leaders: profile.leaders,
    ...(profile.listing ? { listing: profile.listing } : {}),
    status: 'active',
    establishedOn: date,
    formerNames: [],
    annualReports: new Map(),
  };
}

/** Every body as it stood on `date`, as known at `knownAt`. */
export function naiveBodies(events: readonly StoredEvent[], date: string, knownAt: string): Map<string, NaiveBody> {
  const bodies = new Map<string, NaiveBody>();
  for (const f of knownFacts(events, knownAt).sort(inOrder)) {
    if (f.effectiveDate > date) break;
    const id = f.bodyId ?? (f.streamId.startsWith('body-') ? f.streamId.slice('body-'.length) : undefined);
    const body = id ? bodies.get(id) : undefined;
    const d = f.data;
    switch (f.type) {
      case 'BodyEstablished':
        // A body set up by a merger is established by the merger itself (below).
        if (d.origin !== 'merger' && id) bodies.set(id, newBody(id, f.jurisdiction, f.effectiveDate, d));
        break;
      case 'BodyAdjusted':
        if (body) for (const [field, value] of Object.entries(d.changes ?? {})) if (value !== undefined) (body as any)[field] = value;
        break;
      case 'BodyRenamed':
        if (body) {
          // a rename that keeps the name (aliases only) leaves no former name (the domain's rule)
          if (d.previousName !== d.newName) body.formerNames.push({ name: d.previousName, until: f.effectiveDate });
          body.name = d.newName;
          body.aliases = d.aliases;
        }
        break;
      case 'BodyAffiliationChanged':
        if (body) body.series = d.to;
        break;
      case 'BodyAbolished':
        if (body) {
          body.status = 'abolished';
          body.endedOn = f.effectiveDate;
        }
        break;
      case 'AnnualReportFiled':
        if (body) body.annualReports.set(d.year, { year: d.year, filedOn: d.filedOn, meetingsHeld: d.meetingsHeld });
        break;
      case 'BodiesMerged': {
        for (const sourceId of d.sourceBodyIds as string[]) {
          const source = bodies.get(sourceId);
          if (!source) continue;
          source.status = 'merged';
          source.endedOn = f.effectiveDate;
          source.mergedInto = d.targetBodyId;
        }
        if (d.establishedTarget) bodies.set(d.targetBodyId, newBody(d.targetBodyId, f.jurisdiction, f.effectiveDate, d.establishedTarget));
        break;
      }
    }
  }
  return bodies;
}

/** The registry answer of `jurisdiction` on `date`, as known at `knownAt`. */
export function naiveRegistry(events: readonly StoredEvent[], jurisdiction: string, date: string, knownAt: string) {
  const listed = [...naiveBodies(events, date, knownAt).values()].filter((b) => b.jurisdiction === jurisdiction && b.status === 'active');
  listed.sort((a, b) => {
    if (a.establishedOn !== b.establishedOn) return a.establishedOn < b.establishedOn ? -1 : 1;
    if (a.listing && b.listing && a.listing.number !== b.listing.number) return a.listing.number - b.listing.number;
    if (!!a.listing !== !!b.listing) return a.listing ? -1 : 1;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  const counts = { standing: 0, temporary: 0, party: 0, government: 0 } as Record<string, number>;
  for (const b of listed) {
    counts[b.duration] += 1;
    counts[b.series] += 1;
  }
  return {
    total: listed.length,
    counts,
    bodies: listed.map((b) => ({
      id: b.id,
      name: b.name,
      aliases: b.aliases ?? [],
      kind: b.kind,
      series: b.series,
      duration: b.duration,
      establishedOn: b.establishedOn,
      hostDepartment: b.hostDepartment,
      ...(b.termEnd !== undefined ? { termEnd: b.termEnd } : {}),
      ...(b.listing ? { listing: b.listing } : {}),
    })),
  };
}

/** What the property compares of one body: the fields a user reads, reports by year. */
export function naiveBody(events: readonly StoredEvent[], bodyId: string, date: string, knownAt: string) {
  const body = naiveBodies(events, date, knownAt).get(bodyId);
  return body && comparableBody({ ...body, annualReports: [...body.annualReports.values()] });
}

/** The same fields picked from the read model's answer (or from this oracle's). */
export function comparableBody(state: Record<string, any> | undefined) {
  if (!state) return undefined;
  return {
    id: state.id,
    jurisdiction: state.jurisdiction,
    name: state.name,
    aliases: state.aliases ?? [],
    kind: state.kind,
    series: state.series,
    duration: state.duration,
    termEnd: state.termEnd,
    hostDepartment: state.hostDepartment,
    memberUnits: state.memberUnits,
    leaders: state.leaders,
    status: state.status,
    establishedOn: state.establishedOn,
    endedOn: state.endedOn,
    mergedInto: state.mergedInto,
    formerNames: state.formerNames,
    annualReports: [...(state.annualReports as Array<{ year: number }>)].sort((a, b) => a.year - b.year),
  };
}

/** The quota count and baseline of `jurisdiction` on `date`, as known at `knownAt`. */
export function naiveQuota(events: readonly StoredEvent[], jurisdiction: string, date: string, knownAt: string) {
  const baselines = knownFacts(events, knownAt)
    .filter((f) => f.type === 'QuotaBaselineSet' && f.jurisdiction === jurisdiction)
    .sort(inOrder);
  const inForce = baselines.filter((b) => b.effectiveDate <= date).at(-1);
  const firstDay = baselines[0]?.effectiveDate;
  const first = baselines.filter((b) => b.effectiveDate === firstDay).at(-1);
  const series: string | undefined = inForce ? inForce.data.series : first && date < first.effectiveDate ? first.data.series : undefined;
  const listed = naiveRegistry(events, jurisdiction, date, knownAt).bodies;
  return { active: listed.filter((b) => !series || b.series === series).length, baseline: inForce ? (inForce.data.total as number) : null };
}
