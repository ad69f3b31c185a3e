import { DateTime } from 'luxon';
import { ianaZone } from '../../common/time/iana-zone';

/**
 * Quiet hours as minutes after local midnight; the window may wrap past midnight. Patients are
 * not emailed inside it (TCPA-style quiet hours that clinics also apply to email).
 */
export interface QuietHours {
  startsAtMinute: number;
  endsAtMinute: number;
}

/** 21:00 to 08:00 local, the window the clinics asked for. */
export const DEFAULT_QUIET_HOURS: QuietHours = { startsAtMinute: 21 * 60, endsAtMinute: 8 * 60 };

/** Local time of day at which "N days later" emails go out: mid-morning, well clear of quiet hours. */
const DAYTIME_SEND_HOUR = 10;

function minuteOfDay(local: DateTime): number {
  return local.hour * 60 + local.minute;
}

export function isQuietTime(
  instant: Date,
  zone: string,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): boolean {
  return isQuietLocalTime(DateTime.fromJSDate(instant, { zone: ianaZone(zone) }), quiet);
}

function isQuietLocalTime(local: DateTime, quiet: QuietHours): boolean {
  const minute = minuteOfDay(local);
  return quiet.startsAtMinute > quiet.endsAtMinute
    ? minute >= quiet.startsAtMinute || minute < quiet.endsAtMinute
    : minute >= quiet.startsAtMinute && minute < quiet.endsAtMinute;
}

/**
 * The last minute before the quiet window that contains `local`: the same evening when the
 * window has begun, the evening before when it is already past midnight.
 */
function lastMinuteBeforeQuiet(local: DateTime, quiet: QuietHours): DateTime {
  const wraps = quiet.startsAtMinute > quiet.endsAtMinute;
  const day = wraps && minuteOfDay(local) < quiet.endsAtMinute ? local.minus({ days: 1 }) : local;
  return atWallClock(day, quiet.startsAtMinute - 1);
}

/**
 * The same local date at a wall-clock minute of the day. Set, never added to midnight: on the
 * days the clocks change, midnight plus N minutes is an hour off the wall clock.
 */
function atWallClock(day: DateTime, minuteOfTheDay: number): DateTime {
  return day.set({
    hour: Math.floor(minuteOfTheDay / 60),
    minute: minuteOfTheDay % 60,
    second: 0,
    millisecond: 0,
  });
}

/**
 * When a reminder `hoursBefore` an appointment goes out. Whole days are counted on the wall clock
 * (a 24 h reminder for 09:00 goes at 09:00 the day before, across a DST change too); other leads
 * are exact hours. A send time in quiet hours moves earlier, to the minute before they begin,
 * never later (it would land closer to, or after, the visit). Returns null when that moment has
 * already passed: the visit was booked inside the reminder's window and its confirmation has
 * just gone out.
 */
export function reminderSendAt(
  startsAt: Date,
  hoursBefore: number,
  zone: string,
  now: Date,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): Date | null {
  const start = DateTime.fromJSDate(startsAt, { zone: ianaZone(zone) });
  let sendAt: DateTime =
    hoursBefore % 24 === 0
      ? start.minus({ days: hoursBefore / 24 })
      : start.minus({ hours: hoursBefore });
  if (isQuietLocalTime(sendAt, quiet)) sendAt = lastMinuteBeforeQuiet(sendAt, quiet);
  const instant = sendAt.toJSDate();
  return instant.getTime() > now.getTime() ? instant : null;
}

/** Now, unless now is in quiet hours: then the morning they end. */
export function firstSendableMoment(
  now: Date,
  zone: string,
  quiet: QuietHours = DEFAULT_QUIET_HOURS,
): Date {
  const local = DateTime.fromJSDate(now, { zone: ianaZone(zone) });
  if (!isQuietLocalTime(local, quiet)) return now;
  const morning = atWallClock(local, quiet.endsAtMinute);
  return (
    morning > local ? morning : atWallClock(local.plus({ days: 1 }), quiet.endsAtMinute)
  ).toJSDate();
}

/** Mid-morning local time, `days` calendar days after the local date of `from`. */
export function daysLaterAtDaytime(from: Date | string, days: number, zone: string): Date {
  const start =
    typeof from === 'string'
      ? DateTime.fromISO(from, { zone: ianaZone(zone) })
      : DateTime.fromJSDate(from, { zone: ianaZone(zone) });
  return start.startOf('day').plus({ days }).set({ hour: DAYTIME_SEND_HOUR }).toJSDate();
}
