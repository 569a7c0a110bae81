import { BadRequestException, Controller, Get, Query as QueryParam, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { KNOWN_JURISDICTION_NAMES } from '#official-list';
import type { Principal } from '#registry-app';
import { formatAnnualReportMarkdown, formatAnnualReportXlsx, type AnnualReport } from '#supervision';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { JurisdictionParam } from '../commands/shared/jurisdiction.param.js';
import { authorizeRead } from '../queries/registry.http.controller.js';
import { GetAnnualReport } from './supervision.queries.js';
import { DateQuery } from '../http/dates.js';
import { ApiCodeParam, ApiDateQuery, ApiKnownAtQuery, ApiReadFormats } from '../http/openapi.js';
import { badField } from '../http/error-body.js';

const FORMATS = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

interface HttpResponse {
  setHeader(name: string, value: string): void;
  send(body: string | Buffer | object): void;
}

@ApiTags('监督')
@ApiBearerAuth()
@Controller('jurisdictions')
export class AnnualReportController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':code/reports/annual')
  @ApiCodeParam()
  @ApiReadFormats({ 'application/json': { $ref: '#/components/schemas/AnnualReport' }, 'text/markdown': { type: 'string' }, [FORMATS.xlsx]: { type: 'string', format: 'binary' } })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({
    summary: '编办年度报告',
    description:
      '市级办法 第二十条：机构编制管理机关综合各议事协调机构工作情况后向市委、市政府报告。含年初、年末机构数(按序列、设置期限)，年度内每项变化及文号，年度报告已报与未报，年末未解决的监督提示及建议撤销、合并的机构，全年总量控制情况。',
  })
  @ApiQuery({ name: 'year', required: true, description: '年度，如 2019', schema: { type: 'integer' } })
  @ApiQuery({ name: 'format', required: false, enum: Object.keys(FORMATS), description: 'json(默认)、md 或 xlsx' })
  @ApiKnownAtQuery()
  @ApiDateQuery('reportsAsOf', '年度报告报送情况的截止日期，默认今天')
  @ApiProduces(...Object.values(FORMATS))
  async annual(
    @JurisdictionParam() code: string,
    @CurrentPrincipal() principal: Principal,
    @Res() response: HttpResponse,
    @QueryParam('year') year?: string,
    @QueryParam('format') format: string = 'json',
    @QueryParam('knownAt') knownAt?: string,
    @DateQuery('reportsAsOf') reportsAsOf?: string,
  ) {
    authorizeRead(principal, code);
    if (!(format in FORMATS)) {
      throw new BadRequestException(badField('format', '须为 json、md 或 xlsx'));
    }
    const report: AnnualReport = await this.queries.execute(new GetAnnualReport(code, year, { knownAt, reportsAsOf, jurisdictionName: KNOWN_JURISDICTION_NAMES[code] }));
    response.setHeader('Content-Type', FORMATS[format as keyof typeof FORMATS]);
    if (format === 'json') return response.send(report);
    const filename = `议事协调机构年度报告-${code}-${report.year}.${format}`;
    response.setHeader('Content-Disposition', `attachment; filename="annual-report-${code}-${report.year}.${format}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    response.send(format === 'md' ? formatAnnualReportMarkdown(report) : await formatAnnualReportXlsx(report));
  }
}
