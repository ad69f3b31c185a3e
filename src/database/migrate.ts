import { runMigrations as runQueueMigrations } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { QueueBackendName } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

export const QUEUE_SCHEMA = 'bullmq';

/**
 * Brings a database to the latest schema: the application's migrations and, when the queues
 * live in PostgreSQL, BullMQ's own. Several processes may start at once: an advisory lock lets
 * one migrate while the others wait and then find nothing to do.
 */
export async function migrateDatabase(
  url: string,
  queueBackend: QueueBackendName,
): Promise<string[]> {
  const lockHolder = new Client({ connectionString: url, application_name: 'pt-practice-migrate' });
  await lockHolder.connect();
  try {
    await lockHolder.query(`SELECT pg_advisory_lock(hashtext('pt-practice:migrations'))`);
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    let applied: string[];
    try {
      applied = (await dataSource.runMigrations({ transaction: 'each' })).map(
        (migration) => migration.name,
      );
    } finally {
      await dataSource.destroy();
    }
    if (queueBackend === 'postgres') await runQueueMigrations(lockHolder, QUEUE_SCHEMA);
    return applied;
  } finally {
    await lockHolder.end();
  }
}
