import { Controller, Get, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InvalidReadQueryError } from '#read-model';
import type { Principal } from '#registry-app';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { JurisdictionParam } from '../commands/shared/jurisdiction.param.js';
import { authorizeRead } from '../queries/registry.http.controller.js';
import { GetCompliance } from './supervision.queries.js';
import { DateQuery } from '../http/dates.js';
import { ApiCodeParam, ApiDateQuery, ApiKnownAtQuery, ApiReadErrors } from '../http/openapi.js';
import { ComplianceAnswerResponse } from './compliance.responses.js';

@ApiTags('监督')
@ApiBearerAuth()
@Controller('jurisdictions')
export class ComplianceController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code/compliance')
  @ApiCodeParam()
  @ApiReadErrors()
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOkResponse({ type: ComplianceAnswerResponse, description: '监督提示' })
  @ApiOperation({
    summary: '监督提示(某日)',
    description:
      '某行政区划在某日(某时所知)未解决的监督提示，按当日有效的管理办法判断：超出总量控制基准(quota，含基准与超出数)、临时机构超过设立期限(term-expired，第十五条(二))、' +
      '年度报告逾期未报(annual-report，第二十条)、长期无会议记录(dormant，第十五条(七))、成员单位超限且未记载理由(member-units，第八条)、职责或名称相同相近(duplicate，第六条(三)、第十六条)。' +
      '每项含规则代码、条款、涉及机构和开始日期(since)。',
  })
  @ApiDateQuery('date', '日期 YYYY-MM-DD，默认今天(中国时间)')
  @ApiKnownAtQuery()
  @ApiQuery({ name: 'dormantDays', required: false, description: '长期不开展工作的天数，默认取管理办法(1095天)', schema: { type: 'integer' } })
  compliance(
    @JurisdictionParam() code: string,
    @CurrentPrincipal() principal: Principal,
    @DateQuery('date') date?: string,
    @QueryParam('knownAt') knownAt?: string,
    @QueryParam('dormantDays') dormantDays?: string,
  ) {
    authorizeRead(principal, code);
    const days = dormantDays === undefined || dormantDays === '' ? undefined : Number(dormantDays);
    if (days !== undefined && (!Number.isInteger(days) || days < 1)) throw new InvalidReadQueryError('dormantDays', 'dormantDays 须为正整数');
    return this.queries.execute(new GetCompliance(code, date, knownAt, days === undefined ? {} : { dormantAfterDays: days }));
  }
}
