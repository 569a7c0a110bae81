/** The decisions of a `changes` answer, flattened and grouped by effective date. */
import { SERIES } from './format';
import type { ChangesAnswer } from './types';

export interface Decision {
  date: string;
  /** 设立 / 撤销 / 合并 / 更名 / 调整 / 改变隶属关系 */
  action: string;
  text: string;
  documentNo: string;
  bodyId?: string;
  /** Changes the active count (establish, abolish, merge). */
  counts: boolean;
}

export function decisionsOf(changes: ChangesAnswer | undefined): Decision[] {
  if (!changes) return [];
  const out: Decision[] = [];
  for (const c of changes.established ?? [])
    out.push({ date: c.effectiveDate, action: '设立', text: c.name, documentNo: c.documentNo, bodyId: c.bodyId, counts: c.origin !== 'merger' });
  for (const c of changes.abolished ?? [])
    out.push({ date: c.effectiveDate, action: '撤销', text: `${c.name}(${c.dispositionText || c.disposition})`, documentNo: c.documentNo, bodyId: c.bodyId, counts: true });
  for (const m of changes.merged ?? [])
    out.push({
      date: m.effectiveDate,
      action: '合并',
      text: `${m.sources.map((s) => s.name || s.id).join('、')} → ${m.target.name || m.target.id}${m.target.established ? '(新设)' : ''}`,
      documentNo: m.documentNo,
      bodyId: m.target.id,
      counts: true,
    });
  for (const c of changes.renamed ?? [])
    out.push({ date: c.effectiveDate, action: '更名', text: `${c.previousName} → ${c.newName}`, documentNo: c.documentNo, bodyId: c.bodyId, counts: false });
  for (const c of changes.adjusted ?? [])
    out.push({ date: c.effectiveDate, action: '调整', text: c.name, documentNo: c.documentNo, bodyId: c.bodyId, counts: false });
  for (const c of changes.affiliationChanged ?? [])
    out.push({
      date: c.effectiveDate,
      action: '改变隶属关系',
      text: `${c.name}(${SERIES[c.from] ?? c.from} → ${SERIES[c.to] ?? c.to})`,
      documentNo: c.documentNo,
      bodyId: c.bodyId,
      counts: false,
    });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function byDate(decisions: Decision[]): Map<string, Decision[]> {
  const map = new Map<string, Decision[]>();
  for (const d of decisions) {
    const list = map.get(d.date) ?? [];
    list.push(d);
    map.set(d.date, list);
  }
  return map;
}
