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
import type { LabelledAppointment } from '../appointment-labels';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../rules/lifecycle';
import { localTimeOf } from '../rules/wall-clock';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A start given either as an instant or as the location's wall-clock time. */
export class StartTimeDto {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-30T14:00:00Z',
    description: 'Start as a UTC instant (or with an offset); or give localStart',
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
    pattern: LOCAL_TIME.source,
    description:
      'Start as wall-clock time in the location’s zone (YYYY-MM-DDTHH:mm); a time the clocks skip is refused',
  })
  @IsOptional()
  @Matches(LOCAL_TIME, { message: 'localStart must be a local time as YYYY-MM-DDTHH:mm' })
  localStart?: string;
}

/** Who is seen, for what, where and by whom: shared by single bookings and series. */
export class AppointmentTargetDto {
  @ApiProperty({ format: 'uuid', description: 'The patient seen' })
  @IsUUID()
  patientId!: string;

  @ApiProperty({ format: 'uuid', description: 'What kind of visit' })
  @IsUUID()
  appointmentTypeId!: string;

  @ApiProperty({ format: 'uuid', description: 'Where' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ format: 'uuid', description: 'By whom' })
  @IsUUID()
  therapistId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Episode of care the visit belongs to' })
  @IsOptional()
  @IsUUID()
  episodeId?: string;

  @ApiPropertyOptional({
    example: 'Low back pain since a fall two weeks ago',
    maxLength: 500,
    description: 'Why the patient comes, in their words or the front desk’s',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'reasonForVisit must not be blank; leave it out instead' })
  @MaxLength(500)
  reasonForVisit?: string;
}

/** The episode of care a visit belongs to, set or changed after booking. */
export class AppointmentEpisodeDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The patient’s episode the visit belongs to; null takes it out of any episode',
  })
  @ValidateIf((dto: AppointmentEpisodeDto) => dto.episodeId !== null)
  @IsUUID('all', { message: 'episodeId must be a UUID or null' })
  episodeId!: string | null;
}

/** Why an admin books past a policy's refusal (the treatment gate); audited with the visit. */
export class GateOverrideDto {
  @ApiPropertyOptional({
    maxLength: 500,
    example: 'Physician referral received by phone; written copy on its way',
    description:
      'An admin’s reason to book a treatment visit past the treatment gate (direct-access window, visit limit): the refusal becomes a warning and the reason is audited. Ignored for other roles.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  gateOverrideReason?: string;
}

export class BookAppointmentDto extends IntersectionType(
  StartTimeDto,
  AppointmentTargetDto,
  GateOverrideDto,
) {}

export class CancelDto {
  @ApiProperty({
    example: 'Patient has the flu',
    maxLength: 500,
    description: 'Why it is cancelled',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class RescheduleDto extends IntersectionType(StartTimeDto, GateOverrideDto) {
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
    pattern: LOCAL_TIME.source,
    description: 'First visit, location wall-clock time (YYYY-MM-DDTHH:mm)',
  })
  @Matches(LOCAL_TIME, { message: 'localStart must be a local time as YYYY-MM-DDTHH:mm' })
  localStart!: string;

  @ApiProperty({
    example: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12',
    maxLength: 500,
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

  @ApiProperty({
    example: 'The direct-access window closes in 3 business days',
    description: 'What the front desk should know, for people',
  })
  message!: string;

  @ApiProperty({ example: 'episodeId', description: 'The request field the warning is about' })
  field!: string;

  @ApiProperty({
    example: 'referral needed after 2026-12-21',
    description: 'What is wrong with the field, as in a problem’s errors[]',
  })
  reason!: string;
}

/** An appointment, with its times both as instants and as the location’s wall-clock time. */
export class AppointmentDto {
  @ApiProperty({ format: 'uuid', description: 'The appointment' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'What kind of visit' })
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

  @ApiProperty({ format: 'uuid', description: 'Where' })
  locationId!: string;

  @ApiProperty({ example: 'Scranton Downtown', description: 'The location’s name' })
  locationName!: string;

  @ApiProperty({ format: 'uuid', description: 'By whom' })
  therapistId!: string;

  @ApiProperty({ example: 'Dana Whitfield', description: 'The therapist’s name' })
  therapistName!: string;

  @ApiProperty({ format: 'uuid', description: 'The patient seen' })
  patientId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Maria Lopez',
    description:
      'The patient’s name; null when the caller may not see the patient (registered at a clinic not theirs)',
  })
  patientName!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The room or resource it holds; null if the type needs none',
  })
  resourceId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The episode of care it belongs to; null if none was given',
  })
  episodeId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The recurring series it belongs to; null for a single booking',
  })
  seriesId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Low back pain since a fall two weeks ago',
    description: 'Why the patient comes; null if not told',
  })
  reasonForVisit!: string | null;

  @ApiProperty({ enum: APPOINTMENT_STATUSES, description: 'Where it is in its lifecycle' })
  status!: AppointmentStatus;

  @ApiProperty({
    format: 'date-time',
    example: '2026-11-30T14:00:00.000Z',
    description: 'Start, UTC',
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

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Patient has the flu',
    description: 'Why it was cancelled; null unless cancelled',
  })
  cancelReason!: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'Cancelled less than 24 h before the start; null unless cancelled',
  })
  lateCancellation!: boolean | null;

  @ApiPropertyOptional({
    type: [PolicyWarningDto],
    description: 'On a booking or a move, when a booking policy let it through with warnings',
  })
  warnings?: PolicyWarningDto[];

  /** A booking's or move's response: the appointment, and its policies' warnings if any. */
  static booked(
    labelled: LabelledAppointment,
    warnings: readonly PolicyWarningDto[],
  ): AppointmentDto {
    const dto = AppointmentDto.from(labelled);
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

  static from({ appointment, labels }: LabelledAppointment): AppointmentDto {
    const timeZone = labels.timeZone;
    return {
      id: appointment.id,
      appointmentTypeId: appointment.appointmentTypeId,
      appointmentTypeName: labels.appointmentTypeName,
      durationMinutes: labels.durationMinutes,
      locationId: appointment.locationId,
      locationName: labels.locationName,
      therapistId: appointment.therapistId,
      therapistName: labels.therapistName,
      patientId: appointment.patientId,
      patientName: labels.patientName,
      resourceId: appointment.resourceId,
      episodeId: appointment.episodeId,
      seriesId: appointment.seriesId,
      reasonForVisit: appointment.reasonForVisit,
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

/** One occurrence of a series: booked, or why not. */
export class OccurrenceResultDto {
  @ApiProperty({ example: '2026-11-05T09:00', description: 'Its wall-clock start at the location' })
  localStart!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-05T14:00:00.000Z',
    description: 'Its start, UTC; null when the wall-clock time does not exist (clocks skip it)',
  })
  startsAt!: string | null;

  @ApiProperty({
    enum: ['booked', 'conflict'],
    description: 'booked, or conflict: not booked, for the reason in `conflict`',
  })
  outcome!: 'booked' | 'conflict';

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The appointment booked; null unless booked',
  })
  appointmentId!: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Why it could not be booked; null unless a conflict',
    properties: {
      code: { type: 'string', description: 'The error code the booking would have answered' },
      detail: { type: 'string', description: 'What conflicts, for people' },
    },
    required: ['code', 'detail'],
    // `required` lists the object's own properties; the property itself is required too.
    selfRequired: true,
    example: {
      code: SchedulingErrors.therapistDoubleBooked,
      detail: 'The therapist is already booked at that time',
    },
  })
  conflict!: { code: string; detail: string } | null;
}

export class SeriesResultDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The series; null when nothing was booked',
  })
  seriesId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, example: 11, description: 'Occurrences booked' })
  booked!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Occurrences in conflict' })
  conflicts!: number;

  @ApiProperty({ type: [OccurrenceResultDto], description: 'Every occurrence, in order' })
  occurrences!: OccurrenceResultDto[];
}

/** One change in an appointment’s history. */
export class AppointmentEventDto {
  @ApiProperty({
    enum: [
      'book',
      'confirm',
      'check_in',
      'complete',
      'cancel',
      'no_show',
      'reschedule',
      'change_episode',
    ],
    description: 'What happened',
  })
  action!: string;

  @ApiProperty({ format: 'date-time', description: 'When' })
  occurredAt!: string;

  @ApiProperty({ format: 'uuid', description: 'Who did it' })
  actorUserId!: string;

  @ApiProperty({
    enum: [...APPOINTMENT_STATUSES, null],
    nullable: true,
    description: 'The status before; null for the booking',
  })
  fromStatus!: string | null;

  @ApiProperty({ enum: APPOINTMENT_STATUSES, description: 'The status after' })
  toStatus!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The start before; null for the booking',
  })
  fromStartsAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'The start after' })
  toStartsAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
      description: 'A detail of the change',
    },
    example: { reason: 'Patient has the flu', late: false },
    description: 'What else is known of the change: a cancellation’s reason, a new therapist',
  })
  details!: Record<string, string | number | boolean | null>;
}
