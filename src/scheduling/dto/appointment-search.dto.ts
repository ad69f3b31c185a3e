import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
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
import { PageQuery } from '../../common/pagination/page';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../rules/lifecycle';
import { asList } from '../../common/dto/query-list';

export const APPOINTMENT_SORTS = ['startsAt', '-startsAt'] as const;

class AppointmentSearchFilter {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'One or more locations (repeat or comma-separate); all the caller sees if absent',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each locationId must be a UUID' })
  locationId?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this therapist’s visits' })
  @IsOptional()
  @IsUUID()
  therapistId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this patient’s visits' })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only visits of this type' })
  @IsOptional()
  @IsUUID()
  appointmentTypeId?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: APPOINTMENT_STATUSES,
    description: 'One or more statuses (repeat or comma-separate); every status if absent',
  })
  @IsOptional()
  @Transform(asList)
  @IsArray()
  @IsIn(APPOINTMENT_STATUSES, {
    each: true,
    message: `each status must be one of ${APPOINTMENT_STATUSES.join(', ')}`,
  })
  status?: AppointmentStatus[];

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-30',
    description: 'First date, each visit on its own clinic’s local calendar',
  })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-06',
    description: 'Last date (inclusive), each visit on its own clinic’s local calendar',
  })
  @IsOptional()
  @Matches(CALENDAR_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to?: string;

  @ApiPropertyOptional({
    enum: APPOINTMENT_SORTS,
    default: 'startsAt',
    description: 'By start, earliest first (startsAt) or latest first (-startsAt); ties by id',
  })
  @IsOptional()
  @IsIn(APPOINTMENT_SORTS, { message: 'sort must be startsAt or -startsAt' })
  sort: (typeof APPOINTMENT_SORTS)[number] = 'startsAt';
}

export class AppointmentSearchQuery extends IntersectionType(PageQuery, AppointmentSearchFilter) {}
