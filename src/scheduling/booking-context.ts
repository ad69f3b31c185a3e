import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import { Calendar, calendarData, calendarParameters } from './calendar';
import { AppointmentType, type Credential } from './entities/setup.entities';
import type { Interval } from './rules/intervals';

export interface LocationFacts {
  id: string;
  timeZone: string;
  reminderHoursBefore: number;
  secondReminderHoursBefore: number | null;
}

export interface TherapistFacts {
  active: boolean;
  credential: Credential | null;
  atLocation: boolean;
}

/** Everything a booking checks, each part null when the row does not exist. */
export interface BookingContext {
  type: AppointmentType | null;
  location: LocationFacts | null;
  therapist: TherapistFacts | null;
  patient: { homeLocationId: string; archived: boolean } | null;
  calendar: Calendar;
}

// $1 to $4 are the calendar's (`calendarParameters`); booking leaves overlaps to the exclusion
// constraints, so it reads no bookings.
const CALENDAR_QUERY = { bookings: false, single: true };
const BOOKING_CONTEXT_SQL = `SELECT ${calendarData(CALENDAR_QUERY)} AS calendar,
        (SELECT json_build_object(
            'id', t.id, 'code', t.code, 'name', t.name, 'durationMinutes', t.duration_minutes,
            'bufferBeforeMinutes', t.buffer_before_minutes, 'bufferAfterMinutes', t.buffer_after_minutes,
            'resourceKind', t.resource_kind, 'groupCapacity', t.group_capacity,
            'allowedCredentials', t.allowed_credentials, 'treatment', t.treatment, 'active', t.active,
            'reminderHoursBefore', t.reminder_hours_before,
            'secondReminderHoursBefore', t.second_reminder_hours_before,
            'followUpDays', t.follow_up_days)
           FROM appointment_types t WHERE t.id = $5) AS type,
        (SELECT json_build_object(
            'id', l.id, 'timeZone', l.time_zone, 'reminderHoursBefore', l.reminder_hours_before,
            'secondReminderHoursBefore', l.second_reminder_hours_before)
           FROM locations l WHERE l.id = $6) AS location,
        (SELECT json_build_object(
            'active', u.active, 'credential', p.credential,
            'atLocation', EXISTS (SELECT 1 FROM user_locations ul
                                   WHERE ul.user_id = u.id AND ul.location_id = $6))
           FROM users u LEFT JOIN therapist_profiles p ON p.user_id = u.id
          WHERE u.id = $7 AND u.role = 'therapist') AS therapist,
        (SELECT json_build_object('homeLocationId', home_location_id, 'archived', archived_at IS NOT NULL)
           FROM patients WHERE id = $8) AS patient`;

/**
 * Reads what a booking depends on (its type, location, therapist, patient, and the calendar of
 * hours, closures and time off around the visit) in one round trip: on a small server each
 * statement costs more than the work it does.
 */
export async function loadBookingContext(
  manager: EntityManager,
  target: { appointmentTypeId: string; locationId: string; therapistId: string; patientId: string },
  around: Interval,
): Promise<BookingContext> {
  const [row] = await preparedQuery<
    Omit<BookingContext, 'calendar' | 'type'> & {
      calendar: unknown;
      type: Omit<AppointmentType, never> | null;
    }
  >(manager, BOOKING_CONTEXT_SQL, [
    ...calendarParameters(around, [target.locationId], [target.therapistId], CALENDAR_QUERY),
    target.appointmentTypeId,
    target.locationId,
    target.therapistId,
    target.patientId,
  ]);
  return {
    type: row.type ? Object.assign(new AppointmentType(), row.type) : null,
    location: row.location,
    therapist: row.therapist,
    patient: row.patient,
    calendar: Calendar.of(row.calendar),
  };
}
