import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new kind of patient email: the cancellation of a visit, with the calendar object that
 * removes it from the patient's calendar (METHOD:CANCEL).
 */
export class AppointmentCancellationEmails1795942800000 implements MigrationInterface {
  name = 'AppointmentCancellationEmails1795942800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'appointment_confirmation', 'appointment_reminder', 'appointment_cancellation',
          'follow_up', 'no_show_rebook', 'late_cancel_rebook', 'waitlist_offer',
          'discharge_check_in'))`);
  }

  /** Back to the old list: rows of the new kind, sent or not, have no place in it. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = 'appointment_cancellation'`);
    await db.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (
          'appointment_confirmation', 'appointment_reminder', 'follow_up', 'no_show_rebook',
          'late_cancel_rebook', 'waitlist_offer', 'discharge_check_in'))`);
  }
}
