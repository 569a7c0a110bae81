/**
 * Supervision on the command line (issue 5): the 编办's annual report, compliance on a date,
 * a policy adoption, a campaign's summary. Same stores and command path as the server.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isLocalDate } from '#domain';
import { fail } from '../cli-errors.js';
import type { EventStore } from '#event-store';
import { KNOWN_JURISDICTION_NAMES } from '#official-list';
import type { DecisionExecutor, Principal } from '#registry-app';
import { SupervisionQueries, formatAnnualReportMarkdown, formatAnnualReportXlsx, loadPolicyProfiles, resolvePolicy } from '#supervision';

export interface SupervisionCliPorts {
  eventStore: EventStore;
  executor: DecisionExecutor;
}
export type WithSupervisionContext = <T>(work: (ports: SupervisionCliPorts) => Promise<T>) => Promise<T>;

const OPERATOR: Principal = { name: `命令行(${process.env.USER ?? 'operator'})`, role: 'registrar', jurisdictions: ['*'] };


const checkJurisdiction = (code: string) => {
  if (!/^\d{6}$/.test(code)) fail('jurisdiction', '须为六位行政区划代码');
};

export function registerSupervisionCommands(program: Command, withContext: WithSupervisionContext): void {
  program
    .command('annual-report')
    .description('编办年度报告(市级办法 第二十条)：年初年末机构数、年度变化及文号、年度报告已报未报、年末监督提示及建议撤销合并的机构、总量控制')
    .requiredOption('--jurisdiction <code>', '六位行政区划代码')
    .requiredOption('--year <year>', '年度，如 2019')
    .option('--format <format>', 'md、xlsx 或 json', 'md')
    .option('--out <file>', '写入文件(xlsx 必须)')
    .option('--known-at <time>', '截至某一时刻所知')
    .option('--reports-as-of <date>', '年度报告报送情况的截止日期，默认今天')
    .action((options: { jurisdiction: string; year: string; format: string; out?: string; knownAt?: string; reportsAsOf?: string }) => {
      checkJurisdiction(options.jurisdiction);
      if (!['md', 'xlsx', 'json'].includes(options.format)) fail('format', '须为 md、xlsx 或 json');
      if (options.format === 'xlsx' && !options.out) fail('out', 'xlsx 须用 --out 指定文件');
      if (!/^\d{4}$/.test(options.year)) fail('year', '须为四位年份');
      return withContext(async ({ eventStore }) => {
        const report = await new SupervisionQueries(eventStore).annualReport(options.jurisdiction, options.year, {
          knownAt: options.knownAt,
          reportsAsOf: options.reportsAsOf,
          jurisdictionName: KNOWN_JURISDICTION_NAMES[options.jurisdiction],
        });
        const output = options.format === 'xlsx' ? await formatAnnualReportXlsx(report) : options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatAnnualReportMarkdown(report);
        if (options.out) {
          writeFileSync(resolve(options.out), output);
          console.error(JSON.stringify({ command: 'annual-report', out: resolve(options.out), changes: report.changes.length, missingReports: report.reports.missing.length, alerts: report.alerts.length }));
        } else process.stdout.write(output);
      });
    });

  program
    .command('compliance')
    .description('某日的监督提示(总量、超期临时机构、年度报告、长期不开展工作、成员单位、职责相近)，JSON')
    .requiredOption('--jurisdiction <code>', '六位行政区划代码')
    .option('--date <YYYY-MM-DD>', '日期，默认今天')
    .option('--known-at <time>', '截至某一时刻所知')
    .option('--dormant-days <n>', '长期不开展工作的天数')
    .action((options: { jurisdiction: string; date?: string; knownAt?: string; dormantDays?: string }) => {
      checkJurisdiction(options.jurisdiction);
      if (options.date && !isLocalDate(options.date)) fail('date', '须为 YYYY-MM-DD');
      return withContext(async ({ eventStore }) => {
        const answer = await new SupervisionQueries(eventStore).compliance(options.jurisdiction, options.date, options.knownAt, options.dormantDays ? { dormantAfterDays: Number(options.dormantDays) } : {});
        console.log(JSON.stringify(answer, null, 2));
      });
    });

  program
    .command('adopt-policy')
    .description('采用管理办法(市级办法 第二十三条)：按名称参照 seeds/policies/profiles 中的办法，自生效日起适用')
    .requiredOption('--jurisdiction <code>', '六位行政区划代码')
    .requiredOption('--profile <name>', '市级办法、市级办法(旧)、辽宁办法 或 玉溪办法')
    .requiredOption('--document <文号>', '采用文件的文号')
    .requiredOption('--date <YYYY-MM-DD>', '生效日期')
    .option('--reason <text>', '说明')
    .option('--profiles <folder>', '管理办法目录', 'seeds/policies/profiles')
    .action((options: { jurisdiction: string; profile: string; document: string; date: string; reason?: string; profiles: string }) => {
      checkJurisdiction(options.jurisdiction);
      if (!isLocalDate(options.date)) fail('date', '须为 YYYY-MM-DD');
      const policy = resolvePolicy(loadPolicyProfiles(resolve(options.profiles)), { profile: options.profile });
      return withContext(async ({ executor }) => {
        const result = await executor.execute({
          principal: OPERATOR,
          command: { type: 'AdoptPolicy', jurisdiction: options.jurisdiction, policy, fromProfile: options.profile, documentNo: options.document, effectiveDate: options.date, reason: options.reason },
        });
        console.log(JSON.stringify({ command: 'adopt-policy', policy: policy.name, ...result }));
      });
    });

  program
    .command('campaign')
    .description('清理规范情况：清理方案、各机构的结论、按结论分类的数量')
    .requiredOption('--jurisdiction <code>', '六位行政区划代码')
    .option('--id <campaignId>', '清理编号；不填则列出全部')
    .action((options: { jurisdiction: string; id?: string }) => {
      checkJurisdiction(options.jurisdiction);
      return withContext(async ({ eventStore }) => {
        const queries = new SupervisionQueries(eventStore);
        const answer = options.id ? await queries.campaign(options.jurisdiction, options.id) : await queries.campaigns(options.jurisdiction);
        if (!answer) fail('id', `清理 ${options.id} 不存在`);
        console.log(JSON.stringify(answer, null, 2));
      });
    });
}
