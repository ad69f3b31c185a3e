/**
 * The cancellation email an appointment's outbox holds once it is cancelled. Times are local
 * wall-clock times with their UTC offset; "now" is always a fixed instant.
 */
import { DateTime } from 'luxon';
import {
  type AppointmentFacts,
  appointmentKeysToKeep,
  planAppointmentNotifications,
} from './notification-plan';

const SCRANTON = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const at = (isoWithOffset: string): Date => new Date(isoWithOffset);

function appointment(overrides: Partial<AppointmentFacts> = {}): AppointmentFacts {
  return {
    id: 'appt-1',
    status: 'cancelled',
    startsAt: at('2026-12-05T10:00-05:00'),
    lateCancellation: false,
    timeZone: SCRANTON,
    revision: 0,
    reminderHoursBefore: [24, 2],
    followUpDays: 2,
    ...overrides,
  };
}

const plan = (overrides: Partial<AppointmentFacts>, now: string) =>
  planAppointmentNotifications(appointment(overrides), at(now)).map((item) => ({
    kind: item.kind,
    dedupeKey: item.dedupeKey,
    sendAt: DateTime.fromJSDate(item.sendAt, {
      zone: overrides.timeZone ?? SCRANTON,
    }).toFormat("yyyy-MM-dd'T'HH:mmZZ"),
  }));

describe('planAppointmentNotifications: cancelled in time', () => {
  it.each<[string, Partial<AppointmentFacts>, string, string]>([
    // [what, appointment, now, send at]
    ['in the day', {}, '2026-12-01T12:00-05:00', '2026-12-01T12:00-05:00'],
    ['at 20:59', {}, '2026-12-01T20:59-05:00', '2026-12-01T20:59-05:00'],
    // Quiet hours: only confirmations and offers go at night.
    ['at 21:00', {}, '2026-12-01T21:00-05:00', '2026-12-02T08:00-05:00'],
    ['at 22:30', {}, '2026-12-01T22:30-05:00', '2026-12-02T08:00-05:00'],
    ['at 03:00', {}, '2026-12-02T03:00-05:00', '2026-12-02T08:00-05:00'],
    ['after two moves', { revision: 2 }, '2026-12-01T12:00-05:00', '2026-12-01T12:00-05:00'],
    ['after a move, at 07:00', { revision: 1 }, '2026-12-02T07:00-05:00', '2026-12-02T08:00-05:00'],
    [
      'in Kolkata at night',
      { timeZone: KOLKATA, startsAt: at('2026-12-05T10:00+05:30') },
      '2026-12-01T23:00+05:30',
      '2026-12-02T08:00+05:30',
    ],
    // Fall back: 08:00 EST, after the clocks went back.
    [
      'at 01:30 on the fall-back day',
      { startsAt: at('2026-11-03T10:00-05:00') },
      '2026-11-01T01:30-04:00',
      '2026-11-01T08:00-05:00',
    ],
  ])('%s: the cancellation at %s', (_what, overrides, now, sendAt) => {
    expect(plan(overrides, now)).toEqual([
      {
        kind: 'appointment_cancellation',
        dedupeKey: 'appointment_cancellation:appt-1',
        sendAt: sendAt,
      },
    ]);
  });

  it('plans none for a visit already past (nothing left to tell, and nothing to remove)', () => {
    expect(plan({}, '2026-12-05T10:00-05:00')).toEqual([]);
  });

  it('plans the same email however often it is planned: at most one per visit', () => {
    const first = plan({}, '2026-12-01T12:00-05:00');
    const later = plan({}, '2026-12-01T12:05-05:00');
    expect(later.map((item) => item.dedupeKey)).toEqual(first.map((item) => item.dedupeKey));
  });

  it('gives every visit of a series cancelled at once its own email', () => {
    const keys = ['visit-1', 'visit-2', 'visit-3'].flatMap((id) =>
      planAppointmentNotifications(appointment({ id }), at('2026-12-01T12:00-05:00')).map(
        (item) => item.dedupeKey,
      ),
    );
    expect(keys).toEqual([
      'appointment_cancellation:visit-1',
      'appointment_cancellation:visit-2',
      'appointment_cancellation:visit-3',
    ]);
  });
});

describe('planAppointmentNotifications: what is no cancellation email', () => {
  it.each<[string, Partial<AppointmentFacts>, string, string[]]>([
    // A late cancellation asks to rebook, and that one email cancels the calendar entry too.
    [
      'cancelled late',
      { lateCancellation: true, startsAt: at('2026-12-02T10:00-05:00') },
      '2026-12-01T12:00-05:00',
      ['late_cancel_rebook:appt-1'],
    ],
    [
      'cancelled after the visit began',
      { lateCancellation: true, startsAt: at('2026-12-01T11:00-05:00') },
      '2026-12-01T12:00-05:00',
      ['late_cancel_rebook:appt-1'],
    ],
    // Not a cancellation: the visit stays in the patient's calendar.
    ['a no-show', { status: 'no_show' }, '2026-12-05T10:20-05:00', ['no_show_rebook:appt-1']],
    ['checked in', { status: 'checked_in' }, '2026-12-05T09:50-05:00', []],
    [
      'completed, no follow-up',
      { status: 'completed', followUpDays: null },
      '2026-12-05T11:00-05:00',
      [],
    ],
  ])('%s: %j', (_what, overrides, now, keys) => {
    expect(plan(overrides, now).map((item) => item.dedupeKey)).toEqual(keys);
  });

  it.each(['booked', 'confirmed'] as const)('%s: no cancellation', (status) => {
    const kinds = plan({ status }, '2026-12-01T12:00-05:00').map((item) => item.kind);
    expect(kinds).toContain('appointment_confirmation');
    expect(kinds).not.toContain('appointment_cancellation');
  });
});

describe('appointmentKeysToKeep: cancelled in time', () => {
  it.each<[string, Partial<AppointmentFacts>, string]>([
    ['in the day', {}, '2026-12-01T12:00-05:00'],
    ['at night, the email waiting for 08:00', {}, '2026-12-01T23:00-05:00'],
    ['after a move', { revision: 1 }, '2026-12-01T12:00-05:00'],
  ])('%s: keeps the cancellation, withdraws confirmation and reminders', (_what, o, now) => {
    expect(appointmentKeysToKeep(appointment(o), at(now))).toEqual([
      'appointment_cancellation:appt-1',
    ]);
  });
});
