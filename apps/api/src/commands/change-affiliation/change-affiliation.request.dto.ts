import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from '../../http/validators.js';
import { VersionedDecisionDto } from '../shared/decision.dto.js';

/** 改变隶属关系 (第十七、十八条). */
export class ChangeAffiliationRequest extends VersionedDecisionDto {
  @ApiProperty({ description: '改变后的序列：party 党委，government 政府', enum: ['party', 'government'] })
  @IsIn(['party', 'government'])
  series!: 'party' | 'government';
}
