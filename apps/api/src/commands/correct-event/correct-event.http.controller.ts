import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/auth.guard.js';
import { record } from '../shared/body-write.controller-base.js';
import { Write, type WriteContext } from '../shared/write-context.js';
import { CorrectEventCommand } from './correct-event.handler.js';
import { ApiWrite } from '../../http/openapi.js';
import { CorrectEventRequest } from './correct-event.request.dto.js';

@ApiTags('登记(写入)')
@ApiBearerAuth()
@Controller('corrections')
export class CorrectEventController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @ApiWrite({ onExisting: true })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '更正登记错误', description: '以一条新的更正事件指向原事件并取代其部分字段；原事件不改动，审计时“当时所知”与“实际情况”均可查。更正后的记录须通过与原决定相同的字段校验(400)和规则(422)；新触犯的警告类规则须说明理由，并在监督视图中标出。' })
  correct(@Body() dto: CorrectEventRequest, @Write() write: WriteContext) {
    return record(this.commands, CorrectEventCommand, write, {
      type: 'CorrectEvent', eventId: dto.eventId, fields: dto.fields, effectiveDate: dto.effectiveDate, documentNo: dto.documentNo,
      reason: dto.reason, correctionDocumentNo: dto.correctionDocumentNo, justification: dto.justification, justifications: dto.justifications,
    }, dto.expectedVersion);
  }
}
