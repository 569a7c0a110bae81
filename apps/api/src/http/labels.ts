import { FIELD_LABELS as DOMAIN_FIELD_LABELS, VALUE_LABELS as DOMAIN_VALUE_LABELS } from '#domain';

/**
 * Chinese names of request fields and of the coded values a request carries, for 400 answers:
 * the domain's one label table (libs/domain/src/labels.ts) first, then the names only HTTP has
 * (query parameters, headers). A field keeps its API name beside the label ("序列(series)") so
 * that the caller can find it.
 */
const HTTP_FIELD_LABELS: Record<string, string> = {
  correctionDocumentNo: '更正文号',
  dormantDays: '长期不开展工作的天数',
  date: '日期',
  from: '起始日期',
  to: '截止日期',
  knownAt: '所知时刻',
  reportsAsOf: '报送情况截止日期',
  after: '起始位置',
  limit: '条数',
  minPosition: '读模型位置',
  format: '格式',
  id: '编号',
  code: '行政区划代码',
  body: '请求体',
  'Idempotency-Key': '幂等键',
  'Content-Type': '内容类型',
};

/** The domain's names, then HTTP's own: query parameters, headers, and `from`/`to`, which in a request are the query's dates, not an affiliation change's series. */
export const FIELD_LABELS: Record<string, string> = { ...DOMAIN_FIELD_LABELS, ...HTTP_FIELD_LABELS };

/** Every coded value with its meaning, whatever field it belongs to (for a field not in the domain's table). */
const ANY_VALUE_LABELS: Record<string, string> = Object.assign({}, ...Object.values(DOMAIN_VALUE_LABELS));

/** `series` → `序列(series)`; `basis.conditions` → `设立依据.设立条件(basis.conditions)`. */
export function fieldLabel(path: string): string {
  const names = path.split('.').map((part) => {
    const [name, index = ''] = part.split(/(?=\[)/);
    return `${FIELD_LABELS[name] ?? name}${index.replace(/\[(\d+)\]/g, (_m, i: string) => `第${Number(i) + 1}项`)}`;
  });
  const label = names.join('.');
  return label === path ? path : `${label}(${path})`;
}

/** `party` → `party(党委)`, by the field's own table when it has one; numbers and uncoded values as they are. */
export function valueLabel(value: unknown, field?: string): string {
  const text = String(value);
  const label = (field ? DOMAIN_VALUE_LABELS[field]?.[text] : undefined) ?? ANY_VALUE_LABELS[text];
  return label && label !== text ? `${text}(${label})` : text;
}
