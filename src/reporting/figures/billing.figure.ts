import { billedVisitRecordsSql } from '../../billing/billing-report.sql';
import { CPT_CODES, cptCode } from '../../billing/rules/cpt-codes';
import { PAYERS } from '../../patients/patient-report.sql';
import type { Measure } from '../rules/figure-definition';
import type { ReportFigure } from './report-figure';

const pascal = (name: string) =>
  name.replace(/(^|_)([a-z])/g, (_, _sep: string, letter: string) => letter.toUpperCase());
const unitsKey = (code: string) => `units${code}`;
const chargedKey = (payer: string) => `chargedCents${pascal(payer)}`;

/** Units per billed code: a measure per code of billing's catalogue, so the rows sum as any other. */
const codeMeasures: Measure[] = CPT_CODES.map((code) => ({
  key: unitsKey(code),
  description: `Units billed under ${code} (${cptCode(code)!.service})`,
}));

const payerMeasures: Measure[] = PAYERS.map((payer) => ({
  key: chargedKey(payer),
  description: `Charges, in cents, of the visits billed to ${payer}`,
}));

/** Billing: units per visit, units per code, and charges per payer, as the superbills make them. */
export const BILLING: ReportFigure = {
  key: 'billing',
  title: 'Billed units and charges',
  description:
    'Visit records (a completed visit’s billed services) by their service date, the clinic’s ' +
    'local date of the visit, and by the therapist who delivered the visit. Units are those the ' +
    'payer’s unit rule gave each line (bundled and unbilled lines count none); charges are units ' +
    'times the fee schedule’s charge in effect on the date for the clinic and the record’s payer ' +
    '(self-pay when none), as a superbill computes them; a billed line without a fee is counted ' +
    'in unpricedLines and charges nothing. Units per visit = billedUnits / recordedVisits. The ' +
    'payer filter narrows by the patient’s payer now; the charges per payer follow the payer each ' +
    'record was billed to.',
  audience: 'operational',
  measures: [
    { key: 'recordedVisits', description: 'Visits with a visit record in the period' },
    { key: 'billedUnits', description: 'Units billed on those visits, every code' },
    ...codeMeasures,
    { key: 'chargedCents', description: 'Charges of those visits, in cents, every payer' },
    ...payerMeasures,
    { key: 'unpricedLines', description: 'Billed lines the fee schedule has no charge for' },
  ],
  ratios: [
    {
      key: 'unitsPerVisit',
      numerator: 'billedUnits',
      denominator: 'recordedVisits',
      kind: 'mean',
      description: 'Billed units per visit with a visit record',
    },
    {
      key: 'chargedCentsPerVisit',
      numerator: 'chargedCents',
      denominator: 'recordedVisits',
      kind: 'mean',
      description: 'Charges (cents) per visit with a visit record',
    },
  ],
  dimensions: ['location', 'therapist', 'weekday'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT billed.therapist_id, billed.patient_id, 1 AS "recordedVisits",
        billed.billed_units AS "billedUnits",
        ${CPT_CODES.map((code) => `coalesce((billed.units_by_code ->> '${code}')::int, 0) AS "${unitsKey(code)}"`).join(',\n        ')},
        billed.charged_cents AS "chargedCents",
        ${PAYERS.map((payer) => `CASE WHEN billed.payer = '${payer}' THEN billed.charged_cents ELSE 0 END AS "${chargedKey(payer)}"`).join(',\n        ')},
        billed.unpriced_lines AS "unpricedLines"
      FROM ${billedVisitRecordsSql(at.location, at.fromDate, at.toDate)} billed)`,
};
