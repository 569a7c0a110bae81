/** `GET /jurisdictions/{code}/compliance`, typed from the OpenAPI document; rules shown by their Chinese names. */
import type { ComplianceAlert, ComplianceAnswer } from './types';

export { ruleLabel } from '#domain/labels';

export function readAlerts(answer: ComplianceAnswer): ComplianceAlert[] {
  return answer.alerts;
}
