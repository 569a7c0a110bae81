import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, ValidateNested } from 'class-validator';
import { newBodyId } from '#registry-app';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { IsJurisdictionCode, VersionedDecisionDto } from '../shared/decision.dto.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { SplitBodyCommand } from './split-body.handler.js';
import { BodyProfileDto, profileOf } from '../establish-body/body-profile.dto.js';

/** 分设: one body split into several new ones. */
export class SplitBodyRequest extends VersionedDecisionDto {
  @ApiProperty({ description: '行政区划代码', example: '370700' }) @IsString() @IsJurisdictionCode() jurisdiction!: string;

  @ApiProperty({ description: '分设的新机构(至少两个，内容同设立)', type: [BodyProfileDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BodyProfileDto)
  into!: BodyProfileDto[];
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：同一键与同一请求只登记一次' })
@Controller('bodies')
export class SplitBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/splits')
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
