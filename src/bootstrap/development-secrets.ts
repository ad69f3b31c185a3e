import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The secrets the service generates when none is configured, outside production. */
const GENERATED = ['JWT_SECRET', 'EMAIL_LINK_SECRET'] as const;

/**
 * Outside production (and tests), the JWT and email-link secrets that are not configured are
 * generated once and kept in the data folder (`secrets.json` beside the embedded database's
 * folder, readable by its owner only), so a restart keeps everyone signed in and the links in
 * emails already sent keep working. Production must configure both (the config refuses to start
 * without them); tests get fresh ones per process. Returns the file used, or undefined.
 */
export function keepDevelopmentSecrets(env: NodeJS.ProcessEnv): string | undefined {
  const mode = env.NODE_ENV ?? 'development';
  if (mode !== 'development') return undefined;
  const missing = GENERATED.filter((name) => !env[name]);
  if (missing.length === 0) return undefined;
  const file = join(
    dirname(resolve(env.EMBEDDED_POSTGRES_DIR ?? '.data/postgres')),
    'secrets.json',
  );
  const kept = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<
        Record<(typeof GENERATED)[number], string>
      >)
    : {};
  let changed = false;
  for (const name of missing) {
    if (!kept[name]) {
      kept[name] = randomBytes(48).toString('base64url');
      changed = true;
    }
    env[name] = kept[name];
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  }
  return file;
}
