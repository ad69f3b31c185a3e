import { QueryFailedError } from 'typeorm';
import { DatabaseErrors } from './database.errors';
import type { DomainError, FieldError } from './domain-error';
import { domainError } from './error-catalogue';

interface ConstraintDescription {
  field?: string;
  message: string;
  /** The owning module's own code for a refusal by this constraint, from its catalogue. */
  code?: string;
}

const constraintDescriptions = new Map<string, ConstraintDescription>();

/**
 * Lets a module say, in a user's words, what one of its constraints protects. Undescribed
 * constraints still map to the right status with a generic message naming the constraint.
 */
export function describeConstraints(descriptions: Record<string, ConstraintDescription>): void {
  for (const [name, description] of Object.entries(descriptions)) {
    constraintDescriptions.set(name, description);
  }
}

interface PgDriverError {
  code?: string;
  constraint?: string;
  column?: string;
  table?: string;
  detail?: string;
}

function driverErrorOf(error: unknown): PgDriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as PgDriverError;
  if (error && typeof error === 'object' && 'code' in error && 'severity' in error) {
    return error as PgDriverError;
  }
  return undefined;
}

function describe(
  pg: PgDriverError,
  fallback: string,
): { message: string; fields: FieldError[]; code?: string } {
  const known = pg.constraint ? constraintDescriptions.get(pg.constraint) : undefined;
  const message = known?.message ?? fallback;
  const field = known?.field ?? pg.column;
  return { message, fields: field ? [{ field, reason: message }] : [], code: known?.code };
}

/** Seconds a client is asked to wait (Retry-After) when the database is out of reach. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a server that is down, unreachable or gone mid-conversation. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * node-postgres and its pool say a connection failed, closed or timed out in words only. Client
 * side: `timeout exceeded when trying to connect` (no connection within connectionTimeoutMillis),
 * `Query read timeout` (no answer within query_timeout), `Connection terminated ...`.
 */
const CONNECTION_ERROR_MESSAGE =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|Client has encountered a connection error|not queryable|Connection ended/i;

/**
 * Whether the error says the database is out of reach, rather than that it refused the request:
 * connection refused, reset or timed out, a query that got no answer in time, or the server
 * saying it is shutting down, starting up or out of connections (SQLSTATE classes 08 and 57P,
 * 53300). Such a request may be retried once the server is back.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  // Read by shape: a socket error is made by Node's own realm, not always this one's Error.
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_ERROR_CODES.has(code)) return true;
    if (code.startsWith('08') || /^57P0[1-4]$/.test(code) || code === '53300') return true;
  }
  return typeof message === 'string' && CONNECTION_ERROR_MESSAGE.test(message);
}

/**
 * Translates the integrity errors PostgreSQL raises into domain errors, so that a rule the
 * database enforces reaches the client as a 4xx naming the rule, never as a 500.
 */
export function domainErrorFromPostgres(error: unknown): DomainError | undefined {
  if (isDatabaseUnavailable(error)) {
    return domainError(
      DatabaseErrors.unavailable,
      'The database is out of reach for the moment; retry shortly',
      [],
      DATABASE_RETRY_AFTER_SECONDS,
    );
  }
  const pg = driverErrorOf(error);
  if (!pg?.code) return undefined;
  const subject = pg.constraint ? ` (${pg.constraint})` : '';
  switch (pg.code) {
    case '23505': {
      const { message, fields, code } = describe(
        pg,
        `A record with the same values already exists${subject}`,
      );
      return domainError(code ?? DatabaseErrors.uniqueViolation, message, fields);
    }
    case '23P01': {
      const { message, fields, code } = describe(
        pg,
        `The change conflicts with an existing record${subject}`,
      );
      return domainError(code ?? DatabaseErrors.exclusionViolation, message, fields);
    }
    case '23503': {
      const stillReferenced = pg.detail?.includes('is still referenced') ?? false;
      const { message, fields } = describe(
        pg,
        stillReferenced
          ? `The record is still referenced by other records${subject}`
          : `A referenced record does not exist${subject}`,
      );
      return stillReferenced
        ? domainError(DatabaseErrors.stillReferenced, message, fields)
        : domainError(DatabaseErrors.referenceNotFound, message, fields);
    }
    case '23514': {
      const { message, fields } = describe(pg, `A value breaks a rule of the record${subject}`);
      return domainError(DatabaseErrors.checkViolation, message, fields);
    }
    case '23502': {
      const { message, fields } = describe(pg, `${pg.column ?? 'A required value'} is required`);
      return domainError(DatabaseErrors.notNullViolation, message, fields);
    }
    // Malformed or out-of-range values; NUL in text (22021) or a character the encoding lacks
    // (22P05), which NulCharactersPipe refuses in requests first: any other way in stays a 400.
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
    case '22P05':
      return domainError(
        DatabaseErrors.invalidValue,
        'A value has the wrong form or is out of range',
      );
    case '40001':
    case '40P01':
      return domainError(
        DatabaseErrors.concurrentChange,
        'Another change to the same records happened at the same time; retry the request',
      );
    default:
      return undefined;
  }
}
