import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import type { EpisodeOfCare } from '../episode.entity';
import { BODY_REGIONS, type BodyRegion } from '../rules/assessment-content';
import type { Disposition } from '../rules/red-flags';
import { CALENDAR_DATE } from './assessment.dto';
import { EligibilityDto } from './eligibility.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OpenEpisodeDto {
  @ApiProperty({ format: 'uuid', description: 'The clinic treating this episode' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({
    example: 'Acute low back spasm',
    maxLength: 200,
    description: 'The condition treated',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  condition!: string;

  @ApiProperty({ enum: BODY_REGIONS, example: 'lower_back', description: 'Where it is' })
  @IsIn(BODY_REGIONS)
  bodyRegion!: BodyRegion;

  @ApiProperty({
    format: 'date',
    example: '2026-11-23',
    description: 'Date of the first evaluation',
  })
  @Matches(CALENDAR_DATE, { message: 'openedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'openedOn must be a real calendar date' })
  openedOn!: string;
}

export class CloseEpisodeDto {
  @ApiProperty({ format: 'date', example: '2026-12-30', description: 'Date of discharge' })
  @Matches(CALENDAR_DATE, { message: 'closedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'closedOn must be a real calendar date' })
  closedOn!: string;

  @ApiPropertyOptional({ example: 'Goals met', maxLength: 500, description: 'Why it closes' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** Whether treatment visits may be booked in an episode today: the treatment gate's answer. */
export class TreatmentBlockDto {
  @ApiProperty({
    description:
      'True while a treatment visit booked today would be refused: red flags hold it, or a referral or signed plan is needed (see directAccess)',
  })
  blocked!: boolean;

  @ApiProperty({
    enum: ['proceed', 'clinician_review', 'refer_to_physician', 'emergency', null],
    nullable: true,
    description: 'Red-flag disposition of the latest signed assessment; null before the first',
  })
  disposition!: Disposition | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The latest signed assessment, whose disposition this is; null before the first',
  })
  assessmentId!: string | null;

  @ApiProperty({
    type: EligibilityDto,
    nullable: true,
    description:
      'May the episode be treated without a referral today, until when, and what is due; re-evaluated on every read (visits, referrals and the date change it)',
  })
  directAccess!: EligibilityDto | null;
}

/** An episode of care: one condition, treated at one clinic, from evaluation to discharge. */
export class EpisodeDto {
  @ApiProperty({ format: 'uuid', description: 'The episode' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The patient' })
  patientId!: string;

  @ApiProperty({ format: 'uuid', description: 'The clinic treating it' })
  locationId!: string;

  @ApiProperty({ example: 'Acute low back spasm', description: 'The condition treated' })
  condition!: string;

  @ApiProperty({ enum: BODY_REGIONS, example: 'lower_back', description: 'Where it is' })
  bodyRegion!: BodyRegion;

  @ApiProperty({ enum: ['open', 'closed'], description: 'Closed at discharge' })
  status!: 'open' | 'closed';

  @ApiProperty({
    format: 'date',
    example: '2026-11-23',
    description: 'Date of the first evaluation',
  })
  openedOn!: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-12-30',
    description: 'Date of discharge; null while open',
  })
  closedOn!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Goals met',
    description: 'Why it closed, when given',
  })
  dischargeReason!: string | null;

  @ApiProperty({
    type: TreatmentBlockDto,
    description: 'Whether treatment visits may be booked: red flags and direct access',
  })
  treatment!: TreatmentBlockDto;

  static from(episode: EpisodeOfCare, treatment: TreatmentBlockDto): EpisodeDto {
    return {
      id: episode.id,
      patientId: episode.patientId,
      locationId: episode.locationId,
      condition: episode.condition,
      bodyRegion: episode.bodyRegion,
      status: episode.status,
      openedOn: episode.openedOn,
      closedOn: episode.closedOn,
      dischargeReason: episode.dischargeReason,
      treatment,
    };
  }
}
