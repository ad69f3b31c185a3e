import { type PipeTransform } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors';
import { domainError } from '../common/errors/error-catalogue';

const JURISDICTION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

/** A jurisdiction code, `US-PA` (ISO 3166-2) or a country (`IE`); anything else is a 400. */
export class JurisdictionPipe implements PipeTransform<unknown, string | undefined> {
  constructor(private readonly optional = false) {}

  transform(value: unknown): string | undefined {
    if (value === undefined && this.optional) return undefined;
    if (typeof value === 'string' && JURISDICTION.test(value)) return value;
    throw domainError(
      CommonErrors.validationFailed,
      'jurisdiction must be a code such as US-PA or IE',
      [
        {
          field: 'jurisdiction',
          reason: 'must be an ISO 3166-2 state (US-PA) or a country code (IE)',
        },
      ],
    );
  }
}
