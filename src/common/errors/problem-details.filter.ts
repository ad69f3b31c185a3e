import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainErrorFromPostgres } from './postgres-errors';
import { requestIdOf } from '../../logging/logger-options';
import { CommonErrors } from './common.errors';
import { DomainError, ErrorKind } from './domain-error';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problemTypeUri } from './problem-details';

/** The HTTP status of each kind of error: the one mapping, for responses and the OpenAPI document. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  [ErrorKind.BadRequest]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.Locked]: HttpStatus.LOCKED,
  [ErrorKind.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [ErrorKind.MethodNotAllowed]: HttpStatus.METHOD_NOT_ALLOWED,
  [ErrorKind.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorKind.UriTooLong]: HttpStatus.URI_TOO_LONG,
  // Not in Nest's HttpStatus: RFC 6585 section 5.
  [ErrorKind.HeadersTooLarge]: 431,
  [ErrorKind.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorKind.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The title of a problem with each status. */
export const TITLE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** The title of a problem with this code and status. */
export function problemTitle(code: string, status: number): string {
  if (code === CommonErrors.validationFailed) return 'Validation failed';
  return TITLE_BY_STATUS[status] ?? (status >= 500 ? TITLE_BY_STATUS[500] : TITLE_BY_STATUS[400]);
}

/** The code of an error the HTTP layer raised (Nest's router, pipes and guards, Fastify), by status. */
export const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: CommonErrors.badRequest,
  401: CommonErrors.unauthenticated,
  403: CommonErrors.forbidden,
  404: CommonErrors.routeNotFound,
  405: CommonErrors.methodNotAllowed,
  409: CommonErrors.conflict,
  413: CommonErrors.bodyTooLarge,
  414: CommonErrors.uriTooLong,
  415: CommonErrors.unsupportedMediaType,
  422: CommonErrors.unprocessable,
  429: CommonErrors.rateLimited,
  431: CommonErrors.headersTooLarge,
  503: CommonErrors.serviceUnavailable,
};

/** Errors that Fastify raises before any controller runs: unreadable or oversized bodies. */
interface FastifyRequestError extends Error {
  code: string;
  statusCode: number;
}

function isFastifyRequestError(error: unknown): error is FastifyRequestError {
  return (
    error instanceof Error &&
    error.name === 'FastifyError' &&
    typeof (error as Partial<FastifyRequestError>).code === 'string' &&
    typeof (error as Partial<FastifyRequestError>).statusCode === 'number'
  );
}

/**
 * Writes every error as RFC 9457 problem+json. Domain errors carry their own code; integrity
 * errors from PostgreSQL are translated; anything unexpected becomes a 500 whose detail says
 * nothing about the internals (they go to the log, without request bodies). A problem's `type`
 * is the absolute URI of the page describing its code, under the service's public base URL.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  /**
   * @param publicBaseUrl where clients reach the service, without a trailing slash
   * @param onRefused records a signed-in caller's refused attempt (403, or 404 on a route that
   *   exists) before the answer goes out; a failure to record is logged, the answer still sent
   */
  constructor(
    private readonly publicBaseUrl: string,
    private readonly onRefused?: (
      request: FastifyRequest,
      problem: ProblemDetails,
    ) => Promise<void>,
  ) {}

  private typeOf(code: string): string {
    return problemTypeUri(this.publicBaseUrl, code);
  }

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const problem = this.toProblem(exception, request);
    const refused =
      (problem.status === 403 || problem.status === 404) &&
      problem.code !== CommonErrors.routeNotFound;
    if (refused && this.onRefused) {
      await this.onRefused(request, problem).catch((error: unknown) =>
        this.logger.error({ err: error, requestId: problem.requestId }, 'refusal not audited'),
      );
    }
    this.send(exception, request, http.getResponse<FastifyReply>(), problem);
  }

  /**
   * Answers the error as problem+json: for Nest's handlers, and for what Fastify refuses before
   * routing (a path parameter over its length limit, 414), which would otherwise be plain JSON.
   */
  send(
    exception: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
    problem = this.toProblem(exception, request),
  ): void {
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: problem.requestId }, 'unhandled error');
    }
    if (reply.sent) return;
    const retryAfter = (
      exception instanceof DomainError ? exception : domainErrorFromPostgres(exception)
    )?.retryAfterSeconds;
    if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
    reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    const requestId = requestIdOf(request);
    const instance = request.url.split('?')[0];
    const domainError =
      exception instanceof DomainError ? exception : domainErrorFromPostgres(exception);
    if (domainError) {
      const status = STATUS_BY_KIND[domainError.kind];
      return {
        type: this.typeOf(domainError.code),
        title: problemTitle(domainError.code, status),
        status,
        detail: domainError.message,
        code: domainError.code,
        instance,
        requestId,
        ...(domainError.fieldErrors.length > 0 ? { errors: domainError.fieldErrors } : {}),
      };
    }
    // Nest wraps Fastify's errors in an HttpException; the original says what went wrong.
    const requestError = exception instanceof HttpException ? exception.cause : exception;
    if (isFastifyRequestError(requestError) && requestError.statusCode < 500) {
      const status = requestError.statusCode;
      const malformed = requestError.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
      const code = malformed
        ? CommonErrors.malformedJson
        : (CODE_BY_STATUS[status] ?? CommonErrors.badRequest);
      return {
        type: this.typeOf(code),
        title: TITLE_BY_STATUS[status] ?? 'Bad request',
        status,
        detail: malformed ? 'The request body is not valid JSON' : requestError.message,
        code,
        instance,
        requestId,
        ...(malformed
          ? { errors: [{ field: 'body', reason: 'The request body is not valid JSON' }] }
          : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        CODE_BY_STATUS[status] ??
        (status >= 500 ? CommonErrors.serverError : CommonErrors.otherRequestError);
      // Services throw domain errors, so an HTTP 404 here is Nest's router finding no route.
      const detail = status === 404 ? `No route ${request.method} ${instance}` : exception.message;
      const body = exception.getResponse();
      // Terminus reports a failed readiness check as a 503 whose body says which check failed.
      const checks =
        status === 503 && typeof body === 'object' && body !== null && 'details' in body
          ? (body.details as ProblemDetails['checks'])
          : undefined;
      return {
        type: this.typeOf(code),
        title: TITLE_BY_STATUS[status] ?? exception.name,
        status,
        detail: checks
          ? 'A dependency is not ready'
          : status >= 500
            ? 'An unexpected error occurred'
            : detail,
        code,
        instance,
        requestId,
        ...(checks ? { checks } : {}),
      };
    }
    return {
      type: this.typeOf(CommonErrors.serverError),
      title: TITLE_BY_STATUS[500],
      status: 500,
      detail: 'An unexpected error occurred; quote the request id when reporting it',
      code: CommonErrors.serverError,
      instance,
      requestId,
    };
  }
}
