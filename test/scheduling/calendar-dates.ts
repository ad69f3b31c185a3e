import { DateTime } from 'luxon';

/** Test dates are computed from today, so the suite keeps working as the calendar moves on. */
export function nextWeekday(
  isoWeekday: number,
  atLeastDaysAhead = 7,
  zone = 'America/New_York',
): string {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: atLeastDaysAhead });
  while (day.weekday !== isoWeekday) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/** The next local date whose day is 23 hours long (spring forward) in the zone. */
export function nextSpringForward(zone = 'America/New_York'): string {
  let day = DateTime.now().setZone(zone).startOf('day').plus({ days: 1 });
  for (let i = 0; i < 400; i++, day = day.plus({ days: 1 })) {
    if (day.plus({ days: 1 }).diff(day, 'hours').hours === 23) return day.toISODate()!;
  }
  throw new Error(`no DST change in ${zone} within a year`);
}

export function plusDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Today's date in the zone (a clinic's local day). */
export function localToday(zone = 'America/New_York'): string {
  return DateTime.now().setZone(zone).toISODate()!;
}
