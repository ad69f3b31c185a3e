/**
 * SQL over patients for the reporting module's figures. Each returns an expression or a relation
 * with the caller's columns or placeholders bound in.
 */

/** The payers and referral sources the database allows, as the patients module defines them. */
export { PAYERS, REFERRAL_SOURCES } from './patient.entity';

/**
 * Patients of one home clinic who withdrew email consent from an unsubscribe link in an interval:
 * rows `(patient_id, occurred_at)`, one per withdrawal (the patients module records each in the
 * audit trail, the only place its time is kept).
 */
export function unsubscribesSql(location: string, from: string, to: string): string {
  return `(SELECT withdrawal.entity_id::uuid AS patient_id, withdrawal.occurred_at
             FROM audit_events withdrawal
             JOIN patients home ON home.id = withdrawal.entity_id::uuid
            WHERE withdrawal.entity_type = 'patient' AND withdrawal.action = 'update'
              AND withdrawal.details ->> 'via' = 'unsubscribe_link'
              AND home.home_location_id = ${location}
              AND withdrawal.occurred_at >= ${from} AND withdrawal.occurred_at < ${to})`;
}

/** Where a patient says they came from (`physician`, `self`, ...), or null when not recorded. */
export function patientReferralSourceSql(patient: string): string {
  return `(SELECT source.referral_source FROM patients source WHERE source.id = ${patient})`;
}

/**
 * `{ firstName, lastName, phone, archived }` of a patient, or null: whom a clinic calls about a
 * follow-up list.
 */
export function patientToCallSql(patient: string): string {
  return `(SELECT json_build_object('firstName', callee.first_name, 'lastName', callee.last_name,
             'phone', callee.phone, 'archived', callee.archived_at IS NOT NULL)
             FROM patients callee WHERE callee.id = ${patient})`;
}
