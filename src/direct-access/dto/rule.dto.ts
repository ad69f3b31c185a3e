import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date.decorator';
import { PROFESSIONS, type Profession, PURPOSES, type Purpose } from '../rules/rule-parameters';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A nested object, validated; required unless the property is also `@IsOptional()`. */
const nested = (type: () => new () => object, each = false) => {
  const decorators = [IsDefined(), ValidateNested({ each }), Type(type)];
  return (target: object, key: string | symbol) => decorators.forEach((d) => d(target, key));
};

export class DayCountDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 366,
    example: 30,
    description: 'How many days',
  })
  @IsInt()
  @Min(1)
  @Max(366)
  count!: number;

  @ApiProperty({
    enum: ['calendar', 'business'],
    description: 'Business days skip weekends and the jurisdiction’s public holidays',
  })
  @IsIn(['calendar', 'business'])
  unit!: 'calendar' | 'business';

  @ApiProperty({
    description:
      'Whether the day the clock starts is day 1 ("30 consecutive days beginning") or not ("30 days from")',
  })
  @IsBoolean()
  startDayCounts!: boolean;

  @ApiProperty({
    maxLength: 300,
    example: '"30 days from the date of the first treatment"',
    description: 'The statute’s words and the reading chosen',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  reading!: string;
}

export class QualificationPathDto {
  @ApiPropertyOptional({ description: 'A doctorate in physical therapy' })
  @IsOptional()
  @IsBoolean()
  doctorate?: boolean;

  @ApiPropertyOptional({ description: 'A residency or fellowship' })
  @IsOptional()
  @IsBoolean()
  residencyOrFellowship?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 50,
    description: 'Years licensed at least',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minYearsLicensed?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 50,
    description: 'Years of full-time-equivalent practice at least',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  minYearsFullTimePractice?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1000,
    description: 'Hours of continuing education in differential diagnosis at least',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  minDifferentialDiagnosisCeHours?: number;

  @ApiPropertyOptional({
    description: 'A certificate of authorisation from the jurisdiction’s board',
  })
  @IsOptional()
  @IsBoolean()
  certificate?: boolean;
}

export class QualificationsDto {
  @ApiProperty({
    type: QualificationPathDto,
    description: 'Conditions every therapist treating without referral meets',
  })
  @nested(() => QualificationPathDto)
  all!: QualificationPathDto;

  @ApiProperty({
    type: [QualificationPathDto],
    maxItems: 10,
    description: 'At least one of these paths (empty: none)',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @nested(() => QualificationPathDto, true)
  anyOf!: QualificationPathDto[];

  @ApiProperty({ description: 'Professional liability insurance required' })
  @IsBoolean()
  liabilityInsurance!: boolean;
}

export class ExtendedLimitDto {
  @ApiProperty({ type: DayCountDto, description: 'The longer day limit' })
  @nested(() => DayCountDto)
  days!: DayCountDto;

  @ApiProperty({
    type: [QualificationPathDto],
    maxItems: 10,
    description: 'Therapists on one of these paths get it',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @nested(() => QualificationPathDto, true)
  anyOf!: QualificationPathDto[];
}

export class ProgressReviewDto {
  @ApiProperty({
    type: DayCountDto,
    nullable: true,
    description: 'Days to the review; null for none',
  })
  @IsOptional()
  @nested(() => DayCountDto)
  days!: DayCountDto | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 100,
    description: 'Visits to the review; null for none',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  visits!: number | null;

  @ApiProperty({
    enum: ['first_treatment', 'plan_of_intervention'],
    description: 'Where the clock starts',
  })
  @IsIn(['first_treatment', 'plan_of_intervention'])
  clockStart!: 'first_treatment' | 'plan_of_intervention';
}

export class TreatmentLimitDto extends ProgressReviewDto {
  @ApiProperty({
    enum: ['whichever_first'],
    description: 'The window ends at whichever limit comes first',
  })
  @IsIn(['whichever_first'])
  combine!: 'whichever_first';

  @ApiPropertyOptional({
    type: ExtendedLimitDto,
    description: 'A longer day limit for some therapists',
  })
  @IsOptional()
  @nested(() => ExtendedLimitDto)
  extendedFor?: ExtendedLimitDto;
}

export class DutyDto {
  @ApiProperty({
    enum: ['notify_physician', 'inform_plan_of_care', 'patient_disclosure'],
    description: 'What is owed',
  })
  @IsIn(['notify_physician', 'inform_plan_of_care', 'patient_disclosure'])
  kind!: 'notify_physician' | 'inform_plan_of_care' | 'patient_disclosure';

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 60,
    description: 'notify_physician: business days allowed; null for no deadline',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  withinBusinessDays?: number | null;

  @ApiPropertyOptional({
    enum: ['first_treatment', 'evaluation'],
    description: 'notify_physician: counted from',
  })
  @IsOptional()
  @IsIn(['first_treatment', 'evaluation'])
  from?: 'first_treatment' | 'evaluation';

  @ApiPropertyOptional({
    description: 'notify_physician: the patient’s written authorisation is needed',
  })
  @IsOptional()
  @IsBoolean()
  needsPatientAuthorisation?: boolean;

  @ApiPropertyOptional({ type: DayCountDto, description: 'inform_plan_of_care: the days allowed' })
  @IsOptional()
  @nested(() => DayCountDto)
  withinDays?: DayCountDto;

  @ApiPropertyOptional({
    enum: PURPOSES,
    isArray: true,
    description: 'Purposes exempt from the duty',
  })
  @IsOptional()
  @IsIn(PURPOSES, { each: true })
  exemptPurposes?: Purpose[];

  @ApiPropertyOptional({ maxLength: 200, description: 'patient_disclosure: the form’s name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  form?: string;

  @ApiPropertyOptional({ description: 'patient_disclosure: signed before treatment' })
  @IsOptional()
  @IsBoolean()
  beforeTreatment?: boolean;
}

export class UnlockDto {
  @ApiProperty({
    enum: PROFESSIONS,
    isArray: true,
    description: 'Professions whose referral opens treatment past the limit',
  })
  @IsIn(PROFESSIONS, { each: true })
  referralFrom!: Profession[];

  @ApiProperty({
    enum: PROFESSIONS,
    isArray: true,
    description: 'Professions whose signature on the plan opens it',
  })
  @IsIn(PROFESSIONS, { each: true })
  planSignedBy!: Profession[];
}

export class RuleParametersDto {
  @ApiProperty({
    enum: ['unrestricted', 'provisions'],
    description: 'APTA’s level of direct access',
  })
  @IsIn(['unrestricted', 'provisions'])
  level!: 'unrestricted' | 'provisions';

  @ApiProperty({
    type: TreatmentLimitDto,
    nullable: true,
    description: 'The window without referral; null for none',
  })
  @IsOptional()
  @nested(() => TreatmentLimitDto)
  limit!: TreatmentLimitDto | null;

  @ApiProperty({
    type: ProgressReviewDto,
    nullable: true,
    description: 'When progress must be documented or the patient referred; null for none',
  })
  @IsOptional()
  @nested(() => ProgressReviewDto)
  progressReview!: ProgressReviewDto | null;

  @ApiProperty({ type: QualificationsDto, description: 'What the therapist must hold' })
  @nested(() => QualificationsDto)
  qualifications!: QualificationsDto;

  @ApiProperty({ type: [DutyDto], maxItems: 20, description: 'What is owed: notices, forms' })
  @IsArray()
  @ArrayMaxSize(20)
  @nested(() => DutyDto, true)
  duties!: DutyDto[];

  @ApiProperty({ type: UnlockDto, description: 'What opens treatment past the limit' })
  @nested(() => UnlockDto)
  unlockedBy!: UnlockDto;

  @ApiProperty({
    enum: PURPOSES,
    isArray: true,
    description: 'Purposes to which the limit does not apply',
  })
  @IsIn(PURPOSES, { each: true })
  limitExemptPurposes!: Purpose[];

  @ApiProperty({
    type: [String],
    maxItems: 20,
    description: 'What the data cannot express, shown with each evaluation',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  notes!: string[];
}

export class NewRuleVersionDto {
  @ApiProperty({
    format: 'date',
    example: '2027-01-01',
    description: 'First day the version applies',
  })
  @IsCalendarDate('effectiveFrom')
  effectiveFrom!: string;

  @ApiProperty({
    maxLength: 500,
    example: '63 P.S. § 1309(b) as amended by SB 197 (2025)',
    description: 'The source: statute, regulation, board rule',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source!: string;

  @ApiProperty({ type: RuleParametersDto, description: 'The rule' })
  @nested(() => RuleParametersDto)
  parameters!: RuleParametersDto;
}

export class RuleVersionDto {
  @ApiProperty({ format: 'uuid', description: 'The version' })
  id!: string;

  @ApiProperty({ example: 'US-PA', description: 'ISO 3166-2 state (US) or country code' })
  jurisdiction!: string;

  @ApiProperty({ type: 'integer', example: 1, description: 'Version number in the jurisdiction' })
  version!: number;

  @ApiProperty({ format: 'date', description: 'First day it applies' })
  effectiveFrom!: string;

  @ApiProperty({ description: 'Where it comes from' })
  source!: string;

  @ApiProperty({ type: RuleParametersDto, description: 'The rule' })
  parameters!: RuleParametersDto;

  @ApiProperty({ type: String, format: 'date-time', description: 'When it was added' })
  createdAt!: string;
}
