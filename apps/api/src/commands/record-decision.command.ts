import { Injectable, Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { DecisionExecutor, DecisionRequest, WriteResult } from '#registry-app';
import { DECISION_EXECUTOR } from '../tokens.js';

/** Every write of the registry travels the command bus as this one command. */
export class RecordDecision extends Command<WriteResult> {
  constructor(readonly request: DecisionRequest) {
    super();
  }
}

/** The one generic handler: load → fold → decide → append (DecisionExecutor). */
@Injectable()
@CommandHandler(RecordDecision)
export class RecordDecisionHandler implements ICommandHandler<RecordDecision, WriteResult> {
  constructor(@Inject(DECISION_EXECUTOR) private readonly executor: DecisionExecutor) {}

  execute(command: RecordDecision): Promise<WriteResult> {
    return this.executor.execute(command.request);
  }
}
