/**
 * Test support for the slices' specs: the command bus of @nestjs/cqrs with every decision's
 * handler registered, on a fresh SQLite event store, and a spy on each handler so that a spec
 * can check that its command reached its own handler and no other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { CqrsModule, CommandBus, type ICommandHandler } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import type { EstablishBody } from '#domain';
import { establish as establishCommand, units } from '#domain/testing';
import { SqliteEventStore, type EventStore } from '#event-store';
import { DecisionPath, type Principal, type WriteResult } from '#registry-app';
import { AdoptPolicyHandler } from '../../supervision/adopt-policy.handler.js';
import { CampaignHandler } from '../../supervision/campaign.handler.js';
import { DECISION_PATH } from '../../tokens.js';
import { COMMAND_HANDLERS } from '../index.js';
import { EstablishBodyCommand } from '../establish-body/establish-body.handler.js';

export const CODE = '370700';
export const principal: Principal = { name: '潍坊市编办', role: 'registrar', jurisdictions: [CODE] };
const HANDLERS = [...COMMAND_HANDLERS, AdoptPolicyHandler, CampaignHandler];

export interface SliceBus {
  bus: CommandBus;
  store: EventStore;
  /** The handler classes that ran, in order. */
  handled: () => string[];
  /** Records an establishment through its own slice (the given state most specs start from). */
  establish: (bodyId: string, name: string, effectiveDate?: string, change?: (command: EstablishBody) => EstablishBody) => Promise<WriteResult>;
  types: (streamId: string) => Promise<string[]>;
  close: () => Promise<void>;
}

export async function sliceBus(): Promise<SliceBus> {
  const dir = mkdtempSync(join(tmpdir(), 'slice-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  const handled: string[] = [];
  const spies = HANDLERS.map((handler) => {
    const prototype = handler.prototype as ICommandHandler;
    const original = prototype.execute;
    return jest.spyOn(prototype, 'execute').mockImplementation(function (this: ICommandHandler, command) {
      handled.push(handler.name);
      return original.call(this, command);
    });
  });
  const module = await Test.createTestingModule({
    imports: [CqrsModule.forRoot()],
    providers: [{ provide: DECISION_PATH, useValue: new DecisionPath(store) }, ...HANDLERS],
  }).compile();
  await module.init();
  const bus = module.get(CommandBus);
  return {
    bus,
    store,
    handled: () => [...handled],
    establish: (bodyId, name, effectiveDate = '2020-01-01', change = (c) => c) =>
      bus.execute(new EstablishBodyCommand({ principal, command: change(establishCommand(bodyId, name, effectiveDate, units(3))) })),
    types: async (streamId) => (await store.readStream(streamId)).map((e) => e.type),
    close: async () => {
      for (const spy of spies) spy.mockRestore();
      await module.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
