import { createHash } from 'node:crypto';
import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import canonicalize from 'canonicalize';
import type { Principal } from '#registry-app';
import { badField } from '../../http/error-body.js';

/** What every write takes from the HTTP request besides its body. */
export interface WriteContext {
  principal: Principal;
  /** The client's Idempotency-Key scoped to the caller and the route (see scopedIdempotencyKey). */
  idempotencyKey?: string;
  requestHash: string;
  correlationId?: string;
}

const canonical = canonicalize as unknown as (value: unknown) => string;

/**
 * An Idempotency-Key means something only to the caller who chose it, on the route it was sent
 * to: the key kept with the events is `<token identity> <METHOD route pattern> <client's key>`,
 * so a replay with another token or on another route is a request of its own (ADR 0007).
 */
export function scopedIdempotencyKey(principal: Principal, method: string, route: string, key: string): string {
  return `${principal.id ?? `name:${principal.name}`} ${method} ${route} ${key}`;
}

/** The client's own key, out of a scoped one. */
export function clientIdempotencyKey(scoped: string): string {
  return scoped.split(' ').slice(3).join(' ');
}

export const Write = createParamDecorator((_data: unknown, ctx: ExecutionContext): WriteContext => {
  const request = ctx.switchToHttp().getRequest();
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 200)) {
    throw new BadRequestException(badField('Idempotency-Key', '须为 1 至 200 个字符'));
  }
  const correlation = request.headers['x-correlation-id'];
  const route: string = request.route?.path ?? request.path;
  return {
    principal: request.principal,
    idempotencyKey: key === undefined ? undefined : scopedIdempotencyKey(request.principal, request.method, route, key),
    // bounded: the body's depth and size were checked before (http/request-checks.ts)
    requestHash: createHash('sha256').update(canonical({ method: request.method, path: request.path, body: request.body ?? null })).digest('hex'),
    correlationId: typeof correlation === 'string' && correlation.length <= 200 ? correlation : undefined,
  };
});
