import { randomUUID } from 'node:crypto';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** The request's id (Fastify's, which the logger shares), or '' should there be none. */
export function requestIdOf(request: { id?: unknown }): string {
  return typeof request.id === 'string' ? request.id : '';
}

/** A calendar feed's path is its credential: `/calendar-feeds/<secret>.ics`. */
const CALENDAR_FEED_PATH = /(\/calendar-feeds\/).*$/is;

/**
 * The path of a request as it may be logged: without the query string (it can hold names) and
 * with a calendar feed's secret redacted. The router matches paths in any case and decodes them,
 * so the test is made on the decoded path too.
 */
export function loggedPath(url: string): string {
  const path = url.split('?')[0];
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Undecodable: the router refuses it too; the raw path is tested as it is.
  }
  return CALENDAR_FEED_PATH.test(decoded)
    ? decoded.replace(CALENDAR_FEED_PATH, '$1[redacted]')
    : path;
}

/**
 * The request's id: always one of ours, so that no caller can choose the id its audit rows and
 * log lines are filed under (or give two requests the same one).
 */
export function requestIdFor(): string {
  return randomUUID();
}

/**
 * The caller's own X-Request-Id (a proxy's or a client's trace id), when well formed: recorded
 * beside ours in audit rows, never instead of it.
 */
export function callerRequestIdOf(request: {
  headers: Record<string, string | string[] | undefined>;
}): string | undefined {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : undefined;
}

/**
 * JSON logs with the request id on every line. Requests are logged as method, path (no query
 * string: it can hold names; a calendar feed's secret redacted) and status; bodies and headers never, tokens and cookies redacted
 * should a serializer ever add them.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestIdFor,
      customAttributeKeys: { reqId: 'requestId' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: loggedPath(request.url),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500
          ? 'error'
          : response.statusCode >= 400
            ? 'warn'
            : 'info',
    },
  };
}
