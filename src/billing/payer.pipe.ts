import { type PipeTransform } from '@nestjs/common';
import { CommonErrors } from '../common/errors/common.errors';
import { domainError } from '../common/errors/error-catalogue';
import { PAYERS, type Payer } from './dto/settings.dto';

/** A payer in the path (`medicare`, `commercial`, ...); anything else is a 400 naming it. */
export class PayerPipe implements PipeTransform<unknown, Payer> {
  transform(value: unknown): Payer {
    if (typeof value === 'string' && (PAYERS as readonly string[]).includes(value)) {
      return value as Payer;
    }
    throw domainError(CommonErrors.validationFailed, 'payer is not one of the payers', [
      { field: 'payer', reason: `must be one of ${PAYERS.join(', ')}` },
    ]);
  }
}
