import { Redis } from 'ioredis';
import { Client } from 'pg';
import { redisOptionsFromUrl } from '../queue/queue-connection';

const CONNECT_TIMEOUT_MS = 5000;

/** A start-up failure explained in one line, with what to do about it. */
export class StartupError extends Error {}

/** The URL as it may be printed: without its password. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

function reason(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}

export async function assertPostgresReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new StartupError(
      `cannot reach PostgreSQL at DATABASE_URL=${displayUrl(url)} (${reason(error)}): start PostgreSQL ` +
        `(docker compose up -d postgres), correct DATABASE_URL, or unset it to use the embedded database`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // ioredis reports the socket's error (ECONNREFUSED) as an event and rejects with a vaguer one.
  let socketError: unknown;
  redis.on('error', (error) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new StartupError(
      `cannot reach Redis at REDIS_URL=${displayUrl(url)} (${reason(socketError ?? error)}): start Redis ` +
        `(docker compose up -d redis), correct REDIS_URL, or unset it to keep the queues in PostgreSQL`,
    );
  } finally {
    redis.disconnect();
  }
}
