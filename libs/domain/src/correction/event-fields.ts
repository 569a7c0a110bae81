/**
 * The shape of each correctable field of an event's data, by event type: a correction passes
 * the same field validation as the decision it corrects (a string where a list of member units
 * belongs is refused, not recorded). Pure checks; the HTTP edge answers 400 with the fields.
 */
import { isLocalDate } from '../shared/dates.js';
import { ABOLITION_DISPOSITIONS, BODY_KINDS, RANKS_HIGH_TO_LOW, SERIES } from '../body/body.types.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** A correction's fields do not fit the corrected event's data: 400 at the edge. */
export class InvalidFieldsError extends Error {
  constructor(readonly details: FieldProblem[]) {
    super(`请求格式有误：${details.map((d) => d.field).join('、')}`);
    this.name = 'InvalidFieldsError';
  }
}

type Check = (value: unknown, field: string) => FieldProblem[];

const problem = (field: string, message: string): FieldProblem[] => [{ field, problems: [message] }];
const hasControl = (s: string) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u.test(s);

const text = (max: number, required = false): Check => (v, field) => {
  if (typeof v !== 'string') return problem(field, '须为字符串');
  if (v.length > max) return problem(field, `长度不得超过 ${max}`);
  if (hasControl(v)) return problem(field, '不得含控制字符');
  if (required && v.trim() === '') return problem(field, '不能为空');
  return [];
};
const texts = (maxItems: number, maxLength = 200): Check => (v, field) => {
  if (!Array.isArray(v)) return problem(field, '须为数组');
  if (v.length > maxItems) return problem(field, `至多 ${maxItems} 项`);
  return v.flatMap((item, i) => text(maxLength)(item, `${field}.${i}`));
};
const oneOf = (values: readonly unknown[]): Check => (v, field) => (values.includes(v) ? [] : problem(field, `须为以下之一：${values.join(', ')}`));
const integer = (min: number, max = Number.MAX_SAFE_INTEGER): Check => (v, field) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? [] : problem(field, `须为 ${min} 至 ${max === Number.MAX_SAFE_INTEGER ? '∞' : max} 的整数`);
const date: Check = (v, field) => (isLocalDate(v) ? [] : problem(field, '须为有效日期 YYYY-MM-DD'));
const bool: Check = (v, field) => (typeof v === 'boolean' ? [] : problem(field, '须为 true 或 false'));
const object = (shape: Record<string, Check>, required: string[] = []): Check => (v, field) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem(field, '须为对象');
  const record = v as Record<string, unknown>;
  return [
    ...Object.keys(record).flatMap((k) => (Object.hasOwn(shape, k) ? (record[k] === undefined ? [] : shape[k](record[k], `${field}.${k}`)) : problem(`${field}.${k}`, '不允许的字段'))),
    ...required.filter((k) => record[k] === undefined).flatMap((k) => problem(`${field}.${k}`, '必填')),
  ];
};
const post = object(
  { title: text(200, true), rank: oneOf(RANKS_HIGH_TO_LOW), role: text(50), person: text(100), expert: bool },
  ['title'],
);
const posts: Check = (v, field) => (Array.isArray(v) ? (v.length > 200 ? problem(field, '至多 200 项') : v.flatMap((p, i) => post(p, `${field}.${i}`))) : problem(field, '须为职务对象的数组，如 [{"title":"市长"}]'));

/** The 第十条 content, as recorded on establishment and changed by adjustments. */
const PROFILE: Record<string, Check> = {
  name: text(200, true),
  aliases: texts(20),
  kind: oneOf(BODY_KINDS),
  series: oneOf(SERIES),
  duration: oneOf(['standing', 'temporary']),
  termEnd: date,
  abolitionCondition: text(2000),
  basis: object({ conditions: (v, f) => (Array.isArray(v) ? v.flatMap((c, i) => oneOf([1, 2, 3])(c, `${f}.${i}`)) : problem(f, '须为数组')), text: text(4000) }, ['conditions', 'text']),
  reason: text(4000),
  leaders: posts,
  deputies: posts,
  members: posts,
  secretaries: posts,
  memberUnits: texts(200),
  tasks: text(8000),
  duties: text(8000),
  hostDepartment: text(200),
  location: text(500),
  funding: text(500),
  mirrorsUpperBody: text(200),
  leadUnits: texts(20),
  office: object({ seat: text(200), director: text(200), none: bool }),
  liaison: text(1000),
  workingRules: object({ meetingsPerYear: integer(0, 366), noSeal: bool, text: text(4000) }),
};
const ADJUSTABLE = Object.fromEntries(
  ['leaders', 'deputies', 'members', 'memberUnits', 'tasks', 'duties', 'hostDepartment', 'location', 'funding', 'kind', 'duration', 'termEnd', 'abolitionCondition', 'leadUnits', 'secretaries', 'office', 'liaison', 'workingRules'].map((k) => [k, PROFILE[k]]),
);

const FIELDS: Record<string, Record<string, Check>> = {
  BodyEstablished: PROFILE,
  BodyAdjusted: { changes: object(ADJUSTABLE) },
  BodyRenamed: { newName: text(200, true), aliases: texts(20), kind: oneOf(BODY_KINDS) },
  BodyAffiliationChanged: { to: oneOf(SERIES) },
  BodyAbolished: { abolitionReason: integer(1, 8), disposition: oneOf(Object.keys(ABOLITION_DISPOSITIONS)), selfAbolition: object({ condition: text(2000, true), evidence: text(4000, true) }, ['condition', 'evidence']) },
  AnnualReportFiled: { year: integer(1949, 2200), summary: text(8000), meetingsHeld: integer(0, 10000), filedOn: date },
  QuotaBaselineSet: { total: integer(0), standing: integer(0), temporary: integer(0), series: oneOf(SERIES) },
  BodiesMerged: { mergerReason: integer(1, 3), establishedTarget: object(PROFILE) },
};

/**
 * The problems of a correction's `fields` for an event of `type`, each named `fields.<name>`.
 * Fields the type does not describe here are left to the correction rule (unknown fields).
 */
export function correctionFieldProblems(type: string, fields: Record<string, unknown>): FieldProblem[] {
  const shape = Object.hasOwn(FIELDS, type) ? FIELDS[type] : undefined;
  if (!shape) return [];
  return Object.entries(fields).flatMap(([name, value]) => (Object.hasOwn(shape, name) ? shape[name](value, `fields.${name}`) : []));
}
