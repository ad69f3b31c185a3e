import type { EntityManager } from 'typeorm';

/**
 * SQL over the auth module's users and their clinic assignments, for other modules' single reads
 * (staff reads a therapist's facts inside a booking's one round trip). Placeholders are bound by
 * the caller's statement.
 */

/** FROM and WHERE for the user row `u` of a therapist account, active or not. */
export function therapistAccountSql(therapist: string): { from: string; where: string } {
  return { from: 'users u', where: `u.id = ${therapist} AND u.role = 'therapist'` };
}

/** Whether the user `u` is assigned to the location. */
export function assignedToLocationSql(location: string): string {
  return `EXISTS (SELECT 1 FROM user_locations ul WHERE ul.user_id = u.id AND ul.location_id = ${location})`;
}

/** A therapist account's assigned locations, or null when no therapist has the id. */
export async function therapistAssignments(
  manager: EntityManager,
  therapistId: string,
): Promise<{ locationIds: string[] } | null> {
  const [row] = await manager.query<{ location_ids: string[] }[]>(
    `SELECT coalesce(array_agg(ul.location_id) FILTER (WHERE ul.location_id IS NOT NULL), '{}') AS location_ids
       FROM users u LEFT JOIN user_locations ul ON ul.user_id = u.id
      WHERE u.id = $1 AND u.role = 'therapist'
      GROUP BY u.id`,
    [therapistId],
  );
  return row ? { locationIds: row.location_ids } : null;
}
