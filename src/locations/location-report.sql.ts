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

/**
 * Relation `(day, place_minutes)`: for each local date from `from` up to (excluding) `to` the
 * location is open and not closed, its opening minutes that weekday times the places of its rooms
 * and resources in service that day (a room's capacity; a room retired before the day counts
 * none). `zone` is the location's IANA zone: opening hours are wall-clock times.
 */
export function roomPlaceMinutesSql(
  location: string,
  zone: string,
  from: string,
  to: string,
): string {
  return `(SELECT open_day.day::date AS day,
                  sum((date_part('epoch', (open_day.day::date + hours.closes) AT TIME ZONE ${zone})
                       - date_part('epoch', (open_day.day::date + hours.opens) AT TIME ZONE ${zone})) / 60
                      * (SELECT coalesce(sum(room.capacity), 0) FROM resources room
                          WHERE room.location_id = ${location}
                            AND (room.retired_at IS NULL
                                 OR room.retired_at > (open_day.day::date + hours.opens) AT TIME ZONE ${zone}))
                  ) AS place_minutes
             FROM generate_series(${from}::date, ${to}::date - 1, interval '1 day') AS open_day(day)
             JOIN location_hours hours
               ON hours.location_id = ${location} AND hours.weekday = extract(isodow FROM open_day)::int
            WHERE NOT ${closedOnSql(location, 'open_day.day::date')}
            GROUP BY open_day.day)`;
}
