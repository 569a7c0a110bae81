import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString } from 'class-validator';
import { BODY_KINDS, SERIES, type BodyKind, type Series } from '#domain';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { BodyIdParam } from '../shared/body-id.param.js';
import { IsBodyName, VersionedDecisionDto } from '../shared/decision.dto.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { RenameBodyCommand } from './rename-body.handler.js';

/** 更名 (第十三、十四条). */
export class RenameBodyRequest extends VersionedDecisionDto {
  @ApiProperty({ description: '新名称' }) @IsString() @IsBodyName() newName!: string;
  @ApiPropertyOptional({ description: '更名后对外使用的其他名称；不填则保留原有别名，[] 为取消全部别名', type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @IsBodyName() @ArrayMaxSize(20) aliases?: string[];
  @ApiPropertyOptional({ description: '更名后的机构类型；不填则按新名称后缀判断(如 领导小组→委员会)', enum: BODY_KINDS }) @IsOptional() @IsIn(BODY_KINDS as unknown as string[]) kind?: BodyKind;
  @ApiPropertyOptional({ description: '同一决定中改变隶属关系时的新序列(改变隶属关系，第十七、十八条)', enum: SERIES }) @IsOptional() @IsIn(SERIES as unknown as string[]) series?: Series;
}

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class RenameBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/renames')
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '议事协调机构更名', description: '登记更名(市级办法 第十三、十四条)；原名称保留在历史中，别名不填则保留，机构类型随新名称。给出 series 时同一决定中一并改变隶属关系。' })
  rename(@BodyIdParam() bodyId: string, @Body() dto: RenameBodyRequest, @Write() write: WriteContext) {
    return record(this.commands, RenameBodyCommand, write, {
      type: 'RenameBody', bodyId, newName: dto.newName, aliases: dto.aliases, kind: dto.kind, series: dto.series,
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
