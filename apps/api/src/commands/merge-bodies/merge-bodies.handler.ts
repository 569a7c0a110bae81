import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MergeBodies } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 合并 (第十六、十八条). */
export class MergeBodiesCommand extends DecisionCommand<MergeBodies> {}

/** Runs the mergeBodies slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(MergeBodiesCommand)
export class MergeBodiesHandler implements ICommandHandler<MergeBodiesCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: MergeBodiesCommand): Promise<WriteResult> {
    return this.path.run(request, slices.mergeBodies);
  }
}
