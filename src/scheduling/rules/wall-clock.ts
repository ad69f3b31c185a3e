import { DateTime } from 'luxon';
import { ianaZone } from '../../common/time/iana-zone';
import type { Interval } from '../../common/time/intervals';

/** A weekly wall-clock window: ISO weekday (1 Monday .. 7 Sunday) and times as HH:mm. */
export interface WeeklyWindow {
  weekday: number;
  opens: string;
  closes: string;
}

export class NonexistentLocalTimeError extends Error {
  constructor(
    readonly localTime: string,
    readonly zone: string,
  ) {
    super(`${localTime} does not exist in ${zone} (the clocks skip it)`);
  }
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The instant of a wall-clock time in a zone. A time the clocks skip (spring forward) is an
 * error, never silently shifted; a time that happens twice (fall back) is its first occurrence.
 * Computed from the zone's offsets, not by Luxon's parsing and formatting: booking by local time
 * asks this once per request, and Luxon's way cost a tenth of the request.
 */
export function instantOf(localDateTime: string, zone: string): Date {
  if (!LOCAL_DATE_TIME.test(localDateTime)) {
    throw new RangeError(`${localDateTime} is not a local time as YYYY-MM-DDTHH:mm`);
  }
  // The wall-clock reading as if it were UTC.
  const asUtc = utcMidnightOf(localDateTime);
  asUtc.setUTCHours(Number(localDateTime.slice(11, 13)), Number(localDateTime.slice(14, 16)));
  const offsets = ianaZone(zone);
  // A day that does not exist (30 February) rolls over into the next month.
  if (!offsets.isValid || asUtc.toISOString().slice(0, 16) !== localDateTime) {
    throw new RangeError(`${localDateTime} is not a valid local time`);
  }
  const wall = asUtc.getTime();
  // The offsets in force a day either side: the clocks change at most once in between. Each is
  // right if reading the clock back at that instant gives the time asked for.
  const instants = [offsets.offset(wall - DAY_MS), offsets.offset(wall + DAY_MS)]
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => localTimeOf(instant, zone) === localDateTime);
  if (instants.length === 0) throw new NonexistentLocalTimeError(localDateTime, zone);
  return new Date(Math.min(...instants));
}

/**
 * In the repeated hour of a fall-back change a wall time happens twice, and which one Luxon
 * returns depends on the season the process runs in; clinics mean the first.
 */
function firstOccurrence(time: DateTime, wallTime: string): DateTime {
  const hourEarlier = time.minus({ hours: 1 });
  return hourEarlier.toFormat("yyyy-MM-dd'T'HH:mm") === wallTime ? hourEarlier : time;
}

const CACHE_LIMIT = 50_000;

/** The wall-clock reading of an instant in a zone, as YYYY-MM-DDTHH:mm. */
export function localTimeOf(instant: Date | number, zone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + ianaZone(zone).offset(ms) * 60_000).toISOString().slice(0, 16);
}

/** Local calendar dates from `from` to `to` inclusive, as YYYY-MM-DD. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  let day = DateTime.fromISO(from, { zone: 'UTC' });
  const last = DateTime.fromISO(to, { zone: 'UTC' });
  while (day <= last) {
    dates.push(day.toISODate()!);
    day = day.plus({ days: 1 });
  }
  return dates;
}

/**
 * The instants a weekly window covers on one local date. The wall clock is read in the zone, so
 * a clinic open 08:00-17:00 opens at 08:00 local on both sides of a DST change; on the change day
 * itself the window is as long as the clocks make it.
 */
export function windowsOn(
  date: string,
  windows: readonly WeeklyWindow[],
  zone: string,
): Interval[] {
  const weekday = isoWeekday(date);
  return windowsOfTheirDay(
    date,
    windows.filter((window) => window.weekday === weekday),
    zone,
  );
}

/** `windowsOn` for windows already known to be of the date's weekday. */
export function windowsOfTheirDay(
  date: string,
  windows: readonly WeeklyWindow[],
  zone: string,
): Interval[] {
  return windows
    .map((window) => ({
      start: wallClock(date, window.opens, zone),
      end: wallClock(date, window.closes, zone),
    }))
    .filter((interval) => interval.end > interval.start);
}

/** ISO weekday (1 Monday .. 7 Sunday) of a calendar date; the same in every zone. */
export function isoWeekday(date: string): number {
  const day = utcMidnightOf(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * UTC midnight of the YYYY-MM-DD a string starts with, from its digits: parsing the string costs
 * more, and availability asks per slot list. setUTCFullYear keeps years below 100 as written; a
 * day past the month's end rolls over into the next month.
 */
function utcMidnightOf(date: string): Date {
  const midnight = new Date(0);
  midnight.setUTCFullYear(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return midnight;
}

const wallClocks = new Map<string, number>();

/** Epoch ms of a wall time; a skipped time maps to the instant the clocks jump to. */
function wallClock(date: string, time: string, zone: string): number {
  const key = `${zone}|${date}T${time}`;
  let ms = wallClocks.get(key);
  if (ms === undefined) {
    if (wallClocks.size >= CACHE_LIMIT) wallClocks.clear();
    const wallTime = `${date}T${time}`;
    ms = firstOccurrence(DateTime.fromISO(wallTime, { zone: ianaZone(zone) }), wallTime).toMillis();
    wallClocks.set(key, ms);
  }
  return ms;
}

/** The instants of a whole local date in a zone (23, 24 or 25 hours long). */
export function localDay(date: string, zone: string): Interval {
  const start = DateTime.fromISO(date, { zone: ianaZone(zone) }).startOf('day');
  return { start: start.toMillis(), end: start.plus({ days: 1 }).toMillis() };
}
