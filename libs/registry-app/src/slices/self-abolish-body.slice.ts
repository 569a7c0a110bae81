import { decideSelfAbolition, type SelfAbolishBody } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 任务完成后自行撤销: the body alone. */
export const selfAbolishBody: DecisionSlice<SelfAbolishBody> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction,
    withOtherBodies: false,
    decide: (state) => decideSelfAbolition(command, state),
  });
