import { planTransitionsSql, plansActiveAtSql } from '../../plans/plan-report.sql';
import type { ReportFigure } from './report-figure';

/** Plans of care: how plans ended or paused, and how many stand active and fully booked. */
export const PLANS: ReportFigure = {
  key: 'plans',
  title: 'Plans of care',
  description:
    'Plans of care of the clinic’s episodes, by the therapist who wrote the plan. Completed, ' +
    'discontinued and put on hold count the status changes made on the clinic’s local dates of ' +
    'the period. Active at the period’s end counts the plans whose last status change before the ' +
    'end of the period’s last local day made them active; the totals take the last period’s ' +
    'counts. Under-scheduled counts those of them with fewer treatment visits held or booked ' +
    '(visits as they stand now) within the dates of the revision then in force than it ' +
    'prescribes (frequency per week times weeks), or than are authorised if fewer. ' +
    'Under-scheduled share = underScheduledPlans / activePlansAtEnd.',
  audience: 'operational',
  measures: [
    { key: 'plansCompleted', description: 'Plans of care completed in the period' },
    { key: 'plansDiscontinued', description: 'Plans of care discontinued in the period' },
    { key: 'plansPutOnHold', description: 'Plans of care put on hold in the period' },
    {
      key: 'activePlansAtEnd',
      description: 'Plans of care active at the end of the period',
      atPeriodEnd: true,
    },
    {
      key: 'underScheduledPlans',
      description:
        'Of the plans active at the end of the period, those with fewer visits held or booked within their dates than prescribed (or authorised)',
      atPeriodEnd: true,
    },
  ],
  ratios: [
    {
      key: 'underScheduledShare',
      numerator: 'underScheduledPlans',
      denominator: 'activePlansAtEnd',
      kind: 'rate',
      description: 'Share of the plans active at the period’s end that are under-scheduled',
    },
  ],
  // Counts at the period's end are one per period: no weekday or hour (rules/figure-definition).
  dimensions: ['location', 'therapist'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT change.therapist_id, change.patient_id,
        (change.to_status = 'completed')::int AS "plansCompleted",
        (change.to_status = 'discontinued')::int AS "plansDiscontinued",
        (change.to_status = 'on_hold')::int AS "plansPutOnHold",
        0 AS "activePlansAtEnd", 0 AS "underScheduledPlans"
      FROM ${planTransitionsSql(at.location, at.fromInstant, at.toInstant)} change
     WHERE change.to_status IN ('completed', 'discontinued', 'on_hold')
    UNION ALL
    SELECT active.therapist_id, active.patient_id, 0, 0, 0, 1, active.under_scheduled::int
      FROM ${plansActiveAtSql(at.location, at.toInstant, at.zone)} active)`,
};
