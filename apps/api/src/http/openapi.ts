/**
 * The OpenAPI document's shared parts: the error schema every error answer has, the schemas of
 * the answers, and decorators that list a route's answers. The fuzz suite
 * (test/e2e/openapi-fuzz.e2e-spec.ts) holds every answer to what is written here.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiParam, ApiQuery, ApiResponse, type OpenAPIObject } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger';
import { EARLIEST_DATE, LATEST_DATE } from './dates.js';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from './request-checks.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: SchemaObject = {}): SchemaObject => ({ type: 'string', ...(description ? { description } : {}), ...extra });
const int = (description?: string): SchemaObject => ({ type: 'integer', ...(description ? { description } : {}) });
const obj = (properties: Record<string, SchemaObject | { $ref: string }>, required: string[] = Object.keys(properties), description?: string): SchemaObject => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
});
const list = (items: SchemaObject | { $ref: string }, description?: string): SchemaObject => ({ type: 'array', items, ...(description ? { description } : {}) });

export const DATE_SCHEMA: SchemaObject = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: `日期 YYYY-MM-DD(${EARLIEST_DATE} 至 ${LATEST_DATE})` };
const date = (description: string): SchemaObject => ({ ...DATE_SCHEMA, description });
const instant = (description: string): SchemaObject => str(description, { format: 'date-time' });
const CODE: SchemaObject = { type: 'string', pattern: '^\\d{6}$', description: '六位行政区划代码，如 370700' };
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const anyObject = (description: string): SchemaObject => ({ type: 'object', description, additionalProperties: true });
const bodyRef = obj({ id: str('机构编号'), name: str('名称') });

/** Component schemas, added to the document by installSchemas. */
export const SCHEMAS: Record<string, SchemaObject> = {
  Error: {
    type: 'object',
    description: '错误应答(所有 4xx、5xx)',
    additionalProperties: false,
    required: ['statusCode', 'error', 'message'],
    properties: {
      statusCode: int('HTTP 状态码'),
      error: str('状态名称，如 Bad Request'),
      message: str('中文说明'),
      details: {
        description: '400：每个有误字段 {field, label, problems}；409、422 等：有关的编号、版本',
        oneOf: [list(ref('FieldProblem')), { type: 'object', additionalProperties: true }],
      },
      violations: list(ref('Violation'), '422：所违反的规定'),
    },
  },
  FieldProblem: obj({ field: str('字段路径，如 basis.conditions'), label: str('字段中文名，如 序列(series)'), problems: list(str(), '问题') }, ['field', 'problems']),
  Violation: {
    ...obj({ rule: str('规则代码'), source: str('依据条文'), message: str('说明'), severity: str('error 不予登记；warning 说明理由后可登记', { enum: ['error', 'warning'] }) }),
    properties: {
      rule: str('规则代码'),
      source: str('依据条文'),
      message: str('说明'),
      severity: str('error 不予登记；warning 说明理由后可登记', { enum: ['error', 'warning'] }),
      related: list(str(), '涉及的其他机构'),
    },
  },
  WriteResult: obj(
    { bodyId: { ...UUID, description: '机构编号(设立、合并新设等)' }, version: int('写入后流的版本'), position: int('写入后日志的位置(读己之写用 minPosition)'), eventIds: list(UUID, '写入的事件编号') },
    ['version', 'position', 'eventIds'],
    '登记结果',
  ),
  CampaignWriteResult: obj(
    { campaignId: str('清理编号'), bodyId: { ...UUID, description: '机构编号' }, version: int('写入后清理流的版本'), position: int('写入后日志的位置'), eventIds: list(UUID, '写入的事件编号') },
    ['campaignId', 'version', 'position', 'eventIds'],
    '清理规范的登记结果',
  ),
  Jurisdiction: obj({ code: CODE, name: str('名称'), bodiesEverEstablished: int('曾设立的机构数') }),
  StoredEvent: obj(
    {
      eventId: { ...UUID, description: '事件编号' },
      type: str('事件类型'),
      schemaVersion: int('事件格式版本'),
      streamId: str('流'),
      version: int('流内版本'),
      position: int('日志位置'),
      jurisdiction: CODE,
      bodyId: { ...UUID, description: '机构编号' },
      effectiveDate: date('生效日期'),
      recordedAt: instant('登记时间'),
      recordedBy: str('登记人'),
      documentNo: str('文号'),
      correlationId: str('关联编号'),
      causationId: str('起因编号(同一请求写入的事件相同)'),
      previousHash: str('前一事件的哈希'),
      hash: str('本事件的哈希'),
      data: anyObject('事件内容'),
    },
    ['eventId', 'type', 'streamId', 'version', 'position', 'jurisdiction', 'effectiveDate', 'recordedAt', 'hash', 'data'],
    '日志中的一个事件(含信封与哈希链)',
  ),
  Alert: obj({ rule: str('规则代码'), article: str('依据条文'), message: str('说明'), since: date('开始日期'), bodies: list(bodyRef, '涉及的机构'), details: anyObject('详情') }, ['rule', 'article', 'message', 'bodies']),
  AnnualReport: obj(
    {
      jurisdiction: CODE,
      year: int('年度'),
      knownAt: instant('所知时刻'),
      counts: anyObject('年初、年末机构数'),
      changes: list(anyObject('一项变化'), '年度内变化'),
      reports: anyObject('年度报告报送情况'),
      alerts: list(ref('Alert'), '年末未解决的提醒'),
      quota: anyObject('总量控制情况'),
    },
    ['jurisdiction', 'year', 'counts', 'changes', 'reports', 'alerts'],
    '编办年度报告',
  ),
  PoliciesOfJurisdiction: obj({ jurisdiction: CODE, date: date('日期'), inForce: anyObject('当日适用的管理办法'), adoptions: list(anyObject('一项采用'), '采用记录') }, ['jurisdiction', 'inForce', 'adoptions'], '行政区划的管理办法'),
  PolicyProfile: obj({ name: str('代码'), title: str('名称') }, ['name', 'title'], '管理办法'),
  CampaignSummary: obj(
    {
      id: str('清理编号'),
      jurisdiction: CODE,
      title: str('名称'),
      documentNo: str('文号'),
      openedOn: date('开始日期'),
      status: str('状态', { enum: ['open', 'concluded'] }),
      reviewed: int('已有结论的机构数'),
      counts: anyObject('按结论分类的数量'),
      text: str('公布用语'),
      outcomes: list(anyObject('一个机构的清理结论'), '各机构的清理结论'),
    },
    ['id', 'jurisdiction', 'title', 'status', 'counts', 'outcomes'],
    '清理规范',
  ),
  Integrity: obj({ events: int('事件数'), streams: int('流数'), problems: list(anyObject('一个问题'), '发现的问题') }, ['problems'], '哈希链校验结果'),
  Health: obj({ status: str('ok 表示可用', { enum: ['ok'] }), eventStore: str('事件存储'), readStore: str('读模型存储'), position: int('日志位置'), projectedPosition: int('读模型已投影到的位置') }, ['status', 'position'], '健康状态'),
};

/** Adds SCHEMAS to the document's components. */
export function installSchemas(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...SCHEMAS } };
  return document;
}

const ERRORS: Record<number, string> = {
  400: '请求格式有误：details 逐项列出有误的字段及问题(中文)',
  401: '缺少令牌或令牌无效',
  403: '令牌的角色或行政区划无权进行此操作(查阅或登记)',
  404: '所指的机构、事件或清理不存在(他行政区划的机构为 403)',
  409: '版本冲突(expectedVersion 已过时)或同一行政区划的另一项决定正在登记，刷新后重试',
  413: `请求体超过 ${MAX_BODY_BYTES / 1024} KB`,
  415: '请求体须为 JSON(Content-Type: application/json，UTF-8)',
  422: '决定不符合规定(violations 列出所违反的条文)，或 Idempotency-Key 已用于另一项请求',
  503: '存储暂不可用，或读模型在等待时间内未追上 minPosition',
};

/** The error answers of a route, each with the Error schema. */
export const ApiErrors = (...statuses: number[]) =>
  // content given, not schema: a route producing files (ApiProduces) still answers errors in JSON
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERRORS[status], content: { 'application/json': { schema: ref('Error') } } })));

/** A write: 201 with its result, and every error a write can answer. */
export const ApiWrite = (options: { onExisting?: boolean; result?: 'WriteResult' | 'CampaignWriteResult' } = {}) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: '幂等键(1–200 个字符)：同一令牌在同一路由上以同一键重复提交同一请求，只登记一次并返回首次结果；换令牌或换路由即为另一请求；同键不同请求 422',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: '关联编号，记入事件的 correlationId(至多 200 个字符)' }),
    ApiResponse({ status: 201, description: '已登记', schema: ref(options.result ?? 'WriteResult') }),
    ApiErrors(400, 401, 403, ...(options.onExisting ? [404] : []), 409, 413, 415, 422, 503),
  );

interface ReadOptions {
  notFound?: boolean;
  open?: boolean;
  /** Answers carry a weak ETag, and If-None-Match may get a 304. */
  etag?: boolean;
}

/** The answers of a read besides its 200: errors, and the 304 of a read with an ETag. */
export const ApiReadErrors = (options: ReadOptions = {}) =>
  applyDecorators(
    ...(options.etag ? [ApiResponse({ status: 304, description: '未变化：请求头 If-None-Match 与当前 ETag 相同，无应答体' })] : []),
    ApiErrors(400, ...(options.open ? [] : [401, 403]), ...(options.notFound ? [404] : []), 503),
  );

/**
 * A JSON read: 200 with its schema, and the other answers of a read. A route whose 200 is
 * described by a response class (ApiOkResponse, e.g. queries/registry.responses.ts) takes
 * ApiReadErrors alone.
 */
export const ApiRead = (schema: string | SchemaObject, options: ReadOptions & { array?: boolean } = {}) => {
  const body = typeof schema === 'string' ? ref(schema) : schema;
  return applyDecorators(
    ApiResponse({ status: 200, description: '成功', schema: options.array ? { type: 'array', items: body } : body }),
    ApiReadErrors(options),
  );
};

/** A read answering JSON or a file, by `format`. */
export const ApiReadFormats = (formats: Record<string, SchemaObject | { $ref: string }>, options: { notFound?: boolean } = {}) =>
  applyDecorators(
    ApiResponse({ status: 200, description: '成功', content: Object.fromEntries(Object.entries(formats).map(([type, schema]) => [type, { schema }])) }),
    ApiErrors(400, 401, 403, ...(options.notFound ? [404] : []), 503),
  );

export const ApiCodeParam = () => ApiParam({ name: 'code', description: '六位行政区划代码，如 370700', schema: CODE });
export const ApiBodyIdParam = () => ApiParam({ name: 'id', description: '机构编号(UUID)', schema: UUID });
export const ApiCampaignIdParam = () =>
  ApiParam({ name: 'id', description: '清理编号(字母、数字、点、下划线、连字符，至多 64 个)', schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' } });
export const ApiDateQuery = (name: string, description: string, required = false) => ApiQuery({ name, required, description, schema: date(description) });
export const ApiKnownAtQuery = () =>
  ApiQuery({ name: 'knownAt', required: false, description: '截至某一时刻所知(登记时间)：ISO-8601 时间，或 YYYY-MM-DD 表示当日结束(中国时间)；默认现在', schema: { type: 'string' } });
export const ApiMinPositionQuery = () =>
  ApiQuery({ name: 'minPosition', required: false, description: '读己之写：等读模型追上写入应答中的 position 后再答(至多 5 秒，否则 503；也可用请求头 X-Min-Position)', schema: { type: 'integer', minimum: 0 } });

/** The limits a request body is held to, for the document's description. */
export const REQUEST_LIMITS = `请求体为 JSON(Content-Type: application/json)，不超过 ${MAX_BODY_BYTES / 1024} KB、嵌套不超过 ${MAX_JSON_DEPTH} 层，字符串不得含孤立的代理项。`;
