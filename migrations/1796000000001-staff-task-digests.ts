import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily email to a clinic's staff listing the direct-access work list: one outbox row per
 * staff member, clinic and local day (so a second worker or a restart plans nothing twice), sent
 * at most once like the patients' emails: claimed with its Message-ID before the SMTP hand-off.
 */
export class StaffTaskDigests1796000000001 implements MigrationInterface {
  name = 'StaffTaskDigests1796000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_task_digests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        location_id uuid NOT NULL REFERENCES locations (id),
        local_date date NOT NULL,
        status text NOT NULL DEFAULT 'pending' CONSTRAINT staff_task_digests_status_known
          CHECK (status IN ('pending', 'sending', 'sent', 'skipped', 'failed', 'unconfirmed')),
        task_count integer CONSTRAINT staff_task_digests_task_count_non_negative CHECK (task_count >= 0),
        attempts integer NOT NULL DEFAULT 0 CONSTRAINT staff_task_digests_attempts_non_negative CHECK (attempts >= 0),
        last_error text,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT staff_task_digests_one_a_day UNIQUE (user_id, location_id, local_date),
        CONSTRAINT staff_task_digests_sent_has_time CHECK (status <> 'sent' OR sent_at IS NOT NULL)
      )`);
    await db.query(
      `CREATE INDEX staff_task_digests_open_idx ON staff_task_digests (created_at) WHERE status IN ('pending', 'sending')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_task_digests`);
  }
}
