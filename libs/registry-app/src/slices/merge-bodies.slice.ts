import { decideMerger, streamIds, type BodyState, type MergeBodies } from '#domain';
import { foldBodyStream } from '../body-states.js';
import { newStream, type DecisionSlice } from '../decision-path.js';

/** 合并 (第十六、十八条): one BodiesMerged fact on the merger's new stream, with every body's marker, in one append. */
export const mergeBodies: DecisionSlice<MergeBodies> = async (command, decision) => {
  decision.authorize(command.jurisdiction);
  const ids = [...command.sourceBodyIds, command.target.bodyId];
  const streams = await Promise.all(ids.map((id) => decision.load(streamIds.body(id))));
  const bodies = new Map<string, BodyState | undefined>();
  ids.forEach((id, i) => bodies.set(id, foldBodyStream(streams[i].events)));
  if (command.target.kind === 'existing') decision.checkExpected(streams.at(-1)!);
  const context = await decision.context(command.jurisdiction, command.effectiveDate, true);
  return { events: decideMerger(command, bodies, context), streams: [newStream(streamIds.merger(command.mergerId)), ...streams] };
};
