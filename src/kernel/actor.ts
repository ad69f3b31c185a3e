import { Role } from './role';

/** Who is making a request, resolved from a verified token and the current user row. */
export interface Actor {
  userId: string;
  role: Role;
  /** Locations the user is assigned to; admins see every location regardless. */
  locationIds: readonly string[];
  requestId: string;
  /** The caller's own X-Request-Id, kept beside ours in audit rows. */
  callerRequestId?: string;
  clientIp?: string;
}

export function seesAllLocations(actor: Actor): boolean {
  return actor.role === Role.Admin;
}

export function canAccessLocation(actor: Actor, locationId: string): boolean {
  return seesAllLocations(actor) || actor.locationIds.includes(locationId);
}

/** The location ids to filter a query by, or undefined when the actor sees all. */
export function locationScope(actor: Actor): readonly string[] | undefined {
  return seesAllLocations(actor) ? undefined : actor.locationIds;
}
