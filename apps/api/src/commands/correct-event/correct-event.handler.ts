import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CorrectEvent } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 更正: the decider is told today by the path. */
export class CorrectEventCommand extends DecisionCommand<Omit<CorrectEvent, 'today'>> {}

/** Runs the correctEvent slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(CorrectEventCommand)
export class CorrectEventHandler implements ICommandHandler<CorrectEventCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: CorrectEventCommand): Promise<WriteResult> {
    return this.path.run(request, slices.correctEvent);
  }
}
