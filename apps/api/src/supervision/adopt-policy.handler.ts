import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AdoptPolicy } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../commands/shared/decision.command.js';
import { DECISION_PATH } from '../tokens.js';

/** A jurisdiction's 管理办法 from a date. */
export class AdoptPolicyCommand extends DecisionCommand<AdoptPolicy> {}

/** Runs the adoptPolicy slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(AdoptPolicyCommand)
export class AdoptPolicyHandler implements ICommandHandler<AdoptPolicyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: AdoptPolicyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.adoptPolicy);
  }
}
