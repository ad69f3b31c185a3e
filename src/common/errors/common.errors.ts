import { ErrorKind } from './domain-error';
import { errorCatalogue } from './error-catalogue';

/**
 * Errors any module may return: shared rules, and the request itself as the HTTP layer judges it
 * (validation, unreadable bodies, unknown routes, rate limits), which the problem+json filter
 * names by status.
 */
export const CommonErrors = errorCatalogue({
  invalidWindows: {
    code: 'schedule.invalid_windows',
    kind: ErrorKind.BadRequest,
    meaning: 'Weekly windows end before they start or overlap on a weekday',
  },
  validationFailed: {
    code: 'request.validation_failed',
    kind: ErrorKind.BadRequest,
    meaning: 'The body, query or path breaks its schema; errors[] names each field and reason',
  },
  invalidId: {
    code: 'request.invalid_id',
    kind: ErrorKind.BadRequest,
    meaning: 'A path parameter that names a record is not a UUID',
  },
  malformedJson: {
    code: 'request.malformed_json',
    kind: ErrorKind.BadRequest,
    meaning: 'The request body is not valid JSON',
  },
  badRequest: {
    code: 'request.bad_request',
    kind: ErrorKind.BadRequest,
    meaning: 'The HTTP layer could not read the request (a bad header or body framing)',
  },
  unauthenticated: {
    code: 'auth.unauthenticated',
    kind: ErrorKind.Unauthenticated,
    meaning: 'The HTTP layer asked for authentication',
  },
  forbidden: {
    code: 'auth.forbidden',
    kind: ErrorKind.Forbidden,
    meaning: 'The HTTP layer refused the request to this caller',
  },
  routeNotFound: {
    code: 'request.not_found',
    kind: ErrorKind.NotFound,
    meaning: 'No route has this method and path',
  },
  methodNotAllowed: {
    code: 'request.method_not_allowed',
    kind: ErrorKind.MethodNotAllowed,
    meaning: 'The path does not take this method',
  },
  conflict: {
    code: 'request.conflict',
    kind: ErrorKind.Conflict,
    meaning: 'The HTTP layer reported a conflict',
  },
  bodyTooLarge: {
    code: 'request.body_too_large',
    kind: ErrorKind.PayloadTooLarge,
    meaning: 'The request body is over the size limit (BODY_LIMIT)',
  },
  uriTooLong: {
    code: 'request.uri_too_long',
    kind: ErrorKind.UriTooLong,
    meaning: 'A path segment is longer than any identifier the API uses',
  },
  headersTooLarge: {
    code: 'request.headers_too_large',
    kind: ErrorKind.HeadersTooLarge,
    meaning: 'The request line and headers together are over the server’s limit (16 KiB)',
  },
  unsupportedMediaType: {
    code: 'request.unsupported_media_type',
    kind: ErrorKind.UnsupportedMediaType,
    meaning: 'The body is neither JSON nor an HTML form',
  },
  unprocessable: {
    code: 'request.unprocessable',
    kind: ErrorKind.Unprocessable,
    meaning: 'The HTTP layer could not process the request',
  },
  rateLimited: {
    code: 'request.rate_limited',
    kind: ErrorKind.TooManyRequests,
    meaning: 'Too many requests from this client (sign-in is rate limited); retry later',
  },
  otherRequestError: {
    code: 'request.error',
    kind: ErrorKind.BadRequest,
    meaning:
      'Another refusal by the HTTP layer; the response has the 4xx status that layer chose, which may not be 400',
  },
  serviceUnavailable: {
    code: 'service.unavailable',
    kind: ErrorKind.Unavailable,
    meaning: 'A dependency is down; readiness lists each one in checks',
  },
  serverError: {
    code: 'server.error',
    kind: ErrorKind.Internal,
    meaning:
      'An unexpected error; the detail says nothing of it, so quote the requestId when reporting it',
  },
});
