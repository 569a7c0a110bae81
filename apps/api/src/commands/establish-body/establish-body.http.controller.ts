import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { newBodyId } from '#registry-app';
import { Roles } from '../../auth/auth.guard.js';
import { EstablishBodyCommand } from './establish-body.handler.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { EstablishBodyRequest } from './establish-body.request.dto.js';
import { profileOf } from './body-profile.dto.js';
import { ApiWrite } from '../../http/openapi.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('bodies')
export class EstablishBodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiWrite()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '设立议事协调机构', description: '登记市委或市政府设立议事协调机构的决定(市级办法 第五至十二条)。返回 {bodyId, version, position, eventIds}。' })
  establish(@Body() dto: EstablishBodyRequest, @Write() write: WriteContext) {
    return this.commands.execute(
      new EstablishBodyCommand({
        ...write,
        command: {
          type: 'EstablishBody',
          bodyId: newBodyId(write.idempotencyKey),
          jurisdiction: dto.jurisdiction,
          profile: profileOf(dto),
          documentNo: dto.documentNo,
          effectiveDate: dto.effectiveDate,
          reason: dto.reason,
          justification: dto.justification, justifications: dto.justifications,
        },
      }),
    );
  }
}
