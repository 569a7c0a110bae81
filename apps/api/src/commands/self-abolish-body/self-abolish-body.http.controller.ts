import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { SelfAbolishBodyCommand } from './self-abolish-body.handler.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { SelfAbolishBodyRequest } from './self-abolish-body.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class SelfAbolishBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/self-abolition')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: '临时性机构任务完成后自行撤销',
    description: '设立时规定“任务完成后自行撤销”的临时性机构，任务完成即撤销(市级办法 第十五条(二))，不另行文：登记所依据的事实(evidence)，文号沿用设立文件。未规定撤销条件的机构不能自行撤销(422)。',
  })
  selfAbolish(@BodyIdParam() bodyId: string, @Body() dto: SelfAbolishBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, SelfAbolishBodyCommand, write, {
      type: 'SelfAbolishBody', bodyId, evidence: dto.evidence, documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason,
    }, dto.expectedVersion);
  }
}
