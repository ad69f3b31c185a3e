import type { EntityManager } from 'typeorm';

/** A room or resource in use (not retired) as other modules see it. */
export interface ResourceFacts {
  id: string;
  locationId: string;
  capacity: number;
}

/**
 * The location's resources of a kind, locked for the caller's transaction (FOR UPDATE) so that
 * two bookings counting the last place in a room take turns. Ordered by id: locks in one order.
 */
export function lockResourcesOfKind(
  manager: EntityManager,
  locationId: string,
  kind: string,
): Promise<ResourceFacts[]> {
  return manager.query<ResourceFacts[]>(
    `SELECT id, location_id AS "locationId", capacity FROM resources
      WHERE location_id = $1 AND kind = $2 AND retired_at IS NULL ORDER BY id FOR UPDATE`,
    [locationId, kind],
  );
}

/** The resources of a kind at any of the locations, unlocked (availability's estimate). */
export function resourcesOfKind(
  manager: EntityManager,
  locationIds: readonly string[],
  kind: string,
): Promise<ResourceFacts[]> {
  return manager.query<ResourceFacts[]>(
    `SELECT id, location_id AS "locationId", capacity FROM resources
      WHERE location_id = ANY($1) AND kind = $2 AND retired_at IS NULL`,
    [locationIds, kind],
  );
}
