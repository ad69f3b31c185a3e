import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './errors/problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: the errors list names each field and reason',
  401: 'Missing, invalid or expired bearer token',
  403: 'The role may not do this',
  404: 'No such record, or not in a location the user may see',
  409: 'Conflicts with the current state or another record',
  413: 'Request body over the size limit',
  422: 'Breaks a rule of the data',
  423: 'Account locked after repeated failed logins',
  429: 'Too many requests',
};

/** Documents the problem+json responses of an operation. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
      }),
    ),
  );
}

/** An operation behind the bearer token: documents the token and the errors every such call can give. */
export function ApiAuthenticated(...statuses: number[]) {
  return applyDecorators(ApiBearerAuth(), ApiProblems(400, 401, 403, ...statuses));
}
