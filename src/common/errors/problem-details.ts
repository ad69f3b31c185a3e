import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommonErrors } from './common.errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class ProblemFieldError {
  @ApiProperty({ example: 'dateOfBirth', description: 'Dotted path of the field' })
  field!: string;

  @ApiProperty({ example: 'dateOfBirth must be a valid ISO 8601 date string' })
  reason!: string;
}

/** RFC 9457 problem details, as every error of this API is written. */
export class ProblemDetails {
  @ApiProperty({
    example: `/problems/${CommonErrors.validationFailed}`,
    description: 'Stable URI reference naming the kind of problem',
  })
  type!: string;

  @ApiProperty({ example: 'Validation failed' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional({ example: 'The request body has 1 invalid field' })
  detail?: string;

  @ApiProperty({
    example: CommonErrors.validationFailed,
    description:
      'Stable machine-readable code: one of ProblemCode, where each has its status and meaning',
  })
  code!: string;

  @ApiPropertyOptional({ example: '/patients' })
  instance?: string;

  @ApiProperty({ example: '6f1c2b7e-3c1d-4a57-9a0e-0d9c7d1e2f30' })
  requestId!: string;

  @ApiPropertyOptional({ type: [ProblemFieldError] })
  errors?: ProblemFieldError[];

  @ApiPropertyOptional({
    description: 'Readiness only: the state of each dependency',
    example: { database: { status: 'down' } },
  })
  checks?: unknown;
}
