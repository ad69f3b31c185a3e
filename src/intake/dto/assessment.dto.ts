import { CALENDAR_DATE } from '../../common/validation-patterns';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ASSESSMENT_KINDS, type AssessmentKind } from '../assessment.entity';
import {
  ASSOCIATED_SYMPTOMS,
  type AssessmentInput,
  BODY_REGIONS,
  type BodyRegion,
  MECHANISMS,
  SEVERITIES,
  SIDES,
  TRIGGERS,
} from '../rules/assessment-content';
import { type Answers, INSTRUMENT_CODES, type InstrumentCode } from '../rules/instruments';
import {
  RED_FLAG_CODES,
  type RedFlag,
  RELEVANT_HISTORY,
  type RelevantHistory,
} from '../rules/red-flags';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PainDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10, example: 6, description: 'NPRS now' })
  @Max(10)
  @Min(0)
  @IsInt()
  now!: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10,
    example: 3,
    description: 'NPRS best in the last 24 h',
  })
  @IsOptional()
  @Max(10)
  @Min(0)
  @IsInt()
  best24h?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 10,
    example: 8,
    description: 'NPRS worst in the last 24 h',
  })
  @IsOptional()
  @Max(10)
  @Min(0)
  @IsInt()
  worst24h?: number;
}

export class InstrumentAnswersDto {
  @ApiProperty({
    enum: INSTRUMENT_CODES.filter((code) => code !== 'nprs'),
    example: 'odi',
    description: 'The outcome measure (pain, NPRS, is recorded under `pain`)',
  })
  @IsIn(INSTRUMENT_CODES)
  instrument!: InstrumentCode;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [{ type: 'integer', nullable: true }, { type: 'boolean' }],
      description: 'The answer: a number, true/false, or null if unanswered',
    },
    example: {
      odi_1: 2,
      odi_2: 1,
      odi_3: 3,
      odi_4: 1,
      odi_5: 2,
      odi_6: 2,
      odi_7: 1,
      odi_8: null,
      odi_9: 2,
      odi_10: 2,
    },
    description:
      'Item ids to answer values: odi_1..odi_10 (0-5, null if unanswered), sbst_1..sbst_9 (items 1-8: 0 disagree / 1 agree; item 9: 0 not at all .. 4 extremely), ndi_1..ndi_10 (0-5), psfs_1..psfs_5 (0-10), rmdq_1..rmdq_24 (true/false). The ODI and the NDI are scored with at most one item unanswered (their published scoring); more answers 422 assessment.instrument_unscorable',
  })
  @IsObject()
  answers!: Answers;
}

/** The clinical content of an assessment, as the therapist records it. */
export class AssessmentContentDto implements AssessmentInput {
  @ApiProperty({
    example: 'Low back spasm after lifting a box at work',
    maxLength: 2000,
    description: 'The problem in the patient’s words',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  chiefComplaint!: string;

  @ApiProperty({ enum: BODY_REGIONS, example: 'lower_back', description: 'Where it is' })
  @IsIn(BODY_REGIONS)
  bodyRegion!: BodyRegion;

  @ApiProperty({ enum: SIDES, example: 'left', description: 'Which side' })
  @IsIn(SIDES)
  side!: (typeof SIDES)[number];

  @ApiProperty({
    format: 'date',
    example: '2026-11-10',
    description: 'When it began (gives the acuity and the age at onset)',
  })
  @Matches(CALENDAR_DATE, { message: 'onsetDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'onsetDate must be a real calendar date' })
  onsetDate!: string;

  @ApiProperty({
    enum: MECHANISMS,
    example: 'lifting',
    description:
      'How it began: `fall` from standing height or less, `fall_from_height` and `motor_vehicle_accident` are major trauma',
  })
  @IsIn(MECHANISMS)
  mechanism!: (typeof MECHANISMS)[number];

  @ApiProperty({ enum: SEVERITIES, example: 'moderate', description: 'How bad it is' })
  @IsIn(SEVERITIES)
  severity!: (typeof SEVERITIES)[number];

  @ApiProperty({
    enum: TRIGGERS,
    isArray: true,
    example: ['bending_forward'],
    description: 'What makes it worse',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(TRIGGERS, { each: true })
  triggers!: (typeof TRIGGERS)[number][];

  @ApiProperty({
    type: [String],
    maxItems: 20,
    example: ['heat', 'lying on the back with knees bent'],
    description: 'What eases it, in the patient’s words (200 characters each)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  easingFactors!: string[];

  @ApiProperty({
    enum: ASSOCIATED_SYMPTOMS,
    isArray: true,
    example: ['muscle_spasm'],
    description: 'Symptoms that come with it',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(ASSOCIATED_SYMPTOMS, { each: true })
  associatedSymptoms!: (typeof ASSOCIATED_SYMPTOMS)[number][];

  @ApiProperty({
    enum: RELEVANT_HISTORY,
    isArray: true,
    example: [],
    description: 'History that bears on the red-flag screen',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(RELEVANT_HISTORY, { each: true })
  relevantHistory!: RelevantHistory[];

  @ApiProperty({
    type: [String],
    maxItems: 50,
    example: ['ibuprofen 400 mg as needed'],
    description: 'Current medications (200 characters each)',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  medications!: string[];

  @ApiProperty({ type: PainDto, description: 'Pain on the numeric rating scale (NPRS)' })
  @ValidateNested()
  @Type(() => PainDto)
  pain!: PainDto;

  @ApiProperty({ enum: RED_FLAG_CODES, isArray: true, example: [], description: 'Red flags found' })
  @IsArray()
  @ArrayUnique()
  @IsIn(RED_FLAG_CODES, { each: true })
  redFlags!: RedFlag[];

  @ApiProperty({
    type: [InstrumentAnswersDto],
    maxItems: 10,
    description: 'Outcome measures answered at this assessment, to be scored',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => InstrumentAnswersDto)
  instruments!: InstrumentAnswersDto[];
}

export class CreateAssessmentDto extends AssessmentContentDto {
  @ApiProperty({
    enum: ASSESSMENT_KINDS,
    example: 'initial_evaluation',
    description: 'Initial evaluation, re-evaluation or discharge',
  })
  @IsIn(ASSESSMENT_KINDS)
  kind!: AssessmentKind;

  @ApiProperty({
    format: 'date',
    example: '2026-11-23',
    description:
      'Date of the assessment: today or earlier in the time zone of the episode’s clinic (a later date answers 422 assessment.dated_in_future)',
  })
  @Matches(CALENDAR_DATE, { message: 'assessedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'assessedOn must be a real calendar date' })
  assessedOn!: string;
}

/** Only the fields that change; the rest stay as they were. */
export class AssessmentChangesDto extends PartialType(AssessmentContentDto) {}

export class AmendAssessmentDto {
  @ApiProperty({
    example: 'Item 3 of the Oswestry was transcribed wrongly',
    maxLength: 2000,
    description: 'Why the signed assessment is amended',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ type: () => AssessmentChangesDto, description: 'Only the fields that change' })
  @ValidateNested()
  @Type(() => AssessmentChangesDto)
  changes!: AssessmentChangesDto;
}

export class RedFlagDecisionDto {
  @ApiProperty({
    enum: ['proceed', 'refer_to_physician'],
    description: 'Proceed with treatment, or refer the patient to a physician',
  })
  @IsIn(['proceed', 'refer_to_physician'])
  decision!: 'proceed' | 'refer_to_physician';

  @ApiProperty({
    example: 'Age flag only; no night pain or weight loss; reassess in 2 weeks',
    maxLength: 2000,
    description: 'The clinical reasoning, kept with the decision',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export { CALENDAR_DATE };
