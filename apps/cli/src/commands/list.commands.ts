/**
 * Published lists on the command line: import-list (all or nothing) and export-list.
 *
 * import-list exits 0 only when every line of the file was used (entries, headings, the notice,
 * recognised furniture), the counts announced agree with the entries found, every name passes
 * the registry's name rule and every entry has a decision; otherwise it exits 1 and writes
 * nothing. A real run decides every command first and appends all their events in one step
 * (importAtomically). Exit 2: bad arguments or a file that is no text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { fail } from '../cli-errors.js';
import { RuleViolationError, addDays, isLocalDate } from '#domain';
import type { EventStore } from '#event-store';
import {
  KNOWN_JURISDICTION_NAMES,
  decodeListFile,
  formatOfficialListCsv,
  formatOfficialListText,
  formatOfficialListXlsx,
  importAtomically,
  listImportProblems,
  parseOfficialList,
  planListImport,
  type DecodedListFile,
} from '#official-list';
import { Projector, RegistryQueries, type ReadStore } from '#read-model';
import { JurisdictionBodies, type Principal } from '#registry-app';

export interface ListCliPorts {
  eventStore: EventStore;
  readStore: ReadStore;
}
export type WithListContext = <T>(work: (ports: ListCliPorts) => Promise<T>) => Promise<T>;

const OPERATOR: Principal = { name: `命令行(${process.env.USER ?? 'operator'})`, role: 'registrar', jurisdictions: ['*'] };


interface ImportOptions {
  jurisdiction: string;
  jurisdictionName?: string;
  series: string;
  document: string;
  date: string;
  baseline?: boolean;
  abolishMissing?: boolean;
  skipRemovalsNotOnFile?: boolean;
  dryRun?: boolean;
}

export function registerListCommands(program: Command, withContext: WithListContext): void {
  program
    .command('import-list <file>')
    .description('导入公布的议事协调机构名单或清理通知(UTF-8 或 GBK 文本)：保留的机构登记设立(已在册的按名称与对外名称匹配，只登记差异)，撤销、不再保留、调整为部门联席会议、合并、更名的登记相应决定；有未识别的内容、数量不符或须确认的条目时不登记任何内容(退出码 1)')
    .requiredOption('--jurisdiction <code>', '六位行政区划代码，如 370700')
    .option('--jurisdiction-name <name>', '行政区划名称，如 潍坊市(比对名称时去掉)')
    .requiredOption('--series <series>', 'party(党委) 或 government(政府)；标题写明市委/市政府的部分以标题为准')
    .requiredOption('--document <文号>', '名单的文号，如 潍政办字〔2020〕37号')
    .requiredOption('--date <YYYY-MM-DD>', '名单的日期(生效日期)')
    .option('--baseline', '以名单所列保留的机构数为总量控制基准')
    .option('--abolish-missing', '撤销该序列中名单未列的在册机构(以后一份名单作为变更适用)')
    .option('--skip-removals-not-on-file', '名单撤销(或调整为联席会议等)的机构在登记簿中本无记录时，确认无需登记，照常导入其余内容(这些条目在 skippedRemovals 中列出)')
    .option('--dry-run', '只列出每一项所在部分、对外名称及将登记的决定，不登记')
    .action((file: string, options: ImportOptions) => {
      if (!/^\d{6}$/.test(options.jurisdiction)) fail('jurisdiction', '须为六位行政区划代码');
      if (options.series !== 'party' && options.series !== 'government') fail('series', '须为 party 或 government');
      if (!isLocalDate(options.date)) fail('date', `须为 YYYY-MM-DD 的有效日期，给出的是“${options.date}”`);
      if (!options.document.trim()) fail('document', '须写明文号');
      // A missing file or one that is not a list ends as one Chinese line (cli-errors.ts).
      const decoded: DecodedListFile = decodeListFile(readFileSync(file));
      const list = parseOfficialList(decoded.text);
      return withContext(async ({ eventStore }) => {
        const bodies = new JurisdictionBodies(eventStore);
        const plan = planListImport({
          list,
          jurisdiction: options.jurisdiction,
          jurisdictionName: options.jurisdictionName,
          series: options.series as 'party' | 'government',
          documentNo: options.document,
          date: options.date,
          baseline: !!options.baseline,
          abolishMissing: !!options.abolishMissing,
          activeBodies: await bodies.activeOn(options.jurisdiction, options.date),
          bodiesTheDayBefore: await bodies.activeOn(options.jurisdiction, addDays(options.date, -1)),
        });
        const problems = listImportProblems(list, plan, { baseline: options.baseline, skipRemovalsNotOnFile: options.skipRemovalsNotOnFile });
        let recordedEvents = 0;
        let refused: { message: string; violations?: unknown } | undefined;
        if (!options.dryRun && problems.length === 0) {
          try {
            recordedEvents = (await importAtomically(eventStore, options.jurisdiction, plan.commands, OPERATOR)).eventsRecorded;
          } catch (error) {
            refused = { message: `登记被拒绝，未写入任何内容：${(error as Error).message}`, ...(error instanceof RuleViolationError ? { violations: error.violations } : {}) };
          }
        }
        console.log(JSON.stringify({
          total: list.total,
          standing: list.standing,
          temporary: list.temporary,
          removed: list.removed,
          unparsed: list.unparsed.length,
          ok: problems.length === 0 && !refused,
          problems: [...problems, ...(refused ? [refused.message] : [])],
          dryRun: !!options.dryRun,
          recordedEvents,
          details: {
            file: { encoding: decoded.encoding },
            ...(list.title ? { title: list.title } : {}),
            // the notice's own text before the first section: shown, so that no line goes unaccounted for
            ...(list.preamble ? { preamble: list.preamble } : {}),
            unparsed: list.unparsed,
            furniture: list.furniture,
            countMismatches: list.countMismatches,
            invalidNames: list.invalidNames,
            warnings: list.warnings,
            toConfirm: options.skipRemovalsNotOnFile ? plan.toConfirm.filter((c) => !c.notOnFile) : plan.toConfirm,
            ...(options.skipRemovalsNotOnFile ? { skippedRemovals: plan.toConfirm.filter((c) => c.notOnFile) } : {}),
            ...(refused?.violations ? { violations: refused.violations } : {}),
            items: plan.items,
            decisions: plan.commands.map(({ command, idempotencyKey }) => ({
              type: command.type,
              key: idempotencyKey,
              ...('profile' in command ? { name: command.profile.name, duration: command.profile.duration } : {}),
              ...('newName' in command ? { newName: command.newName } : {}),
              ...('disposition' in command ? { bodyId: command.bodyId, disposition: command.disposition } : {}),
              ...(command.type === 'MergeBodies' ? { sourceBodyIds: command.sourceBodyIds, targetBodyId: command.target.bodyId } : {}),
            })),
            missing: plan.missing.map((b) => b.name),
          },
        }, null, 2));
        if (problems.length > 0 || refused) process.exitCode = 1;
      });
    });

  program
    .command('export-list')
    .description('导出某日的名单：text(通知附件格式)、csv 或 xlsx；标题按行政区划层级(县政府、区委、省政府、国务院……)')
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
        const queries = new RegistryQueries(readStore);
        const title = await queries.listTitle(options.jurisdiction, answer.date, options.knownAt);
        const formatOptions = { jurisdiction: options.jurisdiction, jurisdictionName: KNOWN_JURISDICTION_NAMES[options.jurisdiction], ...(title ? { title } : {}) };
        const output = options.format === 'xlsx' ? await formatOfficialListXlsx(answer, formatOptions) : options.format === 'csv' ? formatOfficialListCsv(answer, formatOptions) : formatOfficialListText(answer, formatOptions);
        if (options.out) writeFileSync(options.out, output);
        else process.stdout.write(typeof output === 'string' ? `${output}\n` : output);
      });
    });
}
