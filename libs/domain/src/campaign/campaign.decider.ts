import { enforce, RuleViolationError, type Violation } from '../shared/violations.js';
import type { LocalDate } from '../shared/dates.js';
import type { DomainEvent } from '../shared/domain-event.js';
import type { DecisionRecord } from '../body/body.commands.js';
import { decideBody } from '../body/body.decider.js';
import type { BodyEvent } from '../body/body.events.js';
import type { BodyState } from '../body/body.state.js';
import { ABOLITION_DISPOSITIONS, ABOLITION_REASONS, MERGER_REASONS, type AbolitionDisposition } from '../body/body.types.js';
import { decideMerger, type MergerEvent } from '../merger/merger.decider.js';
import { lifecycleRule, type DecisionContext } from '../rules/body.rules.js';
import {
  CAMPAIGN_OUTCOME_KINDS,
  CAMPAIGN_OUTCOME_LABELS,
  type CampaignConcluded,
  type CampaignEvent,
  type CampaignOutcome,
  type CampaignOutcomeKind,
  type CampaignScope,
} from './campaign.events.js';

export const campaignStreamId = (campaignId: string) => `campaign-${campaignId}`;
/** The merger a campaign decides for one absorbing body: one stream per (campaign, target). */
export const campaignMergerId = (campaignId: string, targetBodyId: string) => `${campaignId}.${targetBodyId}`;

export type OpenCampaign = DecisionRecord & {
  type: 'OpenCampaign';
  campaignId: string;
  jurisdiction: string;
  title: string;
  scope?: CampaignScope;
};
/** Outcomes proposed while the campaign runs; the document defaults to the campaign's own. */
export type ListCampaignOutcomes = Omit<DecisionRecord, 'documentNo'> & {
  type: 'ListCampaignOutcomes';
  campaignId: string;
  documentNo?: string;
  outcomes: CampaignOutcome[];
};
/**
 * 清理结论: the listed outcomes (and any given here, which win) become decisions, all at once.
 * With `keepUnlisted`, bodies in scope without an outcome are kept; otherwise they are an error.
 */
export type ConcludeCampaign = DecisionRecord & {
  type: 'ConcludeCampaign';
  campaignId: string;
  outcomes?: CampaignOutcome[];
  keepUnlisted?: boolean;
};
export type CampaignCommand = OpenCampaign | ListCampaignOutcomes | ConcludeCampaign;

export interface CampaignState {
  id: string;
  jurisdiction: string;
  title: string;
  scope: CampaignScope;
  documentNo: string;
  openedOn: LocalDate;
  status: 'open' | 'concluded';
  /** Proposed (open) or final (concluded) outcome per body, in the order first listed. */
  outcomes: Map<string, CampaignOutcome>;
  concludedOn?: LocalDate;
  conclusionDocumentNo?: string;
  counts?: Record<CampaignOutcomeKind, number>;
  names?: Map<string, string>;
}

export type CampaignDecisionState = CampaignState | undefined;
export const initialCampaignState = (): CampaignDecisionState => undefined;

export function evolveCampaign(state: CampaignDecisionState, event: CampaignEvent): CampaignDecisionState {
  switch (event.type) {
    case 'CampaignOpened':
      return {
        id: event.data.campaignId,
        jurisdiction: event.jurisdiction,
        title: event.data.title,
        scope: event.data.scope,
        documentNo: event.documentNo,
        openedOn: event.effectiveDate,
        status: 'open',
        outcomes: new Map(),
      };
    case 'CampaignOutcomesListed': {
      if (!state) return state;
      const outcomes = new Map(state.outcomes);
      for (const o of event.data.outcomes) outcomes.set(o.bodyId, o);
      return { ...state, outcomes };
    }
    case 'CampaignConcluded': {
      if (!state) return state;
      return {
        ...state,
        status: 'concluded',
        outcomes: new Map(event.data.outcomes.map((o) => [o.bodyId, o])),
        names: new Map(event.data.outcomes.map((o) => [o.bodyId, o.name])),
        counts: event.data.counts,
        concludedOn: event.effectiveDate,
        conclusionDocumentNo: event.documentNo,
      };
    }
  }
}

export function foldCampaign(events: readonly CampaignEvent[]): CampaignDecisionState {
  return events.reduce(evolveCampaign, initialCampaignState());
}

const SOURCE = '市级办法 第十九条';
const error = (message: string, rule: Violation['rule'] = 'application', source = SOURCE): Violation => ({ rule, severity: 'error', source, message });

const DISPOSITION_OF: Partial<Record<CampaignOutcomeKind, AbolitionDisposition>> = {
  abolish: 'abolished',
  delist: 'delisted',
  'joint-meeting': 'joint-meeting',
};

/** The shape of one outcome: the fields its kind needs, nothing contradictory. */
export function outcomeRule(o: CampaignOutcome, nameOf: (id: string) => string): Violation[] {
  const who = nameOf(o.bodyId);
  const problems: string[] = [];
  if (!CAMPAIGN_OUTCOME_KINDS.includes(o.outcome)) problems.push(`结论须为 ${CAMPAIGN_OUTCOME_KINDS.join('/')}`);
  if (o.abolitionReason !== undefined && !(o.abolitionReason in ABOLITION_REASONS)) problems.push('撤销情形须为第十五条(一)至(八)');
  if (o.mergerReason !== undefined && !(o.mergerReason in MERGER_REASONS)) problems.push('合并情形须为第十六条(一)至(三)');
  if (o.outcome === 'merge' && !o.mergeInto) problems.push('合并须写明并入的机构(mergeInto)');
  if (o.outcome === 'merge' && o.mergeInto === o.bodyId) problems.push('不能并入自身');
  if (o.outcome === 'adjust' && (!o.changes || Object.values(o.changes).every((v) => v === undefined))) problems.push('调整须列明调整内容(changes)');
  return problems.length === 0 ? [] : [error(`${who}：${problems.join('，')}`)];
}

/**
 * 清理规范 of a jurisdiction's bodies. Pure: the campaign's state, the states of the bodies it
 * names and the decision context (policy, active bodies, baseline) come in. The conclusion
 * emits, besides CampaignConcluded, the events the body and merger deciders give for each
 * outcome, judged by the same rules as the single decisions; all are appended together.
 */
export function decideCampaign(
  command: CampaignCommand,
  state: CampaignDecisionState,
  bodies: ReadonlyMap<string, BodyState | undefined>,
  context: DecisionContext,
): DomainEvent[] {
  const nameOf = (id: string) => bodies.get(id)?.name ?? id;
  switch (command.type) {
    case 'OpenCampaign': {
      const violations: Violation[] = [];
      if (state) violations.push(error('该清理已开展', 'lifecycle'));
      if (!command.title?.trim()) violations.push(error('须写明清理名称(title)'));
      if (!command.documentNo?.trim()) violations.push(error('须写明清理方案的文号(documentNo)'));
      enforce(violations, undefined);
      return [{
        type: 'CampaignOpened',
        streamId: campaignStreamId(command.campaignId),
        jurisdiction: command.jurisdiction,
        effectiveDate: command.effectiveDate,
        documentNo: command.documentNo,
        ...(command.reason ? { reason: command.reason } : {}),
        data: { campaignId: command.campaignId, title: command.title.trim(), scope: command.scope ?? {} },
      }];
    }
    case 'ListCampaignOutcomes': {
      const campaign = openCampaign(state, command.effectiveDate);
      const violations = [...duplicatesIn(command.outcomes, nameOf), ...bodiesRule(campaign, command.outcomes, bodies)];
      if (command.outcomes.length === 0) violations.push(error('须列明至少一个机构的清理结论'));
      if (command.documentNo !== undefined && !command.documentNo.trim()) violations.push(error('文号(documentNo)不能为空；不填则为清理方案的文号'));
      for (const o of command.outcomes) violations.push(...outcomeRule(o, nameOf));
      enforce(violations, undefined);
      return [{
        type: 'CampaignOutcomesListed',
        streamId: campaignStreamId(campaign.id),
        jurisdiction: campaign.jurisdiction,
        effectiveDate: command.effectiveDate,
        documentNo: command.documentNo ?? campaign.documentNo,
        ...(command.reason ? { reason: command.reason } : {}),
        data: { campaignId: campaign.id, outcomes: command.outcomes },
      }];
    }
    case 'ConcludeCampaign':
      return concludeCampaign(command, openCampaign(state, command.effectiveDate), bodies, context);
  }
}

function openCampaign(state: CampaignDecisionState, date: LocalDate): CampaignState {
  if (!state) throw new RuleViolationError([error('该清理尚未开展', 'lifecycle')]);
  if (state.status === 'concluded') throw new RuleViolationError([error(`该清理已于 ${state.concludedOn} 作出结论(${state.conclusionDocumentNo})`, 'lifecycle')]);
  if (date < state.openedOn) throw new RuleViolationError([error(`日期 ${date} 早于清理开始日期 ${state.openedOn}`, 'lifecycle')]);
  return state;
}

function duplicatesIn(outcomes: readonly CampaignOutcome[], nameOf: (id: string) => string): Violation[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const o of outcomes) (seen.has(o.bodyId) ? twice : seen).add(o.bodyId);
  return twice.size === 0 ? [] : [error(`每个机构只能有一个清理结论：${[...twice].map(nameOf).join('、')}`)];
}

/** Every body named exists, belongs to the campaign's jurisdiction and lies in its scope. */
function bodiesRule(campaign: CampaignState, outcomes: readonly CampaignOutcome[], bodies: ReadonlyMap<string, BodyState | undefined>): Violation[] {
  const violations: Violation[] = [];
  for (const o of outcomes) {
    for (const id of [o.bodyId, ...(o.outcome === 'merge' && o.mergeInto ? [o.mergeInto] : [])]) {
      const body = bodies.get(id);
      if (!body) violations.push(error(`机构 ${id} 不存在`, 'lifecycle'));
      else if (body.jurisdiction !== campaign.jurisdiction) violations.push(error(`${body.name} 不属于行政区划 ${campaign.jurisdiction}`));
    }
  }
  return violations;
}

function concludeCampaign(
  command: ConcludeCampaign,
  campaign: CampaignState,
  bodies: ReadonlyMap<string, BodyState | undefined>,
  context: DecisionContext,
): DomainEvent[] {
  const nameOf = (id: string) => bodies.get(id)?.name ?? id;
  const given = command.outcomes ?? [];
  if (!command.documentNo?.trim()) throw new RuleViolationError([error('须写明清理结论的文号(documentNo)')]);
  const violations: Violation[] = [...duplicatesIn(given, nameOf)];
  const outcomes = new Map(campaign.outcomes);
  for (const o of given) outcomes.set(o.bodyId, o);

  // Bodies in scope without an outcome: kept when the conclusion says so, an error otherwise.
  const inScope = context.activeBodies.filter((b) => !campaign.scope.series || b.series === campaign.scope.series);
  const unlisted = inScope.filter((b) => !outcomes.has(b.id));
  if (unlisted.length > 0 && command.keepUnlisted) {
    for (const b of unlisted) outcomes.set(b.id, { bodyId: b.id, outcome: 'keep' });
  } else if (unlisted.length > 0) {
    violations.push(error(`清理范围内尚有 ${unlisted.length} 个机构未作结论：${unlisted.map((b) => b.name).join('、')}；请逐一列明或设 keepUnlisted`));
  }
  if (outcomes.size === 0) violations.push(error('清理结论须至少涉及一个机构'));
  const list = [...outcomes.values()];
  violations.push(...bodiesRule(campaign, list, bodies));
  for (const o of list) violations.push(...outcomeRule(o, nameOf));
  // A body that leaves the registry cannot absorb another.
  for (const o of list) {
    if (o.outcome !== 'merge' || !o.mergeInto) continue;
    const fate = outcomes.get(o.mergeInto)?.outcome;
    if (fate && fate !== 'keep' && fate !== 'adjust') {
      violations.push(error(`${nameOf(o.bodyId)} 并入的 ${nameOf(o.mergeInto)} 在本次清理中${CAMPAIGN_OUTCOME_LABELS[fate]}，不能承接合并`));
    }
  }
  enforce(violations, undefined);

  const paperwork = { documentNo: command.documentNo, effectiveDate: command.effectiveDate, justification: command.justification, justifications: command.justifications };
  const reasonFor = (o: CampaignOutcome) => `据${command.documentNo}(${campaign.title})，${CAMPAIGN_OUTCOME_LABELS[o.outcome]}${o.note ? `：${o.note}` : ''}`;
  const contextFor = (bodyId: string): DecisionContext => ({ ...context, activeBodies: context.activeBodies.filter((b) => b.id !== bodyId) });
  const bodyEvents: Array<BodyEvent | MergerEvent> = [];
  const refusals: Violation[] = [];
  const attempt = (who: string, decide: () => ReadonlyArray<BodyEvent | MergerEvent>) => {
    try {
      bodyEvents.push(...decide());
    } catch (e) {
      if (!(e instanceof RuleViolationError)) throw e;
      refusals.push(...e.violations.map((v) => ({ ...v, message: `${who}：${v.message}` })));
    }
  };
  for (const o of list) {
    const body = bodies.get(o.bodyId);
    const disposition = DISPOSITION_OF[o.outcome];
    if (o.outcome === 'keep') {
      refusals.push(...lifecycleRule(body, command.effectiveDate).map((v) => ({ ...v, message: `${nameOf(o.bodyId)}：${v.message}` })));
    } else if (disposition) {
      attempt(nameOf(o.bodyId), () => decideBody({
        type: 'AbolishBody', bodyId: o.bodyId, abolitionReason: o.abolitionReason ?? 8, disposition, ...paperwork,
        reason: `${reasonFor(o)}(${ABOLITION_DISPOSITIONS[disposition]}，第十五条${ABOLITION_REASONS[o.abolitionReason ?? 8]})`,
      }, body, contextFor(o.bodyId)));
    } else if (o.outcome === 'adjust') {
      attempt(nameOf(o.bodyId), () => decideBody({ type: 'AdjustBody', bodyId: o.bodyId, changes: o.changes ?? {}, ...paperwork, reason: reasonFor(o) }, body, contextFor(o.bodyId)));
    }
  }
  // Mergers: one per absorbing body and ground, its sources in the order listed.
  const mergers = new Map<string, CampaignOutcome[]>();
  for (const o of list.filter((x) => x.outcome === 'merge')) {
    const key = `${o.mergeInto}\u0000${o.mergerReason ?? 1}`;
    mergers.set(key, [...(mergers.get(key) ?? []), o]);
  }
  for (const sources of mergers.values()) {
    const target = sources[0].mergeInto!;
    const mergerReason = sources[0].mergerReason ?? 1;
    const mergerId = campaignMergerId(campaign.id, mergerReason === 1 ? target : `${target}.${mergerReason}`);
    attempt(`并入${nameOf(target)}`, () => decideMerger({
      type: 'MergeBodies', mergerId, jurisdiction: campaign.jurisdiction, mergerReason,
      sourceBodyIds: sources.map((s) => s.bodyId), target: { kind: 'existing', bodyId: target }, ...paperwork,
      reason: `据${command.documentNo}(${campaign.title})，${sources.map((s) => nameOf(s.bodyId)).join('、')}并入${nameOf(target)}`,
    }, bodies, context));
  }
  enforce(refusals, undefined);

  const counts = Object.fromEntries(CAMPAIGN_OUTCOME_KINDS.map((k) => [k, 0])) as Record<CampaignOutcomeKind, number>;
  for (const o of list) counts[o.outcome]++;
  const concluded: CampaignConcluded = {
    type: 'CampaignConcluded',
    streamId: campaignStreamId(campaign.id),
    jurisdiction: campaign.jurisdiction,
    effectiveDate: command.effectiveDate,
    documentNo: command.documentNo,
    ...(command.reason ? { reason: command.reason } : {}),
    data: {
      campaignId: campaign.id,
      outcomes: list.map((o) => ({ ...o, name: nameOf(o.bodyId) })),
      counts,
      reviewed: list.length,
    },
  };
  return [...bodyEvents, concluded];
}
