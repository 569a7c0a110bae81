import { Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '#event-store';
import type { ReadStore } from '#read-model';
import { DecisionExecutor } from '#registry-app';

export const CLI_EVENT_STORE = Symbol('CLI_EVENT_STORE');
export const CLI_READ_STORE = Symbol('CLI_READ_STORE');
export const CLI_EXECUTOR = Symbol('CLI_EXECUTOR');

/** The CLI's standalone Nest context: the same ports and command path as the HTTP app. */
@Module({})
export class CliModule {
  static register(ports: { eventStore: EventStore; readStore: ReadStore }): DynamicModule {
    return {
      module: CliModule,
      providers: [
        { provide: CLI_EVENT_STORE, useValue: ports.eventStore },
        { provide: CLI_READ_STORE, useValue: ports.readStore },
        { provide: CLI_EXECUTOR, useFactory: (store: EventStore) => new DecisionExecutor(store), inject: [CLI_EVENT_STORE] },
      ],
      exports: [CLI_EVENT_STORE, CLI_READ_STORE, CLI_EXECUTOR],
    };
  }
}
