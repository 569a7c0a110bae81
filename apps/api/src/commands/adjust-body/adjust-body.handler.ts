import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AdjustBody } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 调整 of a body on file. */
export class AdjustBodyCommand extends DecisionCommand<AdjustBody> {}

/** Runs the adjustBody slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(AdjustBodyCommand)
export class AdjustBodyHandler implements ICommandHandler<AdjustBodyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: AdjustBodyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.adjustBody);
  }
}
