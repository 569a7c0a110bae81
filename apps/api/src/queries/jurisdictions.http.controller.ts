import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '#event-store';
import { KNOWN_JURISDICTION_NAMES } from '#official-list';
import { JurisdictionBodies, mayAccess, type Principal } from '#registry-app';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { EVENT_STORE } from '../tokens.js';
import { ApiRead } from '../http/openapi.js';

@ApiTags('查询')
@ApiBearerAuth()
@Controller('jurisdictions')
export class JurisdictionsController {
  private readonly directory: JurisdictionBodies;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.directory = new JurisdictionBodies(store);
  }

  @Get()
  @ApiRead('Jurisdiction', { array: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({ summary: '行政区划列表', description: '登记簿中有机构的行政区划(限于令牌可查的范围)，含名称与曾设立的机构数。' })
  async list(@CurrentPrincipal() principal: Principal) {
    const all = await this.directory.jurisdictions();
    return all
      .filter((j) => mayAccess(principal, j.code))
      .map((j) => ({ code: j.code, name: KNOWN_JURISDICTION_NAMES[j.code] ?? j.code, bodiesEverEstablished: j.bodiesEverEstablished }));
  }
}
