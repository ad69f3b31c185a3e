import { ValidationError } from 'class-validator';
import { CommonErrors } from './common.errors';
import type { DomainError, FieldError } from './domain-error';
import { domainError } from './error-catalogue';

function joinPath(parent: string, property: string): string {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}

/**
 * class-validator starts most messages with the bare property name (`state must be ...`,
 * `property extra should not exist`); put the full path there. Other messages stay as written.
 */
function withFullPath(reason: string, property: string, field: string): string {
  for (const prefix of [`property ${property} `, `${property} `]) {
    if (reason.startsWith(prefix)) return `${field} ${reason.slice(prefix.length)}`;
  }
  return reason;
}

/** Flattens class-validator's tree into one entry per failing field and rule. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = joinPath(parent, error.property);
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: withFullPath(reason, error.property, field),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function requestValidationError(errors: ValidationError[]): DomainError {
  const fieldErrors = flattenValidationErrors(errors);
  const fields = [...new Set(fieldErrors.map((error) => error.field))];
  return domainError(
    CommonErrors.validationFailed,
    `Invalid ${fields.length === 1 ? 'field' : 'fields'}: ${fields.join(', ')}`,
    fieldErrors,
  );
}
