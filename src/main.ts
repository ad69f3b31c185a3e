process.env.TZ = 'UTC';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { StartupError } from './bootstrap/preflight';
import { keepDevelopmentSecrets } from './bootstrap/development-secrets';
import { startService } from './bootstrap/start';
import { ConfigError, loadConfig } from './config/app-config';

const SHUTDOWN_GRACE_MS = 25_000;
const SIGNAL_ECHO_MS = 1_000;

/** Start-up messages go to stderr as plain lines: the structured logger does not exist yet. */
function say(line: string): void {
  process.stderr.write(`pt-practice: ${line}\n`);
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const secretsFile = keepDevelopmentSecrets(process.env);
  const config = loadConfig(process.env);
  const service = await startService(config, say);

  if (config.runsApi) {
    await (service.app as INestApplication).listen(config.port, config.host);
    say(`API on http://localhost:${config.port} (docs at /docs)`);
  }
  say(
    `role ${config.role}; database ${service.database.embedded ? 'embedded' : 'from DATABASE_URL'}; ` +
      `queues on ${config.queue.backend}`,
  );
  if (secretsFile) say(`development secrets kept in ${secretsFile}`);
  else if (config.auth.jwtSecretIsEphemeral)
    say('JWT_SECRET is not set: tokens last until this process stops');

  let stoppingSince: number | undefined;
  const shutdown = (signal: string) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C reaches node twice: from the terminal (the whole process group) and forwarded
      // by npm. Only a signal sent after the first one's echo forces the exit.
      if (Date.now() - stoppingSince < SIGNAL_ECHO_MS) return;
      say(`${signal} again: exiting now`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    say(`${signal}: finishing requests and jobs in flight, then stopping`);
    const force = setTimeout(() => {
      say('shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    service.stop().then(
      () => {
        say('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        say(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) say(`configuration: ${problem}`);
  } else if (error instanceof StartupError) {
    say(error.message);
  } else {
    say(
      `start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  process.exit(1);
});
