import { VISIT_STATUSES, visitsStartingSql } from '../../scheduling/appointment-report.sql';
import { visitDaysSql } from '../visit-days/visit-days.sql';
import type { ReportFigure } from './report-figure';

const list = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');

/** Visits and arrival: what became of the visits scheduled for the period. */
export const VISITS: ReportFigure = {
  key: 'visits',
  title: 'Visits and arrival',
  description:
    'Every appointment counted once, on the local day and hour of its final start time (a moved ' +
    'visit counts where it was moved to; each occurrence of a series counts on its own).',
  audience: 'operational',
  measures: [
    {
      key: 'scheduled',
      description: 'Visits scheduled to start in the period, whatever became of them',
    },
    { key: 'arrived', description: 'Visits the patient came to: checked in or completed' },
    { key: 'cancelled', description: 'Visits cancelled, early or late' },
    {
      key: 'lateCancelled',
      description: 'Visits cancelled inside the clinic’s late-cancellation window',
    },
    { key: 'noShows', description: 'Visits marked as no-show' },
    {
      key: 'cancelledOrNoShow',
      description: 'Visits cancelled (early or late) or missed: cancelled + noShows',
    },
    { key: 'unexcused', description: 'Late cancellations and no-shows: lateCancelled + noShows' },
    {
      key: 'pending',
      description: 'Visits still booked or confirmed (ahead, or their outcome not yet recorded)',
    },
  ],
  ratios: [
    {
      key: 'arrivalRate',
      numerator: 'arrived',
      denominator: 'scheduled',
      kind: 'rate',
      description: 'Arrived over all scheduled',
    },
    {
      key: 'cancelNoShowRate',
      numerator: 'cancelledOrNoShow',
      denominator: 'scheduled',
      kind: 'rate',
      description: 'Cancelled or no-show over all scheduled',
    },
    {
      key: 'unexcusedRate',
      numerator: 'unexcused',
      denominator: 'scheduled',
      kind: 'rate',
      description: 'Late-cancelled or no-show over all scheduled (the unexcused-only variant)',
    },
  ],
  dimensions: ['location', 'therapist', 'weekday', 'hour'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT visit.therapist_id, visit.patient_id, visit.starts_at AS at,
        1 AS "scheduled",
        (visit.status IN (${list(VISIT_STATUSES.arrived)}))::int AS "arrived",
        (visit.status IN (${list(VISIT_STATUSES.cancelled)}))::int AS "cancelled",
        (visit.status IN (${list(VISIT_STATUSES.cancelled)}) AND visit.late_cancellation)::int AS "lateCancelled",
        (visit.status IN (${list(VISIT_STATUSES.noShow)}))::int AS "noShows",
        (visit.status IN (${list([...VISIT_STATUSES.cancelled, ...VISIT_STATUSES.noShow])}))::int AS "cancelledOrNoShow",
        ((visit.status IN (${list(VISIT_STATUSES.cancelled)}) AND visit.late_cancellation)
          OR visit.status IN (${list(VISIT_STATUSES.noShow)}))::int AS "unexcused",
        (visit.status IN (${list(VISIT_STATUSES.pending)}))::int AS "pending"
      FROM ${visitsStartingSql(at.location, at.fromInstant, at.toInstant)} visit)`,
  rolledUp: (at) => `(SELECT visit_day.therapist_id, NULL::uuid AS patient_id,
        visit_day.scheduled AS "scheduled", visit_day.arrived AS "arrived",
        visit_day.cancelled AS "cancelled", visit_day.late_cancelled AS "lateCancelled",
        visit_day.no_shows AS "noShows", visit_day.cancelled + visit_day.no_shows AS "cancelledOrNoShow",
        visit_day.late_cancelled + visit_day.no_shows AS "unexcused", visit_day.pending AS "pending"
      FROM ${visitDaysSql(at.location, at.fromDate, at.toDate)} visit_day)`,
};
