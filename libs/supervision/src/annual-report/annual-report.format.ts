/** The annual report as the 编办 hands it on: Markdown to read, XLSX to work with. */
import ExcelJS from 'exceljs';
import { ruleLabel } from '#domain';
import type { AnnualReport, RegistryCounts } from './annual-report.js';

const countsLine = (c: RegistryCounts) => `${c.total} 个(长期 ${c.standing}、临时 ${c.temporary}；党委序列 ${c.party}、政府序列 ${c.government}${c.joint ? `、党政联合 ${c.joint}` : ''})`;
const cell = (text: string | number) => String(text).replace(/\|/g, '｜').replace(/\n/g, ' ');

function titleOf(report: AnnualReport): string {
  return `${report.jurisdictionName ?? report.jurisdiction}${report.year}年度议事协调机构工作情况报告`;
}

export function formatAnnualReportMarkdown(report: AnnualReport): string {
  const lines: string[] = [];
  const p = (line = '') => lines.push(line);
  const table = (header: string[], rows: Array<Array<string | number>>) => {
    p(`| ${header.join(' | ')} |`);
    p(`|${header.map(() => '---').join('|')}|`);
    for (const row of rows) p(`| ${row.map(cell).join(' | ')} |`);
    p();
  };
  p(`# ${titleOf(report)}`);
  p();
  p(`依据：${report.policy.name}${report.policy.documentNo ? `(${report.policy.documentNo})` : ''} 第二十条——承担议事协调机构日常工作的部门每年底报告当年工作情况，机构编制管理机关综合后向市委、市政府报告。`);
  p(`登记截至 ${report.knownAt}；年度报告报送情况截至 ${report.reportsAsOf}。`);
  p();
  p('## 一、机构数量');
  p();
  table(['', '合计', '长期设置', '临时性设置', '党委序列', '政府序列'], [
    [`${report.year}年1月1日`, report.counts.start.total, report.counts.start.standing, report.counts.start.temporary, report.counts.start.party, report.counts.start.government],
    [`${report.year}年12月31日`, report.counts.end.total, report.counts.end.standing, report.counts.end.temporary, report.counts.end.party, report.counts.end.government],
  ]);
  p(`年初 ${countsLine(report.counts.start)}，年末 ${countsLine(report.counts.end)}；全年新设 ${report.counts.established} 个，撤销、合并等减少 ${report.counts.ended} 个。`);
  p();
  p(`## 二、年度变化(${report.changes.length} 项)`);
  p();
  table(['日期', '事项', '机构', '文号', '内容'], report.changes.map((c) => [c.date, c.label, c.bodies.map((b) => b.name).join('、') || '—', c.documentNo, c.detail]));
  p(`## 三、年度工作情况报告(应报 ${report.reports.due} 个，已报 ${report.reports.filed.length} 个，未报 ${report.reports.missing.length} 个；截止 ${report.reports.deadline})`);
  p();
  const late = report.reports.filed.filter((r) => r.late);
  if (late.length > 0) p(`逾期报送 ${late.length} 个：${late.map((r) => `${r.name}(${r.filedOn})`).join('、')}。`);
  if (report.reports.missing.length > 0) {
    p();
    table(['未报送的机构', '承担日常工作的部门'], report.reports.missing.map((m) => [m.name, m.hostDepartment]));
  } else p('全部按期报送。\n');
  p(`## 四、年末监督提示(${report.alerts.length} 项)`);
  p();
  table(['规则', '依据', '自', '机构', '说明'], report.alerts.map((a) => [ruleLabel(a.rule), a.article, a.since, a.bodies.map((b) => b.name).join('、') || '—', a.message]));
  p('### 建议撤销');
  p();
  if (report.candidates.abolish.length === 0) p('无。\n');
  else table(['机构', '依据'], report.candidates.abolish.map((c) => [c.name, c.ground]));
  p('### 建议合并');
  p();
  if (report.candidates.merge.length === 0) p('无。\n');
  else table(['机构', '依据'], report.candidates.merge.map((c) => [c.bodies.map((b) => b.name).join('、'), c.ground]));
  p('## 五、总量控制');
  p();
  if (report.quota.baselines.length === 0) p('本年度未设定总量控制基准。');
  else p(`基准：${report.quota.baselines.map((b) => `${b.total} 个(${b.documentNo}，${b.effectiveDate} 起${b.series ? `，${b.series === 'party' ? '党委' : '政府'}序列` : ''})`).join('；')}。`);
  p();
  table(['日期', '在册(计入基准)', '基准'], report.quota.points.map((q) => [q.date, q.active, q.baseline ?? '—']));
  p(report.quota.over.length === 0 ? '全年未超出基准。' : `超出基准 ${report.quota.daysOver} 天：${report.quota.over.map((o) => `${o.from} 至 ${o.to} 最多超出 ${o.maxOver} 个`).join('；')}。`);
  return `${lines.join('\n')}\n`;
}

export async function formatAnnualReportXlsx(report: AnnualReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'coordination-body-registry';
  workbook.created = new Date(`${report.year}-12-31T00:00:00Z`);
  workbook.modified = workbook.created;
  const sheet = (name: string, title: string, header: string[], rows: Array<Array<string | number>>, widths: number[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.columns = widths.map((width) => ({ width }));
    ws.addRow([title]).font = { bold: true, size: 13 };
    ws.mergeCells(1, 1, 1, header.length);
    const h = ws.addRow(header);
    h.font = { bold: true };
    h.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    });
    for (const r of rows) ws.addRow(r).alignment = { vertical: 'top', wrapText: true };
  };
  const t = titleOf(report);
  sheet('机构数量', t, ['', '合计', '长期设置', '临时性设置', '党委序列', '政府序列'], [
    [`${report.year}年1月1日`, report.counts.start.total, report.counts.start.standing, report.counts.start.temporary, report.counts.start.party, report.counts.start.government],
    [`${report.year}年12月31日`, report.counts.end.total, report.counts.end.standing, report.counts.end.temporary, report.counts.end.party, report.counts.end.government],
    ['全年新设', report.counts.established, '', '', '', ''],
    ['全年减少', report.counts.ended, '', '', '', ''],
  ], [16, 10, 10, 12, 10, 10]);
  sheet('年度变化', `${t}：年度变化`, ['日期', '事项', '机构', '文号', '内容'], report.changes.map((c) => [c.date, c.label, c.bodies.map((b) => b.name).join('、'), c.documentNo, c.detail]), [12, 14, 40, 22, 60]);
  sheet('年度报告', `${t}：年度工作情况报告(截止 ${report.reports.deadline})`, ['机构', '承担日常工作的部门', '报送情况', '报送日期', '会议次数'], [
    ...report.reports.filed.map((r) => [r.name, r.hostDepartment, r.late ? '逾期报送' : '按期报送', r.filedOn, r.meetingsHeld]),
    ...report.reports.missing.map((m) => [m.name, m.hostDepartment, '未报送', '', '']),
  ], [40, 26, 12, 12, 10]);
  sheet('监督提示', `${t}：年末监督提示`, ['规则', '依据', '自', '机构', '说明'], report.alerts.map((a) => [ruleLabel(a.rule), a.article, a.since, a.bodies.map((b) => b.name).join('、'), a.message]), [20, 30, 12, 40, 60]);
  sheet('总量控制', `${t}：总量控制`, ['日期', '在册(计入基准)', '基准'], report.quota.points.map((q) => [q.date, q.active, q.baseline ?? '']), [12, 16, 10]);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
