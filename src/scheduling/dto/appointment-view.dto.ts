import { SchedulingErrors } from '../scheduling.errors';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LabelledAppointment } from '../appointment-labels';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../rules/lifecycle';
import { localTimeOf } from '../rules/wall-clock';

/* What scheduling answers about appointments and series; the requests are in appointment.dto.ts. */

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
