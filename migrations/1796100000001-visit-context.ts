import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A visit's context: why the patient comes (told at booking, up to 500 characters), and a history
 * row when the visit joins, changes or leaves an episode of care after booking.
 */
export class VisitContext1796100000001 implements MigrationInterface {
  name = 'VisitContext1796100000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE appointments ADD COLUMN reason_for_visit text
        CONSTRAINT appointments_reason_for_visit_length
          CHECK (btrim(reason_for_visit) <> '' AND char_length(reason_for_visit) <= 500)`);
    await db.query(`
      ALTER TABLE appointment_events
        DROP CONSTRAINT appointment_events_action_valid,
        ADD CONSTRAINT appointment_events_action_valid CHECK (action IN (
          'book', 'confirm', 'check_in', 'complete', 'cancel', 'no_show', 'reschedule',
          'change_episode'))`);
  }

  /** The history of episode changes cannot stay under the old list: it goes, as do reasons. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE appointment_events DISABLE TRIGGER USER`);
    await db.query(`DELETE FROM appointment_events WHERE action = 'change_episode'`);
    await db.query(`ALTER TABLE appointment_events ENABLE TRIGGER USER`);
    await db.query(`
      ALTER TABLE appointment_events
        DROP CONSTRAINT appointment_events_action_valid,
        ADD CONSTRAINT appointment_events_action_valid CHECK (action IN (
          'book', 'confirm', 'check_in', 'complete', 'cancel', 'no_show', 'reschedule'))`);
    await db.query(`ALTER TABLE appointments DROP COLUMN reason_for_visit`);
  }
}
