import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from '../../http/validators.js';
import { IsLocalDate, IsNotBlank } from '../shared/decision.dto.js';

/** 任务完成后自行撤销: no new 文号; the evidence that the task ended. */
export class SelfAbolishBodyRequest {
  @ApiProperty({ description: '任务完成、机构自行撤销之日(YYYY-MM-DD)', example: '2021-06-30' }) @IsLocalDate() effectiveDate!: string;
  @ApiProperty({ description: '任务已经完成的依据，如 普查成果已于2021年6月通过验收(见…)' }) @IsString() @IsNotBlank() @MaxLength(4000) evidence!: string;
  @ApiPropertyOptional({ description: '如有文件，其文号；不填则为设立文件的文号(自行撤销无新文号)' }) @IsOptional() @IsString() @IsNotBlank() @MaxLength(200) documentNo?: string;
  @ApiPropertyOptional({ description: '补充说明' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @ApiPropertyOptional({ description: '客户端所依据的机构版本号；与当前版本不符时返回 409' }) @IsOptional() @IsInt() @Min(0) expectedVersion?: number;
}
