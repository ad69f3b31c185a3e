/**
 * When patient emails go out. Times in the tables are local wall-clock times with their UTC
 * offset, so each row reads as the clinic sees it and still names one exact instant.
 * US changes used here:
 *   2026-11-01: 02:00 local falls back to 01:00 (New York -04:00 to -05:00, Chicago -05:00 to -06:00).
 *   2027-03-14: 02:00 local jumps to 03:00 (New York -05:00 to -04:00, Chicago -06:00 to -05:00).
 * Asia/Kolkata is +05:30 all year.
 */
import { DateTime } from 'luxon';
import {
  DEFAULT_QUIET_HOURS,
  daysLaterAtDaytime,
  firstSendableMoment,
  isQuietTime,
  type QuietHours,
  reminderSendAt,
} from './send-time';

const SCRANTON = 'America/New_York';
const PLANO = 'America/Chicago';
const LA = 'America/Los_Angeles';
const KOLKATA = 'Asia/Kolkata';
const ZONES = [SCRANTON, PLANO, LA, KOLKATA];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A window that never applies, to look at the raw arithmetic. */
const NEVER_QUIET: QuietHours = { startsAtMinute: 0, endsAtMinute: 0 };
/** Long before every appointment in this file. */
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

const at = (isoWithOffset: string): Date => new Date(isoWithOffset);
const localIso = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
const wallClock = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');

/** The instant and its local reading in `zone` both match `expected` (local time with offset). */
function expectLocal(actual: Date | null, expected: string, zone: string): void {
  expect(actual).not.toBeNull();
  expect(localIso(actual as Date, zone)).toBe(expected);
  expect((actual as Date).getTime()).toBe(Date.parse(expected));
}

describe('DEFAULT_QUIET_HOURS', () => {
  it('is 21:00 to 08:00 local', () => {
    expect(DEFAULT_QUIET_HOURS).toEqual({ startsAtMinute: 21 * 60, endsAtMinute: 8 * 60 });
  });
});

describe('isQuietTime with the default 21:00-08:00 window', () => {
  it.each<[string, string, boolean]>([
    // Scranton in winter
    ['2026-12-01T20:59-05:00', SCRANTON, false],
    ['2026-12-01T21:00-05:00', SCRANTON, true],
    ['2026-12-01T23:59-05:00', SCRANTON, true],
    ['2026-12-02T00:00-05:00', SCRANTON, true],
    ['2026-12-02T03:00-05:00', SCRANTON, true],
    ['2026-12-02T07:59-05:00', SCRANTON, true],
    ['2026-12-02T08:00-05:00', SCRANTON, false],
    ['2026-12-02T12:00-05:00', SCRANTON, false],
    // Scranton in summer
    ['2026-07-06T20:59-04:00', SCRANTON, false],
    ['2026-07-06T21:00-04:00', SCRANTON, true],
    ['2026-07-07T07:59-04:00', SCRANTON, true],
    ['2026-07-07T08:00-04:00', SCRANTON, false],
    // Plano
    ['2026-12-01T20:59-06:00', PLANO, false],
    ['2026-12-01T21:00-06:00', PLANO, true],
    ['2026-12-02T07:59-06:00', PLANO, true],
    ['2026-12-02T08:00-06:00', PLANO, false],
    // Los Angeles
    ['2026-12-01T20:59-08:00', LA, false],
    ['2026-12-01T21:00-08:00', LA, true],
    ['2026-12-02T07:59-08:00', LA, true],
    ['2026-12-02T08:00-08:00', LA, false],
    // Kolkata, half-hour offset
    ['2026-12-01T20:59+05:30', KOLKATA, false],
    ['2026-12-01T21:00+05:30', KOLKATA, true],
    ['2026-12-02T07:59+05:30', KOLKATA, true],
    ['2026-12-02T08:00+05:30', KOLKATA, false],
    // DST-change days
    ['2026-11-01T01:30-04:00', SCRANTON, true],
    ['2026-11-01T01:30-05:00', SCRANTON, true],
    ['2026-11-01T08:00-05:00', SCRANTON, false],
    ['2026-11-01T21:00-05:00', SCRANTON, true],
    ['2027-03-14T07:59-04:00', SCRANTON, true],
    ['2027-03-14T08:00-04:00', SCRANTON, false],
    ['2027-03-14T20:59-04:00', SCRANTON, false],
    ['2027-03-14T21:00-04:00', SCRANTON, true],
  ])('%s in %s is quiet: %s', (local, zone, quiet) => {
    expect(isQuietTime(at(local), zone)).toBe(quiet);
  });

  it.each<[string, boolean]>([
    ['2026-12-01T20:59:59.999-05:00', false],
    ['2026-12-02T07:59:59.999-05:00', true],
  ])('seconds do not round: %s is quiet: %s', (local, quiet) => {
    expect(isQuietTime(at(local), SCRANTON)).toBe(quiet);
  });

  // 02:30Z on 2 Dec 2026 is 21:30 in Scranton, 20:30 in Plano, 18:30 in LA, 08:00 in Kolkata.
  it.each<[string, boolean]>([
    [SCRANTON, true],
    [PLANO, false],
    [LA, false],
    [KOLKATA, false],
  ])('one instant read in %s is quiet: %s', (zone, quiet) => {
    expect(isQuietTime(new Date('2026-12-02T02:30:00Z'), zone)).toBe(quiet);
  });
});

describe('isQuietTime with a custom window', () => {
  const LUNCH: QuietHours = { startsAtMinute: 12 * 60, endsAtMinute: 13 * 60 + 30 };
  const LATE_NIGHT: QuietHours = { startsAtMinute: 22 * 60, endsAtMinute: 7 * 60 };

  it.each<[string, QuietHours, string, boolean]>([
    // Non-wrapping window 12:00-13:30
    ['lunch', LUNCH, '2026-12-01T11:59-05:00', false],
    ['lunch', LUNCH, '2026-12-01T12:00-05:00', true],
    ['lunch', LUNCH, '2026-12-01T13:29-05:00', true],
    ['lunch', LUNCH, '2026-12-01T13:30-05:00', false],
    ['lunch', LUNCH, '2026-12-01T22:00-05:00', false],
    ['lunch', LUNCH, '2026-12-01T03:00-05:00', false],
    ['lunch', LUNCH, '2026-12-01T00:00-05:00', false],
    // Wrapping window 22:00-07:00
    ['late night', LATE_NIGHT, '2026-12-01T21:30-05:00', false],
    ['late night', LATE_NIGHT, '2026-12-01T21:59-05:00', false],
    ['late night', LATE_NIGHT, '2026-12-01T22:00-05:00', true],
    ['late night', LATE_NIGHT, '2026-12-02T06:59-05:00', true],
    ['late night', LATE_NIGHT, '2026-12-02T07:00-05:00', false],
    ['late night', LATE_NIGHT, '2026-12-02T07:30-05:00', false],
    // An empty window is never quiet
    ['empty', NEVER_QUIET, '2026-12-01T00:00-05:00', false],
    ['empty', NEVER_QUIET, '2026-12-01T23:59-05:00', false],
  ])('%s window: %s is quiet: %s', (_name, quiet, local, expected) => {
    expect(isQuietTime(at(local), SCRANTON, quiet)).toBe(expected);
  });
});

describe('reminderSendAt: whole-day leads count on the wall clock', () => {
  it.each<[string, number, string, string, number]>([
    // [appointment, hoursBefore, zone, send at, real hours between them]
    ['2026-12-02T09:00-05:00', 24, SCRANTON, '2026-12-01T09:00-05:00', 24],
    ['2026-12-02T09:00-06:00', 24, PLANO, '2026-12-01T09:00-06:00', 24],
    ['2026-12-02T09:00-08:00', 24, LA, '2026-12-01T09:00-08:00', 24],
    ['2026-12-02T09:00+05:30', 24, KOLKATA, '2026-12-01T09:00+05:30', 24],
    ['2026-07-07T09:00-04:00', 24, SCRANTON, '2026-07-06T09:00-04:00', 24],
    ['2026-07-07T16:45-05:00', 24, PLANO, '2026-07-06T16:45-05:00', 24],
    // Fall back (2026-11-01): the day before is an hour longer, 25 real hours
    ['2026-11-01T09:00-05:00', 24, SCRANTON, '2026-10-31T09:00-04:00', 25],
    ['2026-11-01T09:00-06:00', 24, PLANO, '2026-10-31T09:00-05:00', 25],
    ['2026-11-01T09:00-08:00', 24, LA, '2026-10-31T09:00-07:00', 25],
    ['2026-11-01T18:15-05:00', 24, SCRANTON, '2026-10-31T18:15-04:00', 25],
    // Spring forward (2027-03-14): 23 real hours
    ['2027-03-14T09:00-04:00', 24, SCRANTON, '2027-03-13T09:00-05:00', 23],
    ['2027-03-14T09:00-05:00', 24, PLANO, '2027-03-13T09:00-06:00', 23],
    ['2027-03-14T09:00-07:00', 24, LA, '2027-03-13T09:00-08:00', 23],
    ['2027-03-14T13:30-04:00', 24, SCRANTON, '2027-03-13T13:30-05:00', 23],
    // The day after the change: both ends share the new offset again
    ['2026-11-02T09:00-05:00', 24, SCRANTON, '2026-11-01T09:00-05:00', 24],
    ['2027-03-15T09:00-04:00', 24, SCRANTON, '2027-03-14T09:00-04:00', 24],
    // Kolkata has no DST: the US change dates are ordinary days there
    ['2026-11-01T09:00+05:30', 24, KOLKATA, '2026-10-31T09:00+05:30', 24],
    ['2027-03-14T09:00+05:30', 24, KOLKATA, '2027-03-13T09:00+05:30', 24],
    // 48 h: two calendar days earlier at the same wall time
    ['2026-12-03T09:00-05:00', 48, SCRANTON, '2026-12-01T09:00-05:00', 48],
    ['2026-12-03T09:00-06:00', 48, PLANO, '2026-12-01T09:00-06:00', 48],
    ['2026-12-03T09:00-08:00', 48, LA, '2026-12-01T09:00-08:00', 48],
    ['2026-12-03T09:00+05:30', 48, KOLKATA, '2026-12-01T09:00+05:30', 48],
    ['2026-11-02T09:00-05:00', 48, SCRANTON, '2026-10-31T09:00-04:00', 49],
    ['2026-11-02T09:00-06:00', 48, PLANO, '2026-10-31T09:00-05:00', 49],
    ['2027-03-15T09:00-04:00', 48, SCRANTON, '2027-03-13T09:00-05:00', 47],
    ['2027-03-15T09:00-07:00', 48, LA, '2027-03-13T09:00-08:00', 47],
    // 72 h
    ['2026-12-04T11:00-05:00', 72, SCRANTON, '2026-12-01T11:00-05:00', 72],
    ['2026-11-03T11:00-05:00', 72, SCRANTON, '2026-10-31T11:00-04:00', 73],
  ])('%s, %i h before, in %s: %s (%i real hours)', (start, hours, zone, expected, realHours) => {
    const sendAt = reminderSendAt(at(start), hours, zone, LONG_AGO);
    expectLocal(sendAt, expected, zone);
    expect(at(start).getTime() - (sendAt as Date).getTime()).toBe(realHours * HOUR);
  });
});

describe('reminderSendAt: other leads are exact hours', () => {
  it.each<[string, number, string, string]>([
    ['2026-12-02T11:00-05:00', 2, SCRANTON, '2026-12-02T09:00-05:00'],
    ['2026-12-02T14:15-06:00', 2, PLANO, '2026-12-02T12:15-06:00'],
    ['2026-12-02T10:00-08:00', 2, LA, '2026-12-02T08:00-08:00'],
    ['2026-12-02T16:45+05:30', 2, KOLKATA, '2026-12-02T14:45+05:30'],
    ['2026-12-02T22:30-05:00', 2, SCRANTON, '2026-12-02T20:30-05:00'],
    ['2026-12-02T10:00-05:00', 1, SCRANTON, '2026-12-02T09:00-05:00'],
    ['2026-12-02T20:00-05:00', 12, SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-03T20:00-05:00', 36, SCRANTON, '2026-12-02T08:00-05:00'],
    // Across the fall-back change 36 h is still 36 real hours (08:00 wall, not 09:00)
    ['2026-11-02T20:00-05:00', 36, SCRANTON, '2026-11-01T08:00-05:00'],
    // Same-day exact hours on the DST-change days, in the afternoon
    ['2026-11-01T15:00-05:00', 2, SCRANTON, '2026-11-01T13:00-05:00'],
    ['2027-03-14T15:00-04:00', 2, SCRANTON, '2027-03-14T13:00-04:00'],
  ])('%s, %i h before, in %s: %s', (start, hours, zone, expected) => {
    const sendAt = reminderSendAt(at(start), hours, zone, LONG_AGO);
    expectLocal(sendAt, expected, zone);
    expect(at(start).getTime() - (sendAt as Date).getTime()).toBe(hours * HOUR);
  });

  // Without quiet hours in the way, the 2 h lead across a change is 2 real hours, 1 or 3 on the wall.
  it.each<[string, string]>([
    ['2027-03-14T03:30-04:00', '2027-03-14T00:30-05:00'],
    ['2027-03-14T04:00-04:00', '2027-03-14T01:00-05:00'],
    ['2026-11-01T01:30-05:00', '2026-11-01T00:30-04:00'],
    ['2026-11-01T02:30-05:00', '2026-11-01T01:30-04:00'],
    ['2026-11-01T03:00-05:00', '2026-11-01T01:00-05:00'],
  ])('2 h before %s across a DST change is %s', (start, expected) => {
    const sendAt = reminderSendAt(at(start), 2, SCRANTON, LONG_AGO, NEVER_QUIET);
    expectLocal(sendAt, expected, SCRANTON);
    expect(at(start).getTime() - (sendAt as Date).getTime()).toBe(2 * HOUR);
  });
});

describe('reminderSendAt: a send time in quiet hours moves earlier, to 20:59', () => {
  it.each<[string, string, number, string, string]>([
    // [what, appointment, hoursBefore, zone, send at]
    ['07:30 visit, 24 h', '2026-12-03T07:30-05:00', 24, SCRANTON, '2026-12-01T20:59-05:00'],
    ['07:30 visit, 24 h', '2026-12-03T07:30-06:00', 24, PLANO, '2026-12-01T20:59-06:00'],
    ['07:30 visit, 24 h', '2026-12-03T07:30-08:00', 24, LA, '2026-12-01T20:59-08:00'],
    ['07:30 visit, 24 h', '2026-12-03T07:30+05:30', 24, KOLKATA, '2026-12-01T20:59+05:30'],
    ['07:30 visit, 24 h', '2026-07-08T07:30-04:00', 24, SCRANTON, '2026-07-06T20:59-04:00'],
    ['07:00 visit, 48 h', '2026-12-04T07:00-05:00', 48, SCRANTON, '2026-12-01T20:59-05:00'],
    ['in-home 22:30, 24 h', '2026-12-03T22:30-05:00', 24, SCRANTON, '2026-12-02T20:59-05:00'],
    ['in-home 22:30, 24 h', '2026-12-03T22:30+05:30', 24, KOLKATA, '2026-12-02T20:59+05:30'],
    ['in-home 22:30, 1 h', '2026-12-03T22:30-05:00', 1, SCRANTON, '2026-12-03T20:59-05:00'],
    ['in-home 22:30, 1 h', '2026-12-03T22:30-06:00', 1, PLANO, '2026-12-03T20:59-06:00'],
    ['in-home 23:00, 2 h', '2026-12-03T23:00-05:00', 2, SCRANTON, '2026-12-03T20:59-05:00'],
    ['08:30 visit, 2 h', '2026-12-03T08:30-05:00', 2, SCRANTON, '2026-12-02T20:59-05:00'],
    ['08:30 visit, 2 h', '2026-12-03T08:30-06:00', 2, PLANO, '2026-12-02T20:59-06:00'],
    ['08:30 visit, 2 h', '2026-12-03T08:30-08:00', 2, LA, '2026-12-02T20:59-08:00'],
    ['08:30 visit, 2 h', '2026-12-03T08:30+05:30', 2, KOLKATA, '2026-12-02T20:59+05:30'],
    ['09:59 visit, 2 h', '2026-12-03T09:59-05:00', 2, SCRANTON, '2026-12-02T20:59-05:00'],
    ['visit at 21:00, 24 h', '2026-12-03T21:00-05:00', 24, SCRANTON, '2026-12-02T20:59-05:00'],
    ['07:59 visit, 24 h', '2026-12-03T07:59-05:00', 24, SCRANTON, '2026-12-01T20:59-05:00'],
    ['00:30 visit, 2 h', '2026-12-03T00:30-05:00', 2, SCRANTON, '2026-12-02T20:59-05:00'],
    ['09:30 visit, 12 h', '2026-12-03T09:30-05:00', 12, SCRANTON, '2026-12-02T20:59-05:00'],
    // The visit is after a DST change, the evening it moves to is before it
    ['07:30 visit, 24 h', '2026-11-02T07:30-05:00', 24, SCRANTON, '2026-10-31T20:59-04:00'],
    ['07:30 visit, 24 h', '2026-11-02T07:30-06:00', 24, PLANO, '2026-10-31T20:59-05:00'],
    ['07:30 visit, 24 h', '2027-03-15T07:30-04:00', 24, SCRANTON, '2027-03-13T20:59-05:00'],
    ['08:30 visit, 2 h', '2027-03-14T08:30-04:00', 2, SCRANTON, '2027-03-13T20:59-05:00'],
    ['08:30 visit, 2 h', '2026-11-01T08:30-05:00', 2, SCRANTON, '2026-10-31T20:59-04:00'],
  ])('%s: %s, %i h before, in %s goes at %s', (_what, start, hours, zone, expected) => {
    const sendAt = reminderSendAt(at(start), hours, zone, LONG_AGO);
    expectLocal(sendAt, expected, zone);
    expect(isQuietTime(sendAt as Date, zone)).toBe(false);
    expect((sendAt as Date).getTime()).toBeLessThan(at(start).getTime());
  });

  it.each<[string, string, number, string]>([
    // Right at the edges of the window nothing moves
    ['2026-12-03T20:59-05:00', '2026-12-02T20:59-05:00', 24, 'at 20:59'],
    ['2026-12-03T08:00-05:00', '2026-12-02T08:00-05:00', 24, 'at 08:00'],
    ['2026-12-03T10:00-05:00', '2026-12-03T08:00-05:00', 2, 'at 08:00'],
    ['2026-12-03T22:59-05:00', '2026-12-03T20:59-05:00', 2, 'at 20:59'],
    ['2026-12-03T08:30-05:00', '2026-12-02T20:30-05:00', 12, 'at 20:30'],
  ])('%s: the reminder %s (%i h) already %s stays', (start, expected, hours) => {
    expectLocal(reminderSendAt(at(start), hours, SCRANTON, LONG_AGO), expected, SCRANTON);
  });

  it('a custom non-wrapping window moves to the minute before it starts, the same day', () => {
    const lunch: QuietHours = { startsAtMinute: 12 * 60, endsAtMinute: 13 * 60 };
    expectLocal(
      reminderSendAt(at('2026-12-03T14:30-05:00'), 2, SCRANTON, LONG_AGO, lunch),
      '2026-12-03T11:59-05:00',
      SCRANTON,
    );
    expectLocal(
      reminderSendAt(at('2026-12-03T12:30-05:00'), 24, SCRANTON, LONG_AGO, lunch),
      '2026-12-02T11:59-05:00',
      SCRANTON,
    );
  });

  it('a custom wrapping window moves to the evening before it starts', () => {
    const lateNight: QuietHours = { startsAtMinute: 22 * 60, endsAtMinute: 7 * 60 };
    expectLocal(
      reminderSendAt(at('2026-12-03T08:30-05:00'), 2, SCRANTON, LONG_AGO, lateNight),
      '2026-12-02T21:59-05:00',
      SCRANTON,
    );
    // 07:00 is quiet under the default window but is where this one ends.
    expectLocal(
      reminderSendAt(at('2026-12-03T09:00-05:00'), 2, SCRANTON, LONG_AGO, lateNight),
      '2026-12-03T07:00-05:00',
      SCRANTON,
    );
  });

  it.each<[string, number, string, string]>([
    // The evening it moves to is a day the clocks change: still the wall clock's 20:59.
    ['spring forward, 24 h', 24, '2027-03-15T22:30-04:00', '2027-03-14T20:59-04:00'],
    ['spring forward, 2 h', 2, '2027-03-15T08:30-04:00', '2027-03-14T20:59-04:00'],
    ['fall back, 24 h', 24, '2026-11-02T22:30-05:00', '2026-11-01T20:59-05:00'],
    ['fall back, 2 h', 2, '2026-11-02T08:30-05:00', '2026-11-01T20:59-05:00'],
  ])(
    'a quiet reminder moving onto a DST-change evening (%s) goes at 20:59',
    (_, hours, startsAt, expected) => {
      expectLocal(reminderSendAt(at(startsAt), hours, SCRANTON, LONG_AGO), expected, SCRANTON);
    },
  );
});

describe('reminderSendAt: every quarter hour of ordinary days', () => {
  const DATES = ['2026-12-10', '2026-07-15'];
  const quarterHours = Array.from({ length: 96 }, (_, i) => ({
    hour: Math.floor(i / 4),
    minute: (i % 4) * 15,
  }));
  const cases = ZONES.flatMap((zone) =>
    [1, 2, 3, 12, 24, 48, 72].map((hours): [string, number] => [zone, hours]),
  );

  it.each(cases)(
    'in %s, %i h before: never quiet, before the visit, no later than the plain lead',
    (zone, hours) => {
      for (const date of DATES) {
        for (const { hour, minute } of quarterHours) {
          const start = DateTime.fromISO(date, { zone }).set({ hour, minute }).toJSDate();
          const candidate = new Date(start.getTime() - hours * HOUR);
          const sendAt = reminderSendAt(start, hours, zone, LONG_AGO);
          expect(sendAt).not.toBeNull();
          const sent = sendAt as Date;
          expect(isQuietTime(sent, zone)).toBe(false);
          expect(sent.getTime()).toBeLessThan(start.getTime());
          if (isQuietTime(candidate, zone)) {
            // The 20:59 just before that night's quiet hours: at most 11 h earlier.
            expect(wallClock(sent, zone)).toBe('20:59');
            expect(candidate.getTime() - sent.getTime()).toBeGreaterThan(0);
            expect(candidate.getTime() - sent.getTime()).toBeLessThanOrEqual(11 * HOUR);
          } else {
            expect(sent.getTime()).toBe(candidate.getTime());
          }
        }
      }
    },
  );
});

describe('reminderSendAt: null once the moment has passed', () => {
  it.each<[string, string, number, string, string | null]>([
    // [what, appointment, hoursBefore, now, send at or null]
    [
      'now is a day earlier',
      '2026-12-02T09:00-05:00',
      24,
      '2026-11-30T09:00-05:00',
      '2026-12-01T09:00-05:00',
    ],
    [
      '1 ms to spare',
      '2026-12-02T09:00-05:00',
      24,
      '2026-12-01T08:59:59.999-05:00',
      '2026-12-01T09:00-05:00',
    ],
    ['now is exactly the moment', '2026-12-02T09:00-05:00', 24, '2026-12-01T09:00-05:00', null],
    ['1 ms late', '2026-12-02T09:00-05:00', 24, '2026-12-01T09:00:00.001-05:00', null],
    [
      'booked 3 h before: 24 h is gone',
      '2026-12-02T15:00-05:00',
      24,
      '2026-12-02T12:00-05:00',
      null,
    ],
    [
      'booked 3 h before: 2 h is ahead',
      '2026-12-02T15:00-05:00',
      2,
      '2026-12-02T12:00-05:00',
      '2026-12-02T13:00-05:00',
    ],
    ['booked 1 h before: 2 h is gone', '2026-12-02T15:00-05:00', 2, '2026-12-02T14:00-05:00', null],
    ['the visit itself is over', '2026-12-02T15:00-05:00', 2, '2026-12-02T16:00-05:00', null],
    // Moved to 20:59 and that has passed: no late-night email instead
    ['quiet, moved into the past', '2026-12-03T07:30-05:00', 24, '2026-12-01T21:30-05:00', null],
    [
      'quiet, moved, still ahead',
      '2026-12-03T07:30-05:00',
      24,
      '2026-12-01T20:58-05:00',
      '2026-12-01T20:59-05:00',
    ],
    ['quiet 2 h, moved into the past', '2026-12-03T08:30-05:00', 2, '2026-12-02T22:00-05:00', null],
    ['quiet 2 h, moved exactly now', '2026-12-03T08:30-05:00', 2, '2026-12-02T20:59-05:00', null],
  ])('%s', (_what, start, hours, now, expected) => {
    const sendAt = reminderSendAt(at(start), hours, SCRANTON, at(now));
    if (expected === null) expect(sendAt).toBeNull();
    else expectLocal(sendAt, expected, SCRANTON);
  });

  it.each(ZONES)('in %s a reminder is null exactly when its moment is not after now', (zone) => {
    const start = DateTime.fromISO('2026-12-02T09:00', { zone }).toJSDate();
    const moment = reminderSendAt(start, 24, zone, LONG_AGO) as Date;
    expect(reminderSendAt(start, 24, zone, new Date(moment.getTime() - 1))).toEqual(moment);
    expect(reminderSendAt(start, 24, zone, moment)).toBeNull();
    expect(reminderSendAt(start, 24, zone, new Date(moment.getTime() + MINUTE))).toBeNull();
  });
});

describe('firstSendableMoment', () => {
  it.each<[string, string]>([
    ['2026-12-01T12:00-05:00', SCRANTON],
    ['2026-12-01T08:00-05:00', SCRANTON],
    ['2026-12-01T20:59-05:00', SCRANTON],
    ['2026-07-06T20:59-04:00', SCRANTON],
    ['2026-12-01T14:00-06:00', PLANO],
    ['2026-12-01T08:00-08:00', LA],
    ['2026-12-01T20:59+05:30', KOLKATA],
    // The DST-change days in the daytime
    ['2026-11-01T12:00-05:00', SCRANTON],
    ['2027-03-14T12:00-04:00', SCRANTON],
  ])('outside quiet hours, %s in %s: now', (now, zone) => {
    const instant = at(now);
    expect(firstSendableMoment(instant, zone).getTime()).toBe(instant.getTime());
  });

  it.each<[string, string, string]>([
    // Evening: the next morning
    ['2026-12-01T22:00-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-01T21:00-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-01T23:59-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-01T22:00-06:00', PLANO, '2026-12-02T08:00-06:00'],
    ['2026-12-01T22:00-08:00', LA, '2026-12-02T08:00-08:00'],
    ['2026-12-01T22:00+05:30', KOLKATA, '2026-12-02T08:00+05:30'],
    ['2026-12-31T22:30-05:00', SCRANTON, '2027-01-01T08:00-05:00'],
    // After midnight: the same day
    ['2026-12-02T00:00-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-02T03:00-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-02T07:59-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-02T03:00-06:00', PLANO, '2026-12-02T08:00-06:00'],
    ['2026-12-02T03:00-08:00', LA, '2026-12-02T08:00-08:00'],
    ['2026-12-02T03:00+05:30', KOLKATA, '2026-12-02T08:00+05:30'],
    // The night before a DST change: 08:00 on the new offset
    ['2026-10-31T22:00-04:00', SCRANTON, '2026-11-01T08:00-05:00'],
    ['2026-10-31T22:00-05:00', PLANO, '2026-11-01T08:00-06:00'],
    ['2027-03-13T22:00-05:00', SCRANTON, '2027-03-14T08:00-04:00'],
    ['2027-03-13T22:00-08:00', LA, '2027-03-14T08:00-07:00'],
  ])('inside quiet hours, %s in %s: %s', (now, zone, expected) => {
    const sendAt = firstSendableMoment(at(now), zone);
    expectLocal(sendAt, expected, zone);
    expect(isQuietTime(sendAt, zone)).toBe(false);
  });

  it('with a custom window: the minute it ends', () => {
    const lunch: QuietHours = { startsAtMinute: 12 * 60, endsAtMinute: 13 * 60 };
    expectLocal(
      firstSendableMoment(at('2026-12-01T12:30-05:00'), SCRANTON, lunch),
      '2026-12-01T13:00-05:00',
      SCRANTON,
    );
    const instant = at('2026-12-01T22:00-05:00');
    expect(firstSendableMoment(instant, SCRANTON, lunch).getTime()).toBe(instant.getTime());
  });

  it.each<[string, string]>([
    // Around the clock changes the morning is still 08:00 on the wall clock.
    ['2026-11-01T03:00-05:00', '2026-11-01T08:00-05:00'],
    ['2026-11-01T01:30-04:00', '2026-11-01T08:00-05:00'],
    ['2026-11-01T01:30-05:00', '2026-11-01T08:00-05:00'],
    ['2027-03-14T03:30-04:00', '2027-03-14T08:00-04:00'],
    ['2026-11-01T22:00-05:00', '2026-11-02T08:00-05:00'],
    ['2027-03-14T22:00-04:00', '2027-03-15T08:00-04:00'],
    ['2026-10-31T22:00-04:00', '2026-11-01T08:00-05:00'],
    ['2027-03-13T22:00-05:00', '2027-03-14T08:00-04:00'],
  ])('on a DST-change night, called at %s, returns %s', (now, expected) => {
    expectLocal(firstSendableMoment(at(now), SCRANTON), expected, SCRANTON);
  });
});

describe('daysLaterAtDaytime', () => {
  it.each<[string, number, string, string]>([
    // [from (instant), days, zone, expected]
    ['2026-12-01T09:00-05:00', 2, SCRANTON, '2026-12-03T10:00-05:00'],
    ['2026-12-01T09:00-06:00', 2, PLANO, '2026-12-03T10:00-06:00'],
    ['2026-12-01T09:00-08:00', 2, LA, '2026-12-03T10:00-08:00'],
    ['2026-12-01T09:00+05:30', 2, KOLKATA, '2026-12-03T10:00+05:30'],
    ['2026-12-01T16:30-05:00', 1, SCRANTON, '2026-12-02T10:00-05:00'],
    ['2026-12-01T16:30-05:00', 7, SCRANTON, '2026-12-08T10:00-05:00'],
    // Same local date at 10:00, even when that is earlier than `from`
    ['2026-12-01T16:30-05:00', 0, SCRANTON, '2026-12-01T10:00-05:00'],
    // The local date counts, not the UTC one (22:00 in Scranton is already tomorrow in UTC)
    ['2026-12-01T22:00-05:00', 2, SCRANTON, '2026-12-03T10:00-05:00'],
    ['2026-12-01T23:59-08:00', 1, LA, '2026-12-02T10:00-08:00'],
    ['2026-12-02T01:30+05:30', 2, KOLKATA, '2026-12-04T10:00+05:30'],
    ['2026-12-31T12:00-05:00', 1, SCRANTON, '2027-01-01T10:00-05:00'],
    // Across DST changes: still 10:00 on the wall
    ['2026-10-30T12:00-04:00', 3, SCRANTON, '2026-11-02T10:00-05:00'],
    ['2026-10-30T12:00-04:00', 2, SCRANTON, '2026-11-01T10:00-05:00'],
    ['2026-10-30T12:00-05:00', 2, PLANO, '2026-11-01T10:00-06:00'],
    ['2027-03-12T12:00-05:00', 3, SCRANTON, '2027-03-15T10:00-04:00'],
    ['2027-03-12T12:00-05:00', 2, SCRANTON, '2027-03-14T10:00-04:00'],
    ['2027-03-12T12:00-08:00', 2, LA, '2027-03-14T10:00-07:00'],
    ['2026-11-01T01:30-04:00', 1, SCRANTON, '2026-11-02T10:00-05:00'],
    ['2026-11-01T01:30-05:00', 1, SCRANTON, '2026-11-02T10:00-05:00'],
  ])('from %s, %i days later in %s: %s', (from, days, zone, expected) => {
    expectLocal(daysLaterAtDaytime(at(from), days, zone), expected, zone);
  });

  it.each<[string, number, string, string]>([
    // [local date, days, zone, expected]
    ['2026-12-01', 2, SCRANTON, '2026-12-03T10:00-05:00'],
    ['2026-12-01', 2, PLANO, '2026-12-03T10:00-06:00'],
    ['2026-12-01', 1, LA, '2026-12-02T10:00-08:00'],
    ['2026-12-01', 2, KOLKATA, '2026-12-03T10:00+05:30'],
    ['2026-12-01', 0, SCRANTON, '2026-12-01T10:00-05:00'],
    ['2026-10-15', 30, SCRANTON, '2026-11-14T10:00-05:00'],
    ['2026-10-15', 30, LA, '2026-11-14T10:00-08:00'],
    ['2027-02-28', 30, SCRANTON, '2027-03-30T10:00-04:00'],
    ['2027-02-20', 30, PLANO, '2027-03-22T10:00-05:00'],
    ['2026-10-31', 1, SCRANTON, '2026-11-01T10:00-05:00'],
    ['2027-03-13', 1, SCRANTON, '2027-03-14T10:00-04:00'],
    ['2028-02-28', 1, SCRANTON, '2028-02-29T10:00-05:00'],
    ['2026-12-15', 30, KOLKATA, '2027-01-14T10:00+05:30'],
  ])('from the date %s, %i days later in %s: %s', (date, days, zone, expected) => {
    expectLocal(daysLaterAtDaytime(date, days, zone), expected, zone);
  });

  it.each(ZONES)('in %s a date string and any instant on that local date agree', (zone) => {
    const fromString = daysLaterAtDaytime('2026-12-01', 5, zone);
    for (const time of ['00:00', '07:15', '12:00', '23:59']) {
      const instant = DateTime.fromISO(`2026-12-01T${time}`, { zone }).toJSDate();
      expect(daysLaterAtDaytime(instant, 5, zone)).toEqual(fromString);
    }
    expect(wallClock(fromString, zone)).toBe('10:00');
  });
});
