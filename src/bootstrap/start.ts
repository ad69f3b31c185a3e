import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { migrateDatabase } from '../database/migrate';
import { embeddedServiceUrl, excessPrivileges } from '../database/service-login';
import { isEmpty, seedDatabase } from '../seed/seed';
import { createHttpApp, createWorkerContext } from './create-app';
import { provideDatabase, type ProvidedDatabase } from './database-provider';
import { assertRedisReachable } from './preflight';

export interface RunningService {
  app: INestApplicationContext;
  database: ProvidedDatabase;
  /** Stops taking work, finishes what is in flight, closes pools, then the embedded database. */
  stop(): Promise<void>;
}

/**
 * The whole start-up: database (configured or embedded), queue backend check, migrations and
 * first-run seed when configured, then the API, the workers, or both.
 */
export async function startService(
  config: AppConfig,
  log: (line: string) => void,
): Promise<RunningService> {
  if (config.queue.backend === 'redis' && config.queue.redisUrl) {
    await assertRedisReachable(config.queue.redisUrl);
  }
  const database = await provideDatabase(config, log);
  try {
    // Migrations and the seed run as the owner of the tables; the service as a role that owns
    // nothing (embedded: one made for it; else DATABASE_URL, with DATABASE_MIGRATION_URL).
    const ownerUrl = config.database.migrationUrl ?? database.url;
    if (config.migrationsRunOnStart) {
      const applied = await migrateDatabase(ownerUrl, config.queue.backend);
      if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    }
    if (config.seedOnStart) await seedIfEmpty(config, ownerUrl, log);
    const serviceUrl = database.embedded ? await embeddedServiceUrl(database.url) : database.url;
    const excess = await excessPrivileges(serviceUrl);
    if (excess) log(`warning: ${excess}`);
    const app = config.runsApi
      ? await createHttpApp(config, serviceUrl)
      : await createWorkerContext(config, serviceUrl);
    return {
      app,
      database,
      stop: async () => {
        // The embedded server stops even when closing the app fails (a pool already cut off
        // by the signal reaching the whole process group, say), so none is left behind.
        try {
          await app.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function seedIfEmpty(
  config: AppConfig,
  url: string,
  log: (line: string) => void,
): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    if (!(await isEmpty(dataSource))) return;
    const summary = await seedDatabase(dataSource, config);
    log(
      `seeded demo data: ${summary.locations} locations, ${summary.users} users, ${summary.patients} patients, ${summary.visits} visits`,
    );
  } finally {
    await dataSource.destroy();
  }
}
