import { decideRename, type RenameBody } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 更名: the new name is judged against the jurisdiction's other bodies (duplicate). */
export const renameBody: DecisionSlice<RenameBody> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction,
    withOtherBodies: true,
    decide: (state, context) => decideRename(command, state, context),
  });
