import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, Query as QueryParam, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from '../http/validators.js';
import { CAMPAIGN_OUTCOME_KINDS, type CampaignOutcome, type CampaignOutcomeKind } from '#domain';
import { BodyNotFoundError, newBodyId, type Principal, type WriteResult } from '#registry-app';
import type { SupervisionQueries } from '#supervision';
import { CurrentPrincipal, Roles } from '../auth/auth.guard.js';
import { plainPost } from '../commands/establish-body/body-profile.dto.js';
import { DecisionDto, IsLocalDate, IsNotBlank, PostsProperty, type PostDto } from '../commands/shared/decision.dto.js';
import { JurisdictionParam } from '../commands/shared/jurisdiction.param.js';
import { Write, type WriteContext } from '../commands/shared/write-context.js';
import { authorizeRead } from '../queries/registry.http.controller.js';
import { GetCampaign, GetCampaigns } from './supervision.queries.js';
import { CampaignDecisionCommand } from './campaign.handler.js';
import { SUPERVISION_QUERIES } from './supervision.tokens.js';
import { DateQuery } from '../http/dates.js';
import { ApiCampaignIdParam, ApiCodeParam, ApiRead, ApiWrite } from '../http/openapi.js';
import { badField } from '../http/error-body.js';

const CAMPAIGN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

class CampaignIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CAMPAIGN_ID.test(value)) {
      throw new BadRequestException(badField('id', '清理编号须为 1 至 64 个字母、数字、点、下划线或连字符'));
    }
    return value;
  }
}
const CampaignIdParam = () => Param('id', new CampaignIdPipe());

export class CampaignScopeDto {
  @ApiPropertyOptional({ description: '只清理某一序列：party 党委，government 政府(北京清理：市政府议事协调机构和临时机构)', enum: ['party', 'government'] })
  @IsOptional() @IsIn(['party', 'government']) series?: 'party' | 'government';
}

/** 清理开始: the 清理方案 and its scope. */
export class OpenCampaignRequest extends DecisionDto {
  @ApiPropertyOptional({ description: '清理编号(字母、数字、点、下划线、连字符)；不填则生成' })
  @IsOptional() @Matches(CAMPAIGN_ID, { message: '须为 1 至 64 个字母、数字、点、下划线或连字符' }) campaignId?: string;
  @ApiProperty({ description: '清理名称，如 市政府议事协调机构和临时机构清理' }) @IsString() @MaxLength(200) title!: string;
  @ApiPropertyOptional({ type: CampaignScopeDto }) @IsOptional() @ValidateNested() @Type(() => CampaignScopeDto) scope?: CampaignScopeDto;
}

/** 调整 within a campaign: the changed parts. */
export class CampaignChangesDto {
  @PostsProperty('调整后的组长', false) leader?: PostDto[];
  @PostsProperty('调整后的副组长', false) deputies?: PostDto[];
  @PostsProperty('调整后的其他成员', false) members?: PostDto[];
  @ApiPropertyOptional({ type: [String], description: '调整后的成员单位' }) @IsOptional() @IsArray() @IsString({ each: true }) memberUnits?: string[];
  @ApiPropertyOptional({ description: '调整后的主要任务' }) @IsOptional() @IsString() @MaxLength(8000) tasks?: string;
  @ApiPropertyOptional({ description: '调整后的工作职责' }) @IsOptional() @IsString() @MaxLength(8000) duties?: string;
  @ApiPropertyOptional({ description: '调整后承担日常工作的部门' }) @IsOptional() @IsString() @MaxLength(200) hostDepartment?: string;
  @ApiPropertyOptional({ description: '调整后的办公地点' }) @IsOptional() @IsString() @MaxLength(500) location?: string;
  @ApiPropertyOptional({ description: '调整后的经费来源' }) @IsOptional() @IsString() @MaxLength(500) funding?: string;
  @ApiPropertyOptional({ enum: ['standing', 'temporary'], description: '调整后的设置期限：standing 长期设置，temporary 临时性设置' }) @IsOptional() @IsIn(['standing', 'temporary']) duration?: 'standing' | 'temporary';
  @ApiPropertyOptional({ description: '临时性机构的设立期限 YYYY-MM-DD' }) @IsOptional() @IsLocalDate() termEnd?: string;
  @ApiPropertyOptional({ description: '临时性机构的撤销条件' }) @IsOptional() @IsString() @MaxLength(2000) abolitionCondition?: string;
}

export class CampaignOutcomeDto {
  @ApiProperty({ description: '机构编号' }) @IsString() @MaxLength(100) bodyId!: string;
  @ApiProperty({ description: 'keep 保留, abolish 撤销, merge 合并, adjust 调整, delist 不再作为议事协调机构, joint-meeting 调整为部门联席会议', enum: CAMPAIGN_OUTCOME_KINDS })
  @IsIn(CAMPAIGN_OUTCOME_KINDS as unknown as string[]) outcome!: CampaignOutcomeKind;
  @ApiPropertyOptional({ description: '评估意见' }) @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ description: '撤销情形：市级办法 第十五条(一)至(八)，默认(八)' }) @IsOptional() @IsInt() @Min(1) @Max(8) abolitionReason?: number;
  @ApiPropertyOptional({ description: '合并：并入的机构编号' }) @IsOptional() @IsString() @MaxLength(100) mergeInto?: string;
  @ApiPropertyOptional({ description: '合并情形：第十六条(一)至(三)，默认(一)' }) @IsOptional() @IsInt() @Min(1) @Max(3) mergerReason?: number;
  @ApiPropertyOptional({ type: CampaignChangesDto, description: '调整：调整的部分' }) @IsOptional() @ValidateNested() @Type(() => CampaignChangesDto) changes?: CampaignChangesDto;
}

/** 评估分析: outcomes proposed for some bodies. */
export class ListCampaignOutcomesRequest {
  @ApiProperty({ type: [CampaignOutcomeDto], description: '各机构拟作的清理结论' }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => CampaignOutcomeDto) outcomes!: CampaignOutcomeDto[];
  @ApiProperty({ description: '评估日期 YYYY-MM-DD' }) @IsLocalDate() effectiveDate!: string;
  @ApiPropertyOptional({ description: '文号(不能为空)，默认为清理方案的文号' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) documentNo?: string;
  @ApiPropertyOptional({ description: '说明' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
}

/** 清理结论: one decision that records every outcome. */
export class ConcludeCampaignRequest extends DecisionDto {
  @ApiPropertyOptional({ type: [CampaignOutcomeDto], description: '结论中另行列明或改变的清理结论' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CampaignOutcomeDto) outcomes?: CampaignOutcomeDto[];
  @ApiPropertyOptional({ description: '清理范围内未列明结论的机构一律保留' }) @IsOptional() @IsBoolean() keepUnlisted?: boolean;
}

function outcomeOf(dto: CampaignOutcomeDto): CampaignOutcome {
  const c = dto.changes;
  const changes = c && {
    leaders: c.leader?.map(plainPost), deputies: c.deputies?.map(plainPost), members: c.members?.map(plainPost),
    memberUnits: c.memberUnits, tasks: c.tasks, duties: c.duties, hostDepartment: c.hostDepartment, location: c.location,
    funding: c.funding, duration: c.duration, termEnd: c.termEnd, abolitionCondition: c.abolitionCondition,
  };
  return {
    bodyId: dto.bodyId,
    outcome: dto.outcome,
    ...(dto.note ? { note: dto.note } : {}),
    ...(dto.abolitionReason ? { abolitionReason: dto.abolitionReason as CampaignOutcome['abolitionReason'] } : {}),
    ...(dto.mergeInto ? { mergeInto: dto.mergeInto } : {}),
    ...(dto.mergerReason ? { mergerReason: dto.mergerReason as CampaignOutcome['mergerReason'] } : {}),
    ...(changes ? { changes: Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) } : {}),
  };
}

@ApiTags('监督')
@ApiBearerAuth()
@Controller('jurisdictions')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(SUPERVISION_QUERIES) private readonly supervision: SupervisionQueries,
  ) {}

  private record(write: WriteContext, command: CampaignDecisionCommand['request']['command']): Promise<WriteResult> {
    return this.commands.execute(new CampaignDecisionCommand({ ...write, command }));
  }

  /** The campaign must be one of this jurisdiction's: 404 otherwise. */
  private async ensureCampaign(code: string, id: string) {
    if (!(await this.supervision.campaign(code, id))) throw new BodyNotFoundError(`清理 ${id}(行政区划 ${code})`);
  }

  @Post(':code/campaigns')
  @ApiCodeParam()
  @ApiWrite({ result: 'CampaignWriteResult' })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '开展清理规范', description: '市级办法 第十九条；清理方案：确定清理范围，登记清理方案的文号。' })
  async open(@JurisdictionParam() jurisdiction: string, @Body() dto: OpenCampaignRequest, @Write() write: WriteContext) {
    const campaignId = dto.campaignId ?? newBodyId(write.idempotencyKey);
    const result = await this.record(write, {
      type: 'OpenCampaign', campaignId, jurisdiction, title: dto.title, scope: dto.scope?.series ? { series: dto.scope.series } : {},
      documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason,
    });
    return { campaignId, ...result };
  }

  @Post(':code/campaigns/:id/outcomes')
  @ApiCodeParam()
  @ApiCampaignIdParam()
  @ApiWrite({ onExisting: true, result: 'CampaignWriteResult' })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({ summary: '列明清理结论(评估分析)', description: '逐个机构列明拟作的清理结论：保留、撤销、合并、调整、不再作为议事协调机构、调整为部门联席会议；同一机构后列明的取代先前的。此时尚不改变登记簿。' })
  async list(@JurisdictionParam() code: string, @CampaignIdParam() id: string, @Body() dto: ListCampaignOutcomesRequest, @Write() write: WriteContext) {
    await this.ensureCampaign(code, id);
    return { campaignId: id, ...(await this.record(write, { type: 'ListCampaignOutcomes', campaignId: id, outcomes: dto.outcomes.map(outcomeOf), effectiveDate: dto.effectiveDate, documentNo: dto.documentNo, reason: dto.reason })) };
  }

  @Post(':code/campaigns/:id/conclusion')
  @ApiCodeParam()
  @ApiCampaignIdParam()
  @ApiWrite({ onExisting: true, result: 'CampaignWriteResult' })
  @HttpCode(201)
  @Roles('registrar')
  @ApiOperation({
    summary: '清理结论',
    description: '以一项决定(如 京政发[2003]9号)登记全部清理结论：撤销、不再作为、调整为联席会议、合并与调整各按其规则判断，与清理结论一并写入，全有或全无。',
  })
  async conclude(@JurisdictionParam() code: string, @CampaignIdParam() id: string, @Body() dto: ConcludeCampaignRequest, @Write() write: WriteContext) {
    await this.ensureCampaign(code, id);
    return {
      campaignId: id,
      ...(await this.record(write, {
        type: 'ConcludeCampaign', campaignId: id, outcomes: dto.outcomes?.map(outcomeOf), keepUnlisted: dto.keepUnlisted,
        documentNo: dto.documentNo, effectiveDate: dto.effectiveDate, reason: dto.reason, justification: dto.justification, justifications: dto.justifications,
      })),
    };
  }

  @Get(':code/campaigns')
  @ApiCodeParam()
  @ApiRead('CampaignSummary', { array: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({ summary: '清理规范列表' })
  campaigns(@JurisdictionParam() code: string, @CurrentPrincipal() principal: Principal) {
    authorizeRead(principal, code);
    return this.queries.execute(new GetCampaigns(code));
  }

  @Get(':code/campaigns/:id')
  @ApiCodeParam()
  @ApiCampaignIdParam()
  @ApiRead('CampaignSummary', { notFound: true })
  @Roles('viewer', 'auditor', 'registrar')
  @ApiOperation({ summary: '清理规范情况', description: '清理方案、范围、各机构的清理结论，以及按结论分类的数量(如 北京清理：保留52个，撤销36个，不再作为4个，调整为部门联席会议4个)。' })
  campaign(@JurisdictionParam() code: string, @CampaignIdParam() id: string, @CurrentPrincipal() principal: Principal, @DateQuery('date') date?: string) {
    authorizeRead(principal, code);
    return this.queries.execute(new GetCampaign(code, id, date));
  }
}
