import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { BODY_KINDS } from '#domain';
import { BasisDto, IsBodyName, IsLocalDate, PostsProperty, type PostDto } from '../shared/decision.dto.js';

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

  @ApiProperty({ description: '序列：party 党委(市委)，government 政府(市政府)；只能属于其一', enum: ['party', 'government'] })
  @IsIn(['party', 'government'])
  series!: 'party' | 'government';

  @ApiProperty({ description: '设置期限：standing 长期设置，temporary 临时性设置', enum: ['standing', 'temporary'] })
  @IsIn(['standing', 'temporary'])
  duration!: 'standing' | 'temporary';

  @ApiPropertyOptional({ description: '临时性机构的设立期限(截止日期 YYYY-MM-DD)' })
  @IsOptional()
  @IsLocalDate()
  termEnd?: string;

  @ApiPropertyOptional({ description: '临时性机构的撤销条件' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  abolitionCondition?: string;

  @ApiProperty({ description: '设立依据(市级办法 第五条)', type: BasisDto })
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

  @PostsProperty('其他成员职务(可选)', false)
  members?: PostDto[];

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

  @ApiProperty({ description: '办事机构(承担日常工作的部门)' })
  @IsString()
  @MaxLength(200)
  hostDepartment!: string;

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
    basis: { conditions: dto.basis.conditions, text: dto.basis.text },
    reason: dto.reason,
    leaders: dto.leader.map(plainPost),
    deputies: dto.deputies.map(plainPost),
    members: dto.members?.map(plainPost),
    memberUnits: dto.memberUnits,
    tasks: dto.tasks,
    duties: dto.duties,
    hostDepartment: dto.hostDepartment,
    location: dto.location,
    funding: dto.funding,
    mirrorsUpperBody: dto.mirrorsUpperBody,
  };
}

export function plainPost(post: PostDto) {
  return post.rank ? { title: post.title, rank: post.rank as never } : { title: post.title };
}
