import { Body, Controller, Get, HttpCode, Inject, Post, Query as QueryParam } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from '../http/validators.js';
import { MUNICIPAL_POLICY, RANKS_HIGH_TO_LOW, defaultPolicyFor, policyInForce, type Policy, type PolicyAdopted } from '#domain';
import type { Principal, WriteResult } from '#registry-app';
import { policySummary, resolvePolicy, type PolicyCatalogue, type SupervisionQueries } from '#supervision';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { DecisionDto } from '../commands/shared/decision.dto.js';
import { JurisdictionParam } from '../commands/shared/jurisdiction.param.js';
import { Write, type WriteContext } from '../commands/shared/write-context.js';
import { authorizeRead } from '../queries/registry.http.controller.js';
import { AdoptPolicyCommand } from './adopt-policy.handler.js';
import { POLICY_CATALOGUE, SUPERVISION_QUERIES } from './supervision.tokens.js';
import { DateQuery } from '../http/dates.js';
import { ApiCodeParam, ApiDateQuery, ApiKnownAtQuery, ApiRead, ApiWrite } from '../http/openapi.js';

/** 采用管理办法: a profile by name, limits of its own, or a profile with some limits replaced. */
export class AdoptPolicyRequest extends DecisionDto {
  @ApiPropertyOptional({ description: '所参照的管理办法：市级办法、市级办法(旧)、辽宁办法、玉溪办法(见 GET /policies/profiles)；不填则以市级办法为基础' })
  @IsOptional() @IsString() @MaxLength(100) profile?: string;

  @ApiPropertyOptional({ description: '本级管理办法名称(不填则沿用所参照的办法名称)' })
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ description: '本级管理办法全称' }) @IsOptional() @IsString() @MaxLength(500) title?: string;
  @ApiPropertyOptional({ description: '成员单位上限(市级办法 第八条：10)' }) @IsOptional() @IsInt() @Min(1) maxMemberUnits?: number;
  @ApiPropertyOptional({ description: '副组长下限' }) @IsOptional() @IsInt() @Min(0) minDeputies?: number;
  @ApiPropertyOptional({ description: '副组长上限(市级办法 第八条：2)' }) @IsOptional() @IsInt() @Min(0) maxDeputies?: number;
  @ApiPropertyOptional({ description: '成员最低职级(市级办法 第九条：county，副县级以下不列为成员)', enum: RANKS_HIGH_TO_LOW })
  @IsOptional() @IsIn(RANKS_HIGH_TO_LOW as unknown as string[]) lowestMemberRank?: string;
  @ApiPropertyOptional({ description: '党委、政府可否联合设立' }) @IsOptional() @IsBoolean() jointEstablishmentAllowed?: boolean;
  @ApiPropertyOptional({ description: '年度报告截止月日 MM-DD(市级办法 第二十条：12-31)' })
  @IsOptional() @Matches(/^\d{2}-\d{2}$/, { message: '须为 MM-DD，如 03-31' }) annualReportDeadline?: string;
  @ApiPropertyOptional({ description: '年度报告于次年截止日前报送' }) @IsOptional() @IsBoolean() annualReportDueNextYear?: boolean;
  @ApiPropertyOptional({ description: '无会议记录多少天视为长期不开展工作(第十五条(七))，默认1095' }) @IsOptional() @IsInt() @Min(1) dormantAfterDays?: number;
  @ApiPropertyOptional({ description: '以条件结束(任务完成后自行撤销)、未定期限的临时性机构，设立满多少天提请核实(第十五条(二))，默认730' }) @IsOptional() @IsInt() @Min(1) conditionReviewAfterDays?: number;
}

@ApiTags('监督')
@ApiBearerAuth()
@Controller()
export class PoliciesController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(POLICY_CATALOGUE) private readonly catalogue: PolicyCatalogue,
    @Inject(SUPERVISION_QUERIES) private readonly supervision: SupervisionQueries,
  ) {}

  @Post('jurisdictions/:code/policies')
  @ApiCodeParam()
  @ApiWrite()
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: '采用管理办法',
    description: '某行政区划自生效日起适用的议事协调机构管理办法(市级办法 第二十三条)。此后生效的决定按该办法判断；生效日以前的决定和监督提示不受影响。可按名称参照已收录的办法，并可另行规定部分限额。',
  })
  async adopt(@JurisdictionParam() jurisdiction: string, @Body() dto: AdoptPolicyRequest, @Write() write: WriteContext): Promise<WriteResult> {
    const overrides: Partial<Policy> = {
      name: dto.name,
      title: dto.title,
      maxMemberUnits: dto.maxMemberUnits,
      minDeputies: dto.minDeputies,
      maxDeputies: dto.maxDeputies,
      lowestMemberRank: dto.lowestMemberRank as Policy['lowestMemberRank'] | undefined,
      jointEstablishmentAllowed: dto.jointEstablishmentAllowed,
      annualReportDeadline: dto.annualReportDeadline,
      annualReportDueNextYear: dto.annualReportDueNextYear,
      dormantAfterDays: dto.dormantAfterDays,
      conditionReviewAfterDays: dto.conditionReviewAfterDays,
    };
    const policy = resolvePolicy(this.catalogue, { profile: dto.profile, overrides }, this.catalogue.get(MUNICIPAL_POLICY.name) ?? MUNICIPAL_POLICY);
    return this.commands.execute(new AdoptPolicyCommand({
      ...write,
      command: {
        type: 'AdoptPolicy', jurisdiction, policy, ...(dto.profile ? { fromProfile: dto.profile } : {}),
        documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification, justifications: dto.justifications,
      },
    }));
  }

  @Get('jurisdictions/:code/policies')
  @ApiCodeParam()
  @ApiRead('PoliciesOfJurisdiction')
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({ summary: '管理办法沿革', description: '某行政区划采用过的管理办法(按生效日期)及某日有效的办法；未采用时适用市级办法。' })
  @ApiDateQuery('date', '日期 YYYY-MM-DD，默认今天')
  @ApiKnownAtQuery()
  async list(@JurisdictionParam() code: string, @CurrentPrincipal() principal: Principal, @DateQuery('date') date?: string, @QueryParam('knownAt') knownAt?: string) {
    authorizeRead(principal, code);
    const day = this.supervision.date('date', date);
    const history = await this.supervision.history(code, knownAt);
    return {
      jurisdiction: code,
      date: day,
      inForce: { ...policySummary(history, day), policy: policyInForce(history.policies, day, defaultPolicyFor(code)).policy },
      adoptions: [...history.policies]
        .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position))
        .map((e) => ({ eventId: e.eventId, effectiveDate: e.effectiveDate, documentNo: e.documentNo, recordedAt: e.recordedAt, ...(e.reason ? { reason: e.reason } : {}), ...(e.data as PolicyAdopted['data']) })),
    };
  }

  @Get('policies/profiles')
  @ApiRead('PolicyProfile', { array: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({ summary: '已收录的管理办法', description: '市级办法、市级办法(旧)、辽宁办法、玉溪办法的限额及每项限额的出处(原文未规定的注明沿用)。' })
  profiles() {
    return [...this.catalogue.values()];
  }
}
