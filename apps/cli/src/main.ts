import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { resolve } from 'node:path';
import { createEventStore, verifyLog, type EventStore } from '#event-store';
import { Projector, createReadStore, type ReadStore } from '#read-model';
import type { DecisionExecutor } from '#registry-app';
import { CLI_EVENT_STORE, CLI_EXECUTOR, CLI_READ_STORE, CliModule } from './cli.module.js';
import { registerListCommands } from './commands/list.commands.js';
import { registerSupervisionCommands } from './commands/supervision.commands.js';
import { loadSeeds } from '../../shared/src/seeding.js';
import { reportCliError } from './cli-errors.js';

/**
 * `npm run cli -- <command>`: maintenance commands on the configured stores (the same
 * environment as the server: REGISTRY_DATA_DIR, EVENTSTORE_URL, MONGO_URL).
 */
interface CliPorts {
  eventStore: EventStore;
  readStore: ReadStore;
  executor: DecisionExecutor;
}

async function withContext<T>(work: (ports: CliPorts) => Promise<T>): Promise<T> {
  const dataDir = process.env.REGISTRY_DATA_DIR || './data';
  const eventStore = await createEventStore({ eventStoreUrl: process.env.EVENTSTORE_URL || undefined, dataDir });
  const readStore = await createReadStore({ dataDir, mongoUrl: process.env.MONGO_URL || undefined });
  const context = await NestFactory.createApplicationContext(CliModule.register({ eventStore, readStore }), { logger: ['error', 'warn'] });
  try {
    return await work({ eventStore: context.get(CLI_EVENT_STORE), readStore: context.get(CLI_READ_STORE), executor: context.get(CLI_EXECUTOR) });
  } finally {
    await context.close();
    await readStore.close();
    await eventStore.close();
  }
}

// Errors of any kind end as one Chinese line and exit 2 (cli-errors.ts): commander throws instead
// of printing its English messages, and every action's failure reaches the catch at the end.
process.on('uncaughtException', reportCliError);
process.on('unhandledRejection', reportCliError);
const HELP_TITLES: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '通用选项：' };
const program = new Command()
  .name('registry')
  .description('议事协调机构登记簿 命令行工具')
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  // The help in Chinese: commander's section titles, the help option and the help command.
  .configureHelp({
    styleTitle: (title: string) => HELP_TITLES[title] ?? title,
    optionDescription: (option) => (option.defaultValue === undefined || typeof option.defaultValue === 'boolean' ? option.description : `${option.description}(默认 ${String(option.defaultValue)})`),
  })
  .helpOption('-h, --help', '显示帮助')
  .helpCommand('help [command]', '显示某一命令的帮助');

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

program
  .command('seed')
  .description('载入 seeds/ (潍坊2020名单及其总量控制基准、演示历史)；经与 HTTP 相同的命令路径登记，重复运行不会重复登记')
  .option('--dir <folder>', '种子目录', 'seeds')
  .action((options: { dir: string }) =>
    withContext(async ({ eventStore, executor }) => {
      const summary = await loadSeeds(resolve(options.dir), eventStore, executor, (line) => console.error(line));
      console.log(JSON.stringify({ command: 'seed', ...summary }));
    }),
  );

registerListCommands(program, withContext);
registerSupervisionCommands(program, withContext);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // --help and --version also end by a CommanderError, with exit code 0.
  if (error instanceof CommanderError && error.exitCode === 0) process.exitCode = 0;
  else reportCliError(error);
}
