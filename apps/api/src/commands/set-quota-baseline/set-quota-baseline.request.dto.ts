import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from '../../http/validators.js';
import { DecisionDto } from '../shared/decision.dto.js';

/** 总量控制基准 (潍坊名单: 66 = 55 + 11). */
export class SetQuotaBaselineRequest extends DecisionDto {
  @ApiProperty({ description: '基准总数', example: 66 }) @IsInt() @Min(0) total!: number;
  @ApiPropertyOptional({ description: '其中长期设置', example: 55 }) @IsOptional() @IsInt() @Min(0) standing?: number;
  @ApiPropertyOptional({ description: '其中临时性设置', example: 11 }) @IsOptional() @IsInt() @Min(0) temporary?: number;
  @ApiPropertyOptional({ description: '只针对某一序列：party 党委，government 政府；不填为全部', enum: ['party', 'government'] })
  @IsOptional() @IsIn(['party', 'government']) series?: 'party' | 'government';
}
