import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SERVICE_ROLE } from '../../migrations/1796400000002-service-role';

/** The embedded server's login role for the service: a member of the service role, owning nothing. */
export const EMBEDDED_SERVICE_LOGIN = 'pt_practice_app';

/**
 * The URL the service connects to the embedded server with: not the superuser that initialised
 * it and ran the migrations, but a login role in the service role, so the embedded default runs
 * as a deployment should. The password is new on every start (only this process needs it).
 */
export async function embeddedServiceUrl(ownerUrl: string): Promise<string> {
  const password = randomBytes(24).toString('base64url');
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [
      SERVICE_ROLE,
    ]);
    if (rowCount === 0) {
      throw new Error(
        `the database has no ${SERVICE_ROLE} role yet: run the migrations (npm run migration:run)`,
      );
    }
    await client.query(`DO $$ BEGIN
      CREATE ROLE ${EMBEDDED_SERVICE_LOGIN} LOGIN;
    EXCEPTION WHEN duplicate_object THEN NULL;
    END $$`);
    await client.query(
      `ALTER ROLE ${EMBEDDED_SERVICE_LOGIN} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${client.escapeLiteral(password)}`,
    );
    await client.query(`GRANT ${SERVICE_ROLE} TO ${EMBEDDED_SERVICE_LOGIN}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = EMBEDDED_SERVICE_LOGIN;
  url.password = password;
  return url.toString();
}

/**
 * Why the service's connection has more rights than it should (it is a superuser, or owns the
 * tables and so could switch the audit trail's triggers off), or undefined when it has not.
 */
export async function excessPrivileges(serviceUrl: string): Promise<string | undefined> {
  const client = new Client({ connectionString: serviceUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ user: string; superuser: boolean; owner: boolean }>(
      `SELECT current_user AS user,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              coalesce((SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables
                         WHERE schemaname = 'public' AND tablename = 'audit_events'), false) AS owner`,
    );
    const [{ user, superuser, owner }] = rows;
    if (!superuser && !owner) return undefined;
    return (
      `the service connects as ${user}, ${superuser ? 'a superuser' : 'the owner of its tables'}, ` +
      `which could rewrite the audit trail: connect DATABASE_URL as a login role in ${SERVICE_ROLE} ` +
      `and run migrations with DATABASE_MIGRATION_URL (see the README, "Database roles")`
    );
  } finally {
    await client.end();
  }
}
