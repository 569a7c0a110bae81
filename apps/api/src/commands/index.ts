/** One handler per decision, each beside its HTTP controller; @nestjs/cqrs registers them by their @CommandHandler. */
import { AbolishBodyHandler } from './abolish-body/abolish-body.handler.js';
import { AdjustBodyHandler } from './adjust-body/adjust-body.handler.js';
import { AdjustUnrecordedBodyHandler } from './adjust-unrecorded-body/adjust-unrecorded-body.handler.js';
import { ChangeAffiliationHandler } from './change-affiliation/change-affiliation.handler.js';
import { CorrectEventHandler } from './correct-event/correct-event.handler.js';
import { EstablishBodyHandler } from './establish-body/establish-body.handler.js';
import { FileAnnualReportHandler } from './file-annual-report/file-annual-report.handler.js';
import { MergeBodiesHandler } from './merge-bodies/merge-bodies.handler.js';
import { RenameBodyHandler } from './rename-body/rename-body.handler.js';
import { SelfAbolishBodyHandler } from './self-abolish-body/self-abolish-body.handler.js';
import { SetQuotaBaselineHandler } from './set-quota-baseline/set-quota-baseline.handler.js';
import { SplitBodyHandler } from './split-body/split-body.handler.js';

export const COMMAND_HANDLERS = [
  EstablishBodyHandler,
  AdjustBodyHandler,
  AdjustUnrecordedBodyHandler,
  RenameBodyHandler,
  ChangeAffiliationHandler,
  AbolishBodyHandler,
  SelfAbolishBodyHandler,
  SplitBodyHandler,
  MergeBodiesHandler,
  FileAnnualReportHandler,
  CorrectEventHandler,
  SetQuotaBaselineHandler,
];
