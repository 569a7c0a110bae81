import { Inject, Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { BodyState } from '#domain';
import type { ChangesBetween, QuotaBetween, RegistryAsOf, RegistryQueries } from '#read-model';
import { BodyNotFoundError } from '#registry-app';
import { REGISTRY_QUERIES } from '../tokens.js';

/** 名单: the registry of a jurisdiction on a date, as known at a moment. */
export class GetRegistry extends Query<RegistryAsOf> {
  constructor(readonly jurisdiction: string, readonly date?: string, readonly knownAt?: string) {
    super();
  }
}

/** The own title of the list in force on a date (the notice imported with the baseline), if any. */
export class GetListTitle extends Query<string | undefined> {
  constructor(readonly jurisdiction: string, readonly date?: string, readonly knownAt?: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetListTitle)
export class GetListTitleHandler implements IQueryHandler<GetListTitle> {
  constructor(@Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries) {}
  execute(q: GetListTitle) {
    return this.queries.listTitle(q.jurisdiction, q.date, q.knownAt);
  }
}

/** A body's state on a date, as known at a moment. */
export class GetBodyAsOf extends Query<BodyState> {
  constructor(readonly bodyId: string, readonly date?: string, readonly knownAt?: string) {
    super();
  }
}

/** 总量控制: active bodies against the baseline, day by day, and the stretches over it. */
export class GetQuota extends Query<QuotaBetween> {
  constructor(readonly jurisdiction: string, readonly from: string, readonly to: string, readonly knownAt?: string) {
    super();
  }
}

/** What changed between two dates. */
export class GetChanges extends Query<ChangesBetween> {
  constructor(readonly jurisdiction: string, readonly from: string, readonly to: string, readonly knownAt?: string) {
    super();
  }
}

@Injectable()
@QueryHandler(GetRegistry)
export class GetRegistryHandler implements IQueryHandler<GetRegistry> {
  constructor(@Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries) {}
  execute(q: GetRegistry) {
    return this.queries.registry(q.jurisdiction, q.date, q.knownAt);
  }
}

@Injectable()
@QueryHandler(GetBodyAsOf)
export class GetBodyAsOfHandler implements IQueryHandler<GetBodyAsOf> {
  constructor(@Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries) {}
  async execute(q: GetBodyAsOf) {
    const state = await this.queries.bodyAsOf(q.bodyId, q.date, q.knownAt);
    if (!state) throw new BodyNotFoundError(`机构 ${q.bodyId} 在 ${q.date ?? '今天'}`);
    return state;
  }
}

@Injectable()
@QueryHandler(GetQuota)
export class GetQuotaHandler implements IQueryHandler<GetQuota> {
  constructor(@Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries) {}
  execute(q: GetQuota) {
    return this.queries.quota(q.jurisdiction, q.from, q.to, q.knownAt);
  }
}

@Injectable()
@QueryHandler(GetChanges)
export class GetChangesHandler implements IQueryHandler<GetChanges> {
  constructor(@Inject(REGISTRY_QUERIES) private readonly queries: RegistryQueries) {}
  execute(q: GetChanges) {
    return this.queries.changes(q.jurisdiction, q.from, q.to, q.knownAt);
  }
}

export const REGISTRY_QUERY_HANDLERS = [GetRegistryHandler, GetListTitleHandler, GetBodyAsOfHandler, GetQuotaHandler, GetChangesHandler];
