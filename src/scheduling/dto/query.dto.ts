import { CALENDAR_DATE } from '../../common/validation-patterns';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '../../common/pagination/page';
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
import { asList } from '../../common/dto/query-list';

class AvailabilityFilterDto {
  @ApiProperty({ format: 'uuid', description: 'The kind of visit to find slots for' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({ format: 'date', example: '2026-11-30', description: 'First local date' })
  @Matches(CALENDAR_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from!: string;

  @ApiProperty({
    format: 'date',
    example: '2026-12-13',
    description: 'Last local date (inclusive)',
  })
  @Matches(CALENDAR_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'One or more locations (repeat or comma-separate); all the caller sees if absent',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  locationId?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this therapist’s slots' })
  @IsOptional()
  @IsUUID()
  therapistId?: string;
}

/** Slots are paged like every list, earliest first. */
export class AvailabilityQueryDto extends IntersectionType(PageQuery, AvailabilityFilterDto) {}

export class ScheduleQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The location’s schedule (give this or therapistId)',
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The therapist’s schedule (give this or locationId)',
  })
  @IsOptional()
  @IsUUID()
  therapistId?: string;

  @ApiProperty({ format: 'date', example: '2026-11-30', description: 'First local date' })
  @Matches(CALENDAR_DATE, { message: 'date must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date' })
  date!: string;

  @ApiPropertyOptional({
    enum: ['day', 'week'],
    default: 'day',
    description: 'One day, or seven from the date',
  })
  @IsOptional()
  @IsIn(['day', 'week'])
  view?: 'day' | 'week';
}

/** A time a visit can be booked: with whom, where, and when (as an instant and locally). */
export class AvailableSlotDto {
  @ApiProperty({ format: 'uuid', description: 'The therapist free then' })
  therapistId!: string;

  @ApiProperty({ example: 'Dana Whitfield', description: 'The therapist’s name' })
  therapistName!: string;

  @ApiProperty({ format: 'uuid', description: 'The location' })
  locationId!: string;

  @ApiProperty({ example: 'Scranton Downtown', description: 'The location’s name' })
  locationName!: string;

  @ApiProperty({ format: 'uuid', description: 'The kind of visit the slot fits' })
  appointmentTypeId!: string;

  @ApiProperty({ example: 'Follow-up visit', description: 'The appointment type’s name' })
  appointmentTypeName!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 45,
    description: 'The appointment type’s duration, minutes',
  })
  durationMinutes!: number;

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-30T14:00:00.000Z',
    description: 'Start, UTC: give it as startsAt to book',
  })
  startsAt!: string;

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-30T15:00:00.000Z',
    description: 'End, UTC',
  })
  endsAt!: string;

  @ApiProperty({ example: '2026-11-30T09:00', description: 'Wall-clock start at the location' })
  localStart!: string;

  @ApiProperty({ example: '2026-11-30T10:00', description: 'Wall-clock end at the location' })
  localEnd!: string;

  @ApiProperty({ example: 'America/New_York', description: 'The location’s IANA time zone' })
  timeZone!: string;
}
