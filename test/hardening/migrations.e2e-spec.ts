import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { withDatabase } from '../support/services';

/** The hardening migrations (1796400000000 on) go down and up again cleanly. */
describe('hardening migrations', () => {
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const database = `ptp_test_migrations_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(adminUrl, database);
  const ours = allMigrations.filter((migration) => /179[67][0-9]{9}$/.test(migration.name));

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(() =>
    admin(`CREATE DATABASE ${database} TEMPLATE ${process.env.TEST_TEMPLATE_DATABASE!}`),
  );
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

  it('reverts each, newest first, and applies them again', async () => {
    expect(ours.length).toBeGreaterThan(0);
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      const actions = async () =>
        (
          await dataSource.query<{ definition: string }[]>(
            `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
              WHERE conname = 'audit_events_action_valid'`,
          )
        )[0].definition;
      expect(await actions()).toContain('access_refused');
      // A refused attempt recorded before the revert stays: the trail is append-only.
      await dataSource.query(
        `INSERT INTO audit_events (action, entity_type) VALUES ('access_refused', 'patients')`,
      );
      for (let i = 0; i < ours.length; i++) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      expect(await actions()).not.toContain('access_refused');
      await expect(
        dataSource.query(
          `INSERT INTO audit_events (action, entity_type) VALUES ('access_refused', 'patients')`,
        ),
      ).rejects.toThrow(/audit_events_action_valid/);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.map((migration) => migration.name)).toEqual(ours.map((m) => m.name));
      expect(await actions()).toContain('access_refused');
    } finally {
      await dataSource.destroy();
    }
  });
});
