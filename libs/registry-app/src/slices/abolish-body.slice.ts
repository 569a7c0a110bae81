import { decideAbolition, type AbolishBody } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 撤销 (第十五条): the body alone. */
export const abolishBody: DecisionSlice<AbolishBody> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction,
    withOtherBodies: false,
    decide: (state) => decideAbolition(command, state),
  });
