import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { AdjustBodyCommand } from './adjust-body.handler.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { AdjustBodyRequest, changesOf } from './adjust-body.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class AdjustBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/adjustments')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '调整议事协调机构', description: '登记领导成员、成员、成员单位、职责、办事机构等的调整(市级办法 第十三、十四条)。只需提交调整的部分。' })
  adjust(@BodyIdParam() bodyId: string, @Body() dto: AdjustBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, AdjustBodyCommand, write, {
      type: 'AdjustBody',
      bodyId,
      changes: changesOf(dto),
      documentNo: dto.documentNo,
      effectiveDate: dto.effectiveDate,
      reason: dto.reason,
      justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
