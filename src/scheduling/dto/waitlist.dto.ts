import { CALENDAR_DATE, TIME } from '../../common/validation-patterns';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import type { WaitlistEntry, WaitlistStatus } from '../entities/waitlist-entry.entity';

const STATUSES: WaitlistStatus[] = ['waiting', 'offered', 'booked', 'withdrawn', 'expired'];

export class WaitlistDto {
  @ApiProperty({ format: 'uuid', description: 'The patient waiting' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid', description: 'The kind of visit wanted' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 20,
    description: 'Locations the patient would go to',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  locationIds!: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this therapist' })
  @IsOptional()
  @IsUUID()
  therapistId?: string;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First local date wanted' })
  @Matches(CALENDAR_DATE, { message: 'earliest must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  earliest!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-20',
    description: 'Last local date wanted (inclusive)',
  })
  @Matches(CALENDAR_DATE, { message: 'latest must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  latest!: string;

  @ApiPropertyOptional({
    example: '07:00',
    pattern: TIME.source,
    default: '00:00',
    description: 'Earliest local start time of day (HH:mm)',
  })
  @IsOptional()
  @Matches(TIME, { message: 'dayStarts must be a time as HH:mm' })
  dayStarts?: string;

  @ApiPropertyOptional({
    example: '12:00',
    pattern: TIME.source,
    default: '23:59',
    description: 'Latest local end time of day (HH:mm)',
  })
  @IsOptional()
  @Matches(TIME, { message: 'dayEnds must be a time as HH:mm' })
  dayEnds?: string;
}

export class WaitlistFilter {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Only entries in this state' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: WaitlistStatus;
}

export class WaitlistQuery extends IntersectionType(PageQuery, WaitlistFilter) {}

/** A patient waiting for a slot, and the slot offered to them, if any. */
export class WaitlistEntryDto {
  @ApiProperty({ format: 'uuid', description: 'The entry' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'The patient waiting' })
  patientId!: string;

  @ApiProperty({ format: 'uuid', description: 'The kind of visit wanted' })
  appointmentTypeId!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Locations the patient would go to',
  })
  locationIds!: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only this therapist; absent when any will do',
  })
  therapistId?: string;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'First local date wanted' })
  earliest!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-20',
    description: 'Last local date wanted (inclusive)',
  })
  latest!: string;

  @ApiProperty({ example: '07:00', description: 'Earliest local start time of day (HH:mm)' })
  dayStarts!: string;

  @ApiProperty({ example: '12:00', description: 'Latest local end time of day (HH:mm)' })
  dayEnds!: string;

  @ApiProperty({
    enum: STATUSES,
    description: 'waiting, offered (a slot is held for the patient), booked, withdrawn or expired',
  })
  status!: WaitlistStatus;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The start of the slot offered, held until offerExpiresAt; null without an offer',
  })
  offeredStartsAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The therapist of the slot offered; null without an offer',
  })
  offeredTherapistId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The location of the slot offered; null without an offer',
  })
  offeredLocationId!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until when the offer is held; null without an offer',
  })
  offerExpiresAt!: string | null;

  static from(entry: WaitlistEntry): WaitlistEntryDto {
    return {
      id: entry.id,
      patientId: entry.patientId,
      appointmentTypeId: entry.appointmentTypeId,
      locationIds: entry.locationIds,
      therapistId: entry.therapistId ?? undefined,
      earliest: entry.earliest,
      latest: entry.latest,
      dayStarts: entry.dayStarts.slice(0, 5),
      dayEnds: entry.dayEnds.slice(0, 5),
      status: entry.status,
      offeredStartsAt: entry.offeredStartsAt?.toISOString() ?? null,
      offeredTherapistId: entry.offeredTherapistId,
      offeredLocationId: entry.offeredLocationId,
      offerExpiresAt: entry.offerExpiresAt?.toISOString() ?? null,
    };
  }
}
