import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { CommonErrors } from './common.errors';
import { PROBLEM_CONTENT_TYPE, problemTypeUri, type ProblemDetails } from './problem-details';
import { TITLE_BY_STATUS } from './problem-details.filter';

/** What Node's HTTP parser refuses before any request exists, by its error code. */
const REFUSALS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: CommonErrors.headersTooLarge,
    detail: 'The request line and headers are over 16 KiB together',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: CommonErrors.otherRequestError,
    detail: 'The request did not arrive in time',
  },
};

/**
 * Fastify's `clientErrorHandler`: answers a request the HTTP parser refused (headers too large,
 * bad framing) with problem+json, as every other refusal, where Fastify wrote plain JSON. There is
 * no request yet, so no request id from the caller: the answer carries one of its own.
 */
export function clientErrorHandler(publicBaseUrl: string) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const refusal = REFUSALS[error.code ?? ''] ?? {
      status: 400,
      code: CommonErrors.badRequest,
      detail: 'The request could not be read as HTTP',
    };
    const requestId = randomUUID();
    const problem: ProblemDetails = {
      type: problemTypeUri(publicBaseUrl, refusal.code),
      title: TITLE_BY_STATUS[refusal.status] ?? STATUS_CODES[refusal.status] ?? 'Bad request',
      status: refusal.status,
      detail: refusal.detail,
      code: refusal.code,
      requestId,
    };
    const body = JSON.stringify(problem);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
          `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
