import { decideAnnualReport, type FileAnnualReport } from '#domain';
import type { DecisionSlice } from '../decision-path.js';
import { onBody } from './on-body.js';

/** 年度报告 (第二十条): the body alone. */
export const fileAnnualReport: DecisionSlice<FileAnnualReport> = (command, decision) =>
  onBody(command, decision, {
    jurisdiction: (state) => state?.jurisdiction,
    withOtherBodies: false,
    decide: (state) => decideAnnualReport(command, state),
  });
