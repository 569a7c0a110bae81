import { BadRequestException, Controller, Get, Query as QueryParam, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { KNOWN_JURISDICTION_NAMES, formatOfficialListCsv, formatOfficialListText, formatOfficialListXlsx } from '#official-list';
import type { Principal } from '#registry-app';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { JurisdictionParam } from '../commands/shared/jurisdiction.param.js';
import { authorizeRead } from './registry.http.controller.js';
import { GetListTitle, GetRegistry } from './registry.queries.js';
import { DateQuery } from '../http/dates.js';
import { ApiCodeParam, ApiDateQuery, ApiKnownAtQuery, ApiReadFormats } from '../http/openapi.js';
import { badField } from '../http/error-body.js';

const FORMATS = {
  text: { type: 'text/plain; charset=utf-8', extension: 'txt' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;
type Format = keyof typeof FORMATS;

interface HttpResponse {
  setHeader(name: string, value: string): void;
  send(body: string | Buffer): void;
}

@ApiTags('查询')
@ApiBearerAuth()
@Controller()
export class RegistryExportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('jurisdictions/:code/registry/export')
  @ApiCodeParam()
  @ApiReadFormats({ 'text/plain': { type: 'string' }, 'text/csv': { type: 'string' }, [FORMATS.xlsx.type]: { type: 'string', format: 'binary' } })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({ summary: '导出名单', description: '按公布名单的格式导出某日的议事协调机构名单：text 为通知附件格式(一、长期设置…(N个) 二、临时性设置…(N个)，连续编号，对外名称照原样)，csv 与 xlsx 为编办常用的表格。' })
  @ApiDateQuery('date', '名单日期 YYYY-MM-DD，默认今天')
  @ApiKnownAtQuery()
  @ApiQuery({ name: 'format', required: false, enum: Object.keys(FORMATS), description: 'text(默认)、csv 或 xlsx' })
  @ApiProduces(...Object.values(FORMATS).map((f) => f.type))
  async export(
    @JurisdictionParam() code: string,
    @CurrentPrincipal() principal: Principal,
    @Res() response: HttpResponse,
    @DateQuery('date') date?: string,
    @QueryParam('knownAt') knownAt?: string,
    @QueryParam('format') format: string = 'text',
  ) {
    authorizeRead(principal, code);
    if (!(format in FORMATS)) {
      throw new BadRequestException(badField('format', '须为 text、csv 或 xlsx'));
    }
    const answer = await this.queries.execute(new GetRegistry(code, date, knownAt));
    // the notice's own title when the list in force was imported with one, else one by the jurisdiction's level
    const title = await this.queries.execute(new GetListTitle(code, answer.date, knownAt));
    const options = { jurisdiction: code, jurisdictionName: KNOWN_JURISDICTION_NAMES[code], ...(title ? { title } : {}) };
    const { type, extension } = FORMATS[format as Format];
    const body = format === 'xlsx' ? await formatOfficialListXlsx(answer, options) : format === 'csv' ? formatOfficialListCsv(answer, options) : formatOfficialListText(answer, options);
    const filename = `议事协调机构名单-${code}-${answer.date}.${extension}`;
    response.setHeader('Content-Type', type);
    response.setHeader('Content-Disposition', `attachment; filename="registry-${code}-${answer.date}.${extension}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    response.send(body);
  }
}
