// The entry points load reflect-metadata before any decorated class; a spec must do the same.
import 'reflect-metadata';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import {
  AppConfig,
  AppRole,
  ConfigError,
  DEV_ADMIN_EMAIL,
  DEV_ADMIN_PASSWORD,
  loadConfig,
} from './app-config';

const LONG_SECRET = 'x'.repeat(32);
/** What production demands beyond NODE_ENV: secrets and a real mail server. */
const PRODUCTION_ESSENTIALS = {
  JWT_SECRET: LONG_SECRET,
  EMAIL_LINK_SECRET: 'y'.repeat(32),
  SMTP_URL: 'smtps://mailer:secret@smtp.example.com:465',
  PUBLIC_BASE_URL: 'https://pt.clinic.example',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected loadConfig to reject ${JSON.stringify(env)}`);
}

describe('loadConfig defaults', () => {
  it('starts a development process with every role, port 3000 and PostgreSQL queues', () => {
    const config = loadConfig({});

    expect(config).toBeInstanceOf(AppConfig);
    expect(config.env).toBe('development');
    expect(config.role).toBe('all');
    expect(config.port).toBe(3000);
    expect(config.host).toBe('::');
    expect(config.logLevel).toBe('info');
    expect(config.queue).toEqual({ backend: 'postgres', redisUrl: undefined, prefix: 'ptp' });
    expect(config.database).toEqual({
      url: undefined,
      migrationUrl: undefined,
      embedded: { port: 54329, dataDir: '.data/postgres' },
      timeouts: { connectMs: 5000, queryMs: 15_000 },
    });
    expect(config.http).toEqual({ bodyLimitBytes: 102_400, trustedProxies: [] });
    expect(config.auth).toMatchObject({
      jwtTtlSeconds: 900,
      maxFailedAttempts: 5,
      lockoutMinutes: 15,
      loginRateLimitPerMinute: 20,
    });
  });

  it('reads BODY_LIMIT in bytes, kilobytes or megabytes, and HOST as an IPv4 or IPv6 address', () => {
    expect(loadConfig({ BODY_LIMIT: '1mb' }).http.bodyLimitBytes).toBe(1_048_576);
    expect(loadConfig({ BODY_LIMIT: '0.5kb' }).http.bodyLimitBytes).toBe(512);
    expect(loadConfig({ BODY_LIMIT: '2048' }).http.bodyLimitBytes).toBe(2048);
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('trusts no proxy unless TRUST_PROXY names them', () => {
    expect(loadConfig({}).http.trustedProxies).toEqual([]);
    expect(
      loadConfig({ TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,loopback,fd00::/8' }).http.trustedProxies,
    ).toEqual(['10.0.0.5', '172.16.0.0/12', 'loopback', 'fd00::/8']);
  });

  it('reads numeric variables from their string form', () => {
    const config = loadConfig({ PORT: '8080', EMBEDDED_POSTGRES_PORT: '55000' });

    expect(config.port).toBe(8080);
    expect(config.database.embedded.port).toBe(55000);
  });

  it.each<{ name: string; env: NodeJS.ProcessEnv; backend: 'redis' | 'postgres' }>([
    { name: 'no REDIS_URL keeps queues in PostgreSQL', env: {}, backend: 'postgres' },
    {
      name: 'an empty REDIS_URL counts as unset',
      env: { REDIS_URL: '' },
      backend: 'postgres',
    },
    {
      name: 'a REDIS_URL moves queues to Redis',
      env: { REDIS_URL: 'redis://127.0.0.1:6379' },
      backend: 'redis',
    },
    {
      name: 'QUEUE_BACKEND=postgres wins over a REDIS_URL',
      env: { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_BACKEND: 'postgres' },
      backend: 'postgres',
    },
    {
      name: 'QUEUE_BACKEND=redis with a REDIS_URL uses Redis',
      env: { REDIS_URL: 'rediss://cache.internal:6380', QUEUE_BACKEND: 'redis' },
      backend: 'redis',
    },
  ])('queue backend: $name', ({ env, backend }) => {
    const config = loadConfig(env);

    expect(config.queue.backend).toBe(backend);
    expect(config.queue.redisUrl).toBe(env.REDIS_URL || undefined);
  });

  it.each<{ nodeEnv: string; onStart: boolean }>([
    { nodeEnv: 'development', onStart: true },
    { nodeEnv: 'test', onStart: true },
    { nodeEnv: 'production', onStart: false },
  ])('runs migrations and seed on start = $onStart in $nodeEnv', ({ nodeEnv, onStart }) => {
    const config = loadConfig({ NODE_ENV: nodeEnv, ...PRODUCTION_ESSENTIALS });

    expect(config.migrationsRunOnStart).toBe(onStart);
    expect(config.seedOnStart).toBe(onStart);
  });

  it.each<{ nodeEnv: string; flag: 'true' | 'false'; expected: boolean }>([
    { nodeEnv: 'development', flag: 'false', expected: false },
    { nodeEnv: 'production', flag: 'true', expected: true },
  ])(
    'MIGRATIONS_RUN_ON_START and SEED_ON_START=$flag override the $nodeEnv default',
    ({ nodeEnv, flag, expected }) => {
      const config = loadConfig({
        NODE_ENV: nodeEnv,
        ...PRODUCTION_ESSENTIALS,
        MIGRATIONS_RUN_ON_START: flag,
        SEED_ON_START: flag,
      });

      expect(config.migrationsRunOnStart).toBe(expected);
      expect(config.seedOnStart).toBe(expected);
    },
  );

  it('seeds the well-known demo admin outside production', () => {
    expect(loadConfig({}).seedAdmin).toEqual({
      email: DEV_ADMIN_EMAIL,
      password: DEV_ADMIN_PASSWORD,
    });
  });

  it('seeds the admin the operator names instead of the demo one', () => {
    const config = loadConfig({
      ADMIN_EMAIL: 'owner@clinic.example',
      ADMIN_PASSWORD: 'a-long-enough-password',
    });

    expect(config.seedAdmin).toEqual({
      email: 'owner@clinic.example',
      password: 'a-long-enough-password',
    });
  });

  it.each<{ name: string; env: NodeJS.ProcessEnv }>([
    { name: 'no admin variables', env: {} },
    { name: 'only ADMIN_EMAIL', env: { ADMIN_EMAIL: 'owner@clinic.example' } },
    { name: 'only ADMIN_PASSWORD', env: { ADMIN_PASSWORD: 'a-long-enough-password' } },
  ])('never seeds the demo admin in production given $name', ({ env }) => {
    const config = loadConfig({ NODE_ENV: 'production', ...PRODUCTION_ESSENTIALS, ...env });

    expect(config.seedAdmin).toBeUndefined();
  });

  it('makes up a per-process JWT secret and flags it as ephemeral when none is given', () => {
    const first = loadConfig({});
    const second = loadConfig({ JWT_SECRET: '' });

    expect(first.auth.jwtSecretIsEphemeral).toBe(true);
    expect(second.auth.jwtSecretIsEphemeral).toBe(true);
    expect(first.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.auth.jwtSecret).not.toBe(second.auth.jwtSecret);
  });

  it('uses the given JWT secret and does not flag it as ephemeral', () => {
    const config = loadConfig({ JWT_SECRET: LONG_SECRET });

    expect(config.auth.jwtSecret).toBe(LONG_SECRET);
    expect(config.auth.jwtSecretIsEphemeral).toBe(false);
  });

  it('accepts a complete production environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      APP_ROLE: 'api',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/pt',
      REDIS_URL: 'redis://:secret@cache.internal:6380/2',
      QUEUE_PREFIX: 'ptp_prod-1',
      ...PRODUCTION_ESSENTIALS,
      PUBLIC_BASE_URL: 'https://pt.clinic.example',
    });

    expect(config).toMatchObject({
      env: 'production',
      port: 8080,
      role: 'api',
      database: { url: 'postgresql://app:secret@db.internal:5432/pt' },
      queue: { backend: 'redis', prefix: 'ptp_prod-1' },
      migrationsRunOnStart: false,
      seedOnStart: false,
      seedAdmin: undefined,
      email: {
        smtpUrl: 'smtps://mailer:secret@smtp.example.com:465',
        publicBaseUrl: 'https://pt.clinic.example',
        linkSecret: 'y'.repeat(32),
        linkSecretIsEphemeral: false,
      },
    });
  });

  it('sends to Mailpit on this machine and links to localhost outside production', () => {
    const config = loadConfig({ PORT: '3100' });

    expect(config.email).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:1025',
      publicBaseUrl: 'http://localhost:3100',
      linkSecretIsEphemeral: true,
      maxAttempts: 6,
      outboxPollMs: 1000,
    });
    expect(config.email.linkSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.jobLockMs).toBe(30_000);
  });
});

describe('loadConfig validation', () => {
  it.each<{ name: string; env: NodeJS.ProcessEnv; variable: string }>([
    { name: 'PORT that is not a number', env: { PORT: 'abc' }, variable: 'PORT' },
    { name: 'PORT above 65535', env: { PORT: '70000' }, variable: 'PORT' },
    { name: 'PORT with a fraction', env: { PORT: '3000.5' }, variable: 'PORT' },
    { name: 'HOST that is a name, not an address', env: { HOST: 'localhost' }, variable: 'HOST' },
    { name: 'BODY_LIMIT of zero', env: { BODY_LIMIT: '0kb' }, variable: 'BODY_LIMIT' },
    { name: 'BODY_LIMIT in an unknown unit', env: { BODY_LIMIT: '1gib' }, variable: 'BODY_LIMIT' },
    { name: 'TRUST_PROXY of everyone', env: { TRUST_PROXY: 'true' }, variable: 'TRUST_PROXY' },
    { name: 'TRUST_PROXY not an address', env: { TRUST_PROXY: '10.0.0' }, variable: 'TRUST_PROXY' },
    {
      name: 'TRUST_PROXY prefix too long',
      env: { TRUST_PROXY: '10.0.0.0/33' },
      variable: 'TRUST_PROXY',
    },
    { name: 'unknown APP_ROLE', env: { APP_ROLE: 'bogus' }, variable: 'APP_ROLE' },
    { name: 'unknown NODE_ENV', env: { NODE_ENV: 'staging' }, variable: 'NODE_ENV' },
    { name: 'unknown LOG_LEVEL', env: { LOG_LEVEL: 'verbose' }, variable: 'LOG_LEVEL' },
    {
      name: 'DATABASE_URL that is not a PostgreSQL URL',
      env: { DATABASE_URL: 'mysql://x' },
      variable: 'DATABASE_URL',
    },
    {
      name: 'DATABASE_URL that is not a URL at all',
      env: { DATABASE_URL: 'not a url' },
      variable: 'DATABASE_URL',
    },
    { name: 'REDIS_URL over HTTP', env: { REDIS_URL: 'http://x' }, variable: 'REDIS_URL' },
    {
      name: 'unknown QUEUE_BACKEND',
      env: { QUEUE_BACKEND: 'kafka' },
      variable: 'QUEUE_BACKEND',
    },
    {
      name: 'QUEUE_BACKEND=redis without REDIS_URL',
      env: { QUEUE_BACKEND: 'redis' },
      variable: 'REDIS_URL',
    },
    {
      name: 'JWT_SECRET shorter than 32 characters',
      env: { JWT_SECRET: 'x'.repeat(31) },
      variable: 'JWT_SECRET',
    },
    {
      name: 'production without JWT_SECRET',
      env: { NODE_ENV: 'production' },
      variable: 'JWT_SECRET',
    },
    {
      name: 'production without SMTP_URL',
      env: { NODE_ENV: 'production', JWT_SECRET: LONG_SECRET },
      variable: 'SMTP_URL',
    },
    {
      name: 'production without PUBLIC_BASE_URL (links in emails would point at localhost)',
      env: { NODE_ENV: 'production', JWT_SECRET: LONG_SECRET },
      variable: 'PUBLIC_BASE_URL',
    },
    {
      name: 'production without EMAIL_LINK_SECRET',
      env: { NODE_ENV: 'production', JWT_SECRET: LONG_SECRET },
      variable: 'EMAIL_LINK_SECRET',
    },
    { name: 'SMTP_URL over HTTP', env: { SMTP_URL: 'http://mail' }, variable: 'SMTP_URL' },
    {
      name: 'PUBLIC_BASE_URL with a trailing slash',
      env: { PUBLIC_BASE_URL: 'https://pt.example/' },
      variable: 'PUBLIC_BASE_URL',
    },
    {
      name: 'EMAIL_MAX_ATTEMPTS of 0',
      env: { EMAIL_MAX_ATTEMPTS: '0' },
      variable: 'EMAIL_MAX_ATTEMPTS',
    },
    { name: 'OUTBOX_POLL_MS of 5', env: { OUTBOX_POLL_MS: '5' }, variable: 'OUTBOX_POLL_MS' },
    {
      name: 'production with an empty JWT_SECRET',
      env: { NODE_ENV: 'production', JWT_SECRET: '' },
      variable: 'JWT_SECRET',
    },
    {
      name: 'ADMIN_PASSWORD shorter than 12 characters',
      env: { ADMIN_PASSWORD: 'short' },
      variable: 'ADMIN_PASSWORD',
    },
    {
      name: 'ADMIN_EMAIL that is not an email',
      env: { ADMIN_EMAIL: 'admin' },
      variable: 'ADMIN_EMAIL',
    },
    {
      name: 'QUEUE_PREFIX with a colon',
      env: { QUEUE_PREFIX: 'ptp:prod' },
      variable: 'QUEUE_PREFIX',
    },
    {
      name: 'QUEUE_PREFIX with a space',
      env: { QUEUE_PREFIX: 'pt p' },
      variable: 'QUEUE_PREFIX',
    },
    {
      name: 'QUEUE_PREFIX longer than 40 characters',
      env: { QUEUE_PREFIX: 'p'.repeat(41) },
      variable: 'QUEUE_PREFIX',
    },
    {
      name: 'MIGRATIONS_RUN_ON_START that is not true or false',
      env: { MIGRATIONS_RUN_ON_START: 'yes' },
      variable: 'MIGRATIONS_RUN_ON_START',
    },
    {
      name: 'JWT_TTL_SECONDS below a minute',
      env: { JWT_TTL_SECONDS: '59' },
      variable: 'JWT_TTL_SECONDS',
    },
  ])('rejects $name, naming $variable', ({ env, variable }) => {
    const problems = problemsOf(env);

    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(variable)]));
  });

  it('reports every bad variable at once, each problem starting with its name', () => {
    const problems = problemsOf({
      PORT: 'abc',
      APP_ROLE: 'bogus',
      DATABASE_URL: 'mysql://x',
      QUEUE_PREFIX: 'ptp:prod',
    });

    for (const variable of ['PORT', 'APP_ROLE', 'DATABASE_URL', 'QUEUE_PREFIX']) {
      expect(problems.some((problem) => problem.startsWith(variable))).toBe(true);
    }
  });

  it('puts every problem in the error message', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: '70000', APP_ROLE: 'bogus' });
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ConfigError);
    const { message, problems } = caught as ConfigError;
    expect(message.startsWith('invalid configuration: ')).toBe(true);
    for (const problem of problems) expect(message).toContain(problem);
  });

  it('tells how to fix QUEUE_BACKEND=redis without REDIS_URL', () => {
    expect(problemsOf({ QUEUE_BACKEND: 'redis' })).toContain(
      'QUEUE_BACKEND=redis needs REDIS_URL (for example redis://127.0.0.1:6379)',
    );
  });
});

describe('AppConfig roles', () => {
  it.each<{ role: AppRole; runsApi: boolean; runsWorkers: boolean }>([
    { role: 'all', runsApi: true, runsWorkers: true },
    { role: 'api', runsApi: true, runsWorkers: false },
    { role: 'worker', runsApi: false, runsWorkers: true },
  ])(
    'APP_ROLE=$role runs the API: $runsApi, runs workers: $runsWorkers',
    ({ role, runsApi, runsWorkers }) => {
      const config = loadConfig({ APP_ROLE: role });

      expect(config.role).toBe(role);
      expect(config.runsApi).toBe(runsApi);
      expect(config.runsWorkers).toBe(runsWorkers);
    },
  );
});

describe('loadConfig edge cases', () => {
  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', REDIS_URL: '' });
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.queue.backend).toBe('postgres');
  });

  it.each(['postgres://app@db_host:5432/app', 'postgresql:///app?host=/var/run/postgresql'])(
    'accepts the DATABASE_URL form %s that PostgreSQL clients use',
    (url) => {
      expect(loadConfig({ DATABASE_URL: url }).database.url).toBe(url);
    },
  );

  it.each(['redis://host:6379/abc', 'redis://host/2/'])('rejects REDIS_URL %s', (url) => {
    expect(() => loadConfig({ REDIS_URL: url })).toThrow(/REDIS_URL/);
  });

  it('rejects a JWT secret of white space', () => {
    expect(() => loadConfig({ JWT_SECRET: ' '.repeat(40) })).toThrow(/JWT_SECRET/);
  });
});

describe('PUBLIC_BASE_URL and one-click unsubscribe (RFC 8058 wants https)', () => {
  it.each(['http://pt.clinic.example', 'http://localhost:3000'])(
    'refuses to start in production with %s, naming PUBLIC_BASE_URL and https',
    (url) => {
      const problems = problemsOf({
        NODE_ENV: 'production',
        ...PRODUCTION_ESSENTIALS,
        PUBLIC_BASE_URL: url,
      });

      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^PUBLIC_BASE_URL must be an https:\/\/ URL in production/);
      expect(problems[0]).toContain('RFC 8058');
    },
  );

  it('starts in production with an https PUBLIC_BASE_URL', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...PRODUCTION_ESSENTIALS });

    expect(config.email.publicBaseUrl).toBe('https://pt.clinic.example');
  });

  it.each(['development', 'test'])('keeps an http localhost PUBLIC_BASE_URL in %s', (nodeEnv) => {
    const config = loadConfig({ NODE_ENV: nodeEnv, PUBLIC_BASE_URL: 'http://localhost:3000' });

    expect(config.email.publicBaseUrl).toBe('http://localhost:3000');
  });
});

describe('DKIM signing settings', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const PEM = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  /** A line from the middle of the key: what must never show up in a message or a log. */
  const KEY_MATERIAL = PEM.split('\n')[5];
  const DKIM = { DKIM_DOMAIN: 'valleypt.example', DKIM_SELECTOR: 'pt2026', DKIM_PRIVATE_KEY: PEM };

  it('signs nothing when no DKIM variable is set', () => {
    expect(loadConfig({}).email.dkim).toBeUndefined();
  });

  it('reads the domain, the selector and the RSA key when all three are set', () => {
    const { dkim } = loadConfig(DKIM).email;

    expect(dkim).toMatchObject({ domainName: 'valleypt.example', keySelector: 'pt2026' });
    expect(dkim!.privateKey).toBeInstanceOf(KeyObject);
    expect(dkim!.privateKey.asymmetricKeyType).toBe('rsa');
    expect(dkim!.privateKey.equals(rsa.privateKey)).toBe(true);
  });

  it('reads a PEM whose newlines are written as \\n (a one-line .env value or CI secret)', () => {
    const oneLine = PEM.trim().replace(/\n/g, '\\n');
    expect(oneLine).not.toContain('\n');

    const { dkim } = loadConfig({ ...DKIM, DKIM_PRIVATE_KEY: oneLine }).email;

    expect(dkim!.privateKey.equals(rsa.privateKey)).toBe(true);
  });

  it('accepts a PKCS#1 (BEGIN RSA PRIVATE KEY) key as openssl genrsa writes it', () => {
    const pkcs1 = rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

    expect(loadConfig({ ...DKIM, DKIM_PRIVATE_KEY: pkcs1 }).email.dkim).toBeDefined();
  });

  it('keeps the key out of what a log line would print of the configuration', () => {
    const config = loadConfig(DKIM);

    expect(inspect(config, { depth: null })).not.toContain(KEY_MATERIAL);
    expect(JSON.stringify(config)).not.toContain(KEY_MATERIAL);
  });

  it.each<{ name: string; env: NodeJS.ProcessEnv; missing: string }>([
    {
      name: 'only DKIM_DOMAIN',
      env: { DKIM_DOMAIN: 'valleypt.example' },
      missing: 'DKIM_SELECTOR and DKIM_PRIVATE_KEY',
    },
    {
      name: 'only DKIM_PRIVATE_KEY',
      env: { DKIM_PRIVATE_KEY: PEM },
      missing: 'DKIM_DOMAIN and DKIM_SELECTOR',
    },
    {
      name: 'no DKIM_PRIVATE_KEY',
      env: { DKIM_DOMAIN: 'valleypt.example', DKIM_SELECTOR: 'pt2026' },
      missing: 'DKIM_PRIVATE_KEY',
    },
    {
      name: 'an empty DKIM_SELECTOR',
      env: { ...DKIM, DKIM_SELECTOR: '' },
      missing: 'DKIM_SELECTOR',
    },
  ])('refuses $name: all three or none', ({ env, missing }) => {
    const problems = problemsOf(env);

    expect(problems).toEqual([
      `${missing} must be set too: DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and ` +
        'DKIM_PRIVATE_KEY together (or none of them, to send unsigned)',
    ]);
  });

  it.each<{ name: string; key: () => string; reason: RegExp }>([
    {
      name: 'text that is not a PEM key',
      key: () => 'not-a-key',
      reason: /unencrypted PEM private key/,
    },
    {
      name: 'a public key',
      key: () => rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      reason: /unencrypted PEM private key/,
    },
    {
      name: 'a passphrase-protected key',
      key: () =>
        rsa.privateKey
          .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
          .toString(),
      reason: /unencrypted PEM private key/,
    },
    {
      name: 'an EC key (nodemailer signs rsa-sha256 only)',
      key: () =>
        generateKeyPairSync('ec', { namedCurve: 'P-256' })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      reason: /must be an RSA key .*not ec$/,
    },
    {
      name: 'an RSA key under 1024 bits (RFC 8301)',
      key: () =>
        generateKeyPairSync('rsa', { modulusLength: 512 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      reason: /1024 bits or more .*not 512$/,
    },
  ])('refuses $name as DKIM_PRIVATE_KEY, without quoting it', ({ key, reason }) => {
    const value = key();
    const problems = problemsOf({ ...DKIM, DKIM_PRIVATE_KEY: value });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DKIM_PRIVATE_KEY /);
    expect(problems[0]).toMatch(reason);
    const material = value.split('\n').find((line) => line.length > 40);
    if (material) expect(problems[0]).not.toContain(material);
  });

  it.each<{ name: string; env: NodeJS.ProcessEnv; variable: string }>([
    {
      name: 'a DKIM_DOMAIN that is no domain',
      env: { ...DKIM, DKIM_DOMAIN: 'localhost' },
      variable: 'DKIM_DOMAIN',
    },
    {
      name: 'a DKIM_DOMAIN given as an address',
      env: { ...DKIM, DKIM_DOMAIN: 'no-reply@valleypt.example' },
      variable: 'DKIM_DOMAIN',
    },
    {
      name: 'a DKIM_SELECTOR with a semicolon',
      env: { ...DKIM, DKIM_SELECTOR: 'pt;2026' },
      variable: 'DKIM_SELECTOR',
    },
    {
      name: 'a DKIM_SELECTOR that includes _domainkey',
      env: { ...DKIM, DKIM_SELECTOR: 'pt2026._domainkey' },
      variable: 'DKIM_SELECTOR',
    },
  ])('refuses $name, naming $variable', ({ env, variable }) => {
    const problems = problemsOf(env);

    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(variable)).toBe(true);
  });
});
