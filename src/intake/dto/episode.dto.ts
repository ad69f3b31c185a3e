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

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OpenEpisodeDto {
  @ApiProperty({ format: 'uuid', description: 'The clinic treating this episode' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ example: 'Acute low back spasm' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  condition!: string;

  @ApiProperty({ enum: BODY_REGIONS, example: 'lower_back' })
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
  @ApiProperty({ format: 'date', example: '2026-12-30' })
  @Matches(CALENDAR_DATE, { message: 'closedOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'closedOn must be a real calendar date' })
  closedOn!: string;

  @ApiPropertyOptional({ example: 'Goals met' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class TreatmentBlockDto {
  @ApiProperty({ description: 'True while treatment visits may not be booked in this episode' })
  blocked!: boolean;

  @ApiPropertyOptional({
    enum: ['proceed', 'clinician_review', 'refer_to_physician', 'emergency'],
    nullable: true,
    description: 'Red-flag disposition of the latest assessment',
  })
  disposition!: Disposition | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  assessmentId!: string | null;
}

export class EpisodeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 'Acute low back spasm' })
  condition!: string;

  @ApiProperty({ enum: BODY_REGIONS })
  bodyRegion!: BodyRegion;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: 'open' | 'closed';

  @ApiProperty({ format: 'date' })
  openedOn!: string;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  closedOn!: string | null;

  @ApiPropertyOptional({ nullable: true })
  dischargeReason!: string | null;

  @ApiProperty({ type: TreatmentBlockDto })
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
