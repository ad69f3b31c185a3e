import { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the service's login role belongs to; it owns nothing. */
export const SERVICE_ROLE = 'pt_practice_service';

/** What the service may do to a table: read and write rows, never change or own the table. */
const TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE';

/**
 * The least-privileged role the service runs as (HIPAA 164.312(b): the audit trail must be one
 * the application cannot rewrite). Migrations run as the owner of the tables; the service's
 * login role is a member of `pt_practice_service`, which may read and write rows but owns no
 * table, so it cannot drop the append-only triggers (`ALTER TABLE ... DISABLE TRIGGER` needs the
 * owner) nor set `session_replication_role` (a superuser's setting). On `audit_events` it may
 * only INSERT and SELECT; on the migrations table only SELECT. Default privileges give it the
 * same on tables and sequences that later migrations (the same owner) create, the `bullmq`
 * schema of the PostgreSQL queue backend included. The role is cluster-wide, so it is created
 * only if absent and dropped only when no database still grants it anything.
 */
export class ServiceRole1796400000002 implements MigrationInterface {
  name = 'ServiceRole1796400000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${SERVICE_ROLE}') THEN
        CREATE ROLE ${SERVICE_ROLE} NOLOGIN;
      END IF;
    END $$`);
    for (const schema of await this.schemas(db)) {
      await db.query(`GRANT USAGE ON SCHEMA ${schema} TO ${SERVICE_ROLE}`);
      await db.query(
        `GRANT ${TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA ${schema} TO ${SERVICE_ROLE}`,
      );
      await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${SERVICE_ROLE}`);
    }
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${SERVICE_ROLE}`);
    await db.query(`REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM ${SERVICE_ROLE}`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES GRANT ${TABLE_PRIVILEGES} ON TABLES TO ${SERVICE_ROLE}`,
    );
    await db.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${SERVICE_ROLE}`);
    await db.query(`ALTER DEFAULT PRIVILEGES GRANT USAGE ON SCHEMAS TO ${SERVICE_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER DEFAULT PRIVILEGES REVOKE USAGE ON SCHEMAS FROM ${SERVICE_ROLE}`);
    await db.query(
      `ALTER DEFAULT PRIVILEGES REVOKE USAGE, SELECT ON SEQUENCES FROM ${SERVICE_ROLE}`,
    );
    await db.query(
      `ALTER DEFAULT PRIVILEGES REVOKE ${TABLE_PRIVILEGES} ON TABLES FROM ${SERVICE_ROLE}`,
    );
    for (const schema of await this.schemas(db)) {
      await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${SERVICE_ROLE}`);
      await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${SERVICE_ROLE}`);
      await db.query(`REVOKE USAGE ON SCHEMA ${schema} FROM ${SERVICE_ROLE}`);
    }
    // Other databases of the server may still run the service as this role.
    await db.query(`DO $$ BEGIN
      DROP ROLE IF EXISTS ${SERVICE_ROLE};
    EXCEPTION WHEN dependent_objects_still_exist THEN
      RAISE NOTICE '${SERVICE_ROLE} is still granted rights in another database; kept';
    END $$`);
  }

  /** The schemas with the service's tables: public, and the queue backend's when it exists. */
  private async schemas(db: QueryRunner): Promise<string[]> {
    const rows = (await db.query(
      `SELECT nspname FROM pg_namespace WHERE nspname IN ('public', 'bullmq') ORDER BY nspname`,
    )) as { nspname: string }[];
    return rows.map((row) => row.nspname);
  }
}
