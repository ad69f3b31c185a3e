/**
 * SQL over billing's visit records and fee schedules: the charge a superbill puts on a line, and
 * the reporting module's billing figure. The caller binds the location and the local dates.
 */

/**
 * The charge per unit of `code` in effect on a visit record's service date, for the record's
 * location and payer (self-pay when the patient had none), or null when the fee schedule has
 * none. `record` names a row of `visit_records`.
 */
export function unitChargeSql(record: string, code: string): string {
  return `(SELECT fee.charge_cents FROM fee_schedule_entries fee
     WHERE fee.location_id = ${record}.location_id AND fee.payer = coalesce(${record}.payer, 'self_pay')
       AND fee.code = ${code} AND fee.effective_from <= ${record}.service_date
     ORDER BY fee.effective_from DESC LIMIT 1)`;
}

/**
 * Relation `(record_id, patient_id, therapist_id, payer, billed_units, units_by_code,
 * charged_cents, unpriced_lines)`: the location's visit records with a service date (the clinic's
 * local date of the visit) from `from` up to but excluding `to`, by who delivered the visit, with
 * the payer the record was billed to (`self_pay` when none), the units billed (lines with units,
 * as the payer's unit rule gave them), those units per billed code as a JSON object, the charges
 * as a superbill computes them (units times the fee in effect on the date) over the lines that
 * have a fee, and how many billed lines lack one.
 */
export function billedVisitRecordsSql(location: string, from: string, to: string): string {
  return `(SELECT record.id AS record_id, record.patient_id, record.delivered_by AS therapist_id,
                  coalesce(record.payer, 'self_pay') AS payer,
                  coalesce(billed.units, 0) AS billed_units,
                  coalesce(billed.units_by_code, '{}'::jsonb) AS units_by_code,
                  coalesce(billed.charged_cents, 0) AS charged_cents,
                  coalesce(billed.unpriced_lines, 0) AS unpriced_lines
             FROM visit_records record
             CROSS JOIN LATERAL (
               SELECT sum(line.units)::int AS units,
                      (SELECT jsonb_object_agg(per_code.billed_code, per_code.units)
                         FROM (SELECT code_line.billed_code, sum(code_line.units)::int AS units
                                 FROM visit_record_lines code_line
                                WHERE code_line.visit_record_id = record.id AND code_line.units > 0
                                GROUP BY code_line.billed_code) per_code) AS units_by_code,
                      sum(line.units * priced.unit_cents)::bigint AS charged_cents,
                      count(*) FILTER (WHERE priced.unit_cents IS NULL)::int AS unpriced_lines
                 FROM visit_record_lines line
                 CROSS JOIN LATERAL (SELECT ${unitChargeSql('record', 'line.billed_code')} AS unit_cents) priced
                WHERE line.visit_record_id = record.id AND line.units > 0) billed
            WHERE record.location_id = ${location}
              AND record.service_date >= ${from}::date AND record.service_date < ${to}::date)`;
}
