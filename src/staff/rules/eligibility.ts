/**
 * May this therapist deliver this kind of visit at this location? One rule for availability
 * (which slots to offer) and booking (which to accept), version 1.
 *
 * - Only an active therapist account can be booked.
 * - The therapist must be assigned to the location (front desk assigns staff to clinics).
 * - The appointment type names the credentials that may deliver it (an admin sets evaluations
 *   to PT only).
 * - The therapist must be licensed where the patient is treated: a licence is issued by a state
 *   and does not travel ("It shall be unlawful for an individual to practice ... physical
 *   therapy in this State ... unless ... licensed in accordance with the provisions of this
 *   act", 63 P.S. § 1304(a); Texas Occupations Code § 453.201). `licenceStates` holds every
 *   jurisdiction where the therapist holds a licence or a PT Compact privilege to practise
 *   (PT Compact Rules § 3). Outside the United States the jurisdiction is the country
 *   (Ireland's CORU register: `IE`).
 */
export const ELIGIBILITY_RULE_VERSION = 1;

export type Credential = 'PT' | 'PTA';

/** What the rule knows of the therapist; null when no therapist has the id. */
export interface TherapistFacts {
  active: boolean;
  credential: Credential | null;
  atLocation: boolean;
  licenceStates: readonly string[];
}

export interface LocationJurisdiction {
  country: string;
  /** USPS state code, for a location in the United States. */
  state: string | null;
}

export type IneligibilityReason =
  | 'no_therapist'
  | 'not_at_location'
  | 'credential_not_allowed'
  | 'location_without_jurisdiction'
  | 'not_licensed_there';

/** Where a location's therapists must be licensed: the state in the US, else the country. */
export function jurisdictionOf(location: LocationJurisdiction): string | null {
  return location.country === 'US' ? location.state : location.country;
}

/** Why the therapist may not deliver the type at the location, or null when they may. */
export function ineligibility(
  therapist: TherapistFacts | null,
  allowedCredentials: readonly Credential[],
  location: LocationJurisdiction,
): IneligibilityReason | null {
  if (!therapist || !therapist.active) return 'no_therapist';
  if (!therapist.atLocation) return 'not_at_location';
  if (!therapist.credential || !allowedCredentials.includes(therapist.credential)) {
    return 'credential_not_allowed';
  }
  const jurisdiction = jurisdictionOf(location);
  if (!jurisdiction) return 'location_without_jurisdiction';
  if (!therapist.licenceStates.includes(jurisdiction)) return 'not_licensed_there';
  return null;
}
