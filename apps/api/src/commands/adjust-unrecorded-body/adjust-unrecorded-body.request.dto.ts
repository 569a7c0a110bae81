import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from '../../http/validators.js';
import { SERIES, type Series } from '#domain';
import { IsBodyName } from '../shared/decision.dto.js';
import { AdjustBodyRequest } from '../adjust-body/adjust-body.request.dto.js';

/** 调整 of a body whose establishment is not on file: what the adjustment notice says of it, and the changes. */
export class AdjustUnrecordedBodyRequest extends AdjustBodyRequest {
  @ApiProperty({ description: '调整文件所称的机构名称' }) @IsString() @IsBodyName() name!: string;
  @ApiPropertyOptional({ description: '别名', type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsBodyName() @ArrayMaxSize(20) aliases?: string[];
  @ApiProperty({ description: '序列', enum: SERIES }) @IsIn(SERIES as unknown as string[]) series!: Series;
}
