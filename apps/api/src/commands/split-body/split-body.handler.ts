import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SplitBody } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 分设. */
export class SplitBodyCommand extends DecisionCommand<SplitBody> {}

/** Runs the splitBody slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(SplitBodyCommand)
export class SplitBodyHandler implements ICommandHandler<SplitBodyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: SplitBodyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.splitBody);
  }
}
