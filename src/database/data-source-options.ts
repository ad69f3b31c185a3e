import { DataSourceOptions } from 'typeorm';
import { allMigrations } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Connection options shared by the application and the migration CLI. Schema changes come only
 * from the reviewed migrations in migrations/, never from entity synchronisation.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrations: allMigrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'pt-practice' },
  };
}
