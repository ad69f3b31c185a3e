import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import bytes from 'bytes';
import { createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { type AppRole, type QueueBackendName, RawEnvironment } from './environment-variables';

export {
  APP_ROLES,
  type AppRole,
  QUEUE_BACKENDS,
  type QueueBackendName,
} from './environment-variables';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

export interface DatabaseSettings {
  /** Set when the operator named a server; otherwise the embedded PostgreSQL is used. */
  url?: string;
  /**
   * The owner of the tables, for migrations and the seed, when the service's own connection
   * (`url`) is a role that owns nothing; unset: `url` migrates too.
   */
  migrationUrl?: string;
  embedded: { port: number; dataDir: string };
  /**
   * How long the service waits for a connection, and for a query's answer, before it gives up
   * and answers 503: a server that is down or hung must not hold requests for ever.
   */
  timeouts: DatabaseTimeouts;
}

export interface DatabaseTimeouts {
  connectMs: number;
  queryMs: number;
}

export interface QueueSettings {
  backend: QueueBackendName;
  redisUrl?: string;
  prefix: string;
}

/** How outgoing email is signed with DKIM (RFC 6376), for relays that do not sign it. */
export interface DkimSettings {
  /** The signing domain (`d=`); for DMARC alignment, MAIL_FROM's domain or its parent. */
  domainName: string;
  /** The selector (`s=`): the public key is the TXT record `<selector>._domainkey.<domain>`. */
  keySelector: string;
  /** Secret: the RSA private key, as a KeyObject, which prints and serializes no key material. */
  privateKey: KeyObject;
}

export interface EmailSettings {
  smtpUrl: string;
  from: string;
  publicBaseUrl: string;
  /** Secret: signs unsubscribe links; never logged. */
  linkSecret: string;
  linkSecretIsEphemeral: boolean;
  /** Set when DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY are; otherwise mail goes unsigned. */
  dkim: DkimSettings | undefined;
  maxAttempts: number;
  retryBaseMs: number;
  concurrency: number;
  outboxPollMs: number;
}

/** Mailpit's SMTP port: what docker compose runs, and the default outside production. */
export const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';

export const DEV_ADMIN_EMAIL = 'admin@pt-practice.test';
export const DEV_ADMIN_PASSWORD = 'demo-admin-password';

/**
 * The one configuration object of the process, read from the environment once at boot.
 * Providers receive it by injection; nothing else reads process.env.
 */
export class AppConfig {
  readonly env: RawEnvironment['NODE_ENV'];
  readonly port: number;
  /** The address the API listens on; `::` is every interface, IPv4 included. */
  readonly host: string;
  readonly role: AppRole;
  readonly logLevel: RawEnvironment['LOG_LEVEL'];
  readonly database: DatabaseSettings;
  readonly migrationsRunOnStart: boolean;
  readonly seedOnStart: boolean;
  readonly queue: QueueSettings;
  readonly auth: {
    /** Secret: never logged. */
    jwtSecret: string;
    jwtSecretIsEphemeral: boolean;
    jwtTtlSeconds: number;
    maxFailedAttempts: number;
    lockoutMinutes: number;
    loginRateLimitPerMinute: number;
  };
  readonly scheduling: { checkInOpensMinutesBefore: number };
  readonly http: {
    bodyLimitBytes: number;
    /**
     * The proxies whose X-Forwarded-For is believed for the client address (rate limits, audit
     * rows), as Fastify's trustProxy list; empty: none, the peer's address is the client's.
     */
    trustedProxies: string[];
  };
  readonly email: EmailSettings;
  /** How long a worker owns a job before it counts as stalled (crashed) and is handed on. */
  readonly jobLockMs: number;
  readonly reports: {
    /** Whether front desk and therapists read operational figures of their own clinics. */
    staffAccess: 'admins' | 'own_clinics';
    /** Outcome cells from fewer episodes are withheld (small-cell suppression). */
    minimumCellEpisodes: number;
  };
  readonly seedAdmin: { email: string; password: string } | undefined;

  constructor(raw: RawEnvironment, dkim?: DkimSettings) {
    const production = raw.NODE_ENV === 'production';
    this.env = raw.NODE_ENV;
    this.port = raw.PORT;
    this.host = raw.HOST;
    this.role = raw.APP_ROLE;
    this.logLevel = raw.LOG_LEVEL;
    this.database = {
      url: raw.DATABASE_URL,
      migrationUrl: raw.DATABASE_MIGRATION_URL,
      embedded: { port: raw.EMBEDDED_POSTGRES_PORT, dataDir: raw.EMBEDDED_POSTGRES_DIR },
      timeouts: {
        connectMs: raw.DATABASE_CONNECT_TIMEOUT_MS,
        queryMs: raw.DATABASE_QUERY_TIMEOUT_MS,
      },
    };
    this.migrationsRunOnStart = (raw.MIGRATIONS_RUN_ON_START ?? String(!production)) === 'true';
    this.seedOnStart = (raw.SEED_ON_START ?? String(!production)) === 'true';
    this.queue = {
      backend: raw.QUEUE_BACKEND ?? (raw.REDIS_URL ? 'redis' : 'postgres'),
      redisUrl: raw.REDIS_URL,
      prefix: raw.QUEUE_PREFIX,
    };
    this.auth = {
      // Outside production a per-process secret keeps the quick start free of set-up; tokens
      // then do not survive a restart, which is what a developer expects of a demo.
      jwtSecret: raw.JWT_SECRET ?? randomBytes(48).toString('base64url'),
      jwtSecretIsEphemeral: raw.JWT_SECRET === undefined,
      jwtTtlSeconds: raw.JWT_TTL_SECONDS,
      maxFailedAttempts: raw.LOGIN_MAX_FAILED_ATTEMPTS,
      lockoutMinutes: raw.LOGIN_LOCKOUT_MINUTES,
      loginRateLimitPerMinute: raw.LOGIN_RATE_LIMIT_PER_MINUTE,
    };
    this.scheduling = { checkInOpensMinutesBefore: raw.CHECK_IN_OPENS_MINUTES_BEFORE };
    this.http = {
      bodyLimitBytes: bytes.parse(raw.BODY_LIMIT)!,
      trustedProxies: (raw.TRUST_PROXY ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    };
    this.email = {
      smtpUrl: raw.SMTP_URL ?? DEV_SMTP_URL,
      from: raw.MAIL_FROM,
      publicBaseUrl: raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`,
      linkSecret: raw.EMAIL_LINK_SECRET ?? randomBytes(48).toString('base64url'),
      linkSecretIsEphemeral: raw.EMAIL_LINK_SECRET === undefined,
      dkim,
      maxAttempts: raw.EMAIL_MAX_ATTEMPTS,
      retryBaseMs: raw.EMAIL_RETRY_BASE_MS,
      concurrency: raw.EMAIL_CONCURRENCY,
      outboxPollMs: raw.OUTBOX_POLL_MS,
    };
    this.jobLockMs = raw.JOB_LOCK_MS;
    this.reports = {
      staffAccess: raw.REPORTS_STAFF_ACCESS,
      minimumCellEpisodes: raw.REPORTS_MIN_CELL_EPISODES,
    };
    const adminEmail = raw.ADMIN_EMAIL ?? (production ? undefined : DEV_ADMIN_EMAIL);
    const adminPassword = raw.ADMIN_PASSWORD ?? (production ? undefined : DEV_ADMIN_PASSWORD);
    this.seedAdmin =
      adminEmail && adminPassword ? { email: adminEmail, password: adminPassword } : undefined;
  }

  get runsApi(): boolean {
    return this.role !== 'worker';
  }

  get runsWorkers(): boolean {
    return this.role !== 'api';
  }
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  // An empty variable (`PORT=`) means "not set", as in most tools, not zero or an empty string.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const raw = plainToInstance(RawEnvironment, given, { exposeDefaultValues: true });
  const errors = validateSync(raw, { forbidUnknownValues: true, stopAtFirstError: true });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((reason) =>
      reason.startsWith(error.property) ? reason : `${error.property}: ${reason}`,
    ),
  );
  if (raw.QUEUE_BACKEND === 'redis' && !raw.REDIS_URL) {
    problems.push('QUEUE_BACKEND=redis needs REDIS_URL (for example redis://127.0.0.1:6379)');
  }
  // RFC 8058 3.1: the one-click unsubscribe URI must be https; mail providers offer no one-click
  // button for an http one. Outside production, http://localhost links stay usable in Mailpit.
  if (raw.NODE_ENV === 'production' && /^http:\/\//i.test(raw.PUBLIC_BASE_URL ?? '')) {
    problems.push(
      'PUBLIC_BASE_URL must be an https:// URL in production: one-click unsubscribe links ' +
        '(RFC 8058) must be https; put TLS in front of the API and give its https address',
    );
  }
  for (const entry of (raw.TRUST_PROXY ?? '').split(',')) {
    const [address, prefix] = entry.trim().split('/');
    const version = isIP(address);
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(address);
    if (!raw.TRUST_PROXY || named) continue;
    if (version === 0 || (prefix !== undefined && Number(prefix) > (version === 4 ? 32 : 128))) {
      problems.push(`TRUST_PROXY: ${entry.trim()} is not an IP address or CIDR range`);
    }
  }
  const dkim = dkimSettings(raw, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return new AppConfig(raw, dkim);
}

const DKIM_VARIABLES = ['DKIM_DOMAIN', 'DKIM_SELECTOR', 'DKIM_PRIVATE_KEY'] as const;

/**
 * The DKIM signing settings: all three variables or none. The key must be an unencrypted RSA
 * private key of 1024 bits or more (RFC 8301; nodemailer signs rsa-sha256 only, and would
 * otherwise send the message unsigned without a word). Problems never quote the key.
 */
function dkimSettings(raw: RawEnvironment, problems: string[]): DkimSettings | undefined {
  const missing = DKIM_VARIABLES.filter((name) => raw[name] === undefined);
  if (missing.length === DKIM_VARIABLES.length) return undefined;
  if (missing.length > 0) {
    problems.push(
      `${missing.join(' and ')} must be set too: DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR ` +
        'and DKIM_PRIVATE_KEY together (or none of them, to send unsigned)',
    );
    return undefined;
  }
  const privateKey = rsaPrivateKey(raw.DKIM_PRIVATE_KEY!);
  if (typeof privateKey === 'string') {
    problems.push(`DKIM_PRIVATE_KEY ${privateKey}`);
    return undefined;
  }
  return { domainName: raw.DKIM_DOMAIN!, keySelector: raw.DKIM_SELECTOR!, privateKey };
}

const MIN_DKIM_KEY_BITS = 1024;

/** The key, or what is wrong with it (never the key itself). */
function rsaPrivateKey(pem: string): KeyObject | string {
  // A PEM in a one-line variable (a .env file, a CI secret) often has its newlines as `\n`.
  const text = pem.includes('\n') ? pem : pem.replace(/\\n/g, '\n');
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text, format: 'pem' });
  } catch {
    return (
      'must be an unencrypted PEM private key ' +
      '(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)'
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    const type = key.asymmetricKeyType ?? 'this type';
    return `must be an RSA key (DKIM signs rsa-sha256), not ${type}`;
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_DKIM_KEY_BITS) {
    return `must be an RSA key of ${MIN_DKIM_KEY_BITS} bits or more (2048 recommended), not ${bits}`;
  }
  return key;
}
