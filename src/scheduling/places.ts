import type { EntityManager } from 'typeorm';
import { domainError } from '../common/errors/error-catalogue';
import { lockResourcesOfKind } from '../locations/resources.sql';
import { ACTIVE_STATUSES } from './rules/lifecycle';
import { SchedulingErrors } from './scheduling.errors';

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Group sessions: a seat is counted under an advisory lock on the session. */
export async function takeSeat(
  manager: EntityManager,
  sessionKey: string,
  capacity: number,
  excludeId?: string,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtext($1::text))', [sessionKey]);
  const [{ taken }] = await manager.query<{ taken: number }[]>(
    `SELECT count(*)::int AS taken FROM appointments
      WHERE session_key = $1 AND status = ANY($2) AND id <> COALESCE($3::uuid, '${NO_ID}')`,
    [sessionKey, ACTIVE_STATUSES, excludeId ?? null],
  );
  if (taken >= capacity) {
    throw domainError(SchedulingErrors.sessionFull, `The session is full (${capacity} places)`);
  }
}

/**
 * Shared rooms: the location's resources of the kind are locked, then the first with a free
 * place during the visit is taken, so two clerks cannot both take the last place.
 */
export async function reserveResource(
  manager: EntityManager,
  locationId: string,
  kind: string,
  visit: { start: number; end: number },
  excludeId?: string,
): Promise<string> {
  const resources = await lockResourcesOfKind(manager, locationId, kind);
  if (resources.length === 0) {
    throw domainError(SchedulingErrors.noResource, `The location has no ${kind}`);
  }
  const usage = await manager.query<{ resource_id: string; used: number }[]>(
    `SELECT resource_id, count(*)::int AS used FROM appointments
      WHERE resource_id = ANY($1) AND status = ANY($2)
        AND tstzrange(starts_at, ends_at) && tstzrange($3, $4)
        AND id <> COALESCE($5::uuid, '${NO_ID}')
      GROUP BY resource_id`,
    [
      resources.map((r) => r.id),
      ACTIVE_STATUSES,
      new Date(visit.start),
      new Date(visit.end),
      excludeId ?? null,
    ],
  );
  const used = new Map(usage.map((row) => [row.resource_id, row.used]));
  const free = resources.find((resource) => (used.get(resource.id) ?? 0) < resource.capacity);
  if (!free) {
    throw domainError(
      SchedulingErrors.resourceFull,
      `Every ${kind} at the location is full at that time`,
    );
  }
  return free.id;
}

/** Whether booking the type counts places under locks, so must run in a transaction. */
export function placesAreCounted(type: { groupCapacity: number; resourceKind: string | null }) {
  return type.groupCapacity > 1 || type.resourceKind !== null;
}

/**
 * Competing bookings of one therapist or one patient wait for each other here, the two locks
 * always taken in one order. The loser then meets the winner's committed row in the exclusion
 * constraints and answers at once with the real conflict (409 double booked), instead of the two
 * inserts waiting on each other's uncommitted rows until PostgreSQL's deadlock detection ends one
 * of them a second later (409 database.concurrent_change).
 */
export async function lockCalendarsOf(
  manager: EntityManager,
  therapistId: string,
  patientId: string,
): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(key)
       FROM (SELECT hashtextextended(name, 0) AS key FROM unnest($1::text[]) name ORDER BY 1) keys`,
    [[`appointment-therapist:${therapistId}`, `appointment-patient:${patientId}`]],
  );
}
