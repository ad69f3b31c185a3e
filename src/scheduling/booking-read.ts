import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { locationFactsSql } from '../locations/location-facts.sql';
import { patientFactsSql } from '../patients/patient-facts.sql';
import type { TherapistFacts } from '../staff/rules/eligibility';
import { therapistFactsSql } from '../staff/therapist-facts.sql';
import { AvailabilityCalendar, calendarData, calendarParameters } from './availability-calendar';
import type { BookingPolicy, BookingReadParameters } from './booking-policy.port';
import { AppointmentType } from './entities/appointment-type.entity';
import type { Interval } from '../common/time/intervals';

export interface LocationFacts {
  id: string;
  timeZone: string;
  reminderHoursBefore: number;
  secondReminderHoursBefore: number | null;
  country: string;
  state: string | null;
}

/** Everything a booking checks, each part null when the row does not exist. */
export interface BookingFacts {
  type: AppointmentType | null;
  location: LocationFacts | null;
  therapist: TherapistFacts | null;
  patient: { homeLocationId: string; archived: boolean } | null;
  calendar: AvailabilityCalendar;
  /** Each registered policy's facts, by policy name. */
  policyFacts: Record<string, unknown>;
}

export interface BookingTarget {
  appointmentTypeId: string;
  locationId: string;
  therapistId: string;
  patientId: string;
  episodeId?: string | null;
}

// $1 to $4 are the calendar's (`calendarParameters`); booking leaves overlaps to the exclusion
// constraints, so it reads no bookings.
const CALENDAR_QUERY = { bookings: false, single: true };
const PARAMETERS: BookingReadParameters = {
  appointmentTypeId: '$5',
  locationId: '$6',
  therapistId: '$7',
  patientId: '$8',
  episodeId: '$9::uuid',
};

/**
 * The booking's one read: its type, location, therapist, patient, the calendar of hours,
 * closures and time off around the visit, and every registered policy's facts, in one round
 * trip (on a small server each statement costs more than the work it does). Each module supplies
 * the SQL over its own tables; the statement text is fixed once the policies are known, so it
 * stays one prepared statement.
 */
export class BookingRead {
  private readonly sql: string;
  /** Whether any policy reads the episode: PostgreSQL refuses a parameter the text never uses. */
  private readonly readsEpisode: boolean;

  constructor(private readonly policies: readonly BookingPolicy[]) {
    const policyColumns = policies.map(
      (policy) => `,\n        ${policy.factsSql(PARAMETERS)} AS "policy:${policy.name}"`,
    );
    this.sql = `SELECT ${calendarData(CALENDAR_QUERY)} AS calendar,
        (SELECT json_build_object(
            'id', t.id, 'code', t.code, 'name', t.name, 'durationMinutes', t.duration_minutes,
            'bufferBeforeMinutes', t.buffer_before_minutes, 'bufferAfterMinutes', t.buffer_after_minutes,
            'resourceKind', t.resource_kind, 'groupCapacity', t.group_capacity,
            'allowedCredentials', t.allowed_credentials, 'treatment', t.treatment, 'active', t.active,
            'reminderHoursBefore', t.reminder_hours_before,
            'secondReminderHoursBefore', t.second_reminder_hours_before,
            'followUpDays', t.follow_up_days)
           FROM appointment_types t WHERE t.id = ${PARAMETERS.appointmentTypeId}) AS type,
        ${locationFactsSql(PARAMETERS.locationId)} AS location,
        ${therapistFactsSql(PARAMETERS.therapistId, PARAMETERS.locationId)} AS therapist,
        ${patientFactsSql(PARAMETERS.patientId)} AS patient${policyColumns.join('')}`;
    this.readsEpisode = this.sql.includes(PARAMETERS.episodeId);
  }

  async load(
    manager: EntityManager,
    target: BookingTarget,
    around: Interval,
  ): Promise<BookingFacts> {
    const [row] = await preparedQuery<Record<string, unknown>>(manager, this.sql, [
      ...calendarParameters(around, [target.locationId], [target.therapistId], CALENDAR_QUERY),
      target.appointmentTypeId,
      target.locationId,
      target.therapistId,
      target.patientId,
      ...(this.readsEpisode ? [target.episodeId ?? null] : []),
    ]);
    const policyFacts: Record<string, unknown> = {};
    for (const policy of this.policies) policyFacts[policy.name] = row[`policy:${policy.name}`];
    return {
      type: row.type ? Object.assign(new AppointmentType(), row.type) : null,
      location: row.location as LocationFacts | null,
      therapist: row.therapist as TherapistFacts | null,
      patient: row.patient as BookingFacts['patient'],
      calendar: AvailabilityCalendar.of(row.calendar),
      policyFacts,
    };
  }
}
