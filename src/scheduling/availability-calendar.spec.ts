import { AvailabilityCalendar } from './availability-calendar';

const SCRANTON = 'scranton';
const PLANO = 'plano';
const at = (local: string, offset: string) => Date.parse(`${local}:00${offset}`);

/** Monday 2026-12-14 and Tuesday 2026-12-15: EST is -05:00, CST -06:00. */
const calendar = AvailabilityCalendar.of({
  zones: { [SCRANTON]: 'America/New_York', [PLANO]: 'America/Chicago' },
  hours: [1, 2].flatMap((weekday) =>
    [SCRANTON, PLANO].map((locationId) => ({
      locationId,
      weekday,
      opens: '08:00',
      closes: '18:00',
    })),
  ),
  closures: [
    { locationId: SCRANTON, startsOn: '2026-12-15', endsOn: '2026-12-15', reason: 'snow' },
  ],
  therapistHours: [
    // Two therapists with the same hours at Scranton, one with her own, one at both clinics.
    { therapistId: 'ann', locationId: SCRANTON, weekday: 1, opens: '08:00', closes: '17:00' },
    { therapistId: 'bob', locationId: SCRANTON, weekday: 1, opens: '08:00', closes: '17:00' },
    { therapistId: 'cat', locationId: SCRANTON, weekday: 1, opens: '12:00', closes: '20:00' },
    { therapistId: 'dan', locationId: SCRANTON, weekday: 1, opens: '08:00', closes: '17:00' },
    { therapistId: 'dan', locationId: PLANO, weekday: 1, opens: '08:00', closes: '10:00' },
    { therapistId: 'dan', locationId: PLANO, weekday: 1, opens: '14:00', closes: '17:00' },
    { therapistId: 'ann', locationId: SCRANTON, weekday: 2, opens: '08:00', closes: '17:00' },
  ],
  timeOff: [],
  bookings: [],
});

describe('AvailabilityCalendar.openAt', () => {
  it.each([
    ['ann', SCRANTON, '2026-12-14', [['2026-12-14T08:00', '2026-12-14T17:00']], '-05:00'],
    ['bob', SCRANTON, '2026-12-14', [['2026-12-14T08:00', '2026-12-14T17:00']], '-05:00'],
    // Her own hours, cut at closing time: not the hours shared by Ann and Bob.
    ['cat', SCRANTON, '2026-12-14', [['2026-12-14T12:00', '2026-12-14T18:00']], '-05:00'],
    // The same hours at another clinic are that clinic's, in its zone, with both windows.
    [
      'dan',
      PLANO,
      '2026-12-14',
      [
        ['2026-12-14T08:00', '2026-12-14T10:00'],
        ['2026-12-14T14:00', '2026-12-14T17:00'],
      ],
      '-06:00',
    ],
    ['dan', SCRANTON, '2026-12-14', [['2026-12-14T08:00', '2026-12-14T17:00']], '-05:00'],
    // Tuesday: Scranton is closed for snow; Bob does not work Tuesdays.
    ['ann', SCRANTON, '2026-12-15', [], '-05:00'],
    ['bob', SCRANTON, '2026-12-15', [], '-05:00'],
    // A Monday a week later is computed for its own date, not taken from the first Monday.
    ['ann', SCRANTON, '2026-12-21', [['2026-12-21T08:00', '2026-12-21T17:00']], '-05:00'],
  ])('%s at %s on %s', (therapist, location, date, windows, offset) => {
    expect(calendar.openAt(therapist, location, date)).toEqual(
      windows.map(([start, end]) => ({ start: at(start, offset), end: at(end, offset) })),
    );
  });
});
