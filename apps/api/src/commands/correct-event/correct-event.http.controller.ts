import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, Validate } from 'class-validator';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { IsJustificationsConstraint, IsLocalDate, IsNotBlank } from '../shared/decision.dto.js';
import type { Justifications } from '#domain';
import { Write, type WriteContext } from '../shared/write-context.js';
import { CorrectEventCommand } from './correct-event.handler.js';

/** 更正: points at an earlier event; history is never edited. */
export class CorrectEventRequest {
  @ApiProperty({ description: '被更正事件的编号(eventId)' }) @IsUUID() eventId!: string;
  @ApiPropertyOptional({ description: '更正后的字段值(被更正事件 data 中的字段)，如 {"name": "…"}', type: Object })
  @IsOptional() @IsObject() fields?: Record<string, unknown>;
  @ApiPropertyOptional({ description: '更正后的生效日期' }) @IsOptional() @IsLocalDate() effectiveDate?: string;
  @ApiPropertyOptional({ description: '更正后的文号(不能为空)' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) documentNo?: string;
  @ApiProperty({ description: '更正理由' }) @IsString() @MinLength(1) @MaxLength(4000) reason!: string;
  @ApiPropertyOptional({ description: '更正所依据的文件文号(不能为空)' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) correctionDocumentNo?: string;
  @ApiPropertyOptional({ description: '更正后的记录新触犯警告类规则时的说明(旧式单一文本，仅限一项规则)' }) @IsOptional() @IsString() @MaxLength(4000) justification?: string;
  @ApiPropertyOptional({ description: '更正后的记录新触犯的警告类规则，逐项说明，如 {"member-units": "…"}', type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional() @IsObject() @Validate(IsJustificationsConstraint) justifications?: Justifications;
  @ApiPropertyOptional({ description: '被更正事件所在流的版本号' }) @IsOptional() @IsInt() @Min(0) expectedVersion?: number;
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('corrections')
export class CorrectEventController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '更正登记错误', description: '以一条新的更正事件指向原事件并取代其部分字段；原事件不改动，审计时“当时所知”与“实际情况”均可查。更正后的记录须通过与原决定相同的字段校验(400)和规则(422)；新触犯的警告类规则须说明理由，并在监督视图中标出。' })
  correct(@Body() dto: CorrectEventRequest, @Write() write: WriteContext) {
    return record(this.commands, CorrectEventCommand, write, {
      type: 'CorrectEvent', eventId: dto.eventId, fields: dto.fields, effectiveDate: dto.effectiveDate, documentNo: dto.documentNo,
      reason: dto.reason, correctionDocumentNo: dto.correctionDocumentNo, justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
