import { decideEstablishment, type EstablishBody } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 设立: judged against the jurisdiction's other bodies (duplicate, quota). */
export const establishBody: DecisionSlice<EstablishBody> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: () => command.jurisdiction,
    withOtherBodies: true,
    decide: (state, context) => decideEstablishment(command, state, context),
  });
