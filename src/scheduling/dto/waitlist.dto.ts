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
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  locationIds!: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this therapist' })
  @IsOptional()
  @IsUUID()
  therapistId?: string;

  @ApiProperty({ format: 'date', example: '2026-12-01' })
  @Matches(CALENDAR_DATE, { message: 'earliest must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  earliest!: string;

  @ApiProperty({ format: 'date', example: '2026-12-20' })
  @Matches(CALENDAR_DATE, { message: 'latest must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  latest!: string;

  @ApiPropertyOptional({ example: '07:00', description: 'Earliest local start time of day' })
  @IsOptional()
  @Matches(TIME, { message: 'dayStarts must be a time as HH:mm' })
  dayStarts?: string;

  @ApiPropertyOptional({ example: '12:00', description: 'Latest local end time of day' })
  @IsOptional()
  @Matches(TIME, { message: 'dayEnds must be a time as HH:mm' })
  dayEnds?: string;
}

export class WaitlistFilter {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: WaitlistStatus;
}

export class WaitlistQuery extends IntersectionType(PageQuery, WaitlistFilter) {}

export class WaitlistEntryDto extends WaitlistDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: STATUSES })
  status!: WaitlistStatus;

  @ApiPropertyOptional({
    nullable: true,
    description: 'The slot offered, held until offerExpiresAt',
  })
  offeredStartsAt!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  offeredTherapistId!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  offeredLocationId!: string | null;

  @ApiPropertyOptional({ nullable: true })
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
