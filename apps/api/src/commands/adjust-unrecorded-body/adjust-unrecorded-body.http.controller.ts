import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newBodyId } from '#registry-app';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { JurisdictionParam } from '../shared/jurisdiction.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { AdjustUnrecordedBodyCommand } from './adjust-unrecorded-body.handler.js';
import { changesOf } from '../adjust-body/adjust-body.request.dto.js';
import { ApiCodeParam, ApiWrite } from '../../http/openapi.js';
import { AdjustUnrecordedBodyRequest } from './adjust-unrecorded-body.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：同一键与同一请求只登记一次' })
@Controller('jurisdictions')
export class AdjustUnrecordedBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':code/unrecorded-adjustments')
  @ApiCodeParam()
  @ApiWrite()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: '调整设立文件未存档的机构',
    description: '调整文件涉及的机构在登记簿中没有设立记录时：以调整文件本身的事实登记该机构(来源标为“设立文件未存档”，日期和文号为调整文件的，不虚构设立)，并登记调整，一次写入；监督视图中提示审计人员补录设立文件。返回新的 bodyId。',
  })
  adjust(@JurisdictionParam() jurisdiction: string, @Body() dto: AdjustUnrecordedBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, AdjustUnrecordedBodyCommand, write, {
      type: 'AdjustBody',
      bodyId: newBodyId(write.idempotencyKey),
      changes: changesOf(dto),
      unrecorded: { jurisdiction, name: dto.name, aliases: dto.aliases, series: dto.series, kind: dto.kind as never, duration: dto.duration },
      documentNo: dto.documentNo,
      effectiveDate: dto.effectiveDate,
      reason: dto.reason,
      justification: dto.justification,
      justifications: dto.justifications,
    });
  }
}
