import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RenameBody } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 更名. */
export class RenameBodyCommand extends DecisionCommand<RenameBody> {}

/** Runs the renameBody slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(RenameBodyCommand)
export class RenameBodyHandler implements ICommandHandler<RenameBodyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: RenameBodyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.renameBody);
  }
}
