import { decidePolicy, streamIds, type AdoptPolicy } from '#domain';
import type { DecisionSlice } from '../decision-path.js';

/** A jurisdiction's policy (管理办法) from a date, on its stream: not while a decision there is judged by the one in force. */
export const adoptPolicy: DecisionSlice<AdoptPolicy> = async (command, decision) => {
  decision.authorize(command.jurisdiction);
  await decision.lockJurisdiction(command.jurisdiction);
  const stream = await decision.load(streamIds.jurisdiction(command.jurisdiction));
  return { events: decidePolicy(command), streams: [stream] };
};
