import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from '../../http/validators.js';
import { BODY_KINDS, SERIES, type BodyKind, type Series } from '#domain';
import { IsBodyName, VersionedDecisionDto } from '../shared/decision.dto.js';

/** 更名 (第十三、十四条). */
export class RenameBodyRequest extends VersionedDecisionDto {
  @ApiProperty({ description: '新名称' }) @IsString() @IsBodyName() newName!: string;
  @ApiPropertyOptional({ description: '更名后对外使用的其他名称；不填则保留原有别名，[] 为取消全部别名', type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsBodyName() @ArrayMaxSize(20) aliases?: string[];
  @ApiPropertyOptional({ description: '更名后的机构类型；不填则按新名称后缀判断(如 领导小组→委员会)', enum: BODY_KINDS }) @IsOptional() @IsIn(BODY_KINDS as unknown as string[]) kind?: BodyKind;
  @ApiPropertyOptional({ description: '同一决定中改变隶属关系时的新序列(改变隶属关系，第十七、十八条)', enum: SERIES }) @IsOptional() @IsIn(SERIES as unknown as string[]) series?: Series;
}
