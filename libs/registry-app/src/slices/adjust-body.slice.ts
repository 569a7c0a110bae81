import { decideAdjustment, type AdjustBody } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 调整 of a body on file: judged against the others only when its duties change (duplicate). */
export const adjustBody: DecisionSlice<AdjustBody> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction,
    withOtherBodies: command.changes.duties !== undefined,
    decide: (state, context) => decideAdjustment(command, state, context),
  });
