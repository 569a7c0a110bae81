/** Reading a body's history: a Chinese summary per event, and which events were corrected. */
import { ABOLITION_REASONS, DISPOSITIONS, DURATION, EVENT_TYPES, FIELD_LABELS, SERIES, postText } from './format';
import type { HistoryEntry, Post } from './types';

export function typeLabel(type: string): string {
  return EVENT_TYPES[type] ?? type;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function fields(changes: unknown): string {
  if (!changes || typeof changes !== 'object') return '';
  return Object.keys(changes)
    .filter((k) => (changes as Record<string, unknown>)[k] !== undefined)
    .map((k) => FIELD_LABELS[k] ?? k)
    .join('、');
}

/** One line saying what the event decided. */
export function summary(entry: HistoryEntry, byId: Map<string, HistoryEntry>): string {
  const d = entry.data ?? {};
  switch (entry.type) {
    case 'BodyEstablished': {
      const origin = d.origin === 'merger' ? '(由合并新设)' : d.origin === 'import' ? '(据公布名单导入)' : '';
      const series = SERIES[d.series as 'party'] ?? '';
      const duration = DURATION[d.duration as 'standing'] ?? '';
      return `设立“${str(d.name)}”${origin}，${series}序列，${duration}${d.termEnd ? `，期限至 ${str(d.termEnd)}` : ''}`;
    }
    case 'BodyAdjusted':
      return `调整：${fields(d.changes) || '(未列明)'}`;
    case 'BodyRenamed': {
      const aliases = Array.isArray(d.aliases) && d.aliases.length ? `；对外名称：${(d.aliases as string[]).join('、')}` : '';
      return `由“${str(d.previousName)}”更名为“${str(d.newName)}”${aliases}`;
    }
    case 'BodyAffiliationChanged':
      return `由${SERIES[d.from as 'party'] ?? str(d.from)}序列改为${SERIES[d.to as 'party'] ?? str(d.to)}序列`;
    case 'BodyAbolished':
      return `撤销，情形：${ABOLITION_REASONS[Number(d.abolitionReason)] ?? str(d.abolitionReason)}；处理方式：${DISPOSITIONS[str(d.disposition)] ?? str(d.disposition)}`;
    case 'BodyMergedAway':
      return '合并：本机构并入另一机构，自此不再列入名单';
    case 'BodyAbsorbedMerger':
      return `合并：吸收 ${Array.isArray(d.sourceBodyIds) ? d.sourceBodyIds.length : ''} 个机构`;
    case 'AnnualReportFiled':
      return `${String(d.year ?? '')}年度工作报告：召开会议 ${String(d.meetingsHeld ?? '')} 次，${str(d.filedOn)} 报送`;
    case 'EventCorrected': {
      const target = byId.get(str(d.correctedEventId));
      const what = target ? `${typeLabel(target.type)}记录(${target.effectiveDate}，${target.documentNo})` : `记录 ${str(d.correctedEventId)}`;
      const parts = [fields(d.fields)];
      if (d.effectiveDate) parts.push(`生效日期改为 ${str(d.effectiveDate)}`);
      if (d.documentNo) parts.push(`文号改为 ${str(d.documentNo)}`);
      return `更正${what}：${parts.filter(Boolean).join('；') || '(未列明)'}`;
    }
    default:
      return typeLabel(entry.type);
  }
}

/** Human-readable value of a data field. */
export function valueText(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (key === 'series' || key === 'from' || key === 'to') return SERIES[value as 'party'] ?? String(value);
  if (key === 'duration') return DURATION[value as 'standing'] ?? String(value);
  if (key === 'disposition') return DISPOSITIONS[String(value)] ?? String(value);
  if (key === 'abolitionReason') return ABOLITION_REASONS[Number(value)] ?? String(value);
  if (key === 'basis' && typeof value === 'object') {
    const b = value as { conditions?: number[]; text?: string };
    return `第五条第${(b.conditions ?? []).map((c) => ['', '(一)', '(二)', '(三)'][c] ?? c).join('')}项：${b.text ?? ''}`;
  }
  if (Array.isArray(value)) {
    return value.map((v) => (v && typeof v === 'object' && 'title' in v ? postText(v as Post) : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') || '—';
  }
  if (typeof value === 'object') {
    if ('title' in (value as object)) return postText(value as Post);
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${valueText(k, v)}`)
      .join('；');
  }
  return String(value);
}

/** Data fields worth listing under an event, flattened one level for adjustments and corrections. */
export function detailRows(entry: HistoryEntry): Array<{ label: string; value: string }> {
  const data = entry.data ?? {};
  const source =
    entry.type === 'BodyAdjusted' && data.changes && typeof data.changes === 'object'
      ? (data.changes as Record<string, unknown>)
      : entry.type === 'EventCorrected' && data.fields && typeof data.fields === 'object'
        ? (data.fields as Record<string, unknown>)
        : data;
  const skip = new Set(['bodyId', 'mergerId', 'correctedEventId', 'correctedType', 'listing', 'origin', 'sourceBodyIds', 'targetBodyId']);
  return Object.entries(source)
    .filter(([k, v]) => !skip.has(k) && v !== undefined)
    .map(([k, v]) => ({ label: FIELD_LABELS[k] ?? k, value: valueText(k, v) }));
}

/** eventId → the corrections that point at it. */
export function correctionsOf(history: HistoryEntry[]): Map<string, HistoryEntry[]> {
  const map = new Map<string, HistoryEntry[]>();
  for (const e of history) {
    if (e.type !== 'EventCorrected') continue;
    const target = str(e.data?.correctedEventId);
    map.set(target, [...(map.get(target) ?? []), e]);
  }
  return map;
}

/** The date a body left the registry, from its history (corrections of the date applied). */
export function endDate(history: HistoryEntry[]): string | undefined {
  const corrections = correctionsOf(history);
  let end: string | undefined;
  for (const e of history) {
    if (e.type !== 'BodyAbolished' && e.type !== 'BodyMergedAway') continue;
    const corrected = (corrections.get(e.eventId) ?? []).map((c) => str(c.data?.effectiveDate)).filter(Boolean).at(-1);
    end = corrected || e.effectiveDate;
  }
  return end;
}
