import { applyCorrections, campaignStreamId, decideCampaign, foldCampaign, streamIds, type BodyState, type CampaignCommand, type CampaignEvent } from '#domain';
import { foldBodyStream } from '../body-states.js';
import { newStream, type DecisionSlice } from '../decision-path.js';
import { BodyNotFoundError } from '../errors.js';

/**
 * 清理规范 (open, list outcomes, conclude): opening and listing touch the campaign's stream; the
 * conclusion appends, in one multi-stream write, the campaign's CampaignConcluded and every
 * body and merger event it decides.
 */
export const campaign: DecisionSlice<CampaignCommand> = async (command, decision) => {
  const campaignStream = await decision.load(campaignStreamId(command.campaignId));
  const campaign = foldCampaign(applyCorrections(campaignStream.events) as unknown as CampaignEvent[]);
  const jurisdiction = command.type === 'OpenCampaign' ? command.jurisdiction : campaign?.jurisdiction;
  if (!jurisdiction) throw new BodyNotFoundError(`清理 ${command.campaignId}`);
  decision.authorize(jurisdiction);
  decision.checkExpected(campaignStream);
  const named = command.type === 'OpenCampaign' ? [] : [
    ...(command.type === 'ConcludeCampaign' ? [...(campaign?.outcomes.values() ?? [])] : []),
    ...(command.outcomes ?? []),
  ];
  const concluding = command.type === 'ConcludeCampaign';
  const context = await decision.context(jurisdiction, command.effectiveDate, concluding);
  // In scope at the conclusion: every body active that day (the decider filters by series).
  const ids = [...new Set([
    ...named.flatMap((o) => [o.bodyId, ...(o.outcome === 'merge' && o.mergeInto ? [o.mergeInto] : [])]),
    ...(concluding ? context.activeBodies.map((b) => b.id) : []),
  ])];
  const bodyStreams = await Promise.all(ids.map((id) => decision.load(streamIds.body(id))));
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
  const mergerStreams = [...new Set(events.filter((e) => e.type === 'BodiesMerged').map((e) => e.streamId))].map(newStream);
  // The campaign's stream last, so that the answer's version is the campaign's.
  return { events, streams: [...bodyStreams, ...mergerStreams, campaignStream] };
};
