import { Type } from 'class-transformer';
import {
  IsEmail,
  IsFQDN,
  IsIn,
  IsInt,
  IsIP,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

export const APP_ROLES = ['all', 'api', 'worker'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const QUEUE_BACKENDS = ['redis', 'postgres'] as const;
export type QueueBackendName = (typeof QUEUE_BACKENDS)[number];

const NODE_ENVS = ['development', 'production', 'test'] as const;
/** DNS labels (letters, digits, inner hyphens) joined by dots: a DKIM selector (RFC 6376 3.1). */
const DNS_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const PROXY_ADDRESS = '(?:loopback|linklocal|uniquelocal|[0-9A-Fa-f:.]+(?:/\\d{1,3})?)';
/** Addresses, CIDR ranges or proxy-addr's named ranges, comma-separated. */
const TRUSTED_PROXIES = new RegExp(`^${PROXY_ADDRESS}(?:\\s*,\\s*${PROXY_ADDRESS})*$`);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Environment variables as they arrive; validated once at boot. Every field is in .env.example.
 * A property's rules run bottom-up and stop at the first failure, so type checks sit last.
 */
export class RawEnvironment {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @Type(() => Number)
  @Min(0)
  @Max(65535)
  @IsInt()
  PORT = 3000;

  @IsIP(undefined, { message: 'HOST must be an IP address such as :: or 0.0.0.0' })
  HOST = '::';

  @IsIn(APP_ROLES)
  APP_ROLE: AppRole = 'all';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S*$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S*$/, {
    message: 'DATABASE_MIGRATION_URL must be a postgres:// or postgresql:// connection URL',
  })
  DATABASE_MIGRATION_URL?: string;

  @Type(() => Number)
  @Min(1)
  @Max(65535)
  @IsInt()
  EMBEDDED_POSTGRES_PORT = 54329;

  @IsString()
  EMBEDDED_POSTGRES_DIR = '.data/postgres';

  @Type(() => Number)
  @Min(100)
  @Max(600_000)
  @IsInt()
  DATABASE_CONNECT_TIMEOUT_MS = 5000;

  @Type(() => Number)
  @Min(100)
  @Max(3_600_000)
  @IsInt()
  DATABASE_QUERY_TIMEOUT_MS = 15_000;

  @IsOptional()
  @IsIn(['true', 'false'])
  MIGRATIONS_RUN_ON_START?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'])
  SEED_ON_START?: 'true' | 'false';

  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s/]+(\/\d{1,2})?$/, {
    message:
      'REDIS_URL must be a redis:// or rediss:// URL, optionally ending in /<database number>',
  })
  REDIS_URL?: string;

  @IsOptional()
  @IsIn(QUEUE_BACKENDS)
  QUEUE_BACKEND?: QueueBackendName;

  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'QUEUE_PREFIX must be 1-40 letters, digits, _ or -',
  })
  QUEUE_PREFIX = 'ptp';

  @ValidateIf(
    (env: RawEnvironment) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined,
  )
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  @Matches(/^\S+$/, { message: 'JWT_SECRET must not contain white space' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @Min(60)
  @Max(86400)
  @IsInt()
  JWT_TTL_SECONDS = 900;

  @Type(() => Number)
  @Min(1)
  @Max(100)
  @IsInt()
  LOGIN_MAX_FAILED_ATTEMPTS = 5;

  /** How long before a visit's start the front desk may check the patient in. */
  @Type(() => Number)
  @Min(0)
  @Max(1440)
  @IsInt()
  CHECK_IN_OPENS_MINUTES_BEFORE = 60;

  @Type(() => Number)
  @Min(1)
  @Max(1440)
  @IsInt()
  LOGIN_LOCKOUT_MINUTES = 15;

  @Type(() => Number)
  @Min(1)
  @Max(10000)
  @IsInt()
  LOGIN_RATE_LIMIT_PER_MINUTE = 20;

  @Matches(/^(?=.*[1-9])\d+(\.\d+)?\s*(b|kb|mb)?$/i, {
    message: 'BODY_LIMIT must be a size above zero such as 100kb or 1mb',
  })
  BODY_LIMIT = '100kb';

  @IsOptional()
  @Matches(TRUSTED_PROXIES, {
    message:
      'TRUST_PROXY must list the proxies in front of the API, comma-separated: IP addresses, ' +
      'CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @ValidateIf((env: RawEnvironment) => env.NODE_ENV === 'production' || env.SMTP_URL !== undefined)
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MinLength(3)
  MAIL_FROM = '"PT Practice" <no-reply@pt-practice.test>';

  @ValidateIf(
    (env: RawEnvironment) => env.NODE_ENV === 'production' || env.PUBLIC_BASE_URL !== undefined,
  )
  @Matches(/^https?:\/\/[^\s?#]+[^/\s?#]$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL without a trailing slash, query or fragment',
  })
  PUBLIC_BASE_URL?: string;

  @ValidateIf(
    (env: RawEnvironment) => env.NODE_ENV === 'production' || env.EMAIL_LINK_SECRET !== undefined,
  )
  @IsString()
  @MinLength(32, { message: 'EMAIL_LINK_SECRET must be at least 32 characters' })
  EMAIL_LINK_SECRET?: string;

  @IsOptional()
  @IsFQDN({}, { message: 'DKIM_DOMAIN must be a domain name such as clinic.example' })
  DKIM_DOMAIN?: string;

  @IsOptional()
  @Matches(DNS_NAME, {
    message:
      'DKIM_SELECTOR must be a DNS label such as pt2026 (the public key is the TXT record ' +
      '<DKIM_SELECTOR>._domainkey.<DKIM_DOMAIN>)',
  })
  DKIM_SELECTOR?: string;

  /** Secret: a PEM private key; never logged, and no problem message quotes it. */
  @IsOptional()
  @IsString()
  DKIM_PRIVATE_KEY?: string;

  @Type(() => Number)
  @Min(1)
  @Max(20)
  @IsInt()
  EMAIL_MAX_ATTEMPTS = 6;

  @Type(() => Number)
  @Min(10)
  @Max(3_600_000)
  @IsInt()
  EMAIL_RETRY_BASE_MS = 30_000;

  @Type(() => Number)
  @Min(1)
  @Max(100)
  @IsInt()
  EMAIL_CONCURRENCY = 5;

  @Type(() => Number)
  @Min(20)
  @Max(60_000)
  @IsInt()
  OUTBOX_POLL_MS = 1000;

  @Type(() => Number)
  @Min(500)
  @Max(600_000)
  @IsInt()
  JOB_LOCK_MS = 30_000;

  @IsIn(['admins', 'own_clinics'])
  REPORTS_STAFF_ACCESS: 'admins' | 'own_clinics' = 'own_clinics';

  @Type(() => Number)
  @Min(1)
  @Max(100)
  @IsInt()
  REPORTS_MIN_CELL_EPISODES = 11;

  @IsOptional()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;
}
