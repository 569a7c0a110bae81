import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt } from 'class-validator';
import { ABOLITION_DISPOSITIONS, ABOLITION_REASONS, type AbolitionDisposition, type AbolitionReason } from '#domain';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { GroundedDecisionDto } from '../shared/decision.dto.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { AbolishBodyCommand } from './abolish-body.handler.js';

/** 撤销 (第十五、十八条) with its disposition (北京清理). */
export class AbolishBodyRequest extends GroundedDecisionDto {
  @ApiProperty({ description: `撤销情形(市级办法 第十五条)：${Object.entries(ABOLITION_REASONS).map(([k, v]) => `${k} ${v}`).join('；')}`, minimum: 1, maximum: 8 })
  @IsInt()
  @IsIn([1, 2, 3, 4, 5, 6, 7, 8])
  reason!: AbolitionReason;

  @ApiProperty({ description: `处理方式(北京清理)：${Object.entries(ABOLITION_DISPOSITIONS).map(([k, v]) => `${k} ${v}`).join('；')}`, enum: Object.keys(ABOLITION_DISPOSITIONS) })
  @IsIn(Object.keys(ABOLITION_DISPOSITIONS))
  disposition!: AbolitionDisposition;
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class AbolishBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/abolition')
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
