import type { AppConfig } from '../config/app-config';
import { DataFolderInUseError, EmbeddedDatabase } from '../database/embedded-postgres';
import { assertPostgresReachable, StartupError } from './preflight';

export interface ProvidedDatabase {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** The configured PostgreSQL when DATABASE_URL is set (checked now), else the embedded one. */
export async function provideDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ProvidedDatabase> {
  if (config.database.url) {
    await assertPostgresReachable(config.database.url);
    return { url: config.database.url, embedded: false, close: () => Promise.resolve() };
  }
  const { port, dataDir } = config.database.embedded;
  const server = new EmbeddedDatabase(port, dataDir, log);
  log(`starting embedded PostgreSQL on 127.0.0.1:${port} with data in ${dataDir}`);
  try {
    const url = await server.start();
    return { url, embedded: true, close: () => server.stop() };
  } catch (error) {
    await server.stop().catch(() => undefined);
    if (error instanceof DataFolderInUseError) throw new StartupError(error.message);
    throw new StartupError(
      `the embedded PostgreSQL did not start on port ${port} (${error instanceof Error ? error.message : 'it exited'}): ` +
        `stop whatever holds the port or set EMBEDDED_POSTGRES_PORT, or set DATABASE_URL to use your own server`,
    );
  }
}
