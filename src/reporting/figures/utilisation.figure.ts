import { closedOnSql } from '../../locations/location-report.sql';
import { VISIT_STATUSES, visitsStartingSql } from '../../scheduling/appointment-report.sql';
import { timeOffMinutesSql, workingWindowsSql } from '../../staff/working-time.sql';
import { visitDaysSql } from '../visit-days/visit-days.sql';
import type { FactsContext, ReportFigure } from './report-figure';

const list = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');

/** Each therapist's working minutes on each local day of the bucket, one row a day. */
function workingSql(at: FactsContext): string {
  return `SELECT working.therapist_id, NULL::uuid AS patient_id,
        sum(working.minutes) AS "workingMinutes", 0 AS "bookedMinutes", 1 AS "workingDays",
        0 AS "arrivedVisits"
      FROM (SELECT shift.therapist_id, shift.day,
                   (date_part('epoch', shift.ends_at) - date_part('epoch', shift.starts_at)) / 60
                     - ${timeOffMinutesSql('shift.therapist_id', 'shift.starts_at', 'shift.ends_at')} AS minutes
              FROM ${workingWindowsSql(at.location, at.zone, at.fromDate, at.toDate)} shift
             WHERE NOT ${closedOnSql(at.location, 'shift.day')}
             OFFSET 0) working
     GROUP BY working.therapist_id, working.day
    HAVING sum(working.minutes) > 0`;
}

/** Utilisation: how much of the therapists' working time was booked. */
export const UTILISATION: ReportFigure = {
  key: 'utilisation',
  title: 'Therapist utilisation',
  description:
    'Working time is each therapist’s weekly hours at the clinic placed on the period’s local ' +
    'dates, less the days the clinic is closed and less time off. Booked time is each session ' +
    'that was not cancelled (a group session counts once), by the local day it starts.',
  audience: 'operational',
  measures: [
    {
      key: 'workingMinutes',
      description: 'Minutes therapists were due to work: weekly hours, less closures and time off',
    },
    {
      key: 'bookedMinutes',
      description:
        'Minutes of sessions not cancelled (no-shows included: the time was held), in or out of working hours',
    },
    {
      key: 'workingDays',
      description: 'Therapist-days with working time (one therapist working one day counts 1)',
    },
    { key: 'arrivedVisits', description: 'Visits the patient came to: checked in or completed' },
  ],
  ratios: [
    {
      key: 'utilisation',
      numerator: 'bookedMinutes',
      denominator: 'workingMinutes',
      kind: 'rate',
      description: 'Booked minutes over working minutes (above 1 when booked beyond the hours)',
    },
    {
      key: 'visitsPerWorkingDay',
      numerator: 'arrivedVisits',
      denominator: 'workingDays',
      kind: 'mean',
      description: 'Arrived visits per therapist per working day',
    },
  ],
  dimensions: ['location', 'therapist', 'weekday'],
  byPayer: false,
  smallCells: [],
  facts: (at) => `(${workingSql(at)}
    UNION ALL
    SELECT session.therapist_id, NULL::uuid,
        0, (date_part('epoch', max(session.ends_at)) - date_part('epoch', min(session.starts_at))) / 60, 0,
        count(*) FILTER (WHERE session.status IN (${list(VISIT_STATUSES.arrived)}))
      FROM ${visitsStartingSql(at.location, at.fromInstant, at.toInstant)} session
     WHERE session.status NOT IN (${list(VISIT_STATUSES.cancelled)})
     GROUP BY session.therapist_id, session.session_key)`,
  rolledUp: (at) => `(${workingSql(at)}
    UNION ALL
    SELECT visit_day.therapist_id, NULL::uuid, 0, visit_day.booked_minutes, 0, visit_day.arrived
      FROM ${visitDaysSql(at.location, at.fromDate, at.toDate)} visit_day)`,
};
