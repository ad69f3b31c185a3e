/**
 * SQL over locations for the reporting module's figures: the clinics with their zones (a report's
 * days are each clinic's local days), and whether a clinic is closed on a local date.
 */

/** Relation `(id, name, time_zone)` of every clinic. */
export const CLINICS_SQL = `(SELECT clinic.id, clinic.name, clinic.time_zone FROM locations clinic)`;

/** Whether the location is closed (a recorded closure) on the local date. */
export function closedOnSql(location: string, date: string): string {
  return `EXISTS (SELECT 1 FROM location_closures closure
                   WHERE closure.location_id = ${location}
                     AND ${date} BETWEEN closure.starts_on AND closure.ends_on)`;
}
