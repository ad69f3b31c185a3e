import { ApiProperty } from '@nestjs/swagger';
import { CommonErrors } from '../errors/common.errors';
import { EXAMPLE_BASE_URL, problemTypeUri } from '../errors/problem-details';

/** What `GET /problems/{code}` answers with `Accept: application/json`: one error code explained. */
export class ProblemTypeDto {
  @ApiProperty({
    format: 'uri',
    example: problemTypeUri(EXAMPLE_BASE_URL, CommonErrors.validationFailed),
    description: 'The URI problem+json bodies with this code carry in `type`: this page',
  })
  type!: string;

  @ApiProperty({
    example: CommonErrors.validationFailed,
    description: 'The code, as in `ProblemDetails.code` (one of ProblemCode)',
  })
  code!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 400,
    maximum: 599,
    example: 400,
    description: 'The HTTP status of responses with this code',
  })
  status!: number;

  @ApiProperty({
    example: 'Validation failed',
    description: 'The title of responses with this status',
  })
  title!: string;

  @ApiProperty({
    example: 'The body, query or path breaks its schema; errors[] names each field and reason',
    description: 'What the code means, and what to do about it',
  })
  meaning!: string;
}
