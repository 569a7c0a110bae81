/**
 * What the command line says when something goes wrong: one Chinese line on stderr and exit
 * code 2, never a stack trace (an operator cannot act on one). REGISTRY_DEBUG=1 prints the
 * stack as well, for whoever maintains the code.
 */
import { CommanderError } from 'commander';
import { ruleLabel, RuleViolationError } from '#domain';

export const FAILURE_EXIT_CODE = 2;

/** Bad input on the command line: the option and what is wrong with it. */
export class CliUsageError extends Error {
  constructor(
    readonly option: string,
    readonly problem: string,
  ) {
    super(`--${option} ${problem}`);
    this.name = 'CliUsageError';
  }
}

/** Refuses an option's value (the command stops; the entry point prints one line). */
export function fail(option: string, problem: string): never {
  throw new CliUsageError(option, problem);
}

const quoted = (message: string) => /'([^']+)'/.exec(message)?.[1] ?? '';

/** Commander's own errors, in Chinese (its messages are English). */
function commanderMessage(error: CommanderError): string {
  const what = quoted(error.message);
  switch (error.code) {
    case 'commander.unknownCommand':
      return `未知命令 ${what}；可用的命令见 --help`;
    case 'commander.unknownOption':
      return `未知选项 ${what}；可用的选项见该命令的 --help`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${what}`;
    case 'commander.missingArgument':
      return `缺少必需的参数 ${what}`;
    case 'commander.optionMissingArgument':
      return `选项 ${what} 缺少取值`;
    case 'commander.excessArguments':
      return '参数过多；用法见 --help';
    case 'commander.invalidArgument':
      return `参数取值无效：${what}`;
    default:
      return `命令行参数有误(${error.code})`;
  }
}

interface SystemError extends Error {
  code?: string;
  path?: string;
}

/** One line, in Chinese, for any error a command can end with. */
export function describeCliError(error: unknown): string {
  if (error instanceof CliUsageError) return `参数错误：${error.message}`;
  if (error instanceof CommanderError) return commanderMessage(error);
  if (error instanceof RuleViolationError) {
    return `不予登记：${error.violations.map((v) => `${ruleLabel(v.rule)}(${v.source})：${v.message}`).join('；')}`;
  }
  const system = error as SystemError;
  if (system && typeof system === 'object' && typeof system.code === 'string') {
    const path = system.path ? ` ${system.path}` : '';
    switch (system.code) {
      case 'ENOENT':
        return `找不到文件或目录${path}`;
      case 'EACCES':
      case 'EPERM':
        return `无权访问${path}`;
      case 'EISDIR':
        return `所给路径是目录，须为文件${path}`;
      case 'ENOTDIR':
        return `路径中有一部分不是目录${path}`;
      case 'ECONNREFUSED':
        return '无法连接到存储服务(连接被拒绝)：请检查 EVENTSTORE_URL / MONGO_URL';
      case 'SQLITE_BUSY':
        return '数据库正被另一进程占用，请稍后重试';
    }
  }
  // The read side names its parameters as the HTTP API does; here they are options.
  const message = (error instanceof Error ? error.message : String(error)).replace(/\b(knownAt|dormantDays)\b/g, (name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
  // Errors of the registry's own code are already Chinese; others get a Chinese lead.
  return /\p{Script=Han}/u.test(message) ? message : `命令未能完成：${message}`;
}

/** Prints the error as one line and sets exit code 2. */
export function reportCliError(error: unknown): void {
  console.error(`错误：${describeCliError(error).replace(/\s*\n\s*/g, ' ')}`);
  if (process.env.REGISTRY_DEBUG === '1' && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = FAILURE_EXIT_CODE;
}
