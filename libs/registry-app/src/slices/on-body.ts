import { streamIds, type BodyCommand, type BodyDecisionState, type BodyEvent, type DecisionContext } from '#domain';
import { foldBodyStream } from '../body-states.js';
import type { Decided, Decision } from '../decision-path.js';
import { BodyNotFoundError } from '../errors.js';

/** How a decision on one body differs from the others of its kind. */
export interface OnBody {
  /** The jurisdiction it is decided in, given the body as it stands (undefined: the body must exist). */
  jurisdiction: (state: BodyDecisionState) => string | undefined;
  /** Judged against the jurisdiction's other bodies (duplicate, quota): under its lock. */
  withOtherBodies: boolean;
  decide: (state: BodyDecisionState, context: DecisionContext) => BodyEvent[];
}

/** The part every decision on one body shares: load and fold its stream, authorize, check the version, judge. */
export async function onBody(command: BodyCommand, decision: Decision, how: OnBody): Promise<Decided> {
  const stream = await decision.load(streamIds.body(command.bodyId));
  const state = foldBodyStream(stream.events);
  const jurisdiction = how.jurisdiction(state);
  if (jurisdiction === undefined) throw new BodyNotFoundError(`机构 ${command.bodyId}`);
  decision.authorize(jurisdiction);
  decision.checkExpected(stream);
  const context = await decision.context(jurisdiction, command.effectiveDate, how.withOtherBodies, command.bodyId);
  return { events: how.decide(state, context), streams: [stream] };
}
