/**
 * SQL over the patients table for other modules' single reads: `{ homeLocationId, archived }`
 * of a patient, or null. Visibility is then `assertPatientVisible` (patients.service).
 */
export function patientFactsSql(patient: string): string {
  return `(SELECT json_build_object('homeLocationId', home_location_id, 'archived', archived_at IS NOT NULL)
           FROM patients WHERE id = ${patient})`;
}
