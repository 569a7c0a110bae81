import type { CommandBus } from '@nestjs/cqrs';
import type { DecisionRequest, WriteResult } from '#registry-app';
import type { DecisionCommand } from './decision.command.js';
import type { WriteContext } from './write-context.js';

/** Sends one decision down the command bus, as its slice's command, with the request's paperwork. */
export function record<C>(
  commands: CommandBus,
  Slice: new (request: DecisionRequest<C>) => DecisionCommand<C>,
  write: WriteContext,
  command: C,
  expectedVersion?: number,
): Promise<WriteResult> {
  return commands.execute(new Slice({ ...write, command, expectedVersion }));
}
