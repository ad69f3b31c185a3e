import { SchedulingErrors } from '../scheduling.errors';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
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
  ValidateIf,
} from 'class-validator';
import type { Appointment } from '../entities/appointment.entity';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../rules/lifecycle';
import { localTimeOf } from '../rules/wall-clock';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A start given either as an instant or as the location's wall-clock time. */
export class StartTimeDto {
  @ApiPropertyOptional({
    example: '2026-11-30T14:00:00Z',
    description: 'UTC instant (or with offset)',
  })
  @ValidateIf((dto: StartTimeDto) => dto.localStart === undefined)
  @IsISO8601(
    { strict: true },
    { message: 'startsAt must be an ISO 8601 instant; or give localStart' },
  )
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'startsAt must carry Z or an offset' })
  startsAt?: string;

  @ApiPropertyOptional({
    example: '2026-11-30T09:00',
    description: 'Wall-clock time in the location’s zone; a time the clocks skip is refused',
  })
  @IsOptional()
  @Matches(LOCAL_TIME, { message: 'localStart must be a local time as YYYY-MM-DDTHH:mm' })
  localStart?: string;
}

/** Who is seen, for what, where and by whom: shared by single bookings and series. */
export class AppointmentTargetDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  therapistId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Episode of care the visit belongs to' })
  @IsOptional()
  @IsUUID()
  episodeId?: string;
}

export class BookAppointmentDto extends IntersectionType(StartTimeDto, AppointmentTargetDto) {}

export class CancelDto {
  @ApiProperty({ example: 'Patient has the flu' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class RescheduleDto extends StartTimeDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Another therapist, if the visit changes hands',
  })
  @IsOptional()
  @IsUUID()
  therapistId?: string;
}

export class SeriesDto extends AppointmentTargetDto {
  @ApiProperty({
    example: '2026-11-02T09:00',
    description: 'First visit, location wall-clock time',
  })
  @Matches(LOCAL_TIME, { message: 'localStart must be a local time as YYYY-MM-DDTHH:mm' })
  localStart!: string;

  @ApiProperty({
    example: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12',
    description: 'RFC 5545 RRULE, with COUNT or UNTIL',
  })
  @IsString()
  @MaxLength(500)
  rrule!: string;

  @ApiProperty({
    enum: ['book_available', 'book_none'],
    description: 'When some occurrences conflict: book the free ones, or none at all',
  })
  @IsIn(['book_available', 'book_none'])
  onConflict!: 'book_available' | 'book_none';
}

/** A booking policy let the visit through but wants the front desk to know something. */
export class PolicyWarningDto {
  @ApiProperty({ example: 'direct_access.window_closing', description: 'Code from the catalogue' })
  code!: string;

  @ApiProperty({ example: 'The direct-access window closes in 3 business days' })
  message!: string;

  @ApiProperty({ example: 'episodeId', description: 'The request field the warning is about' })
  field!: string;

  @ApiProperty({ example: 'referral needed after 2026-12-21' })
  reason!: string;
}

export class AppointmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  appointmentTypeId!: string;

  @ApiProperty({ format: 'uuid' })
  locationId!: string;

  @ApiProperty({ format: 'uuid' })
  therapistId!: string;

  @ApiProperty({ format: 'uuid' })
  patientId!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  resourceId!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  episodeId!: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  seriesId!: string | null;

  @ApiProperty({ enum: APPOINTMENT_STATUSES })
  status!: AppointmentStatus;

  @ApiProperty({ example: '2026-11-30T14:00:00.000Z' })
  startsAt!: string;

  @ApiProperty({ example: '2026-11-30T15:00:00.000Z' })
  endsAt!: string;

  @ApiProperty({ example: '2026-11-30T09:00', description: 'Wall-clock start at the location' })
  localStart!: string;

  @ApiProperty({ example: '2026-11-30T10:00' })
  localEnd!: string;

  @ApiProperty({ example: 'America/New_York' })
  timeZone!: string;

  @ApiPropertyOptional({ nullable: true })
  cancelReason!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Cancelled less than 24 h before the start' })
  lateCancellation!: boolean | null;

  @ApiPropertyOptional({
    type: [PolicyWarningDto],
    description: 'On a booking or a move, when a booking policy let it through with warnings',
  })
  warnings?: PolicyWarningDto[];

  /** A booking's or move's response: the appointment, and its policies' warnings if any. */
  static booked(
    appointment: Appointment,
    timeZone: string,
    warnings: readonly PolicyWarningDto[],
  ): AppointmentDto {
    const dto = AppointmentDto.from(appointment, timeZone);
    if (warnings.length === 0) return dto;
    return {
      ...dto,
      warnings: warnings.map(({ code, message, field, reason }) => ({
        code,
        message,
        field,
        reason,
      })),
    };
  }

  static from(appointment: Appointment, timeZone: string): AppointmentDto {
    return {
      id: appointment.id,
      appointmentTypeId: appointment.appointmentTypeId,
      locationId: appointment.locationId,
      therapistId: appointment.therapistId,
      patientId: appointment.patientId,
      resourceId: appointment.resourceId,
      episodeId: appointment.episodeId,
      seriesId: appointment.seriesId,
      status: appointment.status,
      startsAt: appointment.startsAt.toISOString(),
      endsAt: appointment.endsAt.toISOString(),
      localStart: localTimeOf(appointment.startsAt, timeZone),
      localEnd: localTimeOf(appointment.endsAt, timeZone),
      timeZone,
      cancelReason: appointment.cancelReason,
      lateCancellation: appointment.lateCancellation,
    };
  }
}

export class OccurrenceResultDto {
  @ApiProperty({ example: '2026-11-05T09:00' })
  localStart!: string;

  @ApiPropertyOptional({ nullable: true })
  startsAt!: string | null;

  @ApiProperty({ enum: ['booked', 'conflict', 'not_booked'] })
  outcome!: 'booked' | 'conflict' | 'not_booked';

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  appointmentId!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    example: {
      code: SchedulingErrors.therapistDoubleBooked,
      detail: 'The therapist is already booked at that time',
    },
  })
  conflict!: { code: string; detail: string } | null;
}

export class SeriesResultDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  seriesId!: string | null;

  @ApiProperty()
  booked!: number;

  @ApiProperty()
  conflicts!: number;

  @ApiProperty({ type: [OccurrenceResultDto] })
  occurrences!: OccurrenceResultDto[];
}
