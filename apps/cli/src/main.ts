import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { createEventStore, verifyLog, type EventStore } from '#event-store';
import { Projector, createReadStore, type ReadStore } from '#read-model';
import { CLI_EVENT_STORE, CLI_READ_STORE, CliModule } from './cli.module.js';

/**
 * `npm run cli -- <command>`: maintenance commands on the configured stores (the same
 * environment as the server: REGISTRY_DATA_DIR, EVENTSTORE_URL, MONGO_URL).
 */
async function withContext<T>(work: (ports: { eventStore: EventStore; readStore: ReadStore }) => Promise<T>): Promise<T> {
  const dataDir = process.env.REGISTRY_DATA_DIR || './data';
  const eventStore = await createEventStore({ eventStoreUrl: process.env.EVENTSTORE_URL || undefined, dataDir });
  const readStore = await createReadStore({ dataDir, mongoUrl: process.env.MONGO_URL || undefined });
  const context = await NestFactory.createApplicationContext(CliModule.register({ eventStore, readStore }), { logger: ['error', 'warn'] });
  try {
    return await work({ eventStore: context.get(CLI_EVENT_STORE), readStore: context.get(CLI_READ_STORE) });
  } finally {
    await context.close();
    await readStore.close();
    await eventStore.close();
  }
}

const program = new Command().name('registry').description('议事协调机构登记簿 命令行工具');

program
  .command('rebuild')
  .description('从事件日志重建全部读模型：先建入新表，完成后一次切换，读者不会看到半成品')
  .action(() =>
    withContext(async ({ eventStore, readStore }) => {
      const projector = new Projector({ eventStore, readStore });
      const bar = new cliProgress.SingleBar(
        { format: '重建读模型 [{bar}] {percentage}% | {value}/{total} 位置 | {events} 个事件 | {rate} 个/秒', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      const head = await eventStore.headPosition();
      bar.start(Math.max(head, 1), 0, { events: 0, rate: 0 });
      const result = await projector.rebuild((p) => {
        bar.setTotal(Math.max(p.head, 1));
        bar.update(p.position, { events: p.events, rate: Math.round((p.events / Math.max(p.elapsedMs, 1)) * 1000) });
      });
      bar.update(Math.max(head, 1));
      bar.stop();
      console.log(JSON.stringify({ command: 'rebuild', ...result }));
    }),
  );

program
  .command('verify')
  .description('校验哈希链：逐流检查每个事件的哈希与前序哈希，发现被删改的事件')
  .action(() =>
    withContext(async ({ eventStore }) => {
      const report = await verifyLog(() => eventStore.readAll());
      console.log(JSON.stringify({ command: 'verify', ...report }, null, 2));
      if (report.problems.length > 0) process.exitCode = 2;
    }),
  );

await program.parseAsync(process.argv);
