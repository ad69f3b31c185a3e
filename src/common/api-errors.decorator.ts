import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiResponse,
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
  type PathsObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './errors/problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the errors list names each field and reason',
  401: 'Missing, invalid or expired bearer token',
  403: 'The role may not do this',
  404: 'No such record, or not in a location the user may see',
  409: 'Conflicts with the current state or another record',
  413: 'Request body over the size limit (BODY_LIMIT)',
  415: 'The body is neither JSON (application/json) nor, where a form is taken, an HTML form',
  422: 'Breaks a rule of the data',
  423: 'Account locked after repeated failed logins; Retry-After says for how long',
  429: 'Too many requests; Retry-After says when to try again',
  503: 'A dependency (the database or the queue) is not available',
};

/** Statuses whose problem responses say when a retry may succeed. */
const RETRY_AFTER = new Set([423, 429]);

/**
 * A problem+json response of the document: the ProblemDetails schema under
 * `application/problem+json`, and `Retry-After` where the filter sends it.
 */
export function problemResponse(status: number, description?: string): ResponseObject {
  return {
    description: description ?? DESCRIPTIONS[status] ?? 'Error',
    ...(RETRY_AFTER.has(status)
      ? {
          headers: {
            'Retry-After': {
              description: 'Seconds after which a retry may succeed, when known',
              schema: { type: 'integer', minimum: 0 },
            },
          },
        }
      : {}),
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
  };
}

/** A problem status of an operation, with what it means there when the usual words do not fit. */
export type DocumentedProblem = number | { status: number; description: string };

/** Documents the problem+json responses of an operation. */
export function ApiProblems(...problems: DocumentedProblem[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...problems.map((problem) => {
      const { status, description } =
        typeof problem === 'number' ? { status: problem, description: undefined } : problem;
      return ApiResponse({ status, ...problemResponse(status, description) });
    }),
  );
}

/**
 * An operation behind the bearer token: documents the token and the errors such a call can give.
 * 401, and 403 where roles restrict the route, are added to the document from the guards'
 * metadata when it is built, so they cannot drift from what the guards do.
 */
export function ApiAuthenticated(...problems: DocumentedProblem[]) {
  return applyDecorators(ApiBearerAuth(), ApiProblems(400, ...problems));
}

/** The methods of a path item that are operations. */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A copy of the document with each operation replaced by what `change` makes of it. */
export function mapOperations(
  document: OpenAPIObject,
  change: (operation: OperationObject, method: string, path: string) => OperationObject,
): OpenAPIObject {
  const paths: PathsObject = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const changed: PathItemObject = { ...item };
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) changed[method] = change(operation, method, path);
    }
    paths[path] = changed;
  }
  return { ...document, paths };
}

/**
 * Adds what the HTTP layer answers before any controller runs to every operation that takes a
 * body: 413 for a body over BODY_LIMIT, 415 for a content type the route does not read.
 */
export function withRequestBodyProblems(document: OpenAPIObject): OpenAPIObject {
  return mapOperations(document, (operation) =>
    operation.requestBody
      ? {
          ...operation,
          responses: {
            ...operation.responses,
            413: problemResponse(413),
            415: problemResponse(415),
          },
        }
      : operation,
  );
}
