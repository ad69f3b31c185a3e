import { ErrorKind } from './domain-error';
import { errorCatalogue } from './error-catalogue';

/**
 * What PostgreSQL refused, when the owning module gave the constraint no code of its own (see
 * describeConstraints): the detail names the rule, and errors[] the field when it is known.
 */
export const DatabaseErrors = errorCatalogue({
  uniqueViolation: {
    code: 'database.unique_violation',
    kind: ErrorKind.Conflict,
    meaning: 'A record with the same values already exists',
  },
  exclusionViolation: {
    code: 'database.exclusion_violation',
    kind: ErrorKind.Conflict,
    meaning: 'The change overlaps an existing record that excludes it',
  },
  stillReferenced: {
    code: 'database.still_referenced',
    kind: ErrorKind.Conflict,
    meaning: 'The record is still referenced by other records',
  },
  referenceNotFound: {
    code: 'database.reference_not_found',
    kind: ErrorKind.Unprocessable,
    meaning: 'A referenced record does not exist',
  },
  checkViolation: {
    code: 'database.check_violation',
    kind: ErrorKind.Unprocessable,
    meaning: 'A value breaks a rule of the record',
  },
  notNullViolation: {
    code: 'database.not_null_violation',
    kind: ErrorKind.Unprocessable,
    meaning: 'A required value is missing',
  },
  invalidValue: {
    code: 'database.invalid_value',
    kind: ErrorKind.BadRequest,
    meaning: 'A value has the wrong form or is out of range',
  },
  unavailable: {
    code: 'database.unavailable',
    kind: ErrorKind.Unavailable,
    meaning:
      'The database cannot be reached or did not answer in time; nothing was changed unless a ' +
      'later read shows it: retry after Retry-After seconds',
  },
  concurrentChange: {
    code: 'database.concurrent_change',
    kind: ErrorKind.Conflict,
    meaning: 'Another change to the same records happened at the same time; retry the request',
  },
});
