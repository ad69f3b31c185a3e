import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type Actor, canAccessLocation, locationScope } from './actor';

/**
 * Location scoping, in one place. Front desk and therapists see only rows of their clinics;
 * outside them a row does not exist for them (404, never 403, so ids cannot be probed). Admins
 * see every clinic. Every list narrows its query here, every look-up checks its row here.
 */

/** Narrows a query to rows whose location column is one of the actor's clinics. */
export function scopeToLocations<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  actor: Actor,
  column: string,
  /** `array` for a column holding several locations (a waitlist entry's `location_ids`). */
  shape: 'one' | 'array' = 'one',
): SelectQueryBuilder<T> {
  const scope = locationScope(actor);
  if (!scope) return query;
  const parameter = `scope_${column.replace(/\W/g, '_')}`;
  return query.andWhere(
    shape === 'one' ? `${column} = ANY(:${parameter})` : `${column} && :${parameter}::uuid[]`,
    { [parameter]: [...scope] },
  );
}

/** The actor's clinics as a raw-SQL parameter: null for all (`$n::uuid[] IS NULL OR ...`). */
export function scopeParameter(actor: Actor): string[] | null {
  const scope = locationScope(actor);
  return scope ? [...scope] : null;
}

/** Whether the actor may see something at any of these locations. */
export function inScope(actor: Actor, ...locationIds: (string | null | undefined)[]): boolean {
  return locationIds.some((id) => typeof id === 'string' && canAccessLocation(actor, id));
}

/**
 * The row if it exists and the actor may see it (it is at one of `locationsOf(row)`), else the
 * not-found error the caller names.
 */
export function visibleOr<T>(
  actor: Actor,
  row: T | null | undefined,
  locationsOf: (row: T) => readonly (string | null | undefined)[],
  notFound: () => Error,
): T {
  if (row === null || row === undefined || !inScope(actor, ...locationsOf(row))) throw notFound();
  return row;
}
