/** The compliance answer, described for the OpenAPI document (and the dashboard's generated types). */
import { ApiProperty } from '@nestjs/swagger';
import { RULE_LABELS, type LabelledRule } from '#domain';

export class AlertBodyResponse {
  @ApiProperty({ description: '机构标识' })
  id!: string;

  @ApiProperty({ description: '机构名称(当日)' })
  name!: string;
}

export class ComplianceAlertResponse {
  @ApiProperty({
    // every code the label table knows, so that a new alert is documented with its label
    enum: Object.keys(RULE_LABELS),
    description: '规则代码(中文名称见 docs/domain.md 与 libs/domain/src/labels.ts)',
  })
  rule!: LabelledRule;

  @ApiProperty({ description: '依据条款，如 市级办法 第十五条(二)' })
  article!: string;

  @ApiProperty({ description: '提示内容' })
  message!: string;

  @ApiProperty({ description: '该提示连续成立的第一天' })
  since!: string;

  @ApiProperty({ type: [AlertBodyResponse], description: '涉及的机构' })
  bodies!: AlertBodyResponse[];

  @ApiProperty({ type: 'object', additionalProperties: true, description: '按规则不同的细节(基准与超出数、未报年度、相近机构等)' })
  details!: Record<string, unknown>;
}

export class ComplianceAnswerResponse {
  @ApiProperty({ description: '行政区划代码' })
  jurisdiction!: string;

  @ApiProperty({ description: '日期' })
  date!: string;

  @ApiProperty({ description: '截至此时所知' })
  knownAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '当日适用的管理办法及其限额' })
  policy!: Record<string, unknown>;

  @ApiProperty({ description: '当日在册机构数' })
  active!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: '各规则的提示条数' })
  counts!: Record<string, number>;

  @ApiProperty({ type: [ComplianceAlertResponse], description: '未解决的监督提示' })
  alerts!: ComplianceAlertResponse[];
}
