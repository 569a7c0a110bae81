import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SetQuotaBaseline } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 总量控制基准. */
export class SetQuotaBaselineCommand extends DecisionCommand<SetQuotaBaseline> {}

/** Runs the setQuotaBaseline slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(SetQuotaBaselineCommand)
export class SetQuotaBaselineHandler implements ICommandHandler<SetQuotaBaselineCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: SetQuotaBaselineCommand): Promise<WriteResult> {
    return this.path.run(request, slices.setQuotaBaseline);
  }
}
