import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform, Type, plainToInstance } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested, Validate, ValidatorConstraint, type ValidatorConstraintInterface, type ValidationArguments } from '../../http/validators.js';
import { RANKS_HIGH_TO_LOW, bodyNameProblems, jurisdictionCodeProblem, type Justifications } from '#domain';
import { applyDecorators } from '@nestjs/common';
import { dateProblem, isRegistryDate } from '../../http/dates.js';
import { DATE_SCHEMA } from '../../http/openapi.js';

@ValidatorConstraint({ name: 'isLocalDate' })
export class IsLocalDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return isRegistryDate(value);
  }
  defaultMessage(_args: ValidationArguments) {
    return dateProblem;
  }
}
export const IsLocalDate = () => applyDecorators(Validate(IsLocalDateConstraint), ApiProperty({ type: 'string', format: 'date', pattern: DATE_SCHEMA.pattern })) as PropertyDecorator;

@ValidatorConstraint({ name: 'isNotBlank' })
export class IsNotBlankConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return typeof value === 'string' && value.trim().length > 0;
  }
  defaultMessage(args: ValidationArguments) {
    // the pipe names the field with its Chinese label (http/validation.ts)
    return '不能为空';
  }
}
/** A string with something in it besides blanks (a 文号 of "" or "  " is no document). */
export const IsNotBlank = () => Validate(IsNotBlankConstraint);

/** The warning rules a decision may bend, by code (docs/domain.md). */
export const WARNING_RULES = ['leader', 'deputies', 'member-units', 'member-rank', 'discipline', 'mirror', 'duplicate', 'quota', 'single-series'] as const;

@ValidatorConstraint({ name: 'isJustifications' })
export class IsJustificationsConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(value).every(([rule, text]) =>
      (WARNING_RULES as readonly string[]).includes(rule) && typeof text === 'string' && text.trim().length > 0 && text.length <= 4000);
  }
  defaultMessage() {
    return `justifications 须为对象，键为所说明的警告规则(${WARNING_RULES.join('、')})，值为非空说明(不超过4000字)`;
  }
}

@ValidatorConstraint({ name: 'isJurisdictionCode' })
export class IsJurisdictionCodeConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return jurisdictionCodeProblem(value) === undefined;
  }
  defaultMessage(args: ValidationArguments) {
    return `${jurisdictionCodeProblem(args.value) ?? '有误'}(GB/T 2260 六位代码；国务院、中共中央为 100000)`;
  }
}

/** A body's name or alias: the one rule (#domain bodyNameProblems) the list import applies too. */
@ValidatorConstraint({ name: 'isBodyName' })
export class IsBodyNameConstraint implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return Array.isArray(value) ? value.every((v) => bodyNameProblems(v).length === 0) : bodyNameProblems(value).length === 0;
  }
  defaultMessage(args: ValidationArguments) {
    const values: unknown[] = Array.isArray(args.value) ? args.value : [args.value];
    // the pipe names the field (http/validation.ts); the message says what is wrong with it
    return values.map((v) => bodyNameProblems(v)).find((p) => p.length > 0)?.join('，') ?? '不合要求';
  }
}
export const IsBodyName = () => Validate(IsBodyNameConstraint);

/** The paperwork of every decision: 文号, 生效日期, 理由, and the justification for bent rules. */
export class DecisionDto {
  @ApiProperty({ description: '批准或备案文件的文号，如 潍政办字〔2020〕37号；必填，不能为空' })
  @IsString()
  @IsNotBlank()
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

  @ApiPropertyOptional({ description: '对警告类规则的说明(旧式，单一文本)：仅当决定只触犯一项警告类规则、且该规则不须逐项说明时有效；触犯多项时请用 justifications' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  justification?: string;

  @ApiPropertyOptional({
    description: `逐项说明所触犯的警告类规则，如 {"quota": "…", "duplicate": "…"}；只免除所列规则，其他警告仍不予登记。与同一序列在册机构名称相同的，须以 duplicate 明确说明。可用的规则：${WARNING_RULES.join('、')}`,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { 'member-units': '确因工作需要可以适当增加' },
  })
  @IsOptional()
  @IsObject()
  @Validate(IsJustificationsConstraint)
  justifications?: Justifications;
}

/** The paperwork of a decision whose `reason` is a numbered ground (撤销, 合并): 文号, 生效日期, justification. */
export class GroundedDecisionDto extends PickType(DecisionDto, ['documentNo', 'effectiveDate', 'justification', 'justifications'] as const) {
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

  @ApiPropertyOptional({ description: '职级：state 正国级, deputy-state 副国级, provincial 省部级(正部级), deputy-provincial 副省部级(副部级), bureau 厅局级, deputy-bureau 副厅局级, county 县处级, deputy-county 副县处级, section 乡科级, deputy-section 副乡科级, non-leadership 非领导职务', enum: RANKS_HIGH_TO_LOW })
  @IsOptional()
  @IsIn(RANKS_HIGH_TO_LOW as unknown as string[])
  rank?: string;

  @ApiPropertyOptional({ description: '通知所列的角色，如 组长、第一副组长、副组长、秘书长、召集人、副召集人、成员、专家委员' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  role?: string;

  @ApiPropertyOptional({ description: '通知点名的人员姓名(席位仍属职务)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  person?: string;

  @ApiPropertyOptional({ description: '不担任职务的专家(专家委员)：职级规则(第九条)不适用' })
  @IsOptional()
  @IsBoolean()
  expert?: boolean;
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
/** GB/T 2260's structure, and 100000 for the national level (docs/decisions/0009-published-decisions.md). */
export const IsJurisdictionCode = () => Validate(IsJurisdictionCodeConstraint);
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
