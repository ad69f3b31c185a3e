import { ParseUUIDPipe } from '@nestjs/common';
import { CommonErrors } from './errors/common.errors';
import { domainError } from './errors/error-catalogue';

/** Parses a path parameter as a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      domainError(CommonErrors.invalidId, `${field} must be a UUID`, [
        { field, reason: `${field} must be a UUID` },
      ]),
  });
}
