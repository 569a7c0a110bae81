import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { ChangeAffiliationCommand } from './change-affiliation.handler.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { ChangeAffiliationRequest } from './change-affiliation.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class ChangeAffiliationController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/affiliation-changes')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '改变议事协调机构隶属关系', description: '党委序列与政府序列之间的调整(市级办法 第十七、十八条)。' })
  change(@BodyIdParam() bodyId: string, @Body() dto: ChangeAffiliationRequest, @Write() write: WriteContext) {
    return record(this.commands, ChangeAffiliationCommand, write, {
      type: 'ChangeAffiliation', bodyId, series: dto.series,
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
