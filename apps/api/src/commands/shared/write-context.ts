import { createHash } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Principal } from '#registry-app';

/** What every write takes from the HTTP request besides its body. */
export interface WriteContext {
  principal: Principal;
  idempotencyKey?: string;
  requestHash: string;
  correlationId?: string;
}

const canonical = canonicalize as unknown as (value: unknown) => string;

export const Write = createParamDecorator((_data: unknown, ctx: ExecutionContext): WriteContext => {
  const request = ctx.switchToHttp().getRequest();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 200)) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Idempotency-Key 须为 1 至 200 个字符', details: [{ field: 'Idempotency-Key', problems: ['长度须为 1 至 200'] }] });
  }
  const correlation = request.headers['x-correlation-id'];
  return {
    principal: request.principal,
    idempotencyKey: key,
    requestHash: createHash('sha256').update(canonical({ method: request.method, path: request.path, body: request.body ?? null })).digest('hex'),
    correlationId: typeof correlation === 'string' && correlation.length <= 200 ? correlation : undefined,
  };
});
