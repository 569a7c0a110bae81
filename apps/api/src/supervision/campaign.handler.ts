import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CampaignCommand } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../commands/shared/decision.command.js';
import { DECISION_PATH } from '../tokens.js';

/** 清理规范: open, list outcomes, conclude. */
export class CampaignDecisionCommand extends DecisionCommand<CampaignCommand> {}

/** Runs the campaign slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(CampaignDecisionCommand)
export class CampaignHandler implements ICommandHandler<CampaignDecisionCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: CampaignDecisionCommand): Promise<WriteResult> {
    return this.path.run(request, slices.campaign);
  }
}
