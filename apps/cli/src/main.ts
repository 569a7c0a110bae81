import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isLocalDate } from '#domain';
import { createEventStore, verifyLog, type EventStore } from '#event-store';
import {
  KNOWN_JURISDICTION_NAMES,
  formatOfficialListCsv,
  formatOfficialListText,
  formatOfficialListXlsx,
  parseOfficialList,
  planListImport,
} from '#official-list';
import { Projector, RegistryQueries, createReadStore, type ReadStore } from '#read-model';
import { JurisdictionBodies, type DecisionExecutor, type Principal } from '#registry-app';
import { CLI_EVENT_STORE, CLI_EXECUTOR, CLI_READ_STORE, CliModule } from './cli.module.js';
import { registerSupervisionCommands } from './commands/supervision.commands.js';
import { executePlan, loadSeeds } from '../../shared/src/seeding.js';
import { fail, reportCliError } from './cli-errors.js';

/**
 * `npm run cli -- <command>`: maintenance commands on the configured stores (the same
 * environment as the server: REGISTRY_DATA_DIR, EVENTSTORE_URL, MONGO_URL).
 */
interface CliPorts {
  eventStore: EventStore;
  readStore: ReadStore;
  executor: DecisionExecutor;
}

/** Whoever runs the CLI on the server records as the operator (recordedBy). */
const OPERATOR: Principal = { name: `命令行(${process.env.USER ?? 'operator'})`, role: 'registrar', jurisdictions: ['*'] };


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

program
  .command('import-list <file>')
  .description('导入公布的议事协调机构名单(通知附件格式)：每个机构登记一次设立；已在册的按名称与对外名称匹配，只登记差异')
  .requiredOption('--jurisdiction <code>', '六位行政区划代码，如 370700')
  .requiredOption('--series <series>', 'party(党委) 或 government(政府)')
  .requiredOption('--document <文号>', '名单的文号，如 潍政办字〔2020〕37号')
  .requiredOption('--date <YYYY-MM-DD>', '名单的日期(生效日期)')
  .option('--baseline', '以名单数量为总量控制基准')
  .option('--abolish-missing', '撤销该序列中名单未列的在册机构(以后一份名单作为变更适用)')
  .option('--dry-run', '只列出将要登记的内容，不登记')
  .action((file: string, options: { jurisdiction: string; series: string; document: string; date: string; baseline?: boolean; abolishMissing?: boolean; dryRun?: boolean }) => {
    if (!/^\d{6}$/.test(options.jurisdiction)) fail('jurisdiction', '须为六位行政区划代码');
    if (options.series !== 'party' && options.series !== 'government') fail('series', '须为 party 或 government');
    if (!isLocalDate(options.date)) fail('date', `须为 YYYY-MM-DD 的有效日期，给出的是“${options.date}”`);
    if (!options.document.trim()) fail('document', '须写明文号');
    const list = parseOfficialList(readFileSync(file, 'utf8'));
    return withContext(async ({ eventStore, executor }) => {
      const plan = planListImport({
        list,
        jurisdiction: options.jurisdiction,
        series: options.series as 'party' | 'government',
        documentNo: options.document,
        date: options.date,
        baseline: !!options.baseline,
        abolishMissing: !!options.abolishMissing,
        activeBodies: await new JurisdictionBodies(eventStore).activeOn(options.jurisdiction, options.date),
      });
      const before = await eventStore.headPosition();
      if (!options.dryRun) await executePlan(executor, plan.commands, OPERATOR);
      const after = await eventStore.headPosition();
      console.log(JSON.stringify({
        total: list.total,
        standing: list.standing,
        temporary: list.temporary,
        unparsed: list.unparsed,
        countMismatches: list.countMismatches,
        warnings: list.warnings,
        dryRun: !!options.dryRun,
        decisions: plan.commands.map(({ command }) => ({ type: command.type, ...('profile' in command ? { name: command.profile.name } : {}), ...('newName' in command ? { newName: command.newName } : {}) })),
        items: plan.items,
        missing: plan.missing.map((b) => b.name),
        recordedEvents: options.dryRun || after === before ? 0 : (await eventStore.readAll({ after: before })).length,
      }, null, 2));
      if (list.unparsed.length > 0 || list.countMismatches.length > 0) process.exitCode = 1;
    });
  });

program
  .command('export-list')
  .description('导出某日的名单：text(通知附件格式)、csv 或 xlsx')
  .requiredOption('--jurisdiction <code>', '六位行政区划代码')
  .option('--date <YYYY-MM-DD>', '名单日期，默认今天')
  .option('--known-at <time>', '截至某一时刻所知')
  .option('--format <format>', 'text、csv 或 xlsx', 'text')
  .option('--out <file>', '写入文件(xlsx 必须)')
  .action((options: { jurisdiction: string; date?: string; knownAt?: string; format: string; out?: string }) => {
    if (!['text', 'csv', 'xlsx'].includes(options.format)) fail('format', '须为 text、csv 或 xlsx');
    if (options.date !== undefined && !isLocalDate(options.date)) fail('date', `须为 YYYY-MM-DD 的有效日期，给出的是“${options.date}”`);
    if (options.format === 'xlsx' && !options.out) fail('out', 'xlsx 须用 --out 指定文件');
    return withContext(async ({ eventStore, readStore }) => {
      // Bring the views up to the log first; a running server's projector may share the store.
      const projector = new Projector({ eventStore, readStore });
      await projector.catchUpFromScratchIfEmpty();
      await projector.start();
      await projector.stop();
      const answer = await new RegistryQueries(readStore).registry(options.jurisdiction, options.date, options.knownAt);
      const formatOptions = { jurisdictionName: KNOWN_JURISDICTION_NAMES[options.jurisdiction] };
      const output = options.format === 'xlsx' ? await formatOfficialListXlsx(answer, formatOptions) : options.format === 'csv' ? formatOfficialListCsv(answer, formatOptions) : formatOfficialListText(answer, formatOptions);
      if (options.out) writeFileSync(options.out, output);
      else process.stdout.write(typeof output === 'string' ? `${output}\n` : output);
    });
  });

registerSupervisionCommands(program, withContext);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // --help and --version also end by a CommanderError, with exit code 0.
  if (error instanceof CommanderError && error.exitCode === 0) process.exitCode = 0;
  else reportCliError(error);
}
