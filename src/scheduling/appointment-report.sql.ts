import type { AppointmentPurpose } from './rules/appointment-purpose';

/**
 * SQL over scheduling's appointments for the reporting module's figures: one location's visits
 * whose (final) start falls in an interval. A moved visit is one row at its final time; a series
 * is one row per occurrence, each with its own status. The caller binds the location and the
 * interval's instants (columns or placeholders of its statement).
 *
 * Columns: id, location_id, therapist_id, patient_id, series_id, session_key (one per session:
 * a group session's visits share it), resource_id (the room or resource it holds, if any),
 * status, late_cancellation (false unless a cancellation was late), starts_at, ends_at.
 */
export function visitsStartingSql(location: string, from: string, to: string): string {
  return `(SELECT visit.id, visit.location_id, visit.therapist_id, visit.patient_id, visit.series_id,
                  visit.session_key, visit.resource_id, visit.status,
                  coalesce(visit.late_cancellation, false) AS late_cancellation,
                  visit.starts_at, visit.ends_at
             FROM appointments visit
            WHERE visit.location_id = ${location}
              AND visit.starts_at >= ${from} AND visit.starts_at < ${to})`;
}

/** A visit's statuses, as scheduling records them, by what they mean for a report. */
export const VISIT_STATUSES = {
  /** Still ahead or not yet recorded. */
  pending: ['booked', 'confirmed'],
  /** The patient came: checked in, or the visit was completed. */
  arrived: ['checked_in', 'completed'],
  cancelled: ['cancelled'],
  noShow: ['no_show'],
} as const;

/** How many visits of an episode of care the patient came to (checked in or completed). */
export function arrivedVisitsOfEpisodeSql(episode: string): string {
  return `(SELECT count(*)::int FROM appointments attended
            WHERE attended.episode_id = ${episode} AND attended.status IN ('checked_in', 'completed'))`;
}

/** Whether the patient has a visit booked or confirmed to start after `now`, at any clinic. */
export function bookedAheadSql(patient: string, now: string): string {
  return `EXISTS (SELECT 1 FROM appointments ahead
                   WHERE ahead.patient_id = ${patient} AND ahead.starts_at > ${now}
                     AND ahead.status IN ('booked', 'confirmed'))`;
}

/** The start of the patient's last visit they came to, at any clinic, or null. */
export function lastArrivedVisitSql(patient: string): string {
  return `(SELECT max(came.starts_at) FROM appointments came
            WHERE came.patient_id = ${patient} AND came.status IN ('checked_in', 'completed'))`;
}

/**
 * The local date (in `zone`) of the patient's first visit they came to on or after the local
 * date `from`, at any clinic, or null; only visits of a type with that purpose (see
 * rules/appointment-purpose) when `purpose` is given.
 */
export function firstArrivalOnOrAfterSql(
  patient: string,
  from: string,
  zone: string,
  purpose?: AppointmentPurpose,
): string {
  const ofPurpose = purpose
    ? `AND EXISTS (SELECT 1 FROM appointment_types first_type
                    WHERE first_type.id = first_came.appointment_type_id AND first_type.purpose = '${purpose}')`
    : '';
  return `(SELECT min((first_came.starts_at AT TIME ZONE ${zone})::date) FROM appointments first_came
            WHERE first_came.patient_id = ${patient} AND first_came.status IN ('checked_in', 'completed')
              AND first_came.starts_at >= ${from}::timestamp AT TIME ZONE ${zone} ${ofPurpose})`;
}

/**
 * Relation `(appointment_id, patient_id, therapist_id, held_on)`: the location's visits of a
 * first-contact type (a free pain assessment) that the patient came to (checked in or completed)
 * and that started in the interval, with the local date (in `zone`) they were held on.
 */
export function firstContactsSql(location: string, from: string, to: string, zone: string): string {
  return `(SELECT contact.id AS appointment_id, contact.patient_id, contact.therapist_id,
                  (contact.starts_at AT TIME ZONE ${zone})::date AS held_on
             FROM appointments contact
             JOIN appointment_types contact_type ON contact_type.id = contact.appointment_type_id
            WHERE contact.location_id = ${location}
              AND contact.starts_at >= ${from} AND contact.starts_at < ${to}
              AND contact.status IN ('checked_in', 'completed')
              AND contact_type.purpose = 'first_contact')`;
}

/** Relation `(location_id, therapist_id, starts_at)`: where and when a visit is held now. */
export function visitPlaceSql(appointment: string): string {
  return `(SELECT place.location_id, place.therapist_id, place.starts_at
             FROM appointments place WHERE place.id = ${appointment})`;
}
