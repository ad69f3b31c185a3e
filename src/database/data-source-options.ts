import { DataSourceOptions } from 'typeorm';
import type { DatabaseTimeouts } from '../config/app-config';
import { allMigrations } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Connection options shared by the application and the migration CLI. Schema changes come only
 * from the reviewed migrations in migrations/, never from entity synchronisation.
 */
export function dataSourceOptions(url: string, timeouts?: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrations: allMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    extra: {
      max: 20,
      application_name: 'pt-practice',
      // The service's pool gives up on a server that refuses, is down or hangs (a query's answer
      // never comes), so a request answers 503 instead of waiting for ever; migrations and
      // operator commands wait as long as their work takes.
      ...(timeouts && {
        connectionTimeoutMillis: timeouts.connectMs,
        query_timeout: timeouts.queryMs,
        keepAlive: true,
      }),
    },
  };
}
