import { staffNameSql } from '../auth/staff-names.sql';
import { CLINICS_SQL } from '../locations/location-report.sql';
import { patientPayerSql } from '../patients/patient-report.sql';
import type { Dimension, Period } from './rules/figure-definition';
import type { ReportFigure } from './figures/report-figure';

/** What one report adds up: the figure over local dates, narrowed and split. */
export interface ReportRequest {
  /** First local date and the day after the last one (YYYY-MM-DD). */
  from: string;
  toExclusive: string;
  /** Clinics to include; null for every clinic. */
  locationIds: string[] | null;
  therapistIds: string[] | null;
  payers: string[] | null;
  period: Period | null;
  by: Dimension | null;
}

const PERIOD_SQL: Record<Period, string> = {
  day: `to_char(f.local_at, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', f.local_at), 'YYYY-MM-DD')`,
  month: `to_char(f.local_at, 'YYYY-MM')`,
};

const GROUP_SQL: Record<Dimension, string> = {
  location: 'loc.id::text',
  therapist: 'f.therapist_id::text',
  weekday: 'extract(isodow FROM f.local_at)::int::text',
  hour: `to_char(f.local_at, 'HH24')`,
};

/** Labels read once per grouped row, not per counted row. */
const LABEL_SQL: Record<Dimension, string> = {
  location: `(SELECT clinic.name FROM ${CLINICS_SQL} clinic WHERE clinic.id::text = summed.group_id)`,
  therapist: `${staffNameSql('summed.group_id::uuid')}`,
  weekday: `trim(to_char(DATE '2024-01-07' + summed.group_id::int, 'Day'))`,
  hour: `summed.group_id || ':00'`,
};

/**
 * The statement that adds up a figure, and its parameters. Each clinic in scope is joined
 * laterally to the figure's facts with its own zone and its own instants for the local dates, so
 * a visit at 23:30 in Plano counts on that Plano date whatever the UTC date is, and each clinic's
 * rows are found through its (location, time) index.
 */
export function reportStatement(
  figure: ReportFigure,
  request: ReportRequest,
): { sql: string; parameters: unknown[] } {
  const facts = figure.facts({
    location: 'loc.id',
    zone: 'loc.time_zone',
    fromInstant: 'loc.lo',
    toInstant: 'loc.hi',
    fromDate: '$2::date',
    toDate: '$3::date',
  });
  const period = request.period ? PERIOD_SQL[request.period] : 'NULL::text';
  const group = request.by ? GROUP_SQL[request.by] : 'NULL::text';
  const label = request.by ? LABEL_SQL[request.by] : 'NULL::text';
  // Weekdays and hours in their own order; clinics and therapists by name.
  const order =
    request.by === 'weekday' || request.by === 'hour'
      ? 'summed.group_id'
      : 'group_label, summed.group_id';
  const sums = figure.measures
    .map(({ key }) => `coalesce(sum(f."${key}"), 0)::float8 AS "${key}"`)
    .join(', ');
  const payer = figure.byPayer
    ? `AND ($5::text[] IS NULL OR ${patientPayerSql('f.patient_id')} = ANY($5::text[]))`
    : `AND $5::text[] IS NULL`;
  const sql = `
    SELECT summed.*, ${label} AS group_label FROM (
      SELECT ${period} AS period, ${group} AS group_id, ${sums}
        FROM (SELECT clinic.id, clinic.time_zone,
                     ($2::date)::timestamp AT TIME ZONE clinic.time_zone AS lo,
                     ($3::date)::timestamp AT TIME ZONE clinic.time_zone AS hi
                FROM ${CLINICS_SQL} clinic
               WHERE $1::uuid[] IS NULL OR clinic.id = ANY($1::uuid[])) loc
        CROSS JOIN LATERAL ${facts} f
       WHERE ($4::uuid[] IS NULL OR f.therapist_id = ANY($4::uuid[])) ${payer}
       GROUP BY 1, 2) summed
     ORDER BY summed.period NULLS FIRST, ${order}`;
  return {
    sql,
    parameters: [
      request.locationIds,
      request.from,
      request.toExclusive,
      request.therapistIds,
      request.payers,
    ],
  };
}
