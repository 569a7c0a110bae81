import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { FileAnnualReportCommand } from './file-annual-report.handler.js';
import { ApiBodyIdParam, ApiWrite } from '../../http/openapi.js';
import { FileAnnualReportRequest } from './file-annual-report.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class FileAnnualReportController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/annual-reports')
  @ApiBodyIdParam()
  @ApiWrite({ onExisting: true })
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
