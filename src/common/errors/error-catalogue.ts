import { DomainError, ErrorKind, type FieldError } from './domain-error';

/** One error a module may return: its stable code, its kind (hence its HTTP status), its meaning. */
export interface ErrorEntry {
  code: string;
  kind: ErrorKind;
  meaning: string;
}

const entries = new Map<string, ErrorEntry>();

/**
 * Declares a module's error catalogue: every code the module throws, each with its kind and
 * meaning. Returns the codes by name, for throw sites (`SchedulingErrors.inPast`), and records
 * them for the problem+json filter and the OpenAPI document. A code declared twice is a bug.
 */
export function errorCatalogue<const T extends Record<string, Omit<ErrorEntry, never>>>(
  definitions: T,
): { readonly [K in keyof T]: T[K]['code'] } {
  const codes = {} as Record<string, string>;
  for (const [name, entry] of Object.entries(definitions)) {
    if (entries.has(entry.code)) throw new Error(`error code ${entry.code} declared twice`);
    entries.set(entry.code, entry);
    codes[name] = entry.code;
  }
  return codes as { readonly [K in keyof T]: T[K]['code'] };
}

/** The entry of a declared code, or undefined. */
export function errorEntry(code: string): ErrorEntry | undefined {
  return entries.get(code);
}

/** Every declared code, sorted, for the OpenAPI document and tests. */
export function allErrorEntries(): ErrorEntry[] {
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * A domain error with the kind its catalogue declares for the code; `retryAfterSeconds` when a
 * retry may succeed later (a lockout, a rate limit).
 */
export function domainError(
  code: string,
  message: string,
  fieldErrors: FieldError[] = [],
  retryAfterSeconds?: number,
) {
  const entry = entries.get(code);
  if (!entry) throw new Error(`error code ${code} is in no catalogue`);
  return new DomainError(entry.kind, code, message, fieldErrors, retryAfterSeconds);
}
