import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SelfAbolishBody } from '#domain';
import { slices, type DecisionPath, type WriteResult } from '#registry-app';
import { DecisionCommand } from '../shared/decision.command.js';
import { DECISION_PATH } from '../../tokens.js';

/** 任务完成后自行撤销. */
export class SelfAbolishBodyCommand extends DecisionCommand<SelfAbolishBody> {}

/** Runs the selfAbolishBody slice (libs/registry-app/src/slices) on the one DecisionPath: load → fold → decide → append. */
@CommandHandler(SelfAbolishBodyCommand)
export class SelfAbolishBodyHandler implements ICommandHandler<SelfAbolishBodyCommand, WriteResult> {
  constructor(@Inject(DECISION_PATH) private readonly path: DecisionPath) {}

  execute({ request }: SelfAbolishBodyCommand): Promise<WriteResult> {
    return this.path.run(request, slices.selfAbolishBody);
  }
}
