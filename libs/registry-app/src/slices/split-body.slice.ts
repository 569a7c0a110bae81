import { decideSplit, streamIds, type SplitBody } from '#domain';
import { foldBodyStream } from '../body-states.js';
import type { DecisionSlice } from '../decision-path.js';

/** 分设: the source body and every new one appended together. */
export const splitBody: DecisionSlice<SplitBody> = async (command, decision) => {
  decision.authorize(command.jurisdiction);
  const ids = [command.bodyId, ...command.into.map((t) => t.bodyId)];
  const streams = await Promise.all(ids.map((id) => decision.load(streamIds.body(id))));
  decision.checkExpected(streams[0]);
  const states = new Map(ids.map((id, i) => [id, foldBodyStream(streams[i].events)] as const));
  const source = states.get(command.bodyId);
  if (source) decision.authorize(source.jurisdiction);
  const context = await decision.context(command.jurisdiction, command.effectiveDate, true);
  return { events: decideSplit(command, source, states, context), streams };
};
