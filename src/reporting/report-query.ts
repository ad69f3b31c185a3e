import { staffNameSql } from '../auth/staff-names.sql';
import { CLINICS_SQL } from '../locations/location-report.sql';
import { patientPayerSql } from '../patients/patient-facts.sql';
import type { Dimension, Period } from './rules/figure-definition';
import type { FactsContext, ReportFigure } from './figures/report-figure';
import { type LocalBucket, localBuckets } from './rules/local-buckets';

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

/**
 * The buckets as rows `(from_date, to_date, period, weekday)`: literal values made here from
 * validated dates, so the planner knows how many there are (from generate_series it would guess a
 * thousand and scan the whole table).
 */
function bucketsSql(buckets: readonly LocalBucket[]): string {
  const literal = (value: string | number | null) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value}'`;
  const rows = buckets.map(
    (bucket) =>
      `('${bucket.from}'::date, '${bucket.to}'::date, ${literal(bucket.period)}::text, ${literal(bucket.weekday)}::text)`,
  );
  return `(VALUES ${rows.join(', ')}) AS bucket(from_date, to_date, period, weekday)`;
}

const GROUP_SQL: Record<Dimension, string> = {
  location: 'loc.id::text',
  therapist: 'f.therapist_id::text',
  weekday: 'loc.weekday',
  // Hours are read from each row: a figure split by hour has the instant `at` in its facts.
  hour: `to_char(f.at AT TIME ZONE loc.time_zone, 'HH24')`,
};

/** Labels read once per grouped row, not per counted row. */
const LABEL_SQL: Record<Dimension, string> = {
  location: `(SELECT clinic.name FROM ${CLINICS_SQL} clinic WHERE clinic.id::text = summed.group_id)`,
  therapist: `${staffNameSql('summed.group_id::uuid')}`,
  weekday: `trim(to_char(DATE '2024-01-07' + summed.group_id::int, 'Day'))`,
  hour: `summed.group_id || ':00'`,
};

/**
 * Whether the figure is added up from the visit-day roll-up: it has one, and the request needs
 * no patient's payer and no hour of a visit, which the roll-up's days do not keep.
 */
export function readsRollUp(figure: ReportFigure, request: ReportRequest): boolean {
  return figure.rolledUp !== undefined && request.payers === null && request.by !== 'hour';
}

/**
 * The statement that adds up a figure, and its parameters. Each clinic in scope is cut into local
 * buckets (days, weeks or months of its own zone, or the whole range), each bucket knowing its
 * own instants, and each bucket is joined laterally to the figure's facts: a visit at 23:30 in
 * Plano counts on that Plano date whatever the UTC date is, every bucket's rows are one range of
 * the (location, time) index, and no row needs a zone conversion of its own (but for hours).
 */
export function reportStatement(
  figure: ReportFigure,
  request: ReportRequest,
): { sql: string; parameters: unknown[] } {
  const context: FactsContext = {
    location: 'loc.id',
    zone: 'loc.time_zone',
    fromInstant: 'loc.lo',
    toInstant: 'loc.hi',
    fromDate: 'loc.from_date',
    toDate: 'loc.to_date',
  };
  const facts = readsRollUp(figure, request) ? figure.rolledUp!(context) : figure.facts(context);
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
    ? `AND ($3::text[] IS NULL OR ${patientPayerSql('f.patient_id')} = ANY($3::text[]))`
    : `AND $3::text[] IS NULL`;
  const sql = `
    SELECT summed.*, ${label} AS group_label FROM (
      SELECT loc.period, ${group} AS group_id, ${sums}
        FROM (SELECT clinic.id, clinic.time_zone, bucket.period, bucket.weekday,
                     bucket.from_date, bucket.to_date,
                     bucket.from_date::timestamp AT TIME ZONE clinic.time_zone AS lo,
                     bucket.to_date::timestamp AT TIME ZONE clinic.time_zone AS hi
                FROM ${CLINICS_SQL} clinic
                CROSS JOIN ${bucketsSql(localBuckets(request.from, request.toExclusive, request.period, request.by))}
               WHERE $1::uuid[] IS NULL OR clinic.id = ANY($1::uuid[])) loc
        -- OFFSET 0 keeps each bucket's facts a query of their own, run once per bucket as one
        -- index range: flattened, the planner misjudged the ranges' rows at a million visits and
        -- scanned the whole table (5.4 s for a quarter).
        CROSS JOIN LATERAL (SELECT * FROM ${facts} facts OFFSET 0) f
       WHERE ($2::uuid[] IS NULL OR f.therapist_id = ANY($2::uuid[])) ${payer}
       GROUP BY 1, 2) summed
     ORDER BY summed.period NULLS FIRST, ${order}`;
  return {
    sql,
    parameters: [request.locationIds, request.therapistIds, request.payers],
  };
}
