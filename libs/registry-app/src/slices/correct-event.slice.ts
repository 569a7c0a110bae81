import { applyCorrections, correctionRules, decideCorrection, streamIds, type CorrectEvent, type RecordedDomainEvent } from '#domain';
import { foldBodyStream } from '../body-states.js';
import type { DecisionSlice } from '../decision-path.js';
import { BodyNotFoundError } from '../errors.js';

/**
 * 更正: judged by the rules of the decision it corrects, on the body as it stood just before
 * the corrected event and the jurisdiction on the (corrected) effective date.
 */
export const correctEvent: DecisionSlice<Omit<CorrectEvent, 'today'>> = async (command, decision) => {
  const target = await decision.store.findEvent(command.eventId);
  if (!target) throw new BodyNotFoundError(`事件 ${command.eventId}`);
  decision.authorize(target.jurisdiction);
  const onBody = target.streamId === streamIds.body(target.bodyId ?? '');
  const judgedAgainstOthers = onBody && ['BodyEstablished', 'BodyRenamed', 'BodyAffiliationChanged', 'BodyAdjusted'].includes(target.type);
  // a corrected baseline or policy changes what the jurisdiction's decisions are judged by
  if (target.streamId === streamIds.jurisdiction(target.jurisdiction)) await decision.lockJurisdiction(target.jurisdiction);
  const stream = await decision.load(target.streamId);
  decision.checkExpected(stream);
  const at = stream.events.findIndex((e) => e.eventId === target.eventId);
  const asRead = applyCorrections(stream.events).find((e) => e.eventId === target.eventId) ?? target;
  const before = onBody ? foldBodyStream(stream.events.slice(0, at).concat(stream.events.slice(at).filter((e) => e.type === 'EventCorrected'))) : undefined;
  const date = command.effectiveDate && /^\d{4}-\d{2}-\d{2}$/.test(command.effectiveDate) ? command.effectiveDate : target.effectiveDate;
  const context = await decision.context(target.jurisdiction, date, judgedAgainstOthers, target.bodyId);
  const events = decideCorrection(
    { ...command, today: decision.today() },
    (target.type === 'EventCorrected' ? target : asRead) as unknown as RecordedDomainEvent,
    (event) => correctionRules(event, before, context),
  );
  return { events, streams: [stream] };
};
