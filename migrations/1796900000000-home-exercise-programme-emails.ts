import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'appointment_confirmation', 'appointment_reminder', 'appointment_cancellation',
          'follow_up', 'no_show_rebook', 'late_cancel_rebook', 'waitlist_offer',
          'discharge_check_in'`;

/**
 * A new kind of patient email: the home exercise programme of a plan of care, with its PDF. The
 * row names the plan revision whose programme it carries (and the plan's episode, whose clinic
 * sends it); the content is read from the revision when the email goes, so the row holds ids
 * only. A programme email always names its revision, and no other email names one.
 */
export class HomeExerciseProgrammeEmails1796900000000 implements MigrationInterface {
  name = 'HomeExerciseProgrammeEmails1796900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE notifications
        ADD COLUMN plan_revision_id uuid REFERENCES plan_revisions (id),
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (${KINDS_BEFORE},
          'home_exercise_programme')),
        ADD CONSTRAINT notifications_programme_has_revision CHECK (
          (kind = 'home_exercise_programme') = (plan_revision_id IS NOT NULL)
          AND (kind <> 'home_exercise_programme' OR episode_id IS NOT NULL))`);
    await db.query(`
      CREATE INDEX notifications_plan_revision_idx ON notifications (plan_revision_id)
        WHERE plan_revision_id IS NOT NULL`);
  }

  /** Back to the old list: rows of the new kind, sent or not, have no place in it. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM notifications WHERE kind = 'home_exercise_programme'`);
    await db.query(`
      ALTER TABLE notifications
        DROP CONSTRAINT notifications_programme_has_revision,
        DROP COLUMN plan_revision_id,
        DROP CONSTRAINT notifications_kind_known,
        ADD CONSTRAINT notifications_kind_known CHECK (kind IN (${KINDS_BEFORE}))`);
  }
}
