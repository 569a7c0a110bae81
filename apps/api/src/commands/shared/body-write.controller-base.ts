import type { CommandBus } from '@nestjs/cqrs';
import type { RegistryCommand, WriteResult } from '#registry-app';
import { RecordDecision } from '../record-decision.command.js';
import type { WriteContext } from './write-context.js';

/** Sends one decision down the command bus with the request's paperwork. */
export function record(commands: CommandBus, write: WriteContext, command: RegistryCommand, expectedVersion?: number): Promise<WriteResult> {
  return commands.execute(new RecordDecision({ ...write, command, expectedVersion }));
}
