import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type, plainToInstance } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested, Validate, ValidatorConstraint, type ValidatorConstraintInterface, type ValidationArguments } from 'class-validator';
import { RANKS_HIGH_TO_LOW, bodyNameProblems, isLocalDate } from '#domain';

@ValidatorConstraint({ name: 'isLocalDate' })
export class IsLocalDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isLocalDate(value);
  }
  defaultMessage(args: ValidationArguments) {
    return `${args.property} 须为有效日期 YYYY-MM-DD`;
  }
}
export const IsLocalDate = () => Validate(IsLocalDateConstraint);

/** A body's name or alias: the one rule (#domain bodyNameProblems) the list import applies too. */
@ValidatorConstraint({ name: 'isBodyName' })
export class IsBodyNameConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return Array.isArray(value) ? value.every((v) => bodyNameProblems(v).length === 0) : bodyNameProblems(value).length === 0;
  }
  defaultMessage(args: ValidationArguments) {
    const values: unknown[] = Array.isArray(args.value) ? args.value : [args.value];
    return `${args.property} ${values.map((v) => bodyNameProblems(v)).find((p) => p.length > 0)?.join('，') ?? '不合要求'}`;
  }
}
export const IsBodyName = () => Validate(IsBodyNameConstraint);

/** The paperwork of every decision: 文号, 生效日期, 理由, and the justification for bent rules. */
export class DecisionDto {
  @ApiProperty({ description: '批准或备案文件的文号，如 潍政办字〔2020〕37号' })
  @IsString()
  @MaxLength(200)
  documentNo!: string;

  @ApiProperty({ description: '生效日期(有效时间，中国时间 YYYY-MM-DD)', example: '2020-03-31' })
  @IsLocalDate()
  effectiveDate!: string;

  @ApiPropertyOptional({ description: '决定理由(说明)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ description: '对警告类规则的说明，如“确因工作需要可以适当增加”；有此说明时，仅触犯警告类规则的决定予以登记并标注' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  justification?: string;
}

/** The paperwork of a decision whose `reason` is a numbered ground (撤销, 合并): 文号, 生效日期, justification. */
export class GroundedDecisionDto extends PickType(DecisionDto, ['documentNo', 'effectiveDate', 'justification'] as const) {
  @ApiPropertyOptional({ description: '补充说明' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  explanation?: string;

  @ApiPropertyOptional({ description: '客户端所依据的机构版本号；与当前版本不符时返回 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

/** Optimistic concurrency for writes on one body. */
export class VersionedDecisionDto extends DecisionDto {
  @ApiPropertyOptional({ description: '客户端所依据的机构版本号；与当前版本不符时返回 409' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

/** A seat is a post, not a person (市级办法 第十三条 自然递补). */
export class PostDto {
  @ApiProperty({ description: '职务，如 市长、市政府分管副市长' })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ description: '职级：provincial 省部级, bureau 厅局级, deputy-bureau 副厅局级, county 县处级, deputy-county 副县处级, section 乡科级, deputy-section 副乡科级, non-leadership 非领导职务', enum: RANKS_HIGH_TO_LOW })
  @IsOptional()
  @IsIn(RANKS_HIGH_TO_LOW as unknown as string[])
  rank?: string;
}

/** Accepts "市长", {"title":"市长"} or a list of either. */
export const ToPosts = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null) return value;
    const list = Array.isArray(value) ? value : [value];
    return list.map((item) => (typeof item === 'string' ? plainToInstance(PostDto, { title: item }) : typeof item === 'object' && item ? plainToInstance(PostDto, item) : item));
  });

export class BasisDto {
  @ApiProperty({ description: '符合市级办法第五条的情形：1 上级明确规定需要设立；2 跨地区或跨部门、跨行业需经常协调；3 工作任务重大、单个部门难以承担', type: [Number], example: [2] })
  @IsArray()
  @IsInt({ each: true })
  @IsIn([1, 2, 3], { each: true })
  conditions!: Array<1 | 2 | 3>;

  @ApiProperty({ description: '设立依据的文本(所依据的文件或规定)' })
  @IsString()
  @MaxLength(4000)
  text!: string;
}

export const JURISDICTION_CODE = /^\d{6}$/;
export const IsJurisdictionCode = () => Matches(JURISDICTION_CODE, { message: '$property 须为六位行政区划代码，如 370700' });
export const PostsProperty = (description: string, required: boolean) => {
  const decorators = [
    required ? ApiProperty({ description, type: [PostDto] }) : ApiPropertyOptional({ description, type: [PostDto] }),
    ToPosts(),
    IsArray(),
    ValidateNested({ each: true }),
    Type(() => PostDto),
  ];
  return (target: object, key: string) => {
    if (!required) IsOptional()(target, key);
    for (const d of decorators) d(target, key);
  };
};
