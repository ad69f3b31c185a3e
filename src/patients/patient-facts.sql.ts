import { jsonRecord } from '../database/json-record';

/**
 * SQL over the patients table for other modules' single reads (a booking, an email about to
 * go). Each returns an expression with the caller's placeholder or column bound in.
 */

/**
 * `{ homeLocationId, archived }` of a patient, or null. Visibility is then `assertPatientVisible`
 * (patients.service).
 */
export function patientFactsSql(patient: string): string {
  return `(SELECT json_build_object('homeLocationId', home_location_id, 'archived', archived_at IS NOT NULL)
           FROM patients WHERE id = ${patient})`;
}

/** The patient's payer (`medicare`, `commercial`, ...), or null: Medicare's rules follow it. */
export function patientPayerSql(patient: string): string {
  return `(SELECT payer.payer FROM patients payer WHERE payer.id = ${patient})`;
}

/**
 * `{ id, firstName, email, emailConsent, archived }` of a patient, or null: what an email to the
 * patient shows and whether it may go at all. Reminders reads it at the moment of sending, so
 * consent withdrawn or a record archived after the email was planned still stops it.
 */
export const PATIENT_CONTACT = jsonRecord({
  id: ['contact.id', 'uuid'],
  firstName: ['contact.first_name', 'text'],
  email: ['contact.email', 'text'],
  emailConsent: ['contact.email_consent', 'boolean'],
  archived: ['contact.archived_at IS NOT NULL', 'boolean'],
});

export function patientContactSql(patient: string): string {
  return `(SELECT ${PATIENT_CONTACT.object} FROM patients contact WHERE contact.id = ${patient})`;
}

/**
 * `{ firstName, lastName }` of a patient, or null: the name a therapist's own calendar shows
 * (the feed is theirs, behind a secret address).
 */
export const PATIENT_NAME = jsonRecord({
  firstName: ['person.first_name', 'text'],
  lastName: ['person.last_name', 'text'],
});

export function patientNameSql(patient: string): string {
  return `(SELECT ${PATIENT_NAME.object} FROM patients person WHERE person.id = ${patient})`;
}

/**
 * `{ firstName, lastName }` of a patient the caller may see (home clinic among `scope`, a
 * `uuid[]` placeholder, NULL for every clinic), else null: a list of visits at a clinic may hold
 * patients of other clinics, whose names its staff do not see.
 */
export function visiblePatientNameSql(patient: string, scope: string): string {
  return `(SELECT ${PATIENT_NAME.object} FROM patients person WHERE person.id = ${patient}
             AND (${scope}::uuid[] IS NULL OR person.home_location_id = ANY(${scope}::uuid[])))`;
}
