import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reports (issue 21). A report reads each clinic's visits in a time range and
 * adds up a handful of columns: with those columns in the index, a quarter of a clinic is one
 * index-only range scan instead of a heap visit per row. Discharged episodes are found by clinic
 * and discharge date, an episode's visits by the episode, and unsubscribes (kept only in the
 * audit trail) by time. Plain indexes stay fresh as rows are written: a booking is in the figures
 * as soon as it commits.
 */
export class ReportIndexes1796300000000 implements MigrationInterface {
  name = 'ReportIndexes1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX appointments_report_idx ON appointments (location_id, starts_at)
        INCLUDE (id, therapist_id, patient_id, status, late_cancellation, ends_at, session_key)`);
    // Room occupancy reads only the visits that hold a room or resource.
    await db.query(`
      CREATE INDEX appointments_room_visits_idx ON appointments (location_id, starts_at)
        INCLUDE (status, ends_at) WHERE resource_id IS NOT NULL`);
    await db.query(
      `CREATE INDEX appointments_episode_idx ON appointments (episode_id) WHERE episode_id IS NOT NULL`,
    );
    await db.query(`
      CREATE INDEX episodes_discharged_idx ON episodes_of_care (location_id, closed_on)
        WHERE status = 'closed'`);
    await db.query(`
      CREATE INDEX audit_events_unsubscribe_idx ON audit_events (occurred_at)
        WHERE entity_type = 'patient' AND details ->> 'via' = 'unsubscribe_link'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_events_unsubscribe_idx`);
    await db.query(`DROP INDEX episodes_discharged_idx`);
    await db.query(`DROP INDEX appointments_episode_idx`);
    await db.query(`DROP INDEX appointments_room_visits_idx`);
    await db.query(`DROP INDEX appointments_report_idx`);
  }
}
