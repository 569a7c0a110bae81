import { decideAdjustment, type AdjustBody, type UnrecordedBody } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/**
 * 调整 of a body whose establishment is not on file: recorded from the adjustment's own facts
 * in the jurisdiction it names, judged against the others like an establishment.
 */
export const adjustUnrecordedBody: DecisionSlice<AdjustBody & { unrecorded: UnrecordedBody }> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction ?? command.unrecorded.jurisdiction,
    withOtherBodies: true,
    decide: (state, context) => decideAdjustment(command, state, context),
  });
