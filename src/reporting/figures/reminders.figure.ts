import { unsubscribesSql } from '../../patients/patient-report.sql';
import { appointmentEmailOutcomesSql } from '../../reminders/notification-report.sql';
import { VISIT_STATUSES, visitsStartingSql } from '../../scheduling/appointment-report.sql';
import { visitDaysSql } from '../visit-days/visit-days.sql';
import type { FactsContext, ReportFigure } from './report-figure';

const list = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');
const RESOLVED = list([...VISIT_STATUSES.arrived, ...VISIT_STATUSES.noShow]);
const NO_SHOW = list(VISIT_STATUSES.noShow);

/** The clinic's patients who unsubscribed on a day of the bucket, one row each. */
function unsubscribedSql(at: FactsContext): string {
  return `SELECT NULL::uuid, unsubscribe.patient_id,
        0, 0, 0, 1, 0, 0, 0, 0
      FROM ${unsubscribesSql(at.location, at.fromInstant, at.toInstant)} unsubscribe`;
}

/** Reminders: what became of the emails about the period's visits, and whether reminders help. */
export const REMINDERS: ReportFigure = {
  key: 'reminders',
  title: 'Reminder emails',
  description:
    'Emails about the visits scheduled in the period (confirmations, reminders, follow-ups, ' +
    're-booking offers), counted on the visit’s local day; unsubscribes on the local day a ' +
    'patient of the clinic (their home clinic) unsubscribed. Unsubscribes belong to no ' +
    'therapist: a therapist filter leaves them out.',
  audience: 'operational',
  measures: [
    { key: 'emailsSent', description: 'Emails about the period’s visits that were sent' },
    {
      key: 'emailsFailed',
      description: 'Emails about the period’s visits that failed for good (retries exhausted)',
    },
    {
      key: 'emailsSkipped',
      description:
        'Emails about the period’s visits not sent on purpose: no email consent, no address, ' +
        'or the patient archived',
    },
    {
      key: 'unsubscribed',
      description: 'Patients of the clinic who unsubscribed from emails on a day of the period',
    },
    {
      key: 'remindedVisits',
      description:
        'Visits with a known outcome (arrived or no-show) for which a reminder was sent before ' +
        'the visit began',
    },
    { key: 'remindedNoShows', description: 'Of remindedVisits, those missed (no-show)' },
    {
      key: 'unremindedVisits',
      description: 'Visits with a known outcome (arrived or no-show) that got no reminder',
    },
    { key: 'unremindedNoShows', description: 'Of unremindedVisits, those missed (no-show)' },
  ],
  ratios: [
    {
      key: 'remindedNoShowRate',
      numerator: 'remindedNoShows',
      denominator: 'remindedVisits',
      kind: 'rate',
      description: 'No-show rate of visits that got a reminder',
    },
    {
      key: 'unremindedNoShowRate',
      numerator: 'unremindedNoShows',
      denominator: 'unremindedVisits',
      kind: 'rate',
      description: 'No-show rate of visits that got no reminder',
    },
  ],
  dimensions: ['location', 'weekday'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT visit.therapist_id, visit.patient_id,
        emails.sent AS "emailsSent",
        emails.failed AS "emailsFailed",
        emails.skipped AS "emailsSkipped",
        0 AS "unsubscribed",
        (visit.status IN (${RESOLVED}) AND emails.reminded = 1)::int AS "remindedVisits",
        (visit.status IN (${NO_SHOW}) AND emails.reminded = 1)::int AS "remindedNoShows",
        (visit.status IN (${RESOLVED}) AND emails.reminded = 0)::int AS "unremindedVisits",
        (visit.status IN (${NO_SHOW}) AND emails.reminded = 0)::int AS "unremindedNoShows"
      FROM ${visitsStartingSql(at.location, at.fromInstant, at.toInstant)} visit
      CROSS JOIN LATERAL ${appointmentEmailOutcomesSql('visit.id', 'visit.starts_at')} emails
    UNION ALL
    ${unsubscribedSql(at)})`,
  rolledUp: (at) => `(SELECT visit_day.therapist_id, NULL::uuid AS patient_id,
        visit_day.emails_sent AS "emailsSent", visit_day.emails_failed AS "emailsFailed",
        visit_day.emails_skipped AS "emailsSkipped", 0 AS "unsubscribed",
        visit_day.reminded_visits AS "remindedVisits", visit_day.reminded_no_shows AS "remindedNoShows",
        visit_day.unreminded_visits AS "unremindedVisits",
        visit_day.unreminded_no_shows AS "unremindedNoShows"
      FROM ${visitDaysSql(at.location, at.fromDate, at.toDate)} visit_day
    UNION ALL
    ${unsubscribedSql(at)})`,
};
