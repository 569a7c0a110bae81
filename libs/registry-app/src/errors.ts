/** Application errors the HTTP edge maps to status codes (404, 403, 409, 422). */
export class BodyNotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} 不存在`);
    this.name = 'BodyNotFoundError';
  }
}

export class JurisdictionForbiddenError extends Error {
  constructor(
    readonly jurisdiction: string,
    readonly access: 'write' | 'read' = 'write',
  ) {
    super(access === 'read' ? `令牌无权查阅行政区划 ${jurisdiction} 的信息` : `令牌无权对行政区划 ${jurisdiction} 登记`);
    this.name = 'JurisdictionForbiddenError';
  }
}

/** The same Idempotency-Key came with a different request. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} 已用于另一项不同的请求`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** The client's expectedVersion is not the body's version. */
export class StaleVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`版本冲突：${streamId} 当前版本为 ${actualVersion}，请求基于版本 ${expectedVersion}`);
    this.name = 'StaleVersionError';
  }
}

/** Another decision of the jurisdiction held its lock longer than a request waits for it. */
export class JurisdictionBusyError extends Error {
  constructor(readonly jurisdiction: string) {
    super(`行政区划 ${jurisdiction} 的另一项决定正在登记，请稍后重试`);
    this.name = 'JurisdictionBusyError';
  }
}
