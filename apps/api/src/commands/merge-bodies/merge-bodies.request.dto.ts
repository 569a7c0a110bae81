import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, ValidateNested } from '../../http/validators.js';
import { MERGER_REASONS, type MergerReason } from '#domain';
import { GroundedDecisionDto, IsJurisdictionCode } from '../shared/decision.dto.js';
import { BodyProfileDto } from '../establish-body/body-profile.dto.js';

export class MergerTargetDto {
  @ApiPropertyOptional({ description: '存续机构编号(并入已有机构)' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ description: '合并设立的新机构(内容同设立)', type: BodyProfileDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BodyProfileDto)
  establish?: BodyProfileDto;
}

/** 合并 (第十六、十八条). */
export class MergeBodiesRequest extends GroundedDecisionDto {
  @ApiProperty({ description: '行政区划代码', example: '370700' })
  @IsString()
  @IsJurisdictionCode()
  jurisdiction!: string;

  @ApiProperty({ description: '被合并机构编号', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  sourceBodyIds!: string[];

  @ApiProperty({ description: '存续机构或新设机构', type: MergerTargetDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MergerTargetDto)
  target!: MergerTargetDto;

  @ApiProperty({ description: `合并情形(市级办法 第十六条)：${Object.entries(MERGER_REASONS).map(([k, v]) => `${k} ${v}`).join('；')}`, minimum: 1, maximum: 3 })
  @IsInt()
  @IsIn([1, 2, 3])
  reason!: MergerReason;
}
