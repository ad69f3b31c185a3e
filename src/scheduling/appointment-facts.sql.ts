import { jsonRecord } from '../database/json-record';
/**
 * SQL over scheduling's tables (appointments, their events, series, waiting-list entries and
 * appointment types) for other modules' single reads: reminders reads what an email depends on
 * in the one statement that also reads its own outbox row, so sending an email stays one round
 * trip. Each function returns an expression (a scalar subquery yielding JSON, timestamps as ISO
 * 8601 text) over scheduling's tables only, with the caller's placeholders or columns bound in.
 * The location of an appointment or offer is returned as an id, for the locations module's SQL.
 */

/**
 * `{ id, patientId, locationId, typeId, seriesId, status, startsAt, endsAt, lateCancellation,
 * moves }` of an appointment, or null. `moves` counts its reschedules: the revision its emails
 * and calendar entries are keyed by, so a move plans fresh ones.
 */
export const APPOINTMENT_FACTS = jsonRecord({
  id: ['appt.id', 'uuid'],
  patientId: ['appt.patient_id', 'uuid'],
  locationId: ['appt.location_id', 'uuid'],
  typeId: ['appt.appointment_type_id', 'uuid'],
  seriesId: ['appt.series_id', 'uuid'],
  status: ['appt.status', 'text'],
  startsAt: ['appt.starts_at', 'timestamptz'],
  endsAt: ['appt.ends_at', 'timestamptz'],
  lateCancellation: ['coalesce(appt.late_cancellation, false)', 'boolean'],
  moves: [
    `(SELECT count(*)::int FROM appointment_events moved
       WHERE moved.appointment_id = appt.id AND moved.action = 'reschedule')`,
    'int',
  ],
});

export function appointmentFactsSql(appointment: string): string {
  return `(SELECT ${APPOINTMENT_FACTS.object} FROM appointments appt WHERE appt.id = ${appointment})`;
}

/**
 * The visits of a series still booked or confirmed from `from` on,
 * `[{ id, startsAt, endsAt, moves }]` in order (`[]` for no series): a series is confirmed once,
 * on its first visit, with every visit still ahead; `moves` keeps a visit moved before that
 * email went out at the calendar revision its own update carried.
 */
export function seriesVisitsAheadSql(series: string, from: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'id', visit.id, 'startsAt', visit.starts_at, 'endsAt', visit.ends_at,
              'moves', (SELECT count(*)::int FROM appointment_events moved
                         WHERE moved.appointment_id = visit.id AND moved.action = 'reschedule'))
              ORDER BY visit.starts_at), '[]')
            FROM appointments visit
           WHERE visit.series_id = ${series} AND visit.status IN ('booked', 'confirmed')
             AND visit.starts_at >= ${from})`;
}

/**
 * `{ id, reminderHoursBefore, secondReminderHoursBefore, followUpDays }` of an appointment type,
 * or null: the type's own reminder leads (null where the location's apply) and the days after a
 * completed visit for its follow-up email (null for none).
 */
export const APPOINTMENT_TYPE_REMINDERS = jsonRecord({
  id: ['appt_type.id', 'uuid'],
  reminderHoursBefore: ['appt_type.reminder_hours_before', 'int'],
  secondReminderHoursBefore: ['appt_type.second_reminder_hours_before', 'int'],
  followUpDays: ['appt_type.follow_up_days', 'int'],
});

export function appointmentTypeRemindersSql(type: string): string {
  return `(SELECT ${APPOINTMENT_TYPE_REMINDERS.object}
           FROM appointment_types appt_type WHERE appt_type.id = ${type})`;
}

/**
 * `{ id, status, locationId, startsAt, endsAt, expiresAt }` of a waiting-list entry's offer, or
 * null: the slot it offers (its end from the type's duration), where, and until when it is held.
 * An email about an offer goes only while the entry is still `offered` and the hold has not run
 * out.
 */
export const WAITLIST_OFFER_FACTS = jsonRecord({
  id: ['offer.id', 'uuid'],
  status: ['offer.status', 'text'],
  locationId: ['offer.offered_location_id', 'uuid'],
  startsAt: ['offer.offered_starts_at', 'timestamptz'],
  endsAt: [
    'offer.offered_starts_at + make_interval(mins => offer_type.duration_minutes)',
    'timestamptz',
  ],
  expiresAt: ['offer.offer_expires_at', 'timestamptz'],
});

export function waitlistOfferFactsSql(entry: string): string {
  return `(SELECT ${WAITLIST_OFFER_FACTS.object}
           FROM waitlist_entries offer
           JOIN appointment_types offer_type ON offer_type.id = offer.appointment_type_id
          WHERE offer.id = ${entry})`;
}

/**
 * The visits of an episode of care, `[{ id, therapistId, startsAt, status, treatment }]` in
 * order (`[]` for none): direct access counts its visits and treatment days from them.
 */
export function episodeVisitsSql(episode: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'id', visit.id, 'therapistId', visit.therapist_id, 'startsAt', visit.starts_at,
              'status', visit.status, 'treatment', visit_type.treatment)
              ORDER BY visit.starts_at), '[]')
            FROM appointments visit JOIN appointment_types visit_type ON visit_type.id = visit.appointment_type_id
           WHERE visit.episode_id = ${episode})`;
}

/**
 * `{ id, patientId, locationId, therapistId, episodeId, status, startsAt }` of an appointment, or
 * null: billing records the services of a completed visit against it, by the therapist booked
 * unless another delivered them.
 */
export const VISIT_FACTS = jsonRecord({
  id: ['visit.id', 'uuid'],
  patientId: ['visit.patient_id', 'uuid'],
  locationId: ['visit.location_id', 'uuid'],
  therapistId: ['visit.therapist_id', 'uuid'],
  episodeId: ['visit.episode_id', 'uuid'],
  status: ['visit.status', 'text'],
  startsAt: ['visit.starts_at', 'timestamptz'],
});

export function visitFactsSql(appointment: string): string {
  return `(SELECT ${VISIT_FACTS.object} FROM appointments visit WHERE visit.id = ${appointment})`;
}

/** The id of the active appointment type with this code, or null. */
export function appointmentTypeIdSql(code: string): string {
  return `(SELECT kind.id FROM appointment_types kind WHERE kind.code = ${code} AND kind.active)`;
}
