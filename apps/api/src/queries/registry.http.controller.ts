import { Controller, Get, Inject, Query as QueryParam, Req, Res, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { addDays, chinaDateOf, streamIds } from '#domain';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '../tokens.js';
import { JurisdictionForbiddenError, mayAccess, type Principal } from '#registry-app';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { BodyIdParam } from '../commands/shared/body-id.param.js';
import { JurisdictionParam } from '../commands/shared/jurisdiction.param.js';
import { ReadCache, type HttpRequest, type HttpResponse } from './read-cache.js';
import { ReadConsistency } from './read-consistency.js';
import { GetBodyAsOf, GetChanges, GetQuota, GetRegistry } from './registry.queries.js';
import { DateQuery } from '../http/dates.js';
import { ApiBodyIdParam, ApiCodeParam, ApiDateQuery, ApiKnownAtQuery, ApiMinPositionQuery, ApiReadErrors } from '../http/openapi.js';
import { BodyStateResponse, ChangesAnswerResponse, QuotaAnswerResponse, RegistryAnswerResponse } from './registry.responses.js';

const DATE = { required: false, description: '生效日期口径(有效时间) YYYY-MM-DD，默认今天(中国时间)' };
const KNOWN_AT = { required: false, description: '截至某一时刻所知(登记时间)：ISO-8601 时间，或 YYYY-MM-DD 表示当日结束；默认现在。审计时重现当时的登记簿' };
const MIN_POSITION = { required: false, description: '读己之写：等读模型追上写入应答中的 position 后再答(也可用请求头 X-Min-Position)' };

/** Read your own write: `minPosition` from the query, or the `X-Min-Position` header. */
const MinPosition = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const request = ctx.switchToHttp().getRequest();
  return request.query?.minPosition ?? request.headers['x-min-position'];
});

export function authorizeRead(principal: Principal, jurisdiction: string) {
  if (!mayAccess(principal, jurisdiction)) throw new JurisdictionForbiddenError(jurisdiction, 'read');
}

@ApiTags('查询')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Min-Position', required: false, description: MIN_POSITION.description })
@Controller()
export class RegistryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadConsistency,
    private readonly cache: ReadCache,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The jurisdiction a body was established in, from its first event; undefined when none. */
  private async bodyJurisdiction(bodyId: string): Promise<string | undefined> {
    const [first] = await this.store.readStream(streamIds.body(bodyId));
    return first?.jurisdiction;
  }

  @Get('jurisdictions/:code/registry')
  @ApiCodeParam()
  @ApiReadErrors({ etag: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOkResponse({ type: RegistryAnswerResponse, description: '名单' })
  @ApiOperation({ summary: '议事协调机构名单(某日、某时所知)', description: '某行政区划在某日有效的议事协调机构：总数，长期/临时、党委/政府分项，以及各机构。设立当日起列入，撤销或合并当日起不再列入。' })
  @ApiDateQuery('date', DATE.description)
  @ApiKnownAtQuery()
  @ApiMinPositionQuery()
  async registry(
    @JurisdictionParam() code: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Res() response: HttpResponse,
    @DateQuery('date') date?: string,
    @QueryParam('knownAt') knownAt?: string,
    @MinPosition() minPosition?: string,
  ): Promise<void> {
    authorizeRead(principal, code);
    await this.consistency.reach(minPosition);
    // Immutable per (parameters, read-model position): cached, with an ETag (ADR 0012).
    const view = await this.cache.readModelView(knownAt);
    const day = date || chinaDateOf(new Date());
    await this.cache.serve(request, response, `registry|${code}|${day}|${view.key}|${view.position}`, { echo: view.echo }, async () => ({
      answer: await this.queries.execute(new GetRegistry(code, day, view.echo)),
    }));
  }

  @Get('bodies/:id')
  @ApiBodyIdParam()
  @ApiReadErrors({ notFound: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOkResponse({ type: BodyStateResponse, description: '机构当日的状态' })
  @ApiOperation({ summary: '机构某日的状态', description: '该机构在某日(某时所知)的名称、序列、领导成员、成员单位、职责等；当日尚未设立或已撤销、合并时 404。' })
  @ApiDateQuery('date', DATE.description)
  @ApiKnownAtQuery()
  @ApiMinPositionQuery()
  async body(
    @BodyIdParam() id: string,
    @CurrentPrincipal() principal: Principal,
    @DateQuery('date') date?: string,
    @QueryParam('knownAt') knownAt?: string,
    @MinPosition() minPosition?: string,
  ) {
    // Permission before any wait: the body's jurisdiction comes from the log, which already
    // holds a body the read models may not have caught up with.
    if (!principal.jurisdictions.includes('*')) {
      const jurisdiction = await this.bodyJurisdiction(id);
      if (jurisdiction !== undefined) authorizeRead(principal, jurisdiction);
    }
    await this.consistency.reach(minPosition);
    const state = await this.queries.execute(new GetBodyAsOf(id, date, knownAt));
    authorizeRead(principal, state.jurisdiction);
    return state;
  }

  @Get('jurisdictions/:code/quota')
  @ApiCodeParam()
  @ApiReadErrors({ etag: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOkResponse({ type: QuotaAnswerResponse, description: '总量控制线' })
  @ApiOperation({ summary: '总量控制情况', description: '期间内每个数量或基准发生变化的日期的在册机构数与所适用的总量控制基准，以及超出基准的期间和最大超出数。' })
  @ApiDateQuery('from', '起始日期，默认截止日期前十年')
  @ApiDateQuery('to', '截止日期，默认今天')
  @ApiKnownAtQuery()
  @ApiMinPositionQuery()
  async quota(
    @JurisdictionParam() code: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: HttpRequest,
    @Res() response: HttpResponse,
    @DateQuery('from') from?: string,
    @DateQuery('to') to?: string,
    @QueryParam('knownAt') knownAt?: string,
    @MinPosition() minPosition?: string,
  ): Promise<void> {
    authorizeRead(principal, code);
    await this.consistency.reach(minPosition);
    const period = defaultPeriod(from, to);
    const view = await this.cache.readModelView(knownAt);
    await this.cache.serve(request, response, `quota|${code}|${period.from}|${period.to}|${view.key}|${view.position}`, { echo: view.echo }, async () => ({
      answer: await this.queries.execute(new GetQuota(code, period.from, period.to, view.echo)),
    }));
  }

  @Get('jurisdictions/:code/changes')
  @ApiCodeParam()
  @ApiReadErrors()
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOkResponse({ type: ChangesAnswerResponse, description: '期间变化' })
  @ApiOperation({ summary: '期间变化', description: '两日之间(含)设立、撤销(含撤销情形与处理方式)、合并、更名、调整、改变隶属关系的机构。' })
  @ApiDateQuery('from', '起始日期，默认截止日期前一年')
  @ApiDateQuery('to', '截止日期，默认今天')
  @ApiKnownAtQuery()
  @ApiMinPositionQuery()
  async changes(
    @JurisdictionParam() code: string,
    @CurrentPrincipal() principal: Principal,
    @DateQuery('from') from?: string,
    @DateQuery('to') to?: string,
    @QueryParam('knownAt') knownAt?: string,
    @MinPosition() minPosition?: string,
  ) {
    authorizeRead(principal, code);
    await this.consistency.reach(minPosition);
    const period = defaultPeriod(from, to, 1);
    return this.queries.execute(new GetChanges(code, period.from, period.to, knownAt));
  }
}

function defaultPeriod(from: string | undefined, to: string | undefined, years = 10) {
  const end = to || chinaDateOf(new Date());
  const start = from || (/^\d{4}-\d{2}-\d{2}$/.test(end) ? addDays(`${Number(end.slice(0, 4)) - years}${end.slice(4, 10)}`.padStart(10, '0'), 0) : end);
  return { from: start, to: end };
}
