/**
 * Appointment lifecycle: booked -> confirmed -> checked_in -> completed, with cancel and no_show
 * open only before the patient is checked in.
 */
import {
  ACTIVE_STATUSES,
  APPOINTMENT_STATUSES,
  type AppointmentAction,
  type AppointmentStatus,
  canMarkNoShow,
  checkInOpensAt,
  checkInTiming,
  canReschedule,
  isLateCancellation,
  LATE_CANCELLATION_MS,
  nextStatus,
} from './lifecycle';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const START = new Date('2026-11-02T14:00:00Z');
const before = (ms: number): Date => new Date(START.getTime() - ms);

const ACTIONS: AppointmentAction[] = ['confirm', 'check_in', 'complete', 'cancel', 'no_show'];

/** The clinic's table: status x action -> next status, or null when not allowed. */
const EXPECTED: Record<AppointmentStatus, Record<AppointmentAction, AppointmentStatus | null>> = {
  booked: {
    confirm: 'confirmed',
    check_in: 'checked_in',
    complete: null,
    cancel: 'cancelled',
    no_show: 'no_show',
  },
  confirmed: {
    confirm: null,
    check_in: 'checked_in',
    complete: null,
    cancel: 'cancelled',
    no_show: 'no_show',
  },
  checked_in: {
    confirm: null,
    check_in: null,
    complete: 'completed',
    cancel: null,
    no_show: null,
  },
  completed: { confirm: null, check_in: null, complete: null, cancel: null, no_show: null },
  cancelled: { confirm: null, check_in: null, complete: null, cancel: null, no_show: null },
  no_show: { confirm: null, check_in: null, complete: null, cancel: null, no_show: null },
};

describe('APPOINTMENT_STATUSES', () => {
  it('lists the six statuses, each once', () => {
    expect([...APPOINTMENT_STATUSES].sort()).toEqual(
      ['booked', 'cancelled', 'checked_in', 'completed', 'confirmed', 'no_show'].sort(),
    );
  });
});

describe('nextStatus', () => {
  const pairs = APPOINTMENT_STATUSES.flatMap((status) =>
    ACTIONS.map((action) => [status, action, EXPECTED[status][action]] as const),
  );

  it('covers every status and action', () => {
    expect(pairs).toHaveLength(30);
  });

  it.each(pairs)('%s + %s -> %s', (status, action, expected) => {
    expect(nextStatus(status, action)).toBe(expected);
  });

  it.each<[string, AppointmentStatus, AppointmentAction]>([
    ['cancelling a completed visit', 'completed', 'cancel'],
    ['cancelling a cancelled visit', 'cancelled', 'cancel'],
    ['cancelling a checked-in visit', 'checked_in', 'cancel'],
    ['completing a booked visit', 'booked', 'complete'],
    ['completing a confirmed visit', 'confirmed', 'complete'],
    ['confirming twice', 'confirmed', 'confirm'],
    ['checking in twice', 'checked_in', 'check_in'],
    ['marking a checked-in patient a no-show', 'checked_in', 'no_show'],
    ['reviving a no-show by checking in', 'no_show', 'check_in'],
    ['reviving a cancelled visit by confirming', 'cancelled', 'confirm'],
  ])('refuses %s', (_, status, action) => {
    expect(nextStatus(status, action)).toBeNull();
  });

  it.each<AppointmentStatus>(['completed', 'cancelled', 'no_show'])(
    '%s is final: no action leads out of it',
    (status) => {
      for (const action of ACTIONS) expect(nextStatus(status, action)).toBeNull();
    },
  );

  it('reaches completed along booked -> confirmed -> checked_in -> completed', () => {
    let status: AppointmentStatus | null = 'booked';
    for (const action of ['confirm', 'check_in', 'complete'] as const) {
      status = nextStatus(status!, action);
    }
    expect(status).toBe('completed');
  });
});

describe('isLateCancellation', () => {
  it('uses a 24-hour threshold', () => {
    expect(LATE_CANCELLATION_MS).toBe(24 * HOUR);
  });

  it.each<[string, Date, boolean]>([
    ['a week before', before(7 * 24 * HOUR), false],
    ['48 h before', before(48 * HOUR), false],
    ['24 h and 1 ms before', before(24 * HOUR + 1), false],
    ['exactly 24 h before', before(24 * HOUR), false],
    ['24 h less 1 ms before', before(24 * HOUR - 1), true],
    ['23 h 59 min before', before(23 * HOUR + 59 * MINUTE), true],
    ['1 h before', before(HOUR), true],
    ['at the start', START, true],
    ['1 min after the start', before(-MINUTE), true],
    ['a day after the start', before(-24 * HOUR), true],
  ])('cancelling %s is late: %s', (_, cancelledAt, expected) => {
    expect(isLateCancellation(cancelledAt, START)).toBe(expected);
  });

  it('counts elapsed hours, not wall-clock hours, across the fall-back change', () => {
    // Sunday 2026-11-01 09:00 EST is 14:00Z. Saturday 09:30 EDT (13:30Z) reads 23 h 30 min earlier
    // on the wall clock but is 24 h 30 min earlier in fact; Saturday 10:01 EDT is 23 h 59 min.
    const startsAt = new Date('2026-11-01T14:00:00Z');
    expect(isLateCancellation(new Date('2026-10-31T13:30:00Z'), startsAt)).toBe(false);
    expect(isLateCancellation(new Date('2026-10-31T14:00:00Z'), startsAt)).toBe(false);
    expect(isLateCancellation(new Date('2026-10-31T14:01:00Z'), startsAt)).toBe(true);
  });
});

describe('canMarkNoShow', () => {
  it.each<[string, Date, boolean]>([
    ['a day before the start', before(24 * HOUR), false],
    ['1 min before the start', before(MINUTE), false],
    ['1 ms before the start', before(1), false],
    ['at the start', START, true],
    ['1 ms after the start', before(-1), true],
    ['an hour after the start', before(-HOUR), true],
    ['a day after the start', before(-24 * HOUR), true],
  ])('%s: %s', (_, now, expected) => {
    expect(canMarkNoShow(now, START)).toBe(expected);
  });
});

describe('canReschedule', () => {
  it.each<[AppointmentStatus, boolean]>([
    ['booked', true],
    ['confirmed', true],
    ['checked_in', false],
    ['completed', false],
    ['cancelled', false],
    ['no_show', false],
  ])('%s: %s', (status, expected) => {
    expect(canReschedule(status)).toBe(expected);
  });
});

describe('ACTIVE_STATUSES', () => {
  it.each<[AppointmentStatus, boolean]>([
    ['booked', true],
    ['confirmed', true],
    ['checked_in', true],
    ['completed', true],
    ['cancelled', false],
    ['no_show', false],
  ])('%s holds the therapist, patient and room: %s', (status, expected) => {
    expect(ACTIVE_STATUSES.includes(status)).toBe(expected);
  });

  it('lists each status once', () => {
    expect(new Set(ACTIVE_STATUSES).size).toBe(ACTIVE_STATUSES.length);
    expect(ACTIVE_STATUSES).toHaveLength(4);
  });
});

describe('checkInTiming', () => {
  const visit = { startsAt: START, endsAt: new Date(START.getTime() + 45 * MINUTE) };
  it.each<[string, Date, number, 'early' | 'late' | null]>([
    ['six days ahead', before(6 * 24 * HOUR), 60, 'early'],
    ['61 min before, window 60', before(61 * MINUTE), 60, 'early'],
    ['1 ms before the window opens', before(60 * MINUTE + 1), 60, 'early'],
    ['as the window opens', before(60 * MINUTE), 60, null],
    ['30 min before', before(30 * MINUTE), 60, null],
    ['at the start', START, 60, null],
    ['at the end', visit.endsAt, 60, null],
    ['1 ms after the end', before(-45 * MINUTE - 1), 60, 'late'],
    ['a day after', before(-24 * HOUR), 60, 'late'],
    ['1 min before with no window', before(MINUTE), 0, 'early'],
    ['at the start with no window', START, 0, null],
    ['2 h before, window 180', before(2 * HOUR), 180, null],
  ])('%s', (_, now, window, expected) => {
    expect(checkInTiming(now, visit, window)).toBe(expected);
  });

  it('says when check-in opens', () => {
    expect(checkInOpensAt(START, 60).toISOString()).toBe('2026-11-02T13:00:00.000Z');
  });
});
