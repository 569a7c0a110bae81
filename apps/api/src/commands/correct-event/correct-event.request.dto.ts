import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, Validate } from '../../http/validators.js';
import { IsJustificationsConstraint, IsLocalDate, IsNotBlank } from '../shared/decision.dto.js';
import type { Justifications } from '#domain';

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
