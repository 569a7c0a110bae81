import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { IsLocalDate, IsNotBlank } from '../shared/decision.dto.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { SelfAbolishBodyCommand } from './self-abolish-body.handler.js';

/** 任务完成后自行撤销: no new 文号; the evidence that the task ended. */
export class SelfAbolishBodyRequest {
  @ApiProperty({ description: '任务完成、机构自行撤销之日(YYYY-MM-DD)', example: '2021-06-30' }) @IsLocalDate() effectiveDate!: string;
  @ApiProperty({ description: '任务已经完成的依据，如 普查成果已于2021年6月通过验收(见…)' }) @IsString() @IsNotBlank() @MaxLength(4000) evidence!: string;
  @ApiPropertyOptional({ description: '如有文件，其文号；不填则为设立文件的文号(自行撤销无新文号)' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) documentNo?: string;
  @ApiPropertyOptional({ description: '补充说明' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @ApiPropertyOptional({ description: '客户端所依据的机构版本号；与当前版本不符时返回 409' }) @IsOptional() @IsInt() @Min(0) expectedVersion?: number;
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class SelfAbolishBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/self-abolition')
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: '临时性机构任务完成后自行撤销',
    description: '设立时规定“任务完成后自行撤销”的临时性机构，任务完成即撤销(市级办法 第十五条(二))，不另行文：登记所依据的事实(evidence)，文号沿用设立文件。未规定撤销条件的机构不能自行撤销(422)。',
  })
  selfAbolish(@BodyIdParam() bodyId: string, @Body() dto: SelfAbolishBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, SelfAbolishBodyCommand, write, {
      type: 'SelfAbolishBody', bodyId, evidence: dto.evidence, documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason,
    }, dto.expectedVersion);
  }
}
