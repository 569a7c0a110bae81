import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from '../../http/validators.js';
import { BODY_KINDS, SERIES } from '#domain';
import { BasisDto, IsBodyName, IsLocalDate, PostsProperty, type PostDto } from '../shared/decision.dto.js';

/** 办公室设在…(办公室主任由…兼任)，或 不设办公室. */
export class OfficeDto {
  @ApiPropertyOptional({ description: '办公室设在(单位)' }) @IsOptional() @IsString() @MaxLength(200) seat?: string;
  @ApiPropertyOptional({ description: '办公室主任由…兼任' }) @IsOptional() @IsString() @MaxLength(200) director?: string;
  @ApiPropertyOptional({ description: '不设办公室' }) @IsOptional() @IsBoolean() none?: boolean;
}

/** 工作规则. */
export class WorkingRulesDto {
  @ApiPropertyOptional({ description: '每年召开全体会议次数' }) @IsOptional() @IsInt() @Min(0) @Max(366) meetingsPerYear?: number;
  @ApiPropertyOptional({ description: '不刻制印章' }) @IsOptional() @IsBoolean() noSeal?: boolean;
  @ApiPropertyOptional({ description: '工作规则原文' }) @IsOptional() @IsString() @MaxLength(4000) text?: string;
}

/** The optional 第十条 parts shared by establishment and adjustment. */
export const OfficeProperty = () => (target: object, key: string) => {
  for (const d of [ApiPropertyOptional({ description: '办公室设在…(办公室主任由…兼任)，或 不设办公室 {"none": true}', type: OfficeDto }), IsOptional(), ValidateNested(), Type(() => OfficeDto)]) d(target, key);
};
export const WorkingRulesProperty = () => (target: object, key: string) => {
  for (const d of [ApiPropertyOptional({ description: '工作规则：每年会议次数、不刻制印章等', type: WorkingRulesDto }), IsOptional(), ValidateNested(), Type(() => WorkingRulesDto)]) d(target, key);
};

/** The application content of 市级办法 第十条. */
export class BodyProfileDto {
  @ApiProperty({ description: '机构名称，如 潍坊市安全生产委员会' })
  @IsString()
  @IsBodyName()
  name!: string;

  @ApiPropertyOptional({ description: '对外使用的其他名称(别名)，如 潍坊名单第17项“对外可分别使用…名称”', type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsBodyName()
  @ArrayMaxSize(20)
  aliases?: string[];

  @ApiPropertyOptional({ description: '机构类型；不填时按名称后缀判断', enum: BODY_KINDS })
  @IsOptional()
  @IsIn(BODY_KINDS as unknown as string[])
  kind?: string;

  @ApiProperty({ description: '序列：party 党委(市委)，government 政府(市政府)，joint 党政联合设立(如 中共中央、国务院；一般不联合设立，须说明理由，国务院一级除外)', enum: SERIES })
  @IsIn(SERIES as unknown as string[])
  series!: 'party' | 'government' | 'joint';

  @ApiProperty({ description: '设置期限：standing 长期设置，temporary 临时性设置', enum: ['standing', 'temporary'] })
  @IsIn(['standing', 'temporary'])
  duration!: 'standing' | 'temporary';

  @ApiPropertyOptional({ description: '临时性机构的设立期限(截止日期 YYYY-MM-DD)；以条件结束的(如“任务完成后自行撤销”)可不填，但须写明撤销条件' })
  @IsOptional()
  @IsLocalDate()
  termEnd?: string;

  @ApiPropertyOptional({ description: '临时性机构的撤销条件' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  abolitionCondition?: string;

  @ApiProperty({ description: '设立依据(市级办法 第五条)；缺少时按第五条不予登记(422)', type: BasisDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BasisDto)
  basis!: BasisDto;

  @ApiProperty({ description: '设立理由' })
  @IsString()
  @MaxLength(4000)
  reason!: string;

  @PostsProperty('组长(主任、指挥、召集人)：一个职务，或职务列表(多于一名为警告)', true)
  leader!: PostDto[];

  @PostsProperty('副组长(副主任等)职务，一般一至二名', true)
  deputies!: PostDto[];

  @PostsProperty('其他成员(可选)：职务，或点名的人员(person，附职务)，或不担任职务的专家(expert: true，专家委员)', false)
  members?: PostDto[];

  @PostsProperty('秘书长、副秘书长(可选)', false)
  secretaries?: PostDto[];

  @ApiPropertyOptional({ description: '牵头单位(可多个)', type: [String] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(20)
  leadUnits?: string[];

  @OfficeProperty()
  office?: OfficeDto;

  @ApiPropertyOptional({ description: '联络员，如“各成员单位确定一名处级干部为联络员”' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  liaison?: string;

  @WorkingRulesProperty()
  workingRules?: WorkingRulesDto;

  @ApiProperty({ description: '成员单位，原则上不超过10个', type: [String] })
  @IsArray()
  @IsString({ each: true })
  @ArrayMaxSize(200)
  memberUnits!: string[];

  @ApiProperty({ description: '任务' })
  @IsString()
  @MaxLength(8000)
  tasks!: string;

  @ApiProperty({ description: '职责' })
  @IsString()
  @MaxLength(8000)
  duties!: string;

  @ApiPropertyOptional({ description: '办事机构(承担日常工作的部门)；通知只写“办公室设在…”或牵头单位时可不填' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  hostDepartment?: string;

  @ApiPropertyOptional({ description: '办公地点' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ description: '经费来源' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  funding?: string;

  @ApiPropertyOptional({ description: '如为对口上级设立，所对口的上级机构名称(市级办法 第七条)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  mirrorsUpperBody?: string;
}

export function profileOf(dto: BodyProfileDto) {
  return {
    name: dto.name.trim(),
    aliases: dto.aliases,
    kind: dto.kind as never,
    series: dto.series,
    duration: dto.duration,
    termEnd: dto.termEnd,
    abolitionCondition: dto.abolitionCondition,
    // absent, the basis rule (第五条) refuses it with 422
    basis: dto.basis ? { conditions: dto.basis.conditions, text: dto.basis.text } : (undefined as never),
    reason: dto.reason,
    leaders: dto.leader.map(plainPost),
    deputies: dto.deputies.map(plainPost),
    members: dto.members?.map(plainPost),
    secretaries: dto.secretaries?.map(plainPost),
    leadUnits: dto.leadUnits,
    office: dto.office ? plain(dto.office) : undefined,
    liaison: dto.liaison,
    workingRules: dto.workingRules ? plain(dto.workingRules) : undefined,
    memberUnits: dto.memberUnits,
    tasks: dto.tasks,
    duties: dto.duties,
    hostDepartment: dto.hostDepartment as string,
    location: dto.location,
    funding: dto.funding,
    mirrorsUpperBody: dto.mirrorsUpperBody,
  };
}

export function plainPost(post: PostDto) {
  return plain({ title: post.title, rank: post.rank as never, role: post.role, person: post.person, expert: post.expert }) as {
    title: string; rank?: never; role?: string; person?: string; expert?: boolean;
  };
}

/** The fields that are set, as a plain object (what an event stores). */
export function plain<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
