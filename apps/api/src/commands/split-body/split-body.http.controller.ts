import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newBodyId } from '#registry-app';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { SplitBodyCommand } from './split-body.handler.js';
import { profileOf } from '../establish-body/body-profile.dto.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { SplitBodyRequest } from './split-body.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：同一键与同一请求只登记一次' })
@Controller('bodies')
export class SplitBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/splits')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: '分设议事协调机构',
    description: '一个机构分设为两个以上新机构，作为一项决定一次登记：原机构退出名单(撤销，分设)，新机构按设立的规则逐一校验。返回的 eventIds 依次为原机构的撤销和各新机构的设立。',
  })
  split(@BodyIdParam() bodyId: string, @Body() dto: SplitBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, SplitBodyCommand, write, {
      type: 'SplitBody',
      jurisdiction: dto.jurisdiction,
      bodyId,
      into: dto.into.map((profile, i) => ({ bodyId: newBodyId(write.idempotencyKey ? `${write.idempotencyKey}:split:${i}` : undefined), profile: profileOf(profile) })),
      documentNo: dto.documentNo,
      effectiveDate: dto.effectiveDate,
      reason: dto.reason,
      justification: dto.justification,
      justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
