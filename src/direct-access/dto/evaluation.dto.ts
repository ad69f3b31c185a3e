import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date.decorator';
import { EligibilityDto } from '../../intake/dto/eligibility.dto';
import { PAYERS } from '../../patients/dto/patient.dto';
import { PROFESSIONS, type Profession, PURPOSES, type Purpose } from '../rules/rule-parameters';

export class ReferralFactDto {
  @ApiProperty({ enum: PROFESSIONS, description: 'Profession of the referring provider' })
  @IsIn(PROFESSIONS)
  profession!: Profession;

  @ApiProperty({ format: 'date', example: '2026-03-01', description: 'Date of the referral' })
  @IsCalendarDate('referral.referredOn')
  referredOn!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day the referral is valid' })
  @IsOptional()
  @IsCalendarDate('referral.expiresOn')
  expiresOn?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 365,
    description: 'Visits the referral authorises',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  visitsAuthorised?: number;
}

/**
 * An evaluation for an episode (facts read from it, any given here taking precedence), or for a
 * question ahead of a first visit: a location (its jurisdiction and zone) and the facts known.
 */
export class EvaluateDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The episode whose facts to read' })
  @IsOptional()
  @IsUUID()
  episodeId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Where the patient would be treated (without episodeId: required)',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-07',
    description: 'The local date asked about; default today at the clinic',
  })
  @IsOptional()
  @IsCalendarDate('asOf')
  asOf?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The therapist who would treat (qualifications are checked)',
  })
  @IsOptional()
  @IsUUID()
  therapistId?: string;

  @ApiPropertyOptional({ enum: PAYERS, description: 'The payer; medicare adds Medicare’s dates' })
  @IsOptional()
  @IsIn(PAYERS)
  payer?: (typeof PAYERS)[number];

  @ApiPropertyOptional({
    enum: PURPOSES,
    default: 'treatment',
    description: 'Treatment, or wellness, prevention, fitness (some limits and duties exempt them)',
  })
  @IsOptional()
  @IsIn(PURPOSES)
  purpose?: Purpose;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First treatment by any PT for this condition, the evaluation included',
  })
  @IsOptional()
  @IsCalendarDate('firstTreatmentOn')
  firstTreatmentOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'When the plan of intervention started (Georgia’s clock)',
  })
  @IsOptional()
  @IsCalendarDate('planStartedOn')
  planStartedOn?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1000,
    description: 'Visits had so far for this condition',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  visitsSoFar?: number;

  @ApiPropertyOptional({ type: ReferralFactDto, description: 'A referral the patient has' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReferralFactDto)
  referral?: ReferralFactDto;
}

export class EvaluationDto extends EligibilityDto {
  @ApiProperty({ format: 'uuid', description: 'The evaluation, kept as answered' })
  id!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The episode evaluated; null for a question ahead of a first visit',
  })
  episodeId!: string | null;

  @ApiProperty({ format: 'uuid', description: 'The clinic whose jurisdiction applied' })
  locationId!: string;

  @ApiProperty({ format: 'date', description: 'The local date evaluated' })
  asOf!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'US-PA',
    description: 'Jurisdiction of the clinic; null when it has none on record',
  })
  jurisdiction!: string | null;

  @ApiProperty({ type: String, nullable: true, enum: [...PAYERS, null], description: 'Payer used' })
  payer!: string | null;

  @ApiProperty({ type: 'integer', description: 'Visits counted' })
  visitsSoFar!: number;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'First treatment day used',
  })
  firstTreatmentOn!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it was evaluated' })
  recordedAt!: string;
}
