import { decideJurisdiction, streamIds, type SetQuotaBaseline } from '#domain';
import { jurisdictionStateOf, type DecisionSlice } from '../decision-path.js';

/** 总量控制基准 on the jurisdiction's stream. */
export const setQuotaBaseline: DecisionSlice<SetQuotaBaseline> = async (command, decision) => {
  decision.authorize(command.jurisdiction);
  // not while a decision of the jurisdiction is being judged by the baseline in force
  await decision.lockJurisdiction(command.jurisdiction);
  const stream = await decision.load(streamIds.jurisdiction(command.jurisdiction));
  return { events: decideJurisdiction(command, jurisdictionStateOf(stream.events)), streams: [stream] };
};
