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
    `ann ${SCRANTON} 1 08:00 17:00`,
    `bob ${SCRANTON} 1 08:00 17:00`,
    `cat ${SCRANTON} 1 12:00 20:00`,
    `dan ${SCRANTON} 1 08:00 17:00`,
    `dan ${PLANO} 1 08:00 10:00`,
    `dan ${PLANO} 1 14:00 17:00`,
    `ann ${SCRANTON} 2 08:00 17:00`,
  ],
  timeOff: [],
  bookings: [`ann ${Date.parse('2026-12-14T14:00:00Z')} ${Date.parse('2026-12-14T15:00:00Z')}`],
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

describe('AvailabilityCalendar.busyOf', () => {
  it('reads each booking as its therapist, start and end', () => {
    expect(calendar.busyOf('ann').bookings).toEqual([
      {
        therapistId: 'ann',
        start: Date.parse('2026-12-14T14:00:00Z'),
        end: Date.parse('2026-12-14T15:00:00Z'),
      },
    ]);
    expect(calendar.busyOf('bob').bookings).toEqual([]);
  });
});
