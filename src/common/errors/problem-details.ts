import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { CommonErrors } from './common.errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where the page describing each problem type is served: `GET /problems/{code}`. */
export const PROBLEM_TYPES_PATH = '/problems';

/**
 * The `type` of a problem: an absolute URI under the service's public base URL, which resolves to
 * a page describing the code (HTML, or JSON when asked for).
 */
export function problemTypeUri(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl}${PROBLEM_TYPES_PATH}/${encodeURIComponent(code)}`;
}

/** The base URL the examples of the document use. */
export const EXAMPLE_BASE_URL = 'http://localhost:3000';

export class ProblemFieldError {
  @ApiProperty({
    example: 'dateOfBirth',
    description: 'Dotted path of the field, e.g. `address.state` or `windows[2].opens`',
  })
  field!: string;

  @ApiProperty({
    example: 'dateOfBirth must be a valid ISO 8601 date string',
    description: 'What is wrong with it, for people',
  })
  reason!: string;
}

/** The state of one dependency in a readiness report (`GET /health/ready`). */
export const HEALTH_CHECK_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'One dependency: `up` or `down`, with what the check found',
  properties: {
    status: {
      type: 'string',
      enum: ['up', 'down'],
      description: 'Whether the dependency answered in time',
    },
  },
  required: ['status'],
  additionalProperties: true,
};

/** RFC 9457 problem details, as every error of this API is written. */
export class ProblemDetails {
  @ApiProperty({
    format: 'uri',
    example: problemTypeUri(EXAMPLE_BASE_URL, CommonErrors.validationFailed),
    description:
      'URI naming the kind of problem: `<base URL>/problems/<code>`, a page that describes the code',
  })
  type!: string;

  @ApiProperty({
    example: 'Validation failed',
    description: 'Short summary of the kind of problem, the same for every occurrence',
  })
  title!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 400,
    maximum: 599,
    example: 400,
    description: 'The HTTP status of the response',
  })
  status!: number;

  @ApiPropertyOptional({
    example: 'The request body has 1 invalid field',
    description: 'What went wrong this time, for people',
  })
  detail?: string;

  @ApiProperty({
    example: CommonErrors.validationFailed,
    description:
      'Stable machine-readable code: one of ProblemCode, where each has its status and meaning. ' +
      'A plain string, so that a client still reads a code added later',
  })
  code!: string;

  @ApiPropertyOptional({
    example: '/patients',
    description: 'The path of the request that failed',
  })
  instance?: string;

  @ApiProperty({
    example: '6f1c2b7e-3c1d-4a57-9a0e-0d9c7d1e2f30',
    description: 'The request id (also in the X-Request-Id header); quote it when reporting',
  })
  requestId!: string;

  @ApiPropertyOptional({
    type: [ProblemFieldError],
    description: 'Validation problems: each field and what is wrong with it',
  })
  errors?: ProblemFieldError[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: HEALTH_CHECK_SCHEMA,
    description: 'Readiness only: the state of each dependency, by name',
    example: { database: { status: 'down' }, queue: { status: 'up', backend: 'postgres' } },
  })
  checks?: Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>;
}
