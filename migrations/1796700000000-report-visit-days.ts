import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting module's visit-day roll-up (issue 21): per clinic, therapist and local day the
 * counts and minutes the visits, utilisation, rooms and reminders figures add up, so a report of
 * a quarter reads thousands of rows rather than a row per visit and its emails. Bookings and
 * changes mark days stale in `report_visit_day_changes` (no index, no key: one cheap row in the
 * booking's own statement); the reporting module recounts stale days before each report, and
 * emails changed since `report_visit_day_state.emails_seen_until` (by the new index on
 * `notifications.updated_at`). The roll-up is filled here from the rows that exist, counted as
 * the module counts them.
 */
export class ReportVisitDays1796700000000 implements MigrationInterface {
  name = 'ReportVisitDays1796700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE report_visit_days (
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        therapist_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        day date NOT NULL,
        scheduled integer NOT NULL CHECK (scheduled > 0),
        arrived integer NOT NULL,
        cancelled integer NOT NULL,
        late_cancelled integer NOT NULL,
        no_shows integer NOT NULL,
        pending integer NOT NULL,
        booked_minutes double precision NOT NULL,
        room_minutes double precision NOT NULL,
        emails_sent integer NOT NULL,
        emails_failed integer NOT NULL,
        emails_skipped integer NOT NULL,
        reminded_visits integer NOT NULL,
        reminded_no_shows integer NOT NULL,
        unreminded_visits integer NOT NULL,
        unreminded_no_shows integer NOT NULL,
        PRIMARY KEY (location_id, day, therapist_id),
        CONSTRAINT report_visit_days_parts CHECK (
          arrived + cancelled + no_shows + pending <= scheduled AND late_cancelled <= cancelled)
      )`);
    await db.query(`
      CREATE TABLE report_visit_day_changes (
        appointment_id uuid NOT NULL,
        location_id uuid NOT NULL,
        therapist_id uuid NOT NULL,
        starts_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE report_visit_day_state (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        emails_seen_until timestamptz NOT NULL
      )`);
    await db.query(`INSERT INTO report_visit_day_state (emails_seen_until) VALUES (now())`);
    await db.query(`
      CREATE INDEX notifications_updated_idx ON notifications (updated_at)
        WHERE appointment_id IS NOT NULL`);
    await db.query(`
      INSERT INTO report_visit_days
      SELECT session.location_id, session.therapist_id, session.day,
             sum(session.scheduled), sum(session.arrived), sum(session.cancelled),
             sum(session.late_cancelled), sum(session.no_shows), sum(session.pending),
             coalesce(sum(session.booked_minutes), 0), coalesce(sum(session.room_minutes), 0),
             sum(session.emails_sent), sum(session.emails_failed), sum(session.emails_skipped),
             sum(session.reminded_visits), sum(session.reminded_no_shows),
             sum(session.unreminded_visits), sum(session.unreminded_no_shows)
        FROM (SELECT visit.location_id, visit.therapist_id,
                     (visit.starts_at AT TIME ZONE clinic.time_zone)::date AS day,
                     count(*) AS scheduled,
                     count(*) FILTER (WHERE visit.status IN ('checked_in', 'completed')) AS arrived,
                     count(*) FILTER (WHERE visit.status = 'cancelled') AS cancelled,
                     count(*) FILTER (WHERE visit.status = 'cancelled'
                                        AND coalesce(visit.late_cancellation, false)) AS late_cancelled,
                     count(*) FILTER (WHERE visit.status = 'no_show') AS no_shows,
                     count(*) FILTER (WHERE visit.status IN ('booked', 'confirmed')) AS pending,
                     (date_part('epoch', max(visit.ends_at) FILTER (WHERE visit.status <> 'cancelled'))
                      - date_part('epoch', min(visit.starts_at) FILTER (WHERE visit.status <> 'cancelled'))) / 60
                       AS booked_minutes,
                     sum((date_part('epoch', visit.ends_at) - date_part('epoch', visit.starts_at)) / 60)
                       FILTER (WHERE visit.resource_id IS NOT NULL AND visit.status <> 'cancelled') AS room_minutes,
                     coalesce(sum(emails.sent), 0) AS emails_sent,
                     coalesce(sum(emails.failed), 0) AS emails_failed,
                     coalesce(sum(emails.skipped), 0) AS emails_skipped,
                     count(*) FILTER (WHERE visit.status IN ('checked_in', 'completed', 'no_show')
                                        AND emails.reminded) AS reminded_visits,
                     count(*) FILTER (WHERE visit.status = 'no_show' AND emails.reminded) AS reminded_no_shows,
                     count(*) FILTER (WHERE visit.status IN ('checked_in', 'completed', 'no_show')
                                        AND NOT coalesce(emails.reminded, false)) AS unreminded_visits,
                     count(*) FILTER (WHERE visit.status = 'no_show'
                                        AND NOT coalesce(emails.reminded, false)) AS unreminded_no_shows
                FROM appointments visit
                JOIN locations clinic ON clinic.id = visit.location_id
                LEFT JOIN (SELECT email.appointment_id,
                                  count(*) FILTER (WHERE email.status = 'sent') AS sent,
                                  count(*) FILTER (WHERE email.status = 'failed') AS failed,
                                  count(*) FILTER (WHERE email.status = 'skipped') AS skipped,
                                  bool_or(email.kind = 'appointment_reminder' AND email.status = 'sent'
                                          AND email.sent_at < reminded.starts_at) AS reminded
                             FROM notifications email
                             JOIN appointments reminded ON reminded.id = email.appointment_id
                            GROUP BY email.appointment_id) emails ON emails.appointment_id = visit.id
               GROUP BY 1, 2, 3, visit.session_key) session
       GROUP BY 1, 2, 3
       -- In key order, so that a quarter of a clinic is a few adjacent pages.
       ORDER BY 1, 3, 2`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_updated_idx`);
    await db.query(`DROP TABLE report_visit_day_state`);
    await db.query(`DROP TABLE report_visit_day_changes`);
    await db.query(`DROP TABLE report_visit_days`);
  }
}
