import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox: one row per email, written in the same transaction as the change that
 * causes it, then relayed to the queue. Reminder timing per location and appointment type.
 */
export class Notifications1795766400000 implements MigrationInterface {
  name = 'Notifications1795766400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE locations
        ADD COLUMN reminder_hours_before integer NOT NULL DEFAULT 24
          CONSTRAINT locations_reminder_hours_range CHECK (reminder_hours_before BETWEEN 1 AND 168),
        ADD COLUMN second_reminder_hours_before integer
          CONSTRAINT locations_second_reminder_hours_range CHECK (
            second_reminder_hours_before BETWEEN 1 AND 48
            AND second_reminder_hours_before < reminder_hours_before)`);
    await db.query(`
      ALTER TABLE appointment_types
        ADD COLUMN reminder_hours_before integer
          CONSTRAINT appointment_types_reminder_hours_range CHECK (reminder_hours_before BETWEEN 1 AND 168),
        ADD COLUMN second_reminder_hours_before integer
          CONSTRAINT appointment_types_second_reminder_hours_range CHECK (
            second_reminder_hours_before BETWEEN 1 AND 48
            AND second_reminder_hours_before < reminder_hours_before),
        ADD COLUMN follow_up_days integer
          CONSTRAINT appointment_types_follow_up_days_range CHECK (follow_up_days BETWEEN 1 AND 60)`);
    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CONSTRAINT notifications_kind_known CHECK (kind IN (
          'appointment_confirmation', 'appointment_reminder', 'follow_up', 'no_show_rebook',
          'late_cancel_rebook', 'waitlist_offer', 'discharge_check_in')),
        -- What makes planning the same email twice a no-op.
        dedupe_key text NOT NULL CONSTRAINT notifications_dedupe_key_key UNIQUE,
        patient_id uuid NOT NULL REFERENCES patients (id),
        appointment_id uuid REFERENCES appointments (id),
        waitlist_entry_id uuid REFERENCES waitlist_entries (id),
        episode_id uuid REFERENCES episodes_of_care (id),
        send_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT notifications_status_known CHECK (status IN (
          'pending', 'sending', 'sent', 'unconfirmed', 'skipped', 'cancelled', 'failed')),
        -- Bumped by every change the queue must follow (cancelled, retried); the relay
        -- brings the queue to this version and records it in relayed_version.
        version integer NOT NULL DEFAULT 1,
        relayed_version integer NOT NULL DEFAULT 0,
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT notifications_attempts_not_negative CHECK (attempts >= 0),
        last_error text,
        claimed_at timestamptz,
        sent_at timestamptz,
        -- The Message-ID handed to the SMTP server: the idempotency key of the delivery.
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notifications_subject_present CHECK (
          appointment_id IS NOT NULL OR waitlist_entry_id IS NOT NULL OR episode_id IS NOT NULL),
        CONSTRAINT notifications_sent_has_time CHECK (status <> 'sent' OR sent_at IS NOT NULL),
        CONSTRAINT notifications_relay_behind CHECK (relayed_version <= version)
      )`);
    await db.query(
      `CREATE INDEX notifications_relay_due_idx ON notifications (send_at) WHERE relayed_version < version`,
    );
    await db.query(`CREATE INDEX notifications_appointment_idx ON notifications (appointment_id)`);
    await db.query(`CREATE INDEX notifications_status_idx ON notifications (status, send_at)`);
    await db.query(`CREATE INDEX notifications_patient_idx ON notifications (patient_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notifications`);
    await db.query(`
      ALTER TABLE appointment_types
        DROP COLUMN follow_up_days,
        DROP COLUMN second_reminder_hours_before,
        DROP COLUMN reminder_hours_before`);
    await db.query(`
      ALTER TABLE locations
        DROP COLUMN second_reminder_hours_before,
        DROP COLUMN reminder_hours_before`);
  }
}
