import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import { InvalidFieldsError, RuleViolationError } from '#domain';
import { ConcurrencyError, CorruptEventError } from '#event-store';
import { InvalidReadQueryError } from '#read-model';
import { BodyNotFoundError, IdempotencyKeyReusedError, JurisdictionBusyError, JurisdictionForbiddenError, StaleVersionError } from '#registry-app';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Every error answers `{statusCode, error, message, details?}` (docs/http-api.md). */
@Catch()
export class RegistryErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Registry');

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const body = this.toBody(exception);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): Record<string, unknown> & { statusCode: number } {
    const shape = (statusCode: number, message: string, extra: Record<string, unknown> = {}) => ({
      statusCode,
      error: STATUS_TEXT[statusCode] ?? 'Error',
      message,
      ...extra,
    });
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
      return shape(400, exception.message, { details: [{ field: exception.field, problems: [exception.message] }] });
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
    if (exception instanceof IdempotencyKeyReusedError) return shape(422, exception.message, { details: { idempotencyKey: exception.key } });
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'message' in response && typeof (response as { message: unknown }).message === 'string' && 'statusCode' in response) {
        return { ...(response as Record<string, unknown>), statusCode: status, error: STATUS_TEXT[status] ?? (response as { error?: string }).error };
      }
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      return shape(status, Array.isArray(message) ? message.join('; ') : String(message ?? exception.message));
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return shape(500, '服务器内部错误');
  }
}
