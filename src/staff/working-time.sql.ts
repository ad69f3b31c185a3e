/**
 * SQL over the staff module's weekly working hours and time off, for the reporting module's
 * utilisation figures. The caller binds the location, its IANA zone and the local dates.
 */

/**
 * Relation `(therapist_id, day, starts_at, ends_at)`: each therapist's working windows at the
 * location on each local date from `from` up to but excluding `to`, as instants (the weekly
 * wall-clock hours placed on that date in the zone, so a DST change day has its true length).
 */
export function workingWindowsSql(
  location: string,
  zone: string,
  from: string,
  to: string,
): string {
  return `(SELECT hours.therapist_id, day::date AS day,
                  (day::date + hours.starts) AT TIME ZONE ${zone} AS starts_at,
                  (day::date + hours.ends) AT TIME ZONE ${zone} AS ends_at
             FROM generate_series(${from}::date, ${to}::date - 1, interval '1 day') AS day
             JOIN therapist_hours hours
               ON hours.location_id = ${location}
              AND hours.weekday = extract(isodow FROM day)::int)`;
}

/** Minutes of the therapist's time off inside the interval `starts` to `ends`. */
export function timeOffMinutesSql(therapist: string, starts: string, ends: string): string {
  return `(SELECT coalesce(sum(date_part('epoch', least(away.ends_at, ${ends})) - date_part('epoch', greatest(away.starts_at, ${starts}))) / 60, 0)
             FROM therapist_time_off away
            WHERE away.therapist_id = ${therapist} AND away.starts_at < ${ends} AND away.ends_at > ${starts})`;
}
