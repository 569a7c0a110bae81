/**
 * What a body's name (or alias) may be, wherever it comes from: the HTTP API and a list import
 * apply the same rule, so a name refused by one is refused by the other.
 */
export const BODY_NAME_MAX_LENGTH = 200;

/** C0 and C1 controls (tab and line breaks included: a name is one line), DEL, and U+FFFD (a byte the decoder could not read). */
const FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\uFFFD]/u;

/** The problems of a name, in Chinese for the user; empty when it is acceptable. */
export function bodyNameProblems(name: unknown): string[] {
  if (typeof name !== 'string') return ['须为文本'];
  const problems: string[] = [];
  if (name.trim().length === 0) problems.push('不能为空');
  if ([...name].length > BODY_NAME_MAX_LENGTH) problems.push(`不能超过 ${BODY_NAME_MAX_LENGTH} 个字`);
  if (FORBIDDEN.test(name)) problems.push('不能含控制字符或无法识别的字符');
  return problems;
}
