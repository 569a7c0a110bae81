import { decideAffiliationChange, type ChangeAffiliation } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 改变隶属关系: the body joins another series, judged against its bodies (duplicate). */
export const changeAffiliation: DecisionSlice<ChangeAffiliation> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction,
    withOtherBodies: true,
    decide: (state, context) => decideAffiliationChange(command, state, context),
  });
