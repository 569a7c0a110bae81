import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ABOLITION_REASONS } from '#domain';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { AbolishBodyCommand } from './abolish-body.handler.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { AbolishBodyRequest } from './abolish-body.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class AbolishBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/abolition')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '撤销议事协调机构', description: '登记撤销决定(市级办法 第十五、十八条)。三种处理方式(撤销、不再作为议事协调机构、调整为部门联席会议)均退出名单和总量。' })
  abolish(@BodyIdParam() bodyId: string, @Body() dto: AbolishBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, AbolishBodyCommand, write, {
      type: 'AbolishBody', bodyId, abolitionReason: dto.reason, disposition: dto.disposition,
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate,
      reason: [ABOLITION_REASONS[dto.reason], dto.explanation].filter(Boolean).join('；'),
      justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
