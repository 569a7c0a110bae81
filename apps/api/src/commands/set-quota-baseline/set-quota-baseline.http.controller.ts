import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { SetQuotaBaselineCommand } from './set-quota-baseline.handler.js';
import { JurisdictionParam } from '../shared/jurisdiction.param.js';
import { ApiCodeParam, ApiWrite } from '../../http/openapi.js';
import { SetQuotaBaselineRequest } from './set-quota-baseline.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('jurisdictions')
export class SetQuotaBaselineController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':code/quota-baselines')
  @ApiCodeParam()
  @ApiWrite()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '设定总量控制基准', description: '以公布的议事协调机构清单数为总量控制基准(如 潍政办字〔2020〕37号：66个，长期55个、临时11个)。自生效日起，设立等决定超出基准须说明理由。' })
  set(@JurisdictionParam() jurisdiction: string, @Body() dto: SetQuotaBaselineRequest, @Write() write: WriteContext) {
    return record(this.commands, SetQuotaBaselineCommand, write, {
      type: 'SetQuotaBaseline', jurisdiction, total: dto.total, standing: dto.standing, temporary: dto.temporary, series: dto.series,
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification, justifications: dto.justifications,
    });
  }
}
