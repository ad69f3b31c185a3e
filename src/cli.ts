process.env.TZ = 'UTC';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { provideDatabase } from './bootstrap/database-provider';
import { StartupError } from './bootstrap/preflight';
import { ConfigError, loadConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { migrateDatabase } from './database/migrate';
import { seedDatabase } from './seed/seed';

const USAGE = 'usage: node dist/src/cli.js migrate|seed';

function say(line: string): void {
  process.stderr.write(`pt-practice: ${line}\n`);
}

/** Operator commands that run against the configured database, or the embedded one. */
async function main(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'seed') throw new StartupError(USAGE);
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const database = await provideDatabase(config, say);
  // As the owner of the tables, which the service's own role is not (README, "Database roles").
  const ownerUrl = config.database.migrationUrl ?? database.url;
  try {
    const applied = await migrateDatabase(ownerUrl, config.queue.backend);
    say(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');
    if (command === 'seed') {
      const dataSource = await new DataSource(dataSourceOptions(ownerUrl)).initialize();
      try {
        const summary = await seedDatabase(dataSource, config);
        say(
          `seed added ${summary.locations} locations, ${summary.users} users, ${summary.patients} patients, ${summary.appointmentTypes} appointment types`,
        );
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await database.close();
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError)
      error.problems.forEach((problem) => say(`configuration: ${problem}`));
    else say(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
