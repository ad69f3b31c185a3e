import { ParseUUIDPipe } from '@nestjs/common';
import { InputError } from './errors/domain-error';

/** Parses a path parameter as a UUID; anything else is a 400 naming the parameter. */
export function UuidParam(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new InputError('request.invalid_id', `${field} must be a UUID`, [
        { field, reason: `${field} must be a UUID` },
      ]),
  });
}
