import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Client, Pool } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createHttpApp } from '../../src/bootstrap/create-app';
import { AppConfig, loadConfig, type QueueBackendName } from '../../src/config/app-config';
import { withDatabase } from './services';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  /** A pool on this file's own database, for arranging data and checking it with SQL. */
  db: Pool;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestAppOptions {
  queueBackend?: QueueBackendName;
  env?: Record<string, string>;
  /** The address the application reaches its database by (a relay a test can cut), from its own. */
  databaseUrlFor?: (url: string) => string;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup)`);
  return value;
}

/** Whether the Redis legs of the queue tests can run. */
export const redisUrlForTests = (): string | undefined => process.env.TEST_REDIS_URL || undefined;

/** The queue backends a queue test runs on: PostgreSQL always, Redis when one answers. */
export const queueBackendsForTests = (): QueueBackendName[] =>
  redisUrlForTests() ? ['postgres', 'redis'] : ['postgres'];

/**
 * Deletes this app's queue keys from the shared Redis (its own prefix only: other runs may be
 * using theirs), so a passing run leaves nothing behind.
 */
async function removeQueueKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * Boots the real application on a fresh database cloned from the migrated template, talking to
 * the real PostgreSQL and, when asked, the real Redis.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const adminUrl = requireEnv('TEST_PG_ADMIN_URL');
  const template = requireEnv('TEST_TEMPLATE_DATABASE');
  const suffix = randomBytes(6).toString('hex');
  const database = `ptp_test_${suffix}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, database);
  const backend = options.queueBackend ?? 'postgres';
  const redisUrl = redisUrlForTests();
  if (backend === 'redis' && !redisUrl) throw new Error('no Redis for the Redis leg');
  const appUrl = options.databaseUrlFor?.(url) ?? url;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: appUrl,
    QUEUE_BACKEND: backend,
    ...(backend === 'redis' ? { REDIS_URL: redisUrl } : {}),
    QUEUE_PREFIX: `ptp-test-${suffix}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    MIGRATIONS_RUN_ON_START: 'false',
    SEED_ON_START: 'false',
    ...options.env,
  });
  const app = await createHttpApp(config, appUrl);
  const db = new Pool({ connectionString: url, max: 3 });
  // Dropping the database at the end terminates a connection that may still be closing; a
  // query's own failure still rejects its promise.
  db.on('error', () => undefined);
  return {
    app,
    http: request(app.getHttpServer()),
    db,
    config,
    close: async () => {
      await app.close();
      await db.end();
      if (backend === 'redis') await removeQueueKeys(redisUrl!, config.queue.prefix);
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
