import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, MaxLength } from '../../http/validators.js';
import { BODY_KINDS } from '#domain';
import { IsLocalDate, PostsProperty, VersionedDecisionDto, type PostDto } from '../shared/decision.dto.js';
import { OfficeProperty, WorkingRulesProperty, plain, plainPost, type OfficeDto, type WorkingRulesDto } from '../establish-body/body-profile.dto.js';

/** 调整 (第十三、十四条): only the changed parts. */
export class AdjustBodyRequest extends VersionedDecisionDto {
  @PostsProperty('调整后的组长', false) leader?: PostDto[];
  @PostsProperty('调整后的副组长', false) deputies?: PostDto[];
  @PostsProperty('调整后的其他成员', false) members?: PostDto[];

  @ApiPropertyOptional({ description: '调整后的成员单位(完整列表)', type: [String] })
  @IsOptional() @IsArray() @IsString({ each: true })
  memberUnits?: string[];

  @ApiPropertyOptional({ description: '调整后的任务' }) @IsOptional() @IsString() @MaxLength(8000) tasks?: string;
  @ApiPropertyOptional({ description: '调整后的职责' }) @IsOptional() @IsString() @MaxLength(8000) duties?: string;
  @ApiPropertyOptional({ description: '调整后的办事机构(承担日常工作的部门)' }) @IsOptional() @IsString() @MaxLength(200) hostDepartment?: string;
  @ApiPropertyOptional({ description: '办公地点' }) @IsOptional() @IsString() @MaxLength(500) location?: string;
  @ApiPropertyOptional({ description: '经费来源' }) @IsOptional() @IsString() @MaxLength(500) funding?: string;
  @ApiPropertyOptional({ description: '机构类型', enum: BODY_KINDS }) @IsOptional() @IsIn(BODY_KINDS as unknown as string[]) kind?: string;
  @ApiPropertyOptional({ description: '设置期限', enum: ['standing', 'temporary'] }) @IsOptional() @IsIn(['standing', 'temporary']) duration?: 'standing' | 'temporary';
  @ApiPropertyOptional({ description: '临时性机构的设立期限' }) @IsOptional() @IsLocalDate() termEnd?: string;
  @ApiPropertyOptional({ description: '临时性机构的撤销条件' }) @IsOptional() @IsString() @MaxLength(2000) abolitionCondition?: string;
  @PostsProperty('调整后的秘书长、副秘书长', false) secretaries?: PostDto[];
  @ApiPropertyOptional({ description: '调整后的牵头单位(完整列表)', type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @MaxLength(200, { each: true }) leadUnits?: string[];
  @OfficeProperty() office?: OfficeDto;
  @ApiPropertyOptional({ description: '联络员' }) @IsOptional() @IsString() @MaxLength(1000) liaison?: string;
  @WorkingRulesProperty() workingRules?: WorkingRulesDto;
}

/** The changes an adjustment request names. */
export function changesOf(dto: AdjustBodyRequest) {
  return {
    leaders: dto.leader?.map(plainPost),
    deputies: dto.deputies?.map(plainPost),
    members: dto.members?.map(plainPost),
    memberUnits: dto.memberUnits,
    tasks: dto.tasks,
    duties: dto.duties,
    hostDepartment: dto.hostDepartment,
    location: dto.location,
    funding: dto.funding,
    kind: dto.kind as never,
    duration: dto.duration,
    termEnd: dto.termEnd,
    abolitionCondition: dto.abolitionCondition,
    secretaries: dto.secretaries?.map(plainPost),
    leadUnits: dto.leadUnits,
    office: dto.office ? plain(dto.office) : undefined,
    liaison: dto.liaison,
    workingRules: dto.workingRules ? plain(dto.workingRules) : undefined,
  };
}
