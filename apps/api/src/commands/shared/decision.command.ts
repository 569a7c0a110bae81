import { Command } from '@nestjs/cqrs';
import type { DecisionRequest, WriteResult } from '#registry-app';

/**
 * A decision on the command bus: each slice declares its own subclass, so that @CommandHandler
 * routes it to that slice's handler alone.
 */
export abstract class DecisionCommand<C> extends Command<WriteResult> {
  constructor(readonly request: DecisionRequest<C>) {
    super();
  }
}
