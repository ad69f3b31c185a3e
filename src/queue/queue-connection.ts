import type { QueueSettings } from '../config/app-config';
import {
  createPostgresBackend,
  setDefaultBackendFactory,
  type ConnectionOptions,
  type PostgresPoolConfig,
} from 'bullmq';

/** ioredis options from a `redis://` or `rediss://` URL. */
export function redisOptionsFromUrl(url: string) {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires commands to wait for a reconnect, not fail.
    maxRetriesPerRequest: null,
  };
}

/**
 * Chooses BullMQ's backend for the whole process and returns the connection every queue and
 * worker uses. Must run before any Queue or Worker is built; nothing else in the code base knows
 * which backend is in use.
 */
export function configureQueueBackend(
  settings: QueueSettings,
  databaseUrl: string,
): ConnectionOptions {
  if (settings.backend === 'redis') {
    setDefaultBackendFactory();
    if (!settings.redisUrl) throw new Error('the Redis queue backend needs REDIS_URL');
    return redisOptionsFromUrl(settings.redisUrl);
  }
  setDefaultBackendFactory(createPostgresBackend);
  // The bullmq schema is created by the migration step, like the rest of the schema.
  const postgres: PostgresPoolConfig = {
    connectionString: databaseUrl,
    max: 4,
    application_name: 'pt-practice-queue',
  };
  return postgres;
}
