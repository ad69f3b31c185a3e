import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { CommonErrors } from './errors/common.errors';
import type { FieldError } from './errors/domain-error';
import { domainError } from './errors/error-catalogue';

const NUL = '\u0000';
const REASON = 'must not contain the NUL character (U+0000)';

/** Paths (`address.line1`, `windows[2].opens`) of the strings in `value` that contain NUL. */
export function pathsWithNul(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path] : [];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => pathsWithNul(item, `${path}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      ...(key.includes(NUL) ? [path ? `${path}.${key}` : key] : []),
      ...pathsWithNul(item, path ? `${path}.${key}` : key),
    ]);
  }
  return [];
}

/**
 * Refuses NUL in any text of a body, query or path: PostgreSQL cannot store it in text, and no
 * name, address or note has a use for it. A 400 naming each field, before validation or a query
 * runs (it answered 500 when the database refused it).
 */
@Injectable()
export class NulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const base = metadata.type === 'param' ? (metadata.data ?? '') : '';
    const fields = pathsWithNul(value, base);
    if (fields.length === 0) return value;
    const errors: FieldError[] = fields.map((field) => ({
      field: field || metadata.type,
      reason: `${field || metadata.type} ${REASON}`,
    }));
    throw domainError(
      CommonErrors.validationFailed,
      `Invalid ${errors.length === 1 ? 'field' : 'fields'}: ${errors.map((e) => e.field).join(', ')}`,
      errors,
    );
  }
}
