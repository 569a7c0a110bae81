import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { IsBodyName, VersionedDecisionDto } from '../shared/decision.dto.js';
import { Write, type WriteContext } from '../shared/write-context.js';

/** 更名 (第十三、十四条). */
export class RenameBodyRequest extends VersionedDecisionDto {
  @ApiProperty({ description: '新名称' }) @IsString() @IsBodyName() newName!: string;
  @ApiPropertyOptional({ description: '更名后对外使用的其他名称', type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsBodyName() @ArrayMaxSize(20) aliases?: string[];
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class RenameBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/renames')
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '议事协调机构更名', description: '登记更名(市级办法 第十三、十四条)；原名称保留在历史中。' })
  rename(@BodyIdParam() bodyId: string, @Body() dto: RenameBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, write, {
      type: 'RenameBody', bodyId, newName: dto.newName, aliases: dto.aliases,
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification,
    }, dto.expectedVersion);
  }
}
