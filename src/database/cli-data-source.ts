import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { EMBEDDED_DATABASE_NAME } from './embedded-postgres';
import { dataSourceOptions } from './data-source-options';

/**
 * For the TypeORM CLI (`npm run migration:generate`, `migration:revert`): as the owner of the
 * tables, DATABASE_MIGRATION_URL, else DATABASE_URL, else the embedded server while `npm start`
 * runs it.
 */
const url =
  process.env.DATABASE_MIGRATION_URL ||
  process.env.DATABASE_URL ||
  `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_POSTGRES_PORT ?? 54329}/${EMBEDDED_DATABASE_NAME}`;

export default new DataSource({
  ...dataSourceOptions(url),
  entities: [join(__dirname, '..', '**', '*.entity.js')],
});
