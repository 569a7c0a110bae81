/**
 * Whether a parsed list and its plan may be recorded: an import writes only when everything in
 * the file was used, the counts add up and every entry has a decision. The reasons, in Chinese,
 * are what the clerk reads (docs/decisions/0008-official-list-import.md).
 */
import type { ParsedOfficialList } from './official-list.types.js';
import type { ListImportPlan } from './plan-list-import.js';

export interface ListImportCheckOptions {
  baseline?: boolean;
  /**
   * The clerk confirms that removals of bodies the registry never recorded (a first import of a
   * clean-up notice) have nothing to remove: they are reported, not a reason to refuse.
   */
  skipRemovalsNotOnFile?: boolean;
}

export function listImportProblems(list: ParsedOfficialList, plan: ListImportPlan | undefined, options: ListImportCheckOptions = {}): string[] {
  const problems: string[] = [];
  if (list.total + list.removed === 0) problems.push('文件中没有找到任何机构(未识别出编号条目或机构名称)');
  if (list.unparsed.length > 0) {
    problems.push(`${list.unparsed.length} 处内容未能识别：${list.unparsed.slice(0, 5).map((u) => `第 ${u.line} 行“${u.text.slice(0, 30)}”`).join('；')}${list.unparsed.length > 5 ? ' 等' : ''}`);
  }
  for (const m of list.countMismatches) {
    problems.push(`“${m.section}”${m.line ? `(第 ${m.line} 行)` : ''}公布 ${m.announced} 个，实际列出 ${m.found} 个`);
  }
  for (const n of list.invalidNames) problems.push(`第 ${n.line} 行第 ${n.number} 项名称${n.problems.join('，')}`);
  for (const c of plan?.toConfirm ?? []) if (!(options.skipRemovalsNotOnFile && c.notOnFile)) problems.push(`第 ${c.line} 行第 ${c.number} 项“${c.name}”须确认：${c.problem}`);
  const confirming = new Set((plan?.toConfirm ?? []).map((c) => c.number));
  for (const c of plan?.conflicts ?? []) if (!confirming.has(c.number)) problems.push(`第 ${c.number} 项与名单中另一项对应同一在册机构`);
  if (options.baseline && list.total === 0) problems.push('名单中没有保留的机构，不能作为总量控制基准');
  return problems;
}
