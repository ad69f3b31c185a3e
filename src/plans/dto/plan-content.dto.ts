import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RequiredText } from '../../common/dto/required-text.decorator';
import { ICD10_CM } from '../../direct-access/rules/identifiers';
import {
  AGENTS,
  type Agent,
  COMPARATORS,
  type Comparator,
  CPT_CODE_LIST,
  type CptCode,
  GOAL_MEASURES,
  GOAL_TERMS,
  type GoalMeasure,
  type GoalTerm,
  INTERVENTION_CATEGORIES,
  type InterventionCategory,
} from '../rules/plan-content';

const count = (max: number) => applyDecorators(IsOptional(), IsInt(), Min(1), Max(max));
export const nested = (type: () => new () => object, max = 50) =>
  applyDecorators(IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(type));

export class DoseDto {
  @ApiPropertyOptional({ example: 20, description: 'Minutes a session' })
  @count(120)
  minutes?: number;

  @ApiPropertyOptional({ example: 2, description: 'Sets' })
  @count(20)
  sets?: number;

  @ApiPropertyOptional({ example: 10, description: 'Repetitions a set' })
  @count(100)
  reps?: number;

  @ApiPropertyOptional({ example: 30, description: 'Seconds each hold' })
  @count(600)
  holdSeconds?: number;

  @ApiPropertyOptional({ example: 2, description: 'Times a day (home programme)' })
  @count(24)
  timesPerDay?: number;

  @ApiPropertyOptional({ example: 5, description: 'Times a week' })
  @count(14)
  timesPerWeek?: number;
}

export class PhaseDto {
  @ApiPropertyOptional({ example: 2, description: 'First day after the injury’s onset it applies' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  fromDay?: number;

  @ApiPropertyOptional({ example: 2, description: 'Last day after onset it applies' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  toDay?: number;

  @ApiProperty({ example: 'Ice first 24-48 hours, then heat', description: 'The phase in words' })
  @RequiredText(300)
  note!: string;
}

export class InterventionDto {
  @ApiProperty({
    example: 'soft_tissue_mobilisation',
    pattern: '^[a-z0-9_]+$',
    description: 'Stable key',
  })
  @Matches(/^[a-z0-9_]{1,60}$/, { message: 'key must be lower-case letters, digits and _' })
  key!: string;

  @ApiProperty({
    enum: INTERVENTION_CATEGORIES,
    example: 'manual_therapy',
    description: 'Category',
  })
  @IsIn(INTERVENTION_CATEGORIES)
  category!: InterventionCategory;

  @ApiProperty({ example: 'Soft tissue mobilisation', description: 'What the therapist does' })
  @RequiredText(200)
  name!: string;

  @ApiProperty({ enum: CPT_CODE_LIST, example: '97140', description: 'CPT code (billing.md)' })
  @IsIn(CPT_CODE_LIST)
  cpt!: CptCode;

  @ApiProperty({ example: true, description: 'Billed in 15-minute units (must match the code)' })
  @IsBoolean()
  timed!: boolean;

  @ApiPropertyOptional({
    enum: AGENTS,
    example: 'heat',
    description: 'Physical agent applied, if any',
  })
  @IsOptional()
  @IsIn(AGENTS)
  agent?: Agent;

  @ApiProperty({ type: DoseDto, description: 'Default dose' })
  @ValidateNested()
  @Type(() => DoseDto)
  dose!: DoseDto;

  @ApiPropertyOptional({ type: PhaseDto, description: 'When in the episode it applies' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PhaseDto)
  phase?: PhaseDto;

  @ApiProperty({ type: [String], example: ['Stop if pain increases'], description: 'Precautions' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  precautions!: string[];
}

class GoalFieldsDto {
  @ApiProperty({ enum: GOAL_TERMS, example: 'long', description: 'Short or long term' })
  @IsIn(GOAL_TERMS)
  term!: GoalTerm;

  @ApiProperty({ example: 'Sit through a working day', description: 'The goal, functional' })
  @RequiredText(300)
  description!: string;

  @ApiProperty({
    enum: GOAL_MEASURES,
    example: 'odi',
    description: 'Outcome measure scored at intake',
  })
  @IsIn(GOAL_MEASURES)
  measure!: GoalMeasure;

  @ApiProperty({ enum: COMPARATORS, example: 'at_most', description: 'Score at most or at least' })
  @IsIn(COMPARATORS)
  comparator!: Comparator;

  @ApiProperty({ example: 20, description: 'Target score (ODI %, NPRS 0-10, NDI %, PSFS 0-10)' })
  @IsNumber()
  @Min(0)
  @Max(100)
  target!: number;
}

export class TemplateGoalDto extends GoalFieldsDto {
  @ApiProperty({ example: 6, description: 'Weeks from the plan’s start' })
  @IsInt()
  @Min(1)
  @Max(52)
  byWeek!: number;
}

export class PlanGoalDto extends GoalFieldsDto {
  @ApiPropertyOptional({
    example: 'g1',
    description: 'Kept across amendments; omit for a new goal',
  })
  @IsOptional()
  @Matches(/^g[0-9]{1,4}$/, { message: 'id must be a goal id such as g1' })
  id?: string;

  @ApiProperty({ format: 'date', example: '2027-01-15', description: 'Target date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'targetDate must be a date as YYYY-MM-DD' })
  targetDate!: string;
}

export class DiagnosisDto {
  @ApiProperty({ example: 'M62.830', pattern: ICD10_CM.source, description: 'ICD-10-CM code' })
  @Matches(ICD10_CM, { message: 'code must be an ICD-10-CM code such as M62.830' })
  code!: string;

  @ApiProperty({ example: 'Muscle spasm of back', description: 'Its description' })
  @RequiredText(300)
  description!: string;
}

export class ScreeningDto {
  @ApiProperty({
    example: false,
    description: 'Pacemaker, defibrillator or other implanted device',
  })
  @IsBoolean()
  implantedDevice!: boolean;

  @ApiProperty({ example: false, description: 'Pregnant' })
  @IsBoolean()
  pregnant!: boolean;

  @ApiProperty({ example: false, description: 'History of cancer (intake’s history counts too)' })
  @IsBoolean()
  cancerHistory!: boolean;
}

export class FrequencyFieldsDto {
  @ApiProperty({ example: 2, description: 'Visits a week' })
  @IsInt()
  @Min(1)
  @Max(7)
  frequencyPerWeek!: number;

  @ApiProperty({ example: 6, description: 'Weeks' })
  @IsInt()
  @Min(1)
  @Max(52)
  durationWeeks!: number;
}

export const listOf = (type: () => new () => object, min = 0) =>
  applyDecorators(nested(type), ArrayMinSize(min));
