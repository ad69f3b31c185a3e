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

/**
 * Relation `(user_id, full_name, active, location_ids)`: every therapist account, active or not,
 * with the clinics it is assigned to, for a read about many therapists at once (availability),
 * where a subquery per therapist would scan the users again for each.
 */
export const THERAPIST_ACCOUNTS_SQL = `(SELECT account.id AS user_id, account.full_name, account.active,
       coalesce(array_agg(assigned.location_id) FILTER (WHERE assigned.location_id IS NOT NULL), '{}') AS location_ids
     FROM users account LEFT JOIN user_locations assigned ON assigned.user_id = account.id
    WHERE account.role = 'therapist'
    GROUP BY account.id)`;

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

/** A staff member's full name, or null: what a screen shows instead of the user's id. */
export function staffNameSql(user: string): string {
  return `(SELECT named.full_name FROM users named WHERE named.id = ${user})`;
}

/**
 * `SELECT id, name, active, location_ids` of therapist accounts, for a directory: those assigned
 * to a clinic in `scope` (a `uuid[]` placeholder, NULL for every clinic, where therapists not yet
 * assigned anywhere are listed too), narrowed to `location` and `active` when those placeholders
 * are not NULL. `location_ids` holds only the clinics in scope.
 */
export function therapistRosterSql(scope: string, location: string, active: string): string {
  const inScope = `(${scope}::uuid[] IS NULL OR ul.location_id = ANY(${scope}::uuid[]))`;
  return `SELECT u.id, u.full_name AS name, u.active,
                 array(SELECT ul.location_id FROM user_locations ul
                        WHERE ul.user_id = u.id AND ${inScope}) AS location_ids
            FROM users u
           WHERE u.role = 'therapist'
             AND (${active}::boolean IS NULL OR u.active = ${active}::boolean)
             AND ((${scope}::uuid[] IS NULL AND ${location}::uuid IS NULL)
                  OR EXISTS (SELECT 1 FROM user_locations ul WHERE ul.user_id = u.id AND ${inScope}
                                AND (${location}::uuid IS NULL OR ul.location_id = ${location}::uuid)))`;
}

/**
 * `[{ id, email, fullName }]` of the active therapists and front desk assigned to a location:
 * who gets the clinic's daily work list.
 */
export function clinicStaffSql(location: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'fullName', u.full_name)
              ORDER BY u.email), '[]')
             FROM users u
            WHERE u.active AND u.role IN ('therapist', 'front_desk') AND ${assignedToLocationSql(location)})`;
}

/** `{ email, fullName, active }` of a user, or null: the staff recipient of an email. */
export function staffContactSql(user: string): string {
  return `(SELECT json_build_object('email', contact.email, 'fullName', contact.full_name, 'active', contact.active)
             FROM users contact WHERE contact.id = ${user})`;
}
