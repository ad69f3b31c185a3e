/**
 * What went wrong, in terms a module can say without knowing HTTP. The problem+json filter maps
 * each kind to a status in one place.
 */
export enum ErrorKind {
  BadRequest = 'bad_request',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unprocessable = 'unprocessable',
  Locked = 'locked',
  TooManyRequests = 'too_many_requests',
  Unavailable = 'unavailable',
  // Refusals only the HTTP layer makes, declared so that its codes have a kind (and status) too.
  MethodNotAllowed = 'method_not_allowed',
  PayloadTooLarge = 'payload_too_large',
  UriTooLong = 'uri_too_long',
  HeadersTooLarge = 'headers_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  Internal = 'internal',
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `address.state` or `items[2].value`. */
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code, `module.reason`, e.g. `patient.not_found`. */
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
    /** Seconds after which a retry may succeed (lockout, rate limit). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(ErrorKind.NotFound, code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, fieldErrors: FieldError[] = []) {
    super(ErrorKind.Conflict, code, message, fieldErrors);
  }
}

export class InputError extends DomainError {
  constructor(code: string, message: string, fieldErrors: FieldError[] = []) {
    super(ErrorKind.BadRequest, code, message, fieldErrors);
  }
}
