import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import cliProgress from 'cli-progress';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { eventShapeProblem } from '#domain';
import { CorruptEventError, LogVerifier, createEventStore, parseDigest, takeDigest, verifyLog, verifyingReads, type EventStore, type LogCheck, type LogHead } from '#event-store';
import { Projector, createReadStore, type ReadStore } from '#read-model';
import type { DecisionExecutor, Principal } from '#registry-app';
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

/** Whoever runs the CLI on the server records as the operator (recordedBy). */
const OPERATOR: Principal = { name: `命令行(${process.env.USER ?? 'operator'})`, role: 'registrar', jurisdictions: ['*'] };

/** A rebuild whose log failed the check, refused without --accept-unverified. */
class UnverifiedLogError extends Error {
  constructor(readonly problemCount: number) {
    super(`日志校验发现 ${problemCount} 个问题：新视图未切换，读者仍看到原视图。请以 npm run cli -- verify 查明；确需以此日志重建，请加 --accept-unverified(将记录在案)。`);
  }
}

/**
 * The durable record of a rebuild the operator accepted unverified: one JSON line appended to
 * `audit-log.jsonl` in the data folder and synced, beside the stores it concerns.
 */
function recordInAuditLog(entry: Record<string, unknown>): void {
  const dataDir = process.env.REGISTRY_DATA_DIR || './data';
  mkdirSync(dataDir, { recursive: true });
  const fd = openSync(join(dataDir, 'audit-log.jsonl'), 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify({ recordedAt: new Date().toISOString(), ...entry })}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fail(field: string, message: string): never {
  console.error(JSON.stringify({ error: 'Bad Request', field, message }));
  process.exit(2);
}

async function withContext<T>(work: (ports: CliPorts) => Promise<T>): Promise<T> {
  const dataDir = process.env.REGISTRY_DATA_DIR || './data';
  const eventStore = await createEventStore({ eventStoreUrl: process.env.EVENTSTORE_URL || undefined, dataDir, validate: eventShapeProblem });
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
  .description('从事件日志重建全部读模型：先建入新表，边读边校验哈希链，校验通过后一次切换，读者不会看到半成品；校验不通过则不切换(退出码 2)')
  .option('--accept-unverified', '校验不通过(或有无法读取的事件，将被略过)也切换到新视图；此决定连同发现的问题记入输出与数据目录的 audit-log.jsonl')
  .action((options: { acceptUnverified?: boolean }) =>
    withContext(async ({ eventStore, readStore }) => {
      // the check reads the same pages as the fold where the store can (SQLite: hashed on its
      // reader thread, ADR 0016); elsewhere it reads the log alongside
      const verifier = new LogVerifier();
      const verifiedReads = verifyingReads(eventStore, verifier);
      const projector = new Projector({ eventStore: verifiedReads ?? eventStore, readStore });
      const bar = new cliProgress.SingleBar(
        { format: '重建读模型 [{bar}] {percentage}% | {value}/{total} 位置 | {events} 个事件 | {rate} 个/秒', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      );
      const head = await eventStore.headPosition();
      // the chain is checked alongside the fold, over the same log; the switch waits for it
      const check = verifiedReads ? undefined : verifyLog(eventStore);
      check?.catch(() => undefined);
      // after a failed read the fold's verifier saw only part of the log: the whole check then
      const fullCheck = () => check ?? verifyLog(eventStore);
      const skipped: CorruptEventError[] = [];
      let verification: LogCheck | undefined;
      bar.start(Math.max(head, 1), 0, { events: 0, rate: 0 });
      let result;
      try {
        result = await projector.rebuild(
          (p) => {
            bar.setTotal(Math.max(p.head, 1));
            bar.update(p.position, { events: p.events, rate: Math.round((p.events / Math.max(p.elapsedMs, 1)) * 1000) });
          },
          {
            ...(options.acceptUnverified ? { onCorrupt: (error: CorruptEventError) => void skipped.push(error) } : {}),
            beforeSwitch: async () => {
              verification = check ? await check : verifier.finish();
              if (verification.problems.length > 0 && !options.acceptUnverified) throw new UnverifiedLogError(verification.problems.length);
            },
          },
        );
      } catch (error) {
        bar.stop();
        if (error instanceof UnverifiedLogError || error instanceof CorruptEventError) {
          const problems = verification?.problems ?? (await fullCheck()).problems;
          console.error(error instanceof UnverifiedLogError ? error.message : `无法重建：${error.message}；未切换，读者仍看到原视图。`);
          console.log(JSON.stringify({ command: 'rebuild', switched: false, verified: false, problems: problems.slice(0, 100), problemCount: problems.length }, null, 2));
          process.exitCode = 2;
          return;
        }
        throw error;
      }
      bar.update(Math.max(head, 1));
      bar.stop();
      const problems = verification?.problems ?? [];
      const accepted = problems.length > 0 || skipped.length > 0;
      const summary = {
        command: 'rebuild',
        switched: true,
        ...result,
        verified: !accepted,
        ...(accepted
          ? {
              acceptedUnverified: { by: OPERATOR.name, at: new Date().toISOString(), problemCount: problems.length, problems: problems.slice(0, 100), skippedEvents: skipped.map(({ position, streamId, version, type, problem }) => ({ position, streamId, version, type, problem })) },
            }
          : {}),
      };
      if (accepted) recordInAuditLog(summary);
      console.log(JSON.stringify(summary));
    }),
  );

program
  .command('verify')
  .description('校验整个日志(逐页读取)：每个事件的哈希、流内前序哈希与全日志链；给出 --against 时还证明日志仍含该摘要所证明的前缀。发现问题时退出码为 2')
  .option('--against <digest>', '此前用 digest 保存的摘要：JSON 文本 {"position":…,"hash":"…"}，或存有它的文件')
  .action((options: { against?: string }) => {
    let against: LogHead | undefined;
    if (options.against !== undefined) {
      const text = options.against.trim().startsWith('{') ? options.against : existsSync(options.against) ? readFileSync(options.against, 'utf8') : fail('against', '须为摘要 JSON 或存有摘要的文件');
      try {
        against = parseDigest(text);
      } catch (error) {
        fail('against', (error as Error).message);
      }
    }
    return withContext(async ({ eventStore }) => {
      const { head, ...report } = await verifyLog(eventStore, { against });
      console.log(JSON.stringify({ command: 'verify', ...report, digest: { ...head, at: new Date().toISOString() } }, null, 2));
      if (report.problems.length > 0) process.exitCode = 2;
    });
  });

program
  .command('digest')
  .description('打印日志当前的摘要 {position, hash, at}：请保存在系统之外(打印、邮件、另一系统)，日后以 verify --against 证明日志未被删改')
  .action(() =>
    withContext(async ({ eventStore }) => {
      console.log(JSON.stringify(await takeDigest(eventStore)));
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
