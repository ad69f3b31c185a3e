import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { DayCount, Jurisdiction } from './rule-parameters';

/**
 * Calendar and business days over local dates (`YYYY-MM-DD`, already in the clinic's zone). A
 * business day is Monday to Friday and not a public holiday where the clinic is, as the
 * maintained `date-holidays` library lists them for the state (or the country): Pennsylvania's
 * Flag Day, Texas's day after Thanksgiving, Ireland's bank holidays.
 */
export type HolidayCalendar = (date: string) => boolean;

const calendars = new Map<Jurisdiction, HolidayCalendar>();

/** Public holidays of a jurisdiction (`US-TX`, `IE`); none for one the library does not know. */
export function holidaysOf(jurisdiction: Jurisdiction): HolidayCalendar {
  let calendar = calendars.get(jurisdiction);
  if (!calendar) {
    const [country, state] = jurisdiction.split('-');
    const holidays = new Holidays();
    holidays.init(country, state ?? '', { types: ['public'] });
    const known = holidays.getCountries()[country] !== undefined;
    const byYear = new Map<number, Set<string>>();
    calendar = (date: string) => {
      if (!known) return false;
      const year = Number(date.slice(0, 4));
      let days = byYear.get(year);
      if (!days) {
        days = new Set((holidays.getHolidays(year) || []).map((day) => day.date.slice(0, 10)));
        byYear.set(year, days);
      }
      return days.has(date);
    };
    calendars.set(jurisdiction, calendar);
  }
  return calendar;
}

const day = (date: string) => DateTime.fromISO(date, { zone: 'utc' });
const iso = (value: DateTime) => value.toISODate()!;

export function addCalendarDays(date: string, days: number): string {
  return iso(day(date).plus({ days }));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}

export function isBusinessDay(date: string, holidays: HolidayCalendar): boolean {
  return day(date).weekday <= 5 && !holidays(date);
}

/** The `n`th business day after `date` (not counting `date` itself). */
export function addBusinessDays(date: string, n: number, holidays: HolidayCalendar): string {
  let current = date;
  for (let counted = 0; counted < n;) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current, holidays)) counted += 1;
  }
  return current;
}

/** The last day of a window of `count` days whose clock starts on `start`. */
export function lastDayOf(start: string, count: DayCount, holidays: HolidayCalendar): string {
  if (count.unit === 'calendar') {
    return addCalendarDays(start, count.startDayCounts ? count.count - 1 : count.count);
  }
  // Business days: the start counts as day 1 when it is itself a business day.
  const first = count.startDayCounts && isBusinessDay(start, holidays) ? 1 : 0;
  return count.count - first === 0 ? start : addBusinessDays(start, count.count - first, holidays);
}
