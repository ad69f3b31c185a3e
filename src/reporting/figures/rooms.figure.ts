import { roomPlaceMinutesSql } from '../../locations/location-report.sql';
import { VISIT_STATUSES, visitsStartingSql } from '../../scheduling/appointment-report.sql';
import { visitDaysSql } from '../visit-days/visit-days.sql';
import type { FactsContext, ReportFigure } from './report-figure';

const list = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ');

/** The clinic's place-minutes on each local day of the bucket it is open. */
function placesSql(at: FactsContext): string {
  return `SELECT NULL::uuid AS therapist_id, NULL::uuid AS patient_id,
        open_day.place_minutes AS "placeMinutes", 0 AS "occupiedPlaceMinutes"
      FROM ${roomPlaceMinutesSql(at.location, at.zone, at.fromDate, at.toDate)} open_day`;
}

/** Rooms and resources (the pool): how many of their places the visits held. */
export const ROOMS: ReportFigure = {
  key: 'rooms',
  title: 'Room and resource occupancy',
  description:
    'Place-minutes are the clinic’s opening minutes on each local date it is open (closures ' +
    'left out) times the places of its rooms and resources in service (a room’s capacity). ' +
    'Occupied place-minutes are the minutes of each visit not cancelled that holds a room or ' +
    'resource (no-shows included: the place was held), one place per visit.',
  audience: 'operational',
  measures: [
    { key: 'placeMinutes', description: 'Opening minutes times the places of rooms in service' },
    { key: 'occupiedPlaceMinutes', description: 'Minutes of visits not cancelled holding a place' },
  ],
  ratios: [
    {
      key: 'occupancy',
      numerator: 'occupiedPlaceMinutes',
      denominator: 'placeMinutes',
      kind: 'rate',
      description: 'Occupied place-minutes over place-minutes',
    },
  ],
  dimensions: ['location', 'weekday'],
  byPayer: false,
  smallCells: [],
  facts: (at) => `(${placesSql(at)}
    UNION ALL
    SELECT visit.therapist_id, visit.patient_id, 0,
        (date_part('epoch', visit.ends_at) - date_part('epoch', visit.starts_at)) / 60
      FROM ${visitsStartingSql(at.location, at.fromInstant, at.toInstant)} visit
     WHERE visit.resource_id IS NOT NULL AND visit.status NOT IN (${list(VISIT_STATUSES.cancelled)}))`,
  rolledUp: (at) => `(${placesSql(at)}
    UNION ALL
    SELECT visit_day.therapist_id, NULL::uuid, 0, visit_day.room_minutes
      FROM ${visitDaysSql(at.location, at.fromDate, at.toDate)} visit_day
     WHERE visit_day.room_minutes > 0)`,
};
