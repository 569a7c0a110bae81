import { BadRequestException, Controller, HttpException, DefaultValuePipe, Get, Inject, ParseIntPipe, Query as QueryParam, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseDigest, type EventStore } from '#event-store';
import type { ReadStore } from '#read-model';
import { JurisdictionForbiddenError, mayAccess, type Principal } from '#registry-app';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { BodyIdParam } from '../commands/shared/body-id.param.js';
import { EVENT_STORE, READ_STORE } from '../tokens.js';
import { GetBodyHistory, GetEventLog, VerifyIntegrity } from './event-log.queries.js';
import { ApiBodyIdParam, ApiRead, ApiReadErrors } from '../http/openapi.js';
import { badField } from '../http/error-body.js';
import { ReadCache, type HttpRequest, type HttpResponse } from './read-cache.js';
import { HistoryEntryResponse } from './registry.responses.js';

const positiveInt = (field: string) => new ParseIntPipe({ exceptionFactory: () => badParam(field) });
function badParam(field: string) {
  return new BadRequestException(badField(field, '须为整数'));
}

@ApiTags('查询')
@ApiBearerAuth()
@Controller()
export class EventLogController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly cache: ReadCache,
  ) {}

  @Get('bodies/:id/history')
  @ApiBodyIdParam()
  @ApiReadErrors({ notFound: true, etag: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOkResponse({ type: [HistoryEntryResponse], description: '机构沿革，按登记顺序' })
  @ApiOperation({ summary: '机构沿革', description: '该机构的全部事件(设立、调整、更名、改变隶属关系、撤销、合并、年度报告、更正)，按登记顺序，含更正。' })
  async history(@BodyIdParam() bodyId: string, @CurrentPrincipal() principal: Principal, @Req() request: HttpRequest, @Res() response: HttpResponse): Promise<void> {
    // Straight from the event store, so keyed by the log's head (ADR 0012); the token is
    // checked against the body's jurisdiction on every answer, cached or not.
    const head = await this.store.headPosition();
    await this.cache.serve(
      request,
      response,
      `history|${bodyId}|${head}`,
      {
        authorize: (jurisdiction) => {
          if (!mayAccess(principal, jurisdiction)) throw new JurisdictionForbiddenError(jurisdiction, 'read');
        },
      },
      async () => {
        const { jurisdiction, entries } = await this.queries.execute(new GetBodyHistory(bodyId, principal));
        return { answer: entries, jurisdiction };
      },
    );
  }

  @Get('events')
  @ApiRead('StoredEvent', { array: true })
  @Roles('auditor', 'registrar')
  @ApiOperation({ summary: '原始事件日志(审计)', description: '按全局顺序返回事件及其元数据(文号、生效日期、登记时间、登记人、哈希链)。以最后一条的 position 作为下一页的 after。' })
  @ApiQuery({ name: 'after', required: false, description: '只返回 position 大于此值的事件', schema: { type: 'integer' } })
  @ApiQuery({ name: 'limit', required: false, description: '条数，1–1000，默认 100', schema: { type: 'integer' } })
  events(
    @QueryParam('after', new DefaultValuePipe('0'), positiveInt('after')) after: number,
    @QueryParam('limit', new DefaultValuePipe('100'), positiveInt('limit')) limit: number,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.execute(new GetEventLog(Math.max(0, after), Math.min(Math.max(1, limit), 1000), principal));
  }

  @Get('integrity')
  @ApiRead('Integrity')
  @Roles('auditor')
  @ApiOperation({
    summary: '哈希链校验(审计)',
    description:
      '逐页校验整个日志：每个事件的哈希与其内容、流内前序哈希、全日志链(每个事件连到日志中的前一个事件)；无法读取的事件按位置、流、版本列出。' +
      '返回当前摘要 digest {position, hash, at}，审计人员可在系统之外保存；以 position 与 hash 查询即校验日志是否仍含该摘要所证明的前缀(删除、改写均可查出)。',
  })
  @ApiQuery({ name: 'position', required: false, description: '此前保存的摘要的 position' })
  @ApiQuery({ name: 'hash', required: false, description: '此前保存的摘要的 hash(64 位十六进制)' })
  integrity(@QueryParam('position') position?: string, @QueryParam('hash') hash?: string) {
    if (position === undefined && hash === undefined) return this.queries.execute(new VerifyIntegrity());
    let against;
    try {
      against = parseDigest(JSON.stringify({ position: /^\d+$/.test(position ?? '') ? Number(position) : position, hash }));
    } catch (error) {
      const field = position === undefined || !/^\d+$/.test(position) ? 'position' : 'hash';
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: (error as Error).message, details: [{ field, problems: [(error as Error).message] }] });
    }
    return this.queries.execute(new VerifyIntegrity(against));
  }

  @Get('health')
  @ApiRead('Health', { open: true })
  @ApiOperation({ summary: '健康检查', description: '事件存储与读模型存储均可用时返回 200；并给出日志位置与读模型已投影到的位置。' })
  async health() {
    try {
      await Promise.all([this.store.ping(), this.readStore.ping()]);
    } catch (error) {
      throw new HttpException({ statusCode: 503, error: 'Service Unavailable', message: `存储不可用：${String(error)}` }, 503);
    }
    const [position, checkpoint] = await Promise.all([this.store.headPosition(), this.readStore.checkpoint()]);
    return { status: 'ok', eventStore: this.store.name, readStore: this.readStore.name, position, projectedPosition: checkpoint.position };
  }
}
