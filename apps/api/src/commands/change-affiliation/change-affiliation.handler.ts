import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ChangeAffiliation } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 改变隶属关系. */
export class ChangeAffiliationCommand extends DecisionCommand<ChangeAffiliation> {}

/** Runs the changeAffiliation slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(ChangeAffiliationCommand)
export class ChangeAffiliationHandler implements ICommandHandler<ChangeAffiliationCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: ChangeAffiliationCommand): Promise<WriteResult> {
    return this.path.run(request, slices.changeAffiliation);
  }
}
