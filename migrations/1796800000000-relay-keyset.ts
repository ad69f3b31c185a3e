import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay walks the rows not yet relayed in (send_at, id) order and continues after the last
 * row of its previous batch, instead of starting from the first entry each time: the entries of
 * rows it just relayed stay in the partial index until vacuum, and a backlog of 100,000 rows
 * made every batch step over all of them again (a drain quadratic in the backlog).
 */
export class RelayKeyset1796800000000 implements MigrationInterface {
  name = 'RelayKeyset1796800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX notifications_relay_next_idx ON notifications (send_at, id) WHERE relayed_version < version`,
    );
    await db.query(`DROP INDEX notifications_relay_due_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX notifications_relay_due_idx ON notifications (send_at) WHERE relayed_version < version`,
    );
    await db.query(`DROP INDEX notifications_relay_next_idx`);
  }
}
