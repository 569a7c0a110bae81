import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AdjustBody, UnrecordedBody } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 调整 of a body whose establishment is not on file. */
export class AdjustUnrecordedBodyCommand extends DecisionCommand<AdjustBody & { unrecorded: UnrecordedBody }> {}

/** Runs the adjustUnrecordedBody slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(AdjustUnrecordedBodyCommand)
export class AdjustUnrecordedBodyHandler implements ICommandHandler<AdjustUnrecordedBodyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: AdjustUnrecordedBodyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.adjustUnrecordedBody);
  }
}
