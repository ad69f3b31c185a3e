import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a delivery let the end-of-data mark go to the SMTP server. A worker that dies with the
 * row `sending` and this still NULL never completed the message (a server keeps no message
 * without its final `.`), so the email is sent again, with the same Message-ID; set, the server
 * may have it, and the row goes to an admin as `unconfirmed`.
 */
export class EmailEndOfData1796400000001 implements MigrationInterface {
  name = 'EmailEndOfData1796400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications ADD COLUMN data_ended_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN data_ended_at`);
  }
}
