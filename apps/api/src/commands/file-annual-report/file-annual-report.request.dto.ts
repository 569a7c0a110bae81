import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from '../../http/validators.js';
import { IsLocalDate, IsNotBlank } from '../shared/decision.dto.js';

/** 年度报告 (市级办法 第二十条): filed by the host department by year end. */
export class FileAnnualReportRequest {
  @ApiProperty({ description: '报告年度', example: 2024 }) @IsInt() @Min(1949) @Max(2100) year!: number;
  @ApiProperty({ description: '年度工作情况(开展工作、发挥作用等)' }) @IsString() @MaxLength(20000) summary!: string;
  @ApiProperty({ description: '本年度召开会议次数' }) @IsInt() @Min(0) @Max(10000) meetingsHeld!: number;
  @ApiProperty({ description: '报送日期 YYYY-MM-DD' }) @IsLocalDate() filedOn!: string;
  @ApiPropertyOptional({ description: '报送文件文号' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) documentNo?: string;
  @ApiPropertyOptional({ description: '客户端所依据的机构版本号' }) @IsOptional() @IsInt() @Min(0) expectedVersion?: number;
}
