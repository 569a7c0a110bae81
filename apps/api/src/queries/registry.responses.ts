/**
 * The answers of the registry and quota routes, described for the OpenAPI document (and so for
 * the dashboard's generated types, apps/dashboard/src/lib/api-types.generated.ts). Descriptions
 * only: the answers themselves come from libs/read-model.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERIES } from '#domain';

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

  @ApiProperty({ enum: SERIES as unknown as string[], description: '序列：党委(party)、政府(government)或党政联合(joint)' })
  series!: 'party' | 'government' | 'joint';

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

/** What every change line carries: the decision's paperwork. */
class ChangeFactsResponse {
  @ApiProperty({ description: '事件标识' })
  eventId!: string;

  @ApiProperty({ description: '机构标识' })
  bodyId!: string;

  @ApiProperty({ description: '生效日期' })
  effectiveDate!: string;

  @ApiProperty({ description: '文号' })
  documentNo!: string;

  @ApiProperty({ description: '登记时间' })
  recordedAt!: string;
}

export class EstablishedLineResponse extends ChangeFactsResponse {
  @ApiProperty({ description: '名称' })
  name!: string;

  @ApiProperty({ enum: ['领导小组', '委员会', '联席会议', '指挥部', '协调小组', '其他'], description: '类别' })
  kind!: '领导小组' | '委员会' | '联席会议' | '指挥部' | '协调小组' | '其他';

  @ApiProperty({ enum: SERIES as unknown as string[], description: '序列' })
  series!: 'party' | 'government' | 'joint';

  @ApiProperty({ enum: ['standing', 'temporary'], description: '设置期限' })
  duration!: 'standing' | 'temporary';

  @ApiProperty({ enum: ['decision', 'merger', 'import'], description: '来源：决定设立(decision)、合并新设(merger)、名单导入(import)' })
  origin!: 'decision' | 'merger' | 'import';

  @ApiPropertyOptional({ description: '合并新设时的合并标识' })
  mergerId?: string;
}

export class AbolishedLineResponse extends ChangeFactsResponse {
  @ApiProperty({ description: '名称' })
  name!: string;

  @ApiProperty({ description: '撤销情形(市级办法 第十五条 1–8)' })
  reason!: number;

  @ApiProperty({ description: '撤销情形的条文' })
  reasonText!: string;

  @ApiProperty({ enum: ['abolished', 'delisted', 'joint-meeting'], description: '处理方式' })
  disposition!: 'abolished' | 'delisted' | 'joint-meeting';

  @ApiProperty({ description: '处理方式的中文' })
  dispositionText!: string;
}

export class RenamedLineResponse extends ChangeFactsResponse {
  @ApiProperty({ description: '原名称' })
  previousName!: string;

  @ApiProperty({ description: '新名称' })
  newName!: string;

  @ApiProperty({ type: [String], description: '对外名称' })
  aliases!: string[];
}

export class AdjustedLineResponse extends ChangeFactsResponse {
  @ApiProperty({ description: '名称' })
  name!: string;

  @ApiProperty({ type: [String], description: '调整的字段(英文字段名；中文名见 libs/domain/src/labels.ts)' })
  fields!: string[];
}

export class AffiliationChangedLineResponse extends ChangeFactsResponse {
  @ApiProperty({ description: '名称' })
  name!: string;

  @ApiProperty({ enum: SERIES as unknown as string[], description: '原序列' })
  from!: 'party' | 'government' | 'joint';

  @ApiProperty({ enum: SERIES as unknown as string[], description: '新序列' })
  to!: 'party' | 'government' | 'joint';
}

export class MergerBodyResponse {
  @ApiProperty({ description: '机构标识' })
  id!: string;

  @ApiProperty({ description: '名称' })
  name!: string;
}

export class MergerTargetResponse extends MergerBodyResponse {
  @ApiProperty({ description: '是否合并新设' })
  established!: boolean;
}

export class MergerLineResponse {
  @ApiProperty({ description: '合并标识' })
  mergerId!: string;

  @ApiProperty({ description: '事件标识' })
  eventId!: string;

  @ApiProperty({ description: '生效日期' })
  effectiveDate!: string;

  @ApiProperty({ description: '文号' })
  documentNo!: string;

  @ApiProperty({ description: '登记时间' })
  recordedAt!: string;

  @ApiProperty({ description: '合并情形(市级办法 第十六条 1–3)' })
  reason!: number;

  @ApiProperty({ description: '合并情形的条文' })
  reasonText!: string;

  @ApiProperty({ type: [MergerBodyResponse], description: '被合并的机构' })
  sources!: MergerBodyResponse[];

  @ApiProperty({ type: MergerTargetResponse, description: '合并后的机构' })
  target!: MergerTargetResponse;
}

export class ChangesAnswerResponse {
  @ApiProperty({ description: '行政区划代码' })
  jurisdiction!: string;

  @ApiProperty({ description: '起始日期' })
  from!: string;

  @ApiProperty({ description: '截止日期' })
  to!: string;

  @ApiProperty({ description: '截至此时所知' })
  knownAt!: string;

  @ApiProperty({ type: [EstablishedLineResponse], description: '设立' })
  established!: EstablishedLineResponse[];

  @ApiProperty({ type: [AbolishedLineResponse], description: '撤销' })
  abolished!: AbolishedLineResponse[];

  @ApiProperty({ type: [MergerLineResponse], description: '合并' })
  merged!: MergerLineResponse[];

  @ApiProperty({ type: [RenamedLineResponse], description: '更名' })
  renamed!: RenamedLineResponse[];

  @ApiProperty({ type: [AdjustedLineResponse], description: '调整' })
  adjusted!: AdjustedLineResponse[];

  @ApiProperty({ type: [AffiliationChangedLineResponse], description: '改变隶属关系' })
  affiliationChanged!: AffiliationChangedLineResponse[];
}

export class WaivedRuleResponse {
  @ApiProperty({ description: '规则代码(中文名称见 libs/domain/src/labels.ts)' })
  rule!: string;

  @ApiProperty({ description: '依据条款' })
  source!: string;

  @ApiPropertyOptional({ description: '当时的提示内容' })
  message?: string;
}

export class HistoryEntryResponse {
  @ApiProperty({ description: '事件标识' })
  eventId!: string;

  @ApiProperty({ description: '事件类型，如 BodyEstablished、BodyRenamed、EventCorrected' })
  type!: string;

  @ApiProperty({ description: '生效日期' })
  effectiveDate!: string;

  @ApiProperty({ description: '登记时间' })
  recordedAt!: string;

  @ApiProperty({ description: '登记人' })
  recordedBy!: string;

  @ApiProperty({ description: '文号' })
  documentNo!: string;

  @ApiPropertyOptional({ description: '理由' })
  reason?: string;

  @ApiPropertyOptional({ description: '对警告类规则的说明' })
  justification?: string;

  @ApiPropertyOptional({ type: [WaivedRuleResponse], description: '凭说明理由予以登记时所涉及的规则' })
  waivedRules?: WaivedRuleResponse[];

  @ApiProperty({ description: '该机构事件流中的版本' })
  version!: number;

  @ApiProperty({ description: '在事件日志中的位置' })
  position!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '事件内容(按事件类型不同)' })
  data!: Record<string, unknown>;
}

export class PostResponse {
  @ApiProperty({ description: '职务(席位是职务，不是个人)' })
  title!: string;

  @ApiPropertyOptional({ enum: ['provincial', 'bureau', 'deputy-bureau', 'county', 'deputy-county', 'section', 'deputy-section', 'non-leadership'], description: '职级' })
  rank?: 'provincial' | 'bureau' | 'deputy-bureau' | 'county' | 'deputy-county' | 'section' | 'deputy-section' | 'non-leadership';
}

export class BasisResponse {
  @ApiProperty({ type: [Number], description: '符合市级办法 第五条 的哪几项(1–3)' })
  conditions!: number[];

  @ApiProperty({ description: '依据的文字' })
  text!: string;
}

export class AbolitionResponse {
  @ApiProperty({ description: '撤销情形(第十五条 1–8)' })
  reason!: number;

  @ApiProperty({ enum: ['abolished', 'delisted', 'joint-meeting'], description: '处理方式' })
  disposition!: 'abolished' | 'delisted' | 'joint-meeting';

  @ApiProperty({ description: '文号' })
  documentNo!: string;
}

export class FormerNameResponse {
  @ApiProperty({ description: '曾用名' })
  name!: string;

  @ApiProperty({ description: '使用至(不含)' })
  until!: string;
}

export class AnnualReportSummaryResponse {
  @ApiProperty({ description: '年度' })
  year!: number;

  @ApiProperty({ description: '报送日期' })
  filedOn!: string;

  @ApiProperty({ description: '召开会议次数' })
  meetingsHeld!: number;
}

export class BodyStateResponse {
  @ApiProperty({ description: '机构标识' })
  id!: string;

  @ApiProperty({ description: '行政区划代码' })
  jurisdiction!: string;

  @ApiProperty({ enum: ['active', 'abolished', 'merged'], description: '状态：在册、已撤销、已合并' })
  status!: 'active' | 'abolished' | 'merged';

  @ApiProperty({ description: '名称' })
  name!: string;

  @ApiProperty({ type: [String], description: '对外名称' })
  aliases!: string[];

  @ApiProperty({ enum: ['领导小组', '委员会', '联席会议', '指挥部', '协调小组', '其他'], description: '类别' })
  kind!: '领导小组' | '委员会' | '联席会议' | '指挥部' | '协调小组' | '其他';

  @ApiProperty({ enum: SERIES as unknown as string[], description: '序列' })
  series!: 'party' | 'government' | 'joint';

  @ApiProperty({ enum: ['standing', 'temporary'], description: '设置期限' })
  duration!: 'standing' | 'temporary';

  @ApiPropertyOptional({ description: '临时性机构的设立期限' })
  termEnd?: string;

  @ApiPropertyOptional({ description: '临时性机构的撤销条件' })
  abolitionCondition?: string;

  @ApiPropertyOptional({ type: BasisResponse, description: '设立依据(导入的名单未载明)' })
  basis?: BasisResponse;

  @ApiPropertyOptional({ description: '设立理由' })
  reason?: string;

  @ApiProperty({ type: [PostResponse], description: '组长(主任、指挥、召集人)' })
  leaders!: PostResponse[];

  @ApiProperty({ type: [PostResponse], description: '副组长' })
  deputies!: PostResponse[];

  @ApiProperty({ type: [PostResponse], description: '成员' })
  members!: PostResponse[];

  @ApiProperty({ type: [String], description: '成员单位' })
  memberUnits!: string[];

  @ApiPropertyOptional({ description: '主要任务' })
  tasks?: string;

  @ApiPropertyOptional({ description: '工作职责' })
  duties?: string;

  @ApiProperty({ description: '承担日常工作的部门' })
  hostDepartment!: string;

  @ApiPropertyOptional({ description: '办公地点' })
  location?: string;

  @ApiPropertyOptional({ description: '经费来源' })
  funding?: string;

  @ApiPropertyOptional({ description: '对口的上级机构' })
  mirrorsUpperBody?: string;

  @ApiPropertyOptional({ type: ListingPlaceResponse, description: '导入时在公布名单中的位置' })
  listing?: ListingPlaceResponse;

  @ApiProperty({ description: '设立日期' })
  establishedOn!: string;

  @ApiProperty({ description: '设立文号' })
  establishedBy!: string;

  @ApiPropertyOptional({ description: '撤销或合并之日' })
  endedOn?: string;

  @ApiPropertyOptional({ type: AbolitionResponse, description: '撤销' })
  abolition?: AbolitionResponse;

  @ApiPropertyOptional({ description: '并入的机构' })
  mergedInto?: string;

  @ApiProperty({ type: [FormerNameResponse], description: '曾用名' })
  formerNames!: FormerNameResponse[];

  @ApiProperty({ type: [AnnualReportSummaryResponse], description: '年度报告' })
  annualReports!: AnnualReportSummaryResponse[];

  @ApiPropertyOptional({ description: '最近一次开展工作的记录日期' })
  lastActivityOn?: string;
}
