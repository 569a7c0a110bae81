import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { InvalidFieldsError, RuleViolationError } from '#domain';
import { ConcurrencyError, CorruptEventError } from '#event-store';
import { InvalidReadQueryError } from '#read-model';
import { clientIdempotencyKey } from '../commands/shared/write-context.js';
import { fieldLabel } from './labels.js';
import { errorBody, type ErrorBody } from './error-body.js';
import { BodyNotFoundError, IdempotencyKeyReusedError, JurisdictionBusyError, JurisdictionForbiddenError, StaleVersionError } from '#registry-app';

const CHINESE_STATUS: Record<number, string> = {
  400: '请求格式有误',
  401: '未认证：缺少或无效的令牌',
  403: '无权进行此操作',
  404: '未找到该路径或资源',
  405: '不支持该请求方法',
  406: '无法提供所要求的格式',
  409: '冲突，请刷新后重试',
  413: '请求体过大',
  415: '请求体须为 JSON',
  422: '无法登记',
  503: '服务暂不可用，请稍后重试',
};

/** Nest's own messages ("Cannot GET /x") are English; a user reads Chinese. */
function inChinese(message: string, status: number): string {
  return /\p{Script=Han}/u.test(message) ? message : (CHINESE_STATUS[status] ?? `请求未能处理(${status})`);
}

/** Every error answers `{statusCode, error, message, details?, violations?}` (the Error schema, http/openapi.ts). */
@Catch()
export class RegistryErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Registry');

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const body = this.toBody(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    const shape = (statusCode: number, message: string, extra: Record<string, unknown> = {}) => errorBody(statusCode, message, extra);
    if (exception instanceof RuleViolationError) {
      const violations = exception.violations.map(({ rule, source, message, severity, related }) => ({
        rule,
        source,
        message,
        severity,
        ...(related ? { related } : {}),
      }));
      const onlyWarnings = violations.every((v) => v.severity === 'warning');
      return shape(422, onlyWarnings ? '该决定不符合以下规定；如确属已作出的决定，请在 justifications 中逐项说明理由(如 {"quota": "…"})后重新提交' : '该决定不能登记', { violations });
    }
    if (exception instanceof InvalidFieldsError) return shape(400, exception.message, { details: exception.details });
    if (exception instanceof BodyNotFoundError) return shape(404, exception.message);
    if (exception instanceof InvalidReadQueryError) {
      return shape(400, exception.message, { details: [{ field: exception.field, label: fieldLabel(exception.field), problems: [exception.message] }] });
    }
    if (exception instanceof JurisdictionForbiddenError) return shape(403, exception.message);
    if (exception instanceof StaleVersionError) {
      return shape(409, exception.message, { details: { streamId: exception.streamId, expectedVersion: exception.expectedVersion, actualVersion: exception.actualVersion } });
    }
    if (exception instanceof ConcurrencyError) {
      return shape(409, '版本冲突：该机构已被另一项登记修改，请刷新后重试', { details: { streamId: exception.streamId, actualVersion: exception.actualVersion } });
    }
    if (exception instanceof JurisdictionBusyError) return shape(409, exception.message, { details: { jurisdiction: exception.jurisdiction } });
    if (exception instanceof CorruptEventError) {
      // a damaged row: this answer needs it, the rest of the service goes on (docs/decisions/0005)
      this.logger.error(exception.message);
      return shape(503, `${exception.message}。请审计人员以 npm run cli -- verify 查明并从备份恢复；不涉及此事件的查询与登记不受影响`, {
        details: { position: exception.position, streamId: exception.streamId, version: exception.version, type: exception.type, problem: exception.problem },
      });
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      const key = clientIdempotencyKey(exception.key);
      return shape(422, `Idempotency-Key ${key} 已用于另一项不同的请求`, { details: { idempotencyKey: key } });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'message' in response && typeof (response as { message: unknown }).message === 'string' && 'statusCode' in response) {
        // only the fields of the error schema (openapi.ts): whatever else a thrower added stays out
        const { details, violations, message } = response as ErrorBody;
        return shape(status, inChinese(message, status), { ...(details !== undefined ? { details } : {}), ...(violations !== undefined ? { violations } : {}) });
      }
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const text = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
      return shape(status, inChinese(text, status));
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return shape(500, '服务器内部错误');
  }
}
