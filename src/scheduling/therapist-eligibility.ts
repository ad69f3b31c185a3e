import type { EntityManager } from 'typeorm';
import { therapistAssignments } from '../auth/staff-membership.sql';
import { domainError } from '../common/errors/error-catalogue';
import type { Actor } from '../kernel/actor';
import { inScope } from '../kernel/location-scope';
import { StaffErrors } from '../staff/staff.errors';
import { ineligibility, type TherapistFacts } from '../staff/rules/eligibility';
import type { LocationFacts } from './booking-read';
import type { AppointmentType } from './entities/appointment-type.entity';
import { SchedulingErrors } from './scheduling.errors';

/**
 * As assertEligible, but a therapist who works at none of the caller's clinics is refused as an
 * unknown id is (404, same words): whether another clinic's therapist exists is not the caller's
 * to learn. Admins, who see every clinic, are told the therapist works elsewhere.
 */
export async function assertEligibleFor(
  manager: EntityManager,
  actor: Actor,
  therapist: TherapistFacts | null,
  therapistId: string,
  type: AppointmentType,
  location: Pick<LocationFacts, 'country' | 'state'>,
): Promise<void> {
  if (therapist?.active && !therapist.atLocation) {
    const assignments = await therapistAssignments(manager, therapistId);
    if (!assignments || !inScope(actor, ...assignments.locationIds)) {
      throw therapistNotFound(therapistId);
    }
  }
  assertEligible(therapist, therapistId, type, location);
}

function therapistNotFound(therapistId: string): Error {
  return domainError(StaffErrors.therapistNotFound, `No therapist ${therapistId}`);
}

/** The refusal for a therapist the eligibility rule turns down. */
function assertEligible(
  therapist: TherapistFacts | null,
  therapistId: string,
  type: AppointmentType,
  location: Pick<LocationFacts, 'country' | 'state'>,
): void {
  const reason = ineligibility(therapist, type.allowedCredentials, location);
  const credentials = type.allowedCredentials.join(' or ');
  switch (reason) {
    case null:
      return;
    case 'no_therapist':
      throw therapistNotFound(therapistId);
    case 'not_at_location':
      throw domainError(
        SchedulingErrors.therapistNotAtLocation,
        'The therapist does not work at that location',
        [{ field: 'therapistId', reason: 'not assigned to the location' }],
      );
    case 'credential_not_allowed':
      throw domainError(
        SchedulingErrors.credentialNotAllowed,
        `${type.name} is delivered by ${credentials}; the therapist is ${therapist?.credential ?? 'without a credential on file'}`,
        [{ field: 'therapistId', reason: `needs ${credentials}` }],
      );
    case 'location_without_jurisdiction':
      throw domainError(
        SchedulingErrors.licenceUnverifiable,
        'The location has no state on file, so the therapist’s licence cannot be checked',
        [{ field: 'locationId', reason: 'the location needs a state' }],
      );
    case 'not_licensed_there':
      throw domainError(
        SchedulingErrors.therapistNotLicensed,
        `The therapist is not licensed in ${location.state ?? location.country}, where the location is`,
        [
          {
            field: 'therapistId',
            reason: `needs a licence in ${location.state ?? location.country}`,
          },
        ],
      );
  }
}
