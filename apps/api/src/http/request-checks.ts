import type { NestExpressApplication } from '@nestjs/platform-express';
import { badField, errorBody } from './error-body.js';

/** What these middlewares use of Express's request and response (Express 5 ships no types). */
interface Request {
  method: string;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  is(types: string[]): string | false | null;
}
interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}
type NextFunction = (error?: unknown) => void;

/** Largest request body accepted (a campaign's outcomes for a few thousand bodies fit). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest nesting a request may have; the deepest real request (合并 with a new body's posts) has 5. */
export const MAX_JSON_DEPTH = 32;

const JSON_TYPES = ['application/json', 'application/*+json'];
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Request bodies are JSON only, bounded in size and depth, and made of well-formed strings:
 * checked here, before anything hashes (Idempotency-Key), transforms or validates them, so
 * hostile input answers 400/413/415 in Chinese and never reaches code that recurses over it.
 */
export function installRequestChecks(app: NestExpressApplication): void {
  app.use(singleQueryValues);
  app.use(requireJson);
  app.useBodyParser('json', { limit: MAX_BODY_BYTES, type: JSON_TYPES, strict: true });
  app.use(parserErrors);
  app.use(wellFormedBody);
}

/** `?to=a&to=b` reaches handlers as an array no query param expects: one value each. */
function singleQueryValues(request: Request, response: Response, next: NextFunction) {
  const repeated = Object.entries(request.query ?? {}).find(([, value]) => typeof value !== 'string');
  if (!repeated) return next();
  response.status(400).json(badField(repeated[0], '只能给出一个值', `查询参数 ${repeated[0]} 只能出现一次`));
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** A body in any other format (a form, text, no Content-Type) would be misread; say so plainly. */
function requireJson(request: Request, response: Response, next: NextFunction) {
  if (!METHODS_WITH_BODY.has(request.method) || !hasBody(request) || request.is(JSON_TYPES)) return next();
  const given = request.headers['content-type'];
  response
    .status(415)
    .json(
      errorBody(415, `请求体须为 JSON：请设置请求头 Content-Type: application/json${given ? `(收到的是 ${String(given).slice(0, 100)})` : '(请求未给出 Content-Type)'}`, {
        details: [{ field: 'Content-Type', problems: ['须为 application/json'] }],
      }),
    );
}

/** body-parser's errors (English, some with its own stack) become the registry's error shape. */
function parserErrors(error: unknown, _request: Request, response: Response, next: NextFunction) {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed': {
      // strict parsing refuses a bare string, number, true or null as well as broken JSON
      const raw = String((error as { body?: unknown }).body ?? '').trimStart();
      if (raw !== '' && !raw.startsWith('{') && !raw.startsWith('[')) return response.status(400).json(badField('body', '须为 JSON 对象', '请求体须为 JSON 对象，如 {"documentNo": "…"}'));
      return response.status(400).json(badField('body', '不是有效的 JSON', '请求体不是有效的 JSON，请检查括号、引号与逗号'));
    }
    case 'entity.too.large':
      return response.status(413).json(errorBody(413, `请求体过大：不得超过 ${MAX_BODY_BYTES / 1024} KB`));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return response.status(415).json(errorBody(415, '请求体须为 UTF-8 编码的 JSON(不压缩)'));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return response.status(400).json(errorBody(400, '请求体不完整'));
    default:
      return next(error);
  }
}

/** Nesting deeper than MAX_JSON_DEPTH, or a lone UTF-16 surrogate in a key or string, is refused. */
function wellFormedBody(request: Request, response: Response, next: NextFunction) {
  if (Array.isArray(request.body)) return response.status(400).json(badField('body', '须为 JSON 对象', '请求体须为 JSON 对象，不是数组'));
  const problem = jsonProblem(request.body);
  if (!problem) return next();
  response.status(400).json(badField(problem.field, problem.problem, `请求格式有误：${problem.field} ${problem.problem}`));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Walks a parsed JSON value without recursion; the first problem found, with its dotted path. */
export function jsonProblem(value: unknown): { field: string; problem: string } | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: node, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return { field, problem: '含有无效的 Unicode 字符(孤立的代理项，如 \\ud800)' };
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { field, problem: `嵌套过深：不得超过 ${MAX_JSON_DEPTH} 层` };
    const entries: Array<[string, unknown]> = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
    for (const [key, child] of entries) {
      const childPath = Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) return { field: path || 'body', problem: '字段名含有无效的 Unicode 字符(孤立的代理项)' };
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return undefined;
}
