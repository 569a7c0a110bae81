import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AbolishBody } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 撤销 (第十五条). */
export class AbolishBodyCommand extends DecisionCommand<AbolishBody> {}

/** Runs the abolishBody slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(AbolishBodyCommand)
export class AbolishBodyHandler implements ICommandHandler<AbolishBodyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: AbolishBodyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.abolishBody);
  }
}
