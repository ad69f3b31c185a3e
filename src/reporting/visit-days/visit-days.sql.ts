import { CLINICS_SQL } from '../../locations/location-report.sql';
import {
  appointmentEmailOutcomesSql,
  appointmentsWithEmailChangesSql,
} from '../../reminders/notification-report.sql';
import {
  VISIT_STATUSES,
  visitPlaceSql,
  visitsStartingSql,
} from '../../scheduling/appointment-report.sql';

/**
 * The visit-day roll-up (`report_visit_days`): per clinic, therapist and local day, the counts
 * and minutes the visits, utilisation, rooms and reminders figures add up, so a quarter of a
 * clinic group is some 14,000 rows instead of 84,000 visits each with its emails.
 *
 * It is kept by days made stale: every booking and every change to a visit writes, in its own
 * transaction, a row to `report_visit_day_changes` (the visit and where it was held), and every
 * change to an email sets the notification's `updated_at`. Before a report reads the roll-up,
 * `FOLD_STALE_DAYS_SQL` recounts each stale day from the visits themselves: the day the visit was
 * held before a change and the day it is held now. A recount is exact by construction (a group
 * session counts once, a moved visit only at its final time), where adding and subtracting per
 * change is not.
 */

const list = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
const CANCELLED = list(VISIT_STATUSES.cancelled);
const ARRIVED = list(VISIT_STATUSES.arrived);
const NO_SHOW = list(VISIT_STATUSES.noShow);
const RESOLVED = list([...VISIT_STATUSES.arrived, ...VISIT_STATUSES.noShow]);

/**
 * How far before the last fold emails are looked at again: an email's `updated_at` is the start
 * of the transaction that changed it, which may commit after a fold that began later.
 */
const EMAIL_LOOKBACK = `interval '1 minute'`;

/** The roll-up's counted columns, in table order. */
export const VISIT_DAY_COLUMNS = [
  'scheduled',
  'arrived',
  'cancelled',
  'late_cancelled',
  'no_shows',
  'pending',
  'booked_minutes',
  'room_minutes',
  'emails_sent',
  'emails_failed',
  'emails_skipped',
  'reminded_visits',
  'reminded_no_shows',
  'unreminded_visits',
  'unreminded_no_shows',
] as const;

/** Relation of the roll-up's rows of one clinic for the local dates from `from` up to `to`. */
export function visitDaysSql(location: string, from: string, to: string): string {
  return `(SELECT * FROM report_visit_days visit_day
            WHERE visit_day.location_id = ${location}
              AND visit_day.day >= ${from} AND visit_day.day < ${to})`;
}

/**
 * One row of the roll-up's columns counted from the visits of a clinic, therapist and instants:
 * each session first (a group session's visits share one), then the day.
 */
function countedSql(location: string, therapist: string, from: string, to: string): string {
  const minutes = `(date_part('epoch', visit.ends_at) - date_part('epoch', visit.starts_at)) / 60`;
  return `(SELECT coalesce(sum(session.scheduled), 0)::int AS scheduled,
                  coalesce(sum(session.arrived), 0)::int AS arrived,
                  coalesce(sum(session.cancelled), 0)::int AS cancelled,
                  coalesce(sum(session.late_cancelled), 0)::int AS late_cancelled,
                  coalesce(sum(session.no_shows), 0)::int AS no_shows,
                  coalesce(sum(session.pending), 0)::int AS pending,
                  coalesce(sum(session.booked_minutes), 0)::float8 AS booked_minutes,
                  coalesce(sum(session.room_minutes), 0)::float8 AS room_minutes,
                  coalesce(sum(session.emails_sent), 0)::int AS emails_sent,
                  coalesce(sum(session.emails_failed), 0)::int AS emails_failed,
                  coalesce(sum(session.emails_skipped), 0)::int AS emails_skipped,
                  coalesce(sum(session.reminded_visits), 0)::int AS reminded_visits,
                  coalesce(sum(session.reminded_no_shows), 0)::int AS reminded_no_shows,
                  coalesce(sum(session.unreminded_visits), 0)::int AS unreminded_visits,
                  coalesce(sum(session.unreminded_no_shows), 0)::int AS unreminded_no_shows
             FROM (SELECT count(*) AS scheduled,
                          count(*) FILTER (WHERE visit.status IN (${ARRIVED})) AS arrived,
                          count(*) FILTER (WHERE visit.status IN (${CANCELLED})) AS cancelled,
                          count(*) FILTER (WHERE visit.status IN (${CANCELLED}) AND visit.late_cancellation) AS late_cancelled,
                          count(*) FILTER (WHERE visit.status IN (${NO_SHOW})) AS no_shows,
                          count(*) FILTER (WHERE visit.status IN (${list(VISIT_STATUSES.pending)})) AS pending,
                          (date_part('epoch', max(visit.ends_at) FILTER (WHERE visit.status NOT IN (${CANCELLED})))
                           - date_part('epoch', min(visit.starts_at) FILTER (WHERE visit.status NOT IN (${CANCELLED})))) / 60
                            AS booked_minutes,
                          sum(${minutes}) FILTER (WHERE visit.resource_id IS NOT NULL
                                                    AND visit.status NOT IN (${CANCELLED})) AS room_minutes,
                          sum(emails.sent) AS emails_sent,
                          sum(emails.failed) AS emails_failed,
                          sum(emails.skipped) AS emails_skipped,
                          count(*) FILTER (WHERE visit.status IN (${RESOLVED}) AND emails.reminded = 1) AS reminded_visits,
                          count(*) FILTER (WHERE visit.status IN (${NO_SHOW}) AND emails.reminded = 1) AS reminded_no_shows,
                          count(*) FILTER (WHERE visit.status IN (${RESOLVED}) AND emails.reminded = 0) AS unreminded_visits,
                          count(*) FILTER (WHERE visit.status IN (${NO_SHOW}) AND emails.reminded = 0) AS unreminded_no_shows
                     FROM ${visitsStartingSql(location, from, to)} visit
                    CROSS JOIN LATERAL ${appointmentEmailOutcomesSql('visit.id', 'visit.starts_at')} emails
                    WHERE visit.therapist_id = ${therapist}
                    GROUP BY visit.session_key) session)`;
}

const columns = VISIT_DAY_COLUMNS.join(', ');

/** Whether any day is stale: a change row, or an email changed since the last fold. */
export const ANY_STALE_DAY_SQL = `
  SELECT EXISTS (SELECT 1 FROM report_visit_day_changes)
      OR EXISTS (SELECT 1 FROM ${appointmentsWithEmailChangesSql(
        `(SELECT emails_seen_until - ${EMAIL_LOOKBACK} FROM report_visit_day_state)`,
      )} emailed) AS stale`;

/**
 * Recounts every stale day in one statement (run under the fold's lock, see VisitDaysService):
 * takes the change rows it sees, adds the appointments whose emails changed since the last fold
 * (less a minute, for a transaction that began before it and committed after), and writes each
 * day's fresh counts, dropping days left with no visit. Change rows committed after the
 * statement's snapshot stay for the next fold; a day counted twice is counted alike.
 */
export const FOLD_STALE_DAYS_SQL = `
  WITH state AS (SELECT emails_seen_until - ${EMAIL_LOOKBACK} AS since FROM report_visit_day_state),
  taken AS (DELETE FROM report_visit_day_changes RETURNING appointment_id, location_id, therapist_id, starts_at),
  changed AS (
    SELECT appointment_id FROM taken
    UNION SELECT emailed.appointment_id
      FROM ${appointmentsWithEmailChangesSql('(SELECT since FROM state)')} emailed),
  places AS (
    SELECT location_id, therapist_id, starts_at FROM taken
    UNION ALL SELECT place.location_id, place.therapist_id, place.starts_at
      FROM changed CROSS JOIN LATERAL ${visitPlaceSql('changed.appointment_id')} place),
  stale AS (
    SELECT DISTINCT places.location_id, places.therapist_id,
           (places.starts_at AT TIME ZONE clinic.time_zone)::date AS day, clinic.time_zone
      FROM places JOIN ${CLINICS_SQL} clinic ON clinic.id = places.location_id),
  fresh AS (
    SELECT stale.location_id, stale.therapist_id, stale.day, counted.*
      FROM stale CROSS JOIN LATERAL ${countedSql(
        'stale.location_id',
        'stale.therapist_id',
        'stale.day::timestamp AT TIME ZONE stale.time_zone',
        '(stale.day + 1)::timestamp AT TIME ZONE stale.time_zone',
      )} counted),
  emptied AS (
    DELETE FROM report_visit_days visit_day USING fresh
     WHERE fresh.scheduled = 0 AND visit_day.location_id = fresh.location_id
       AND visit_day.therapist_id = fresh.therapist_id AND visit_day.day = fresh.day),
  written AS (
    INSERT INTO report_visit_days (location_id, therapist_id, day, ${columns})
    SELECT location_id, therapist_id, day, ${columns} FROM fresh WHERE scheduled > 0
    ON CONFLICT (location_id, day, therapist_id) DO UPDATE
      SET ${VISIT_DAY_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')})
  UPDATE report_visit_day_state SET emails_seen_until = statement_timestamp()`;
