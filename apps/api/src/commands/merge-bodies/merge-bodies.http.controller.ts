import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MERGER_REASONS } from '#domain';
import { newBodyId } from '#registry-app';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { MergeBodiesCommand } from './merge-bodies.handler.js';
import { profileOf } from '../establish-body/body-profile.dto.js';
import { ApiWrite } from '../../http/openapi.js';
import { badField } from '../../http/error-body.js';
import { MergeBodiesRequest } from './merge-bodies.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('mergers')
export class MergeBodiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '合并议事协调机构', description: '被合并机构退出名单，并入已有机构或合并设立新机构(市级办法 第十六、十八条)。合并作为一个事实一次登记，读者不会看到半完成的合并。' })
  merge(@Body() dto: MergeBodiesRequest, @Write() write: WriteContext) {
    if ((dto.target.bodyId === undefined) === (dto.target.establish === undefined)) {
      throw new BadRequestException(badField('target', '须且只须给出 bodyId(并入已有机构) 或 establish(合并设立新机构) 之一'));
    }
    const target = dto.target.establish
      ? { kind: 'new' as const, bodyId: newBodyId(write.idempotencyKey), profile: profileOf(dto.target.establish) }
      : { kind: 'existing' as const, bodyId: dto.target.bodyId! };
    return record(this.commands, MergeBodiesCommand, write, {
      type: 'MergeBodies',
      mergerId: write.idempotencyKey ? newBodyId(`merger:${write.idempotencyKey}`) : randomUUID(),
      jurisdiction: dto.jurisdiction,
      mergerReason: dto.reason,
      sourceBodyIds: dto.sourceBodyIds,
      target,
      documentNo: dto.documentNo,
      effectiveDate: dto.effectiveDate,
      reason: [MERGER_REASONS[dto.reason], dto.explanation].filter(Boolean).join('；'),
      justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
