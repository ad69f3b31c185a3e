/**
 * Which emails an appointment should have in its outbox. Times are local wall-clock times with
 * their UTC offset; "now" is always a fixed instant.
 */
import { DateTime } from 'luxon';
import {
  type AppointmentFacts,
  appointmentKeysToKeep,
  DISCHARGE_CHECK_IN_DAYS,
  NOTIFICATION_KINDS,
  planAppointmentNotifications,
  planDischargeCheckIn,
  planHomeExerciseProgramme,
  type PlannedNotification,
  planWaitlistOffer,
  reminderLeads,
} from './notification-plan';

const SCRANTON = 'America/New_York';
const PLANO = 'America/Chicago';
const LA = 'America/Los_Angeles';
const KOLKATA = 'Asia/Kolkata';

const at = (isoWithOffset: string): Date => new Date(isoWithOffset);

function appointment(overrides: Partial<AppointmentFacts> = {}): AppointmentFacts {
  return {
    id: 'appt-1',
    status: 'booked',
    startsAt: at('2026-12-03T10:00-05:00'),
    lateCancellation: false,
    timeZone: SCRANTON,
    revision: 0,
    reminderHoursBefore: [24, 2],
    followUpDays: 2,
    ...overrides,
  };
}

/** A plan with instants shown as local time and offset, for readable comparisons. */
const readable = (plan: PlannedNotification[], zone: string) =>
  plan.map((item) => ({
    ...item,
    sendAt: DateTime.fromJSDate(item.sendAt, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ"),
  }));

describe('planAppointmentNotifications: booked or confirmed, visit ahead', () => {
  it.each<['booked' | 'confirmed', string, string, string, string, string]>([
    // [status, zone, now, start, 24 h reminder, 2 h reminder]
    [
      'booked',
      SCRANTON,
      '2026-12-01T09:00-05:00',
      '2026-12-03T10:00-05:00',
      '2026-12-02T10:00-05:00',
      '2026-12-03T08:00-05:00',
    ],
    [
      'confirmed',
      SCRANTON,
      '2026-12-01T09:00-05:00',
      '2026-12-03T10:00-05:00',
      '2026-12-02T10:00-05:00',
      '2026-12-03T08:00-05:00',
    ],
    [
      'booked',
      PLANO,
      '2026-12-01T09:00-06:00',
      '2026-12-03T14:30-06:00',
      '2026-12-02T14:30-06:00',
      '2026-12-03T12:30-06:00',
    ],
    [
      'booked',
      LA,
      '2026-12-01T09:00-08:00',
      '2026-12-03T16:00-08:00',
      '2026-12-02T16:00-08:00',
      '2026-12-03T14:00-08:00',
    ],
    [
      'booked',
      KOLKATA,
      '2026-12-01T09:00+05:30',
      '2026-12-03T11:00+05:30',
      '2026-12-02T11:00+05:30',
      '2026-12-03T09:00+05:30',
    ],
    // Across fall back: the 24 h reminder is at 09:00 wall time, 25 real hours earlier
    [
      'booked',
      SCRANTON,
      '2026-10-28T12:00-04:00',
      '2026-11-01T11:00-05:00',
      '2026-10-31T11:00-04:00',
      '2026-11-01T09:00-05:00',
    ],
    // Across spring forward: 23 real hours
    [
      'confirmed',
      PLANO,
      '2027-03-10T12:00-06:00',
      '2027-03-14T11:00-05:00',
      '2027-03-13T11:00-06:00',
      '2027-03-14T09:00-05:00',
    ],
  ])(
    '%s in %s, now %s, visit %s: confirmation now, reminders at %s and %s',
    (status, zone, now, start, reminder24, reminder2) => {
      const startsAt = at(start);
      const plan = planAppointmentNotifications(
        appointment({ status, startsAt, timeZone: zone }),
        at(now),
      );
      expect(readable(plan, zone)).toEqual([
        {
          kind: 'appointment_confirmation',
          dedupeKey: 'appointment_confirmation:appt-1:r0',
          sendAt: DateTime.fromISO(now, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ"),
        },
        {
          kind: 'appointment_reminder',
          dedupeKey: 'appointment_reminder:appt-1:r0:24h',
          sendAt: reminder24,
        },
        {
          kind: 'appointment_reminder',
          dedupeKey: 'appointment_reminder:appt-1:r0:2h',
          sendAt: reminder2,
        },
      ]);
      expect(plan[0].sendAt.getTime()).toBe(at(now).getTime());
    },
  );

  it.each([0, 1, 7])('revision %i is in the confirmation and reminder keys', (revision) => {
    const plan = planAppointmentNotifications(
      appointment({ revision }),
      new Date('2026-12-01T14:00:00Z'),
    );
    expect(plan.map((item) => item.dedupeKey)).toEqual([
      `appointment_confirmation:appt-1:r${revision}`,
      `appointment_reminder:appt-1:r${revision}:24h`,
      `appointment_reminder:appt-1:r${revision}:2h`,
    ]);
  });

  it('confirming changes no key and no time: it sends nothing new', () => {
    const now = new Date('2026-12-01T14:00:00Z');
    const booked = planAppointmentNotifications(appointment({ status: 'booked' }), now);
    const confirmed = planAppointmentNotifications(appointment({ status: 'confirmed' }), now);
    expect(booked[0].dedupeKey).toBe('appointment_confirmation:appt-1:r0');
    expect(confirmed).toEqual(booked);
    expect(appointmentKeysToKeep(appointment({ status: 'confirmed' }), now)).toEqual(
      appointmentKeysToKeep(appointment({ status: 'booked' }), now),
    );
  });

  it('confirming a moved visit keeps the keys of its revision', () => {
    const now = new Date('2026-12-01T14:00:00Z');
    const moved = { revision: 1, startsAt: at('2026-12-04T15:00-05:00') };
    const booked = planAppointmentNotifications(appointment({ ...moved, status: 'booked' }), now);
    const confirmed = planAppointmentNotifications(
      appointment({ ...moved, status: 'confirmed' }),
      now,
    );
    expect(confirmed.map((item) => item.dedupeKey)).toEqual(booked.map((item) => item.dedupeKey));
    expect(booked.map((item) => item.dedupeKey)).toEqual([
      'appointment_confirmation:appt-1:r1',
      'appointment_reminder:appt-1:r1:24h',
      'appointment_reminder:appt-1:r1:2h',
    ]);
  });

  it('a moved visit (next revision) gets a new confirmation and new reminders, re-timed', () => {
    const now = new Date('2026-12-01T14:00:00Z');
    const before = planAppointmentNotifications(appointment({ revision: 0 }), now);
    const moved = planAppointmentNotifications(
      appointment({ revision: 1, startsAt: at('2026-12-04T15:00-05:00') }),
      now,
    );
    expect(readable(moved, SCRANTON)).toEqual([
      {
        kind: 'appointment_confirmation',
        dedupeKey: 'appointment_confirmation:appt-1:r1',
        sendAt: '2026-12-01T09:00-05:00',
      },
      {
        kind: 'appointment_reminder',
        dedupeKey: 'appointment_reminder:appt-1:r1:24h',
        sendAt: '2026-12-03T15:00-05:00',
      },
      {
        kind: 'appointment_reminder',
        dedupeKey: 'appointment_reminder:appt-1:r1:2h',
        sendAt: '2026-12-04T13:00-05:00',
      },
    ]);
    const beforeKeys = before.map((item) => item.dedupeKey);
    expect(beforeKeys).toEqual([
      'appointment_confirmation:appt-1:r0',
      'appointment_reminder:appt-1:r0:24h',
      'appointment_reminder:appt-1:r0:2h',
    ]);
    for (const item of moved) expect(beforeKeys).not.toContain(item.dedupeKey);
  });

  it('a reminder that already went out for the old time is planned again for the new one', () => {
    // The 24 h reminder for the 3 Dec visit went out on 2 Dec; the visit then moved to 5 Dec.
    const now = at('2026-12-02T12:00-05:00');
    const before = planAppointmentNotifications(appointment({ revision: 0 }), now);
    const moved = planAppointmentNotifications(
      appointment({ revision: 1, startsAt: at('2026-12-05T10:00-05:00') }),
      now,
    );
    expect(before.map((item) => item.dedupeKey)).not.toContain(
      'appointment_reminder:appt-1:r0:24h',
    );
    expect(readable(moved.slice(1), SCRANTON)).toEqual([
      {
        kind: 'appointment_reminder',
        dedupeKey: 'appointment_reminder:appt-1:r1:24h',
        sendAt: '2026-12-04T10:00-05:00',
      },
      {
        kind: 'appointment_reminder',
        dedupeKey: 'appointment_reminder:appt-1:r1:2h',
        sendAt: '2026-12-05T08:00-05:00',
      },
    ]);
  });

  it.each<[number[], string[]]>([
    [
      [24, 2],
      ['24h', '2h'],
    ],
    [
      [48, 24, 2],
      ['48h', '24h', '2h'],
    ],
    [[24], ['24h']],
    [[2], ['2h']],
    [[], []],
  ])('reminderHoursBefore %j gives reminder keys %j', (hours, suffixes) => {
    const plan = planAppointmentNotifications(
      appointment({ reminderHoursBefore: hours }),
      new Date('2026-11-25T14:00:00Z'),
    );
    expect(plan[0].kind).toBe('appointment_confirmation');
    expect(plan.slice(1).map((item) => item.dedupeKey)).toEqual(
      suffixes.map((suffix) => `appointment_reminder:appt-1:r0:${suffix}`),
    );
  });

  it.each<[string, string, string, string[]]>([
    // [what, start, now, local send times after the confirmation]
    [
      'booked 3 h before: the 2 h reminder only',
      '2026-12-03T15:00-05:00',
      '2026-12-03T12:00-05:00',
      ['2026-12-03T13:00-05:00'],
    ],
    [
      'booked 23 h before: the 2 h reminder only',
      '2026-12-03T15:00-05:00',
      '2026-12-02T16:00-05:00',
      ['2026-12-03T13:00-05:00'],
    ],
    [
      'booked exactly at the 24 h moment',
      '2026-12-03T15:00-05:00',
      '2026-12-02T15:00-05:00',
      ['2026-12-03T13:00-05:00'],
    ],
    [
      'booked 1 ms before the 24 h moment',
      '2026-12-03T15:00-05:00',
      '2026-12-02T14:59:59.999-05:00',
      ['2026-12-02T15:00-05:00', '2026-12-03T13:00-05:00'],
    ],
    ['booked 1 h before: no reminder', '2026-12-03T15:00-05:00', '2026-12-03T14:00-05:00', []],
    [
      'booked exactly 2 h before: no reminder',
      '2026-12-03T15:00-05:00',
      '2026-12-03T13:00-05:00',
      [],
    ],
    // A 07:30 visit: 24 h -> 20:59 two evenings before, 2 h -> 20:59 the evening before
    [
      '07:30 visit booked days ahead',
      '2026-12-03T07:30-05:00',
      '2026-11-28T12:00-05:00',
      ['2026-12-01T20:59-05:00', '2026-12-02T20:59-05:00'],
    ],
    [
      '07:30 visit booked the evening before at 20:00',
      '2026-12-03T07:30-05:00',
      '2026-12-02T20:00-05:00',
      ['2026-12-02T20:59-05:00'],
    ],
    [
      '07:30 visit booked the evening before at 21:30',
      '2026-12-03T07:30-05:00',
      '2026-12-02T21:30-05:00',
      [],
    ],
    // An in-home visit at 22:30: 24 h -> 20:59 the evening before, 2 h -> 20:30 the same evening
    [
      'in-home 22:30 visit',
      '2026-12-03T22:30-05:00',
      '2026-11-28T12:00-05:00',
      ['2026-12-02T20:59-05:00', '2026-12-03T20:30-05:00'],
    ],
    // 2 h before an 08:30 visit is 06:30, quiet: 20:59 the evening before
    [
      '08:30 visit',
      '2026-12-03T08:30-05:00',
      '2026-11-28T12:00-05:00',
      ['2026-12-02T08:30-05:00', '2026-12-02T20:59-05:00'],
    ],
  ])('%s', (_what, start, now, reminders) => {
    const plan = planAppointmentNotifications(appointment({ startsAt: at(start) }), at(now));
    expect(plan[0]).toEqual({
      kind: 'appointment_confirmation',
      dedupeKey: 'appointment_confirmation:appt-1:r0',
      sendAt: at(now),
    });
    const planned = readable(plan.slice(1), SCRANTON);
    expect(planned.map((item) => item.sendAt)).toEqual(reminders);
    expect(planned.every((item) => item.kind === 'appointment_reminder')).toBe(true);
    for (const item of plan) expect(item.sendAt.getTime()).toBeLessThan(at(start).getTime());
    for (const item of plan)
      expect(item.sendAt.getTime()).toBeGreaterThanOrEqual(at(now).getTime());
  });

  it.each<[string, number[], string, string]>([
    // [start, hours, local send time, the key that stays]
    [
      '2026-12-03T09:30-05:00',
      [3, 2],
      '2026-12-02T20:59-05:00',
      'appointment_reminder:appt-1:r0:3h',
    ],
    [
      '2026-12-03T09:30-05:00',
      [12, 2],
      '2026-12-02T20:59-05:00',
      'appointment_reminder:appt-1:r0:12h',
    ],
    [
      '2026-12-03T07:00-05:00',
      [6, 2],
      '2026-12-02T20:59-05:00',
      'appointment_reminder:appt-1:r0:6h',
    ],
    [
      '2026-12-03T09:30+05:30',
      [3, 2],
      '2026-12-02T20:59+05:30',
      'appointment_reminder:appt-1:r0:3h',
    ],
  ])(
    'two reminders for %s (%j) that both move to %s go once, as %s',
    (start, hours, sendAt, key) => {
      const zone = start.endsWith('+05:30') ? KOLKATA : SCRANTON;
      const plan = planAppointmentNotifications(
        appointment({ startsAt: at(start), timeZone: zone, reminderHoursBefore: hours }),
        at('2026-11-28T12:00-05:00'),
      );
      expect(readable(plan.slice(1), zone)).toEqual([
        { kind: 'appointment_reminder', dedupeKey: key, sendAt },
      ]);
    },
  );

  it.each<['booked' | 'confirmed', string]>([
    ['booked', '2026-12-03T10:00-05:00'],
    ['confirmed', '2026-12-03T10:00-05:00'],
    ['booked', '2026-12-03T10:05-05:00'],
    ['confirmed', '2026-12-04T10:00-05:00'],
  ])('%s, visit already begun or over at %s: nothing', (status, now) => {
    expect(planAppointmentNotifications(appointment({ status }), at(now))).toEqual([]);
  });
});

describe('planAppointmentNotifications: other statuses withdraw reminders', () => {
  it.each<[string, Partial<AppointmentFacts>, string]>([
    ['checked in, visit ahead', { status: 'checked_in' }, '2026-12-03T09:50-05:00'],
    ['checked in, visit begun', { status: 'checked_in' }, '2026-12-03T10:05-05:00'],
    [
      'completed, no follow-up',
      { status: 'completed', followUpDays: null },
      '2026-12-03T11:00-05:00',
    ],
    [
      'cancelled in time, once the visit is past',
      { status: 'cancelled', lateCancellation: false },
      '2026-12-03T10:00-05:00',
    ],
  ])('%s: nothing', (_what, overrides, now) => {
    expect(planAppointmentNotifications(appointment(overrides), at(now))).toEqual([]);
  });

  it.each(['checked_in', 'completed', 'cancelled', 'no_show'] as const)(
    '%s plans no reminder and no confirmation, even for a visit still ahead',
    (status) => {
      const plan = planAppointmentNotifications(
        appointment({ status, lateCancellation: true }),
        at('2026-12-01T12:00-05:00'),
      );
      expect(plan.map((item) => item.kind)).not.toContain('appointment_reminder');
      expect(plan.map((item) => item.kind)).not.toContain('appointment_confirmation');
    },
  );
});

describe('planAppointmentNotifications: completed', () => {
  it.each<[string, number, string, string]>([
    // [zone, followUpDays, now, follow-up at]
    [SCRANTON, 2, '2026-12-03T11:00-05:00', '2026-12-05T10:00-05:00'],
    [SCRANTON, 2, '2026-12-03T22:00-05:00', '2026-12-05T10:00-05:00'],
    [SCRANTON, 1, '2026-12-03T08:15-05:00', '2026-12-04T10:00-05:00'],
    [SCRANTON, 7, '2026-10-28T16:00-04:00', '2026-11-04T10:00-05:00'],
    [SCRANTON, 2, '2027-03-12T17:00-05:00', '2027-03-14T10:00-04:00'],
    [PLANO, 2, '2026-12-03T19:30-06:00', '2026-12-05T10:00-06:00'],
    [LA, 2, '2026-12-03T23:30-08:00', '2026-12-05T10:00-08:00'],
    [KOLKATA, 2, '2026-12-03T18:00+05:30', '2026-12-05T10:00+05:30'],
    [KOLKATA, 2, '2026-12-04T00:30+05:30', '2026-12-06T10:00+05:30'],
  ])('in %s, follow-up %i days: completed at %s -> %s', (zone, days, now, expected) => {
    const plan = planAppointmentNotifications(
      appointment({ status: 'completed', timeZone: zone, followUpDays: days }),
      at(now),
    );
    expect(readable(plan, zone)).toEqual([
      { kind: 'follow_up', dedupeKey: 'follow_up:appt-1', sendAt: expected },
    ]);
  });
});

describe('planAppointmentNotifications: no-show and late cancellation', () => {
  const cases: [string, string, string | null][] = [
    // [zone, now, send at (null: now)]
    [SCRANTON, '2026-12-03T10:20-05:00', null],
    [SCRANTON, '2026-12-03T20:59-05:00', null],
    [SCRANTON, '2026-12-03T08:00-05:00', null],
    [SCRANTON, '2026-12-03T22:30-05:00', '2026-12-04T08:00-05:00'],
    [SCRANTON, '2026-12-03T21:00-05:00', '2026-12-04T08:00-05:00'],
    [SCRANTON, '2026-12-04T03:00-05:00', '2026-12-04T08:00-05:00'],
    [SCRANTON, '2026-12-04T07:59-05:00', '2026-12-04T08:00-05:00'],
    [PLANO, '2026-12-03T22:30-06:00', '2026-12-04T08:00-06:00'],
    [LA, '2026-12-03T22:30-08:00', '2026-12-04T08:00-08:00'],
    [KOLKATA, '2026-12-03T22:30+05:30', '2026-12-04T08:00+05:30'],
    [KOLKATA, '2026-12-03T12:00+05:30', null],
    [SCRANTON, '2026-10-31T22:30-04:00', '2026-11-01T08:00-05:00'],
  ];

  it.each(cases)('no-show in %s marked at %s: rebook email at %s', (zone, now, expected) => {
    const plan = planAppointmentNotifications(
      appointment({ status: 'no_show', timeZone: zone, startsAt: at(now) }),
      at(now),
    );
    expect(plan).toEqual([
      {
        kind: 'no_show_rebook',
        dedupeKey: 'no_show_rebook:appt-1',
        sendAt: at(expected ?? now),
      },
    ]);
  });

  it.each(cases)('late cancellation in %s at %s: rebook email at %s', (zone, now, expected) => {
    const plan = planAppointmentNotifications(
      appointment({ status: 'cancelled', lateCancellation: true, timeZone: zone }),
      at(now),
    );
    expect(plan).toEqual([
      {
        kind: 'late_cancel_rebook',
        dedupeKey: 'late_cancel_rebook:appt-1',
        sendAt: at(expected ?? now),
      },
    ]);
  });
  it('a no-show marked at 03:00 on the fall-back day is emailed at 08:00 EST', () => {
    const plan = planAppointmentNotifications(
      appointment({ status: 'no_show', startsAt: at('2026-11-01T02:00-05:00') }),
      at('2026-11-01T03:00-05:00'),
    );
    expect(plan.map((item) => item.sendAt)).toEqual([at('2026-11-01T08:00-05:00')]);
  });
});

describe('appointmentKeysToKeep', () => {
  const confirmation = (revision = 0) => `appointment_confirmation:appt-1:r${revision}`;
  const reminder = (hours: number, revision = 0) =>
    `appointment_reminder:appt-1:r${revision}:${hours}h`;
  const sorted = (keys: string[]) => [...keys].sort();

  it.each<[string, Partial<AppointmentFacts>, string, string[]]>([
    // [what, appointment (visit 2026-12-03T10:00-05:00 unless given), now, keys to keep]
    [
      'booked, days ahead: everything planned',
      { status: 'booked' },
      '2026-12-01T09:00-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'confirmed, days ahead: everything planned',
      { status: 'confirmed' },
      '2026-12-01T09:00-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'booked, 20 h ahead: the 24 h reminder is kept though its moment has passed',
      { status: 'booked' },
      '2026-12-02T14:00-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'confirmed, 20 h ahead: the 24 h reminder is kept though its moment has passed',
      { status: 'confirmed' },
      '2026-12-02T14:00-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'booked, exactly at the 24 h moment',
      { status: 'booked' },
      '2026-12-02T10:00-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'booked, 1 h ahead: both reminders kept though neither is planned',
      { status: 'booked' },
      '2026-12-03T09:00-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'booked, 1 ms ahead',
      { status: 'booked' },
      '2026-12-03T09:59:59.999-05:00',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'three reminders, 30 h ahead: the 48 h one is kept too',
      { reminderHoursBefore: [48, 24, 2] },
      '2026-12-02T04:00-05:00',
      [confirmation(), reminder(48), reminder(24), reminder(2)],
    ],
    [
      'no reminders configured: the confirmation only',
      { reminderHoursBefore: [] },
      '2026-12-01T09:00-05:00',
      [confirmation()],
    ],
    [
      'two reminders moved to the same evening: both keys kept, one planned',
      { startsAt: at('2026-12-03T09:30-05:00'), reminderHoursBefore: [3, 2] },
      '2026-11-28T12:00-05:00',
      [confirmation(), reminder(3), reminder(2)],
    ],
    [
      'in Kolkata, 20 h ahead',
      { startsAt: at('2026-12-03T11:00+05:30'), timeZone: KOLKATA },
      '2026-12-02T15:00+05:30',
      [confirmation(), reminder(24), reminder(2)],
    ],
    [
      'moved once, days ahead: only revision 1',
      { revision: 1, startsAt: at('2026-12-05T10:00-05:00') },
      '2026-12-01T09:00-05:00',
      [confirmation(1), reminder(24, 1), reminder(2, 1)],
    ],
    [
      'moved once, 20 h ahead: only revision 1, its 24 h reminder kept',
      { revision: 1, status: 'confirmed', startsAt: at('2026-12-05T10:00-05:00') },
      '2026-12-04T14:00-05:00',
      [confirmation(1), reminder(24, 1), reminder(2, 1)],
    ],
    [
      'moved twice: only revision 2',
      { revision: 2 },
      '2026-12-02T14:00-05:00',
      [confirmation(2), reminder(24, 2), reminder(2, 2)],
    ],
    ['booked, visit starting now: nothing', { status: 'booked' }, '2026-12-03T10:00-05:00', []],
    ['booked, visit begun: nothing', { status: 'booked' }, '2026-12-03T10:05-05:00', []],
    ['confirmed, visit over: nothing', { status: 'confirmed' }, '2026-12-04T10:00-05:00', []],
    [
      'moved, visit begun: nothing',
      { status: 'confirmed', revision: 1 },
      '2026-12-03T10:05-05:00',
      [],
    ],
    ['checked in, visit ahead: nothing', { status: 'checked_in' }, '2026-12-03T09:50-05:00', []],
    ['checked in, visit begun: nothing', { status: 'checked_in' }, '2026-12-03T10:05-05:00', []],
    [
      'cancelled late: the rebook email only',
      { status: 'cancelled', lateCancellation: true },
      '2026-12-03T08:00-05:00',
      ['late_cancel_rebook:appt-1'],
    ],
    [
      'cancelled late after a move: the rebook email only',
      { status: 'cancelled', lateCancellation: true, revision: 1 },
      '2026-12-02T22:30-05:00',
      ['late_cancel_rebook:appt-1'],
    ],
    [
      'cancelled in time: the cancellation only',
      { status: 'cancelled', lateCancellation: false },
      '2026-12-01T12:00-05:00',
      ['appointment_cancellation:appt-1'],
    ],
    [
      'cancelled in time after a move: the cancellation only',
      { status: 'cancelled', lateCancellation: false, revision: 1 },
      '2026-12-01T12:00-05:00',
      ['appointment_cancellation:appt-1'],
    ],
    [
      'no-show: the rebook email only',
      { status: 'no_show' },
      '2026-12-03T10:20-05:00',
      ['no_show_rebook:appt-1'],
    ],
    [
      'no-show at night: the rebook email only',
      { status: 'no_show', revision: 3 },
      '2026-12-03T22:30-05:00',
      ['no_show_rebook:appt-1'],
    ],
    [
      'completed with a follow-up: the follow-up only',
      { status: 'completed', followUpDays: 2 },
      '2026-12-03T11:00-05:00',
      ['follow_up:appt-1'],
    ],
    [
      'completed after a move: the follow-up only',
      { status: 'completed', followUpDays: 7, revision: 2 },
      '2026-12-03T11:00-05:00',
      ['follow_up:appt-1'],
    ],
    [
      'completed without a follow-up: nothing',
      { status: 'completed', followUpDays: null },
      '2026-12-03T11:00-05:00',
      [],
    ],
  ])('%s', (_what, overrides, now, expected) => {
    const keys = appointmentKeysToKeep(appointment(overrides), at(now));
    expect(sorted(keys)).toEqual(sorted(expected));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a 24 h reminder still pending for a visit 20 h away is kept, not withdrawn', () => {
    const facts = appointment({ startsAt: at('2026-12-03T10:00-05:00') });
    const now = at('2026-12-02T14:00-05:00');
    const planned = planAppointmentNotifications(facts, now).map((item) => item.dedupeKey);
    expect(planned).not.toContain(reminder(24));
    expect(appointmentKeysToKeep(facts, now)).toContain(reminder(24));
  });

  it('a moved visit keeps no key of the earlier revision', () => {
    const now = at('2026-12-02T14:00-05:00');
    const before = appointmentKeysToKeep(appointment({ revision: 0 }), now);
    const after = appointmentKeysToKeep(
      appointment({ revision: 1, startsAt: at('2026-12-04T15:00-05:00') }),
      now,
    );
    expect(sorted(before)).toEqual(sorted([confirmation(0), reminder(24, 0), reminder(2, 0)]));
    expect(sorted(after)).toEqual(sorted([confirmation(1), reminder(24, 1), reminder(2, 1)]));
    for (const key of after) expect(key).not.toMatch(/:r0(:|$)/);
    for (const key of before) expect(after).not.toContain(key);
  });

  it.each<[string, Partial<AppointmentFacts>, string]>([
    ['booked, days ahead', {}, '2026-12-01T09:00-05:00'],
    ['booked, 20 h ahead', {}, '2026-12-02T14:00-05:00'],
    ['booked, 1 h ahead', {}, '2026-12-03T09:00-05:00'],
    ['booked, begun', {}, '2026-12-03T10:05-05:00'],
    ['moved, 20 h ahead', { revision: 1 }, '2026-12-02T14:00-05:00'],
    ['cancelled late', { status: 'cancelled', lateCancellation: true }, '2026-12-02T14:00-05:00'],
    ['cancelled in time', { status: 'cancelled' }, '2026-12-01T22:30-05:00'],
    ['no-show', { status: 'no_show' }, '2026-12-03T10:20-05:00'],
    ['completed', { status: 'completed' }, '2026-12-03T11:00-05:00'],
  ])('%s: every planned key is kept', (_what, overrides, now) => {
    const facts = appointment(overrides);
    const planned = planAppointmentNotifications(facts, at(now)).map((item) => item.dedupeKey);
    expect(appointmentKeysToKeep(facts, at(now))).toEqual(expect.arrayContaining(planned));
  });
});

describe('planDischargeCheckIn', () => {
  it('is 30 days', () => {
    expect(DISCHARGE_CHECK_IN_DAYS).toBe(30);
  });

  it.each<[string, string, string]>([
    // [closedOn, zone, send at]
    ['2026-12-01', SCRANTON, '2026-12-31T10:00-05:00'],
    ['2026-10-15', SCRANTON, '2026-11-14T10:00-05:00'],
    ['2027-02-20', SCRANTON, '2027-03-22T10:00-04:00'],
    ['2027-02-20', PLANO, '2027-03-22T10:00-05:00'],
    ['2026-10-15', LA, '2026-11-14T10:00-08:00'],
    ['2026-12-01', KOLKATA, '2026-12-31T10:00+05:30'],
    ['2026-12-15', SCRANTON, '2027-01-14T10:00-05:00'],
    ['2028-02-01', SCRANTON, '2028-03-02T10:00-05:00'],
  ])('closed on %s in %s: check-in at %s', (closedOn, zone, expected) => {
    const planned = planDischargeCheckIn('episode-7', closedOn, zone);
    expect(readable([planned], zone)).toEqual([
      {
        kind: 'discharge_check_in',
        dedupeKey: 'discharge_check_in:episode-7',
        sendAt: expected,
      },
    ]);
  });
});

describe('planWaitlistOffer', () => {
  it.each<[string, string]>([
    ['2026-12-01T14:00:00Z', '2026-12-04T15:00:00Z'],
    // Late evening too: the slot is held only for a few hours
    ['2026-12-02T03:30:00Z', '2026-12-02T14:00:00Z'],
  ])('offer made at %s for the slot at %s goes at once', (now, slot) => {
    const instant = new Date(now);
    expect(planWaitlistOffer('waitlist-9', new Date(slot), instant)).toEqual({
      kind: 'waitlist_offer',
      dedupeKey: `waitlist_offer:waitlist-9:${new Date(slot).toISOString()}`,
      sendAt: instant,
    });
  });

  it('two offers of different slots to one entry have different keys', () => {
    const now = new Date('2026-12-01T14:00:00Z');
    const first = planWaitlistOffer('waitlist-9', new Date('2026-12-04T15:00:00Z'), now);
    const second = planWaitlistOffer('waitlist-9', new Date('2026-12-04T16:00:00Z'), now);
    const otherEntry = planWaitlistOffer('waitlist-10', new Date('2026-12-04T15:00:00Z'), now);
    expect(first.dedupeKey).toContain('waitlist-9');
    expect(first.dedupeKey).toContain('2026-12-04T15:00:00.000Z');
    expect(new Set([first.dedupeKey, second.dedupeKey, otherEntry.dedupeKey]).size).toBe(3);
  });
});

describe('planHomeExerciseProgramme', () => {
  it.each<[string, string, string]>([
    // [asked at, zone, send at]
    ['2026-12-01T14:20-05:00', SCRANTON, '2026-12-01T14:20-05:00'],
    ['2026-12-01T20:59-05:00', SCRANTON, '2026-12-01T20:59-05:00'],
    // Quiet hours (21:00-08:00 local): the morning they end, the same night or the next day.
    ['2026-12-01T21:00-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    ['2026-12-02T06:45-05:00', SCRANTON, '2026-12-02T08:00-05:00'],
    // 20:30 in Scranton is 19:30 in Plano: not quiet there.
    ['2026-12-01T19:30-06:00', PLANO, '2026-12-01T19:30-06:00'],
    ['2027-03-13T22:10-05:00', SCRANTON, '2027-03-14T08:00-04:00'],
  ])('asked for at %s in %s: sent at %s', (now, zone, expected) => {
    const planned = planHomeExerciseProgramme('plan-3', 2, zone, at(now));
    expect(readable([planned], zone)).toEqual([
      {
        kind: 'home_exercise_programme',
        dedupeKey: 'home_exercise_programme:plan-3:r2',
        sendAt: expected,
      },
    ]);
  });

  it('is one email per plan revision: asking again is the same key, an amendment a new one', () => {
    const now = at('2026-12-01T14:00-05:00');
    const first = planHomeExerciseProgramme('plan-3', 1, SCRANTON, now);
    const again = planHomeExerciseProgramme('plan-3', 1, SCRANTON, at('2026-12-01T14:01-05:00'));
    const amended = planHomeExerciseProgramme('plan-3', 2, SCRANTON, now);
    const otherPlan = planHomeExerciseProgramme('plan-4', 1, SCRANTON, now);
    expect(again.dedupeKey).toBe(first.dedupeKey);
    expect(new Set([first.dedupeKey, amended.dedupeKey, otherPlan.dedupeKey]).size).toBe(3);
  });
});

describe('NOTIFICATION_KINDS', () => {
  it('lists every kind the planners produce', () => {
    const now = at('2026-12-01T12:00-05:00');
    const produced = [
      ...planAppointmentNotifications(appointment(), now),
      ...planAppointmentNotifications(appointment({ status: 'completed' }), now),
      ...planAppointmentNotifications(appointment({ status: 'no_show' }), now),
      ...planAppointmentNotifications(
        appointment({ status: 'cancelled', lateCancellation: true }),
        now,
      ),
      ...planAppointmentNotifications(appointment({ status: 'cancelled' }), now),
      planWaitlistOffer('waitlist-9', at('2026-12-04T15:00-05:00'), now),
      planDischargeCheckIn('episode-7', '2026-12-01', SCRANTON),
      planHomeExerciseProgramme('plan-3', 1, SCRANTON, now),
    ].map((item) => item.kind);
    expect(new Set(produced)).toEqual(new Set(NOTIFICATION_KINDS));
  });
});

describe('reminderLeads', () => {
  const settings = (first: number | null, second: number | null) => ({
    reminderHoursBefore: first,
    secondReminderHoursBefore: second,
  });

  it.each<[string, [number | null, number | null], [number | null, number | null], number[]]>([
    ['the location’s when the type sets none', [null, null], [24, null], [24]],
    ['the location’s two reminders', [null, null], [24, 2], [24, 2]],
    ['the type’s first over the location’s', [48, null], [24, 2], [48, 2]],
    ['the type’s second over the location’s', [null, 3], [24, 2], [24, 3]],
    ['the type’s two over the location’s', [72, 4], [24, 2], [72, 4]],
    ['a second only where one is set', [12, null], [24, null], [12]],
  ])('takes %s', (_, type, location, expected) => {
    expect(reminderLeads(settings(...type), settings(...location))).toEqual(expected);
  });
});
