import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { RenameBodyCommand } from './rename-body.handler.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { RenameBodyRequest } from './rename-body.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class RenameBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/renames')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '议事协调机构更名', description: '登记更名(市级办法 第十三、十四条)；原名称保留在历史中，别名不填则保留，机构类型随新名称。给出 series 时同一决定中一并改变隶属关系。' })
  rename(@BodyIdParam() bodyId: string, @Body() dto: RenameBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, RenameBodyCommand, write, {
      type: 'RenameBody', bodyId, newName: dto.newName, aliases: dto.aliases, kind: dto.kind, series: dto.series,
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
