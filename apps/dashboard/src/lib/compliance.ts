/** Reads `GET /jurisdictions/{code}/compliance` loosely: issue 5 fixes the final field names. */
import type { ComplianceAlert } from './types';

export { ruleLabel } from '#domain/labels';

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('；');
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return text(o.text ?? o.article ?? o.source ?? o.name ?? '');
  }
  return value === undefined || value === null ? '' : String(value);
}

function bodiesOf(o: Record<string, unknown>): ComplianceAlert['bodies'] {
  const raw = o.bodies ?? o.body ?? o.bodyIds ?? o.candidates ?? [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .map((b) => {
      if (typeof b === 'string') return { id: b, name: b };
      if (b && typeof b === 'object') {
        const x = b as Record<string, unknown>;
        const id = typeof x.id === 'string' ? x.id : typeof x.bodyId === 'string' ? x.bodyId : undefined;
        return { id, name: text(x.name ?? id ?? '') };
      }
      return undefined;
    })
    .filter((b): b is { id: string | undefined; name: string } => b !== undefined && b.name !== '');
}

export function readAlerts(answer: unknown): ComplianceAlert[] {
  const raw = Array.isArray(answer)
    ? answer
    : answer && typeof answer === 'object'
      ? ((answer as Record<string, unknown>).alerts ?? (answer as Record<string, unknown>).items ?? (answer as Record<string, unknown>).violations)
      : undefined;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((a): a is Record<string, unknown> => Boolean(a) && typeof a === 'object')
    .map((a) => ({
      rule: text(a.rule ?? a.code ?? a.type),
      article: text(a.article ?? a.articles ?? a.source),
      message: text(a.message ?? a.description ?? a.title ?? a.detail),
      since: text(a.since ?? a.began ?? a.beganOn ?? a.from ?? a.startedOn ?? a.date) || undefined,
      severity: text(a.severity ?? a.kind) || undefined,
      bodies: bodiesOf(a),
    }));
}
