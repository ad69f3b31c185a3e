import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { CALENDAR_DATE } from '../../common/validation-patterns';
import { PAYERS } from '../../patients/patient-report.sql';
import { DIMENSIONS, type Dimension, PERIODS, type Period } from '../rules/figure-definition';
import { asList } from '../../common/dto/query-list';

export class ReportQueryDto {
  @ApiProperty({
    format: 'date',
    example: '2026-09-01',
    description: 'First local date: each clinic’s own days, in its own time zone',
  })
  @Matches(CALENDAR_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-11-30',
    description: 'Last local date (inclusive); at most 1096 days after from',
  })
  @Matches(CALENDAR_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to!: string;

  @ApiPropertyOptional({
    enum: PERIODS,
    description:
      'Split rows by local day, ISO week (from its Monday) or calendar month; one period if absent',
  })
  @IsOptional()
  @IsIn(PERIODS)
  period?: Period;

  @ApiPropertyOptional({
    enum: DIMENSIONS,
    description:
      'Split rows by clinic, therapist, local weekday (1 Monday to 7 Sunday) or local hour; each figure lists the splits it has',
  })
  @IsOptional()
  @IsIn(DIMENSIONS)
  by?: Dimension;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Clinics to include (repeat or comma-separate); every clinic the caller reads if absent',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  locationId?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Therapists to include (repeat or comma-separate); all if absent',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  therapistId?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: PAYERS,
    description: 'Patients’ payers to include (repeat or comma-separate); all if absent',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(PAYERS.length)
  @IsIn(PAYERS, { each: true })
  payer?: string[];
}
