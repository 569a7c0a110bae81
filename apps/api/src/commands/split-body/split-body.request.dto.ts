import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, ValidateNested } from '../../http/validators.js';
import { IsJurisdictionCode, VersionedDecisionDto } from '../shared/decision.dto.js';
import { BodyProfileDto } from '../establish-body/body-profile.dto.js';

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
