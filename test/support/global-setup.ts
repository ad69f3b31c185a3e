import { Client } from 'pg';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres';
import { migrateDatabase } from '../../src/database/migrate';
import { postgresAnswers, redisAnswers, withDatabase } from './services';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const EMBEDDED_TEST_PORT = 54339;

declare global {
  var embeddedTestDatabase: EmbeddedDatabase | undefined;
}

/**
 * Finds the services the suite runs against, then builds one migrated template database that
 * every test file clones (CREATE DATABASE ... TEMPLATE), so files run in parallel in isolation.
 *   PostgreSQL: DATABASE_URL, else 127.0.0.1:5432 when it answers, else an embedded server.
 *   Redis: REDIS_URL, else 127.0.0.1:6379 when it answers, else the Redis legs are skipped.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL
    ? withDatabase(process.env.DATABASE_URL, 'postgres')
    : undefined;
  if (!adminUrl && (await postgresAnswers(LOCAL_POSTGRES))) adminUrl = LOCAL_POSTGRES;
  if (!adminUrl) {
    const embedded = new EmbeddedDatabase(EMBEDDED_TEST_PORT, '.data/test-postgres');
    adminUrl = await embedded.start('postgres');
    globalThis.embeddedTestDatabase = embedded;
    process.stdout.write(
      `\nno PostgreSQL at DATABASE_URL or 127.0.0.1:5432: using an embedded one on ${EMBEDDED_TEST_PORT}\n`,
    );
  }

  const template = `ptp_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  await migrateDatabase(withDatabase(adminUrl, template), 'postgres');

  const redisUrl = process.env.REDIS_URL || LOCAL_REDIS;
  const redisUp = await redisAnswers(redisUrl);
  if (!redisUp) {
    process.stdout.write(
      `\nno Redis answers at ${redisUrl}: the Redis queue legs are skipped, the PostgreSQL legs run\n`,
    );
  }

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DATABASE = template;
  process.env.TEST_REDIS_URL = redisUp ? redisUrl : '';
}
