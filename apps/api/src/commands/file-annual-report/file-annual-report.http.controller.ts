import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { IsLocalDate, IsNotBlank } from '../shared/decision.dto.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { FileAnnualReportCommand } from './file-annual-report.handler.js';

/** 年度报告 (市级办法 第二十条): filed by the host department by year end. */
export class FileAnnualReportRequest {
  @ApiProperty({ description: '报告年度', example: 2024 }) @IsInt() @Min(1949) @Max(2100) year!: number;
  @ApiProperty({ description: '年度工作情况(开展工作、发挥作用等)' }) @IsString() @MaxLength(20000) summary!: string;
  @ApiProperty({ description: '本年度召开会议次数' }) @IsInt() @Min(0) @Max(10000) meetingsHeld!: number;
  @ApiProperty({ description: '报送日期 YYYY-MM-DD' }) @IsLocalDate() filedOn!: string;
  @ApiPropertyOptional({ description: '报送文件文号' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) documentNo?: string;
  @ApiPropertyOptional({ description: '客户端所依据的机构版本号' }) @IsOptional() @IsInt() @Min(0) expectedVersion?: number;
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class FileAnnualReportController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/annual-reports')
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '报送年度报告', description: '承担日常工作的部门每年年底前报送议事协调机构年度工作情况(市级办法 第二十条)。' })
  file(@BodyIdParam() bodyId: string, @Body() dto: FileAnnualReportRequest, @Write() write: WriteContext) {
    return record(this.commands, FileAnnualReportCommand, write, {
      type: 'FileAnnualReport', bodyId, year: dto.year, summary: dto.summary, meetingsHeld: dto.meetingsHeld, filedOn: dto.filedOn,
      documentNo: dto.documentNo ?? '', effectiveDate: dto.filedOn,
    }, dto.expectedVersion);
  }
}
