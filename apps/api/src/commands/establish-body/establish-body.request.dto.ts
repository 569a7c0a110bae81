import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsString } from '../../http/validators.js';
import { DecisionDto, IsJurisdictionCode } from '../shared/decision.dto.js';
import { BodyProfileDto } from './body-profile.dto.js';

class JurisdictionDto {
  @ApiProperty({ description: '行政区划代码(GB/T 2260 六位)，如 370700 潍坊市', example: '370700' })
  @IsString()
  @IsJurisdictionCode()
  jurisdiction!: string;
}

/** 设立 (市级办法 第五至十二条). */
export class EstablishBodyRequest extends IntersectionType(JurisdictionDto, BodyProfileDto, DecisionDto) {}
