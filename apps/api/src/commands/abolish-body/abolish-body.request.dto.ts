import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt } from '../../http/validators.js';
import { ABOLITION_DISPOSITIONS, ABOLITION_REASONS, type AbolitionDisposition, type AbolitionReason } from '#domain';
import { GroundedDecisionDto } from '../shared/decision.dto.js';

/** 撤销 (第十五、十八条) with its disposition (北京清理). */
export class AbolishBodyRequest extends GroundedDecisionDto {
  @ApiProperty({ description: `撤销情形(市级办法 第十五条)：${Object.entries(ABOLITION_REASONS).map(([k, v]) => `${k} ${v}`).join('；')}`, minimum: 1, maximum: 8 })
  @IsInt()
  @IsIn([1, 2, 3, 4, 5, 6, 7, 8])
  reason!: AbolitionReason;

  @ApiProperty({ description: `处理方式(北京清理)：${Object.entries(ABOLITION_DISPOSITIONS).map(([k, v]) => `${k} ${v}`).join('；')}`, enum: Object.keys(ABOLITION_DISPOSITIONS) })
  @IsIn(Object.keys(ABOLITION_DISPOSITIONS))
  disposition!: AbolitionDisposition;
}
