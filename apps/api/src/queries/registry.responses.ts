/**
 * The answers of the registry and quota routes, described for the OpenAPI document (and so for
 * the dashboard's generated types, apps/dashboard/src/lib/api-types.generated.ts). Descriptions
 * only: the answers themselves come from libs/read-model.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ListingPlaceResponse {
  @ApiProperty({ description: '名单文号' })
  documentNo!: string;

  @ApiProperty({ enum: ['standing', 'temporary'], description: '名单中的部分：长期设置(standing)或临时性设置(temporary)' })
  section!: 'standing' | 'temporary';

  @ApiProperty({ description: '名单中的序号' })
  number!: number;
}

export class RegistryEntryResponse {
  @ApiProperty({ description: '机构标识' })
  id!: string;

  @ApiProperty({ description: '名称' })
  name!: string;

  @ApiProperty({ type: [String], description: '对外名称' })
  aliases!: string[];

  @ApiProperty({ enum: ['领导小组', '委员会', '联席会议', '指挥部', '协调小组', '其他'], description: '类别' })
  kind!: '领导小组' | '委员会' | '联席会议' | '指挥部' | '协调小组' | '其他';

  @ApiProperty({ enum: ['party', 'government'], description: '序列：党委(party)或政府(government)' })
  series!: 'party' | 'government';

  @ApiProperty({ enum: ['standing', 'temporary'], description: '设置期限：长期设置(standing)或临时性设置(temporary)' })
  duration!: 'standing' | 'temporary';

  @ApiProperty({ description: '设立日期' })
  establishedOn!: string;

  @ApiProperty({ description: '承担日常工作的部门(导入的名单未载明时为空)' })
  hostDepartment!: string;

  @ApiPropertyOptional({ description: '临时性机构的设立期限' })
  termEnd?: string;

  @ApiPropertyOptional({ type: ListingPlaceResponse, description: '导入时在公布名单中的位置' })
  listing?: ListingPlaceResponse;
}

export class RegistryCountsResponse {
  @ApiProperty({ description: '长期设置' })
  standing!: number;

  @ApiProperty({ description: '临时性设置' })
  temporary!: number;

  @ApiProperty({ description: '党委序列' })
  party!: number;

  @ApiProperty({ description: '政府序列' })
  government!: number;
}

export class RegistryAnswerResponse {
  @ApiProperty({ description: '行政区划代码' })
  jurisdiction!: string;

  @ApiProperty({ description: '生效日期口径' })
  date!: string;

  @ApiProperty({ description: '截至此时所知' })
  knownAt!: string;

  @ApiProperty({ description: '在册机构总数' })
  total!: number;

  @ApiProperty({ type: RegistryCountsResponse })
  counts!: RegistryCountsResponse;

  @ApiProperty({ type: [RegistryEntryResponse], description: '各机构，按设立日期、名单序号、名称排列' })
  bodies!: RegistryEntryResponse[];
}

export class QuotaPointResponse {
  @ApiProperty({ description: '自此日起(至下一点前)下列数值有效' })
  date!: string;

  @ApiProperty({ description: '当日在册机构数(基准限定序列时只计该序列；首个基准之前按首个基准的口径)' })
  active!: number;

  @ApiProperty({ type: Number, nullable: true, description: '当日适用的总量控制基准；无基准时为 null' })
  baseline!: number | null;

  @ApiPropertyOptional({ enum: ['party', 'government'], description: '基准所计的序列' })
  series?: 'party' | 'government';

  @ApiPropertyOptional({ description: '基准的文号' })
  baselineDocumentNo?: string;
}

export class QuotaViolationResponse {
  @ApiProperty({ description: '超出基准的第一天' })
  from!: string;

  @ApiProperty({ description: '超出基准的最后一天(含)' })
  to!: string;

  @ApiProperty({ description: '期间内最多超出的数目' })
  maxOver!: number;
}

export class QuotaAnswerResponse {
  @ApiProperty({ description: '行政区划代码' })
  jurisdiction!: string;

  @ApiProperty({ description: '起始日期' })
  from!: string;

  @ApiProperty({ description: '截止日期' })
  to!: string;

  @ApiProperty({ description: '截至此时所知' })
  knownAt!: string;

  @ApiProperty({ type: [QuotaPointResponse], description: '数量或基准发生变化的各日' })
  points!: QuotaPointResponse[];

  @ApiProperty({ type: [QuotaViolationResponse], description: '超出基准的时段' })
  violations!: QuotaViolationResponse[];
}
