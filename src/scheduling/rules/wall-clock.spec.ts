/**
 * Wall-clock time in IANA zones. US changes used here:
 *   2026-03-08 and 2027-03-14: 02:00 local jumps to 03:00 (EST -> EDT, CST -> CDT).
 *   2026-11-01: 02:00 local falls back to 01:00 (EDT -> EST, CDT -> CST), so 01:00-01:59 happens twice.
 */
import { Settings } from 'luxon';
import {
  datesBetween,
  instantOf,
  isoWeekday,
  localDay,
  localTimeOf,
  NonexistentLocalTimeError,
  type WeeklyWindow,
  windowsOn,
} from './wall-clock';

const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const utc = (iso: string): number => Date.parse(`${iso}Z`);
const pad = (n: number): string => String(n).padStart(2, '0');

/** Every quarter hour of a local date, as YYYY-MM-DDTHH:mm. */
const quarterHours = (date: string): string[] =>
  Array.from({ length: 96 }, (_, i) => `${date}T${pad(Math.floor(i / 4))}:${pad((i % 4) * 15)}`);

describe('instantOf', () => {
  it.each<[string, string, string]>([
    // Winter (standard time)
    ['2026-11-02T09:00', NY, '2026-11-02T14:00'],
    ['2026-11-02T09:00', CHICAGO, '2026-11-02T15:00'],
    ['2027-01-15T08:30', NY, '2027-01-15T13:30'],
    ['2027-01-15T08:30', CHICAGO, '2027-01-15T14:30'],
    // Summer (daylight time)
    ['2026-07-06T09:00', NY, '2026-07-06T13:00'],
    ['2026-07-06T09:00', CHICAGO, '2026-07-06T14:00'],
    // Late evening lands on the next UTC date
    ['2026-11-02T21:00', NY, '2026-11-03T02:00'],
    ['2026-12-31T23:59', NY, '2027-01-01T04:59'],
    ['2026-11-02T00:00', NY, '2026-11-02T05:00'],
    // UTC is its own wall clock
    ['2026-11-02T09:00', 'UTC', '2026-11-02T09:00'],
    // Around the spring-forward gap
    ['2026-03-08T01:59', NY, '2026-03-08T06:59'],
    ['2026-03-08T03:00', NY, '2026-03-08T07:00'],
    ['2027-03-14T01:59', NY, '2027-03-14T06:59'],
    ['2027-03-14T03:00', NY, '2027-03-14T07:00'],
    ['2026-03-08T01:59', CHICAGO, '2026-03-08T07:59'],
    ['2026-03-08T03:00', CHICAGO, '2026-03-08T08:00'],
    // Around the fall-back repeat: the first occurrence (still daylight time)
    ['2026-11-01T00:59', NY, '2026-11-01T04:59'],
    ['2026-11-01T01:00', NY, '2026-11-01T05:00'],
    ['2026-11-01T01:30', NY, '2026-11-01T05:30'],
    ['2026-11-01T01:59', NY, '2026-11-01T05:59'],
    ['2026-11-01T02:00', NY, '2026-11-01T07:00'],
    ['2026-11-01T01:30', CHICAGO, '2026-11-01T06:30'],
    // Newfoundland changes on the half hour of UTC; Lord Howe moves its clocks by half an hour
    ['2026-11-01T01:30', 'America/St_Johns', '2026-11-01T04:00'],
    ['2026-11-01T02:00', 'America/St_Johns', '2026-11-01T05:30'],
    ['2026-03-08T03:00', 'America/St_Johns', '2026-03-08T05:30'],
    ['2026-04-05T01:45', 'Australia/Lord_Howe', '2026-04-04T14:45'],
    ['2026-04-05T02:00', 'Australia/Lord_Howe', '2026-04-04T15:30'],
    // Years before 100 are not read as 19xx
    ['0099-06-01T09:00', 'UTC', '0099-06-01T09:00'],
  ])('%s in %s is %sZ', (local, zone, expected) => {
    expect(instantOf(local, zone).getTime()).toBe(utc(expected));
  });

  it('returns a Date', () => {
    expect(instantOf('2026-11-02T09:00', NY)).toBeInstanceOf(Date);
  });

  it.each<[string, string]>([
    ['2027-03-14T02:30', NY],
    ['2026-03-08T02:30', NY],
    ['2026-03-08T02:00', NY],
    ['2026-03-08T02:59', NY],
    ['2027-03-14T02:00', NY],
    ['2026-03-08T02:30', CHICAGO],
    ['2026-03-08T02:30', 'America/St_Johns'],
    ['2026-10-04T02:15', 'Australia/Lord_Howe'],
    // Samoa skipped the whole of 30 December 2011 when it crossed the date line
    ['2011-12-30T12:00', 'Pacific/Apia'],
  ])('%s in %s is skipped by the clocks: NonexistentLocalTimeError', (local, zone) => {
    expect(() => instantOf(local, zone)).toThrow(NonexistentLocalTimeError);
  });

  it('names the skipped time and the zone in the error', () => {
    let caught: unknown;
    try {
      instantOf('2027-03-14T02:30', NY);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NonexistentLocalTimeError);
    expect(caught).toMatchObject({ localTime: '2027-03-14T02:30', zone: NY });
    expect((caught as Error).message).toContain('2027-03-14T02:30');
  });

  it.each<[string]>([
    [''],
    ['2026-11-02'],
    ['2026-11-02 09:00'],
    ['2026-11-02T9:00'],
    ['2026-11-02T09:0'],
    ['2026-11-02T09:00:00'],
    ['2026-11-02T09:00Z'],
    ['2026-11-02T09:00-05:00'],
    ['26-11-02T09:00'],
    ['2026-1-02T09:00'],
    ['02/11/2026 09:00'],
    ['2026-13-01T09:00'],
    ['2026-00-10T09:00'],
    ['2026-02-30T09:00'],
    ['2027-02-29T09:00'],
    ['2026-11-31T09:00'],
    ['2026-11-02T25:00'],
    ['2026-11-02T09:60'],
    ['not a time'],
  ])('rejects malformed %j with a RangeError', (local) => {
    expect(() => instantOf(local, NY)).toThrow(RangeError);
  });

  it('accepts 29 February in a leap year', () => {
    expect(instantOf('2028-02-29T09:00', NY).getTime()).toBe(utc('2028-02-29T14:00'));
  });

  it('rejects an unknown zone with a RangeError', () => {
    expect(() => instantOf('2026-11-02T09:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  describe('whatever season the clock reads when it runs', () => {
    // Luxon resolves an ambiguous wall time with the offset in force "now"; the answer must not
    // depend on it. Luxon's own clock setting is pinned to a summer and a winter instant.
    const defaultNow = Settings.now;
    afterEach(() => {
      Settings.now = defaultNow;
    });

    it.each<[string, number]>([
      ['summer', utc('2026-07-01T12:00')],
      ['winter', utc('2027-01-15T12:00')],
    ])('in %s, the repeated 01:30 is still the first occurrence', (_, now) => {
      Settings.now = () => now;
      expect(instantOf('2026-11-01T01:30', NY).getTime()).toBe(utc('2026-11-01T05:30'));
      expect(instantOf('2026-11-01T01:00', CHICAGO).getTime()).toBe(utc('2026-11-01T06:00'));
      expect(instantOf('2026-11-01T02:00', NY).getTime()).toBe(utc('2026-11-01T07:00'));
      expect(() => instantOf('2027-03-14T02:30', NY)).toThrow(NonexistentLocalTimeError);
    });
  });
});

describe('localTimeOf', () => {
  it.each<[string, string, string]>([
    ['2026-11-02T14:00', NY, '2026-11-02T09:00'],
    ['2026-11-02T15:00', CHICAGO, '2026-11-02T09:00'],
    ['2026-07-06T13:00', NY, '2026-07-06T09:00'],
    ['2026-11-03T02:00', NY, '2026-11-02T21:00'],
    ['2026-11-01T05:30', NY, '2026-11-01T01:30'],
    ['2026-11-01T06:30', NY, '2026-11-01T01:30'],
    ['2027-03-14T07:00', NY, '2027-03-14T03:00'],
    ['2026-11-02T09:00', 'UTC', '2026-11-02T09:00'],
    // Newfoundland changes its clocks at 02:00 local, on the half hour of UTC.
    ['2026-03-08T05:29', 'America/St_Johns', '2026-03-08T01:59'],
    ['2026-03-08T05:30', 'America/St_Johns', '2026-03-08T03:00'],
    ['2026-11-01T04:29', 'America/St_Johns', '2026-11-01T01:59'],
    ['2026-11-01T04:30', 'America/St_Johns', '2026-11-01T01:00'],
  ])('%sZ in %s reads %s', (instant, zone, expected) => {
    expect(localTimeOf(utc(instant), zone)).toBe(expected);
    expect(localTimeOf(new Date(utc(instant)), zone)).toBe(expected);
  });

  it('drops seconds and milliseconds', () => {
    expect(localTimeOf(utc('2026-11-02T14:00') + 59_999, NY)).toBe('2026-11-02T09:00');
  });

  describe.each<[string, string]>([
    [NY, '2026-11-02'],
    [NY, '2026-07-06'],
    [NY, '2026-03-08'],
    [NY, '2027-03-14'],
    [NY, '2026-11-01'],
    [CHICAGO, '2026-03-08'],
    [CHICAGO, '2026-11-01'],
  ])('in %s on %s, every quarter hour', (zone, date) => {
    it('round-trips local -> instant -> local, or is a skipped time', () => {
      for (const local of quarterHours(date)) {
        let instant: Date;
        try {
          instant = instantOf(local, zone);
        } catch (error) {
          expect(error).toBeInstanceOf(NonexistentLocalTimeError);
          expect(local).toMatch(/T02:/);
          expect(['2026-03-08', '2027-03-14']).toContain(date);
          continue;
        }
        expect(localTimeOf(instant, zone)).toBe(local);
      }
    });

    it('round-trips instant -> local -> instant, except the second of a repeated hour', () => {
      const { start, end } = localDay(date, zone);
      for (let instant = start; instant < end; instant += 15 * MINUTE) {
        const local = localTimeOf(instant, zone);
        const back = instantOf(local, zone).getTime();
        if (back === instant) continue;
        // Only the second pass through 01:xx on a fall-back day maps to the first, an hour earlier.
        expect(date).toBe('2026-11-01');
        expect(local).toMatch(/T01:/);
        expect(back).toBe(instant - HOUR);
      }
    });
  });
});

describe('datesBetween', () => {
  it.each<[string, string, string, string[]]>([
    ['one day', '2026-11-02', '2026-11-02', ['2026-11-02']],
    ['a few days', '2026-11-02', '2026-11-04', ['2026-11-02', '2026-11-03', '2026-11-04']],
    ['an empty range when to is before from', '2026-11-04', '2026-11-02', []],
    [
      'across a month end',
      '2026-10-30',
      '2026-11-02',
      ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'],
    ],
    [
      'across February in a common year',
      '2027-02-27',
      '2027-03-01',
      ['2027-02-27', '2027-02-28', '2027-03-01'],
    ],
    [
      'across February in a leap year',
      '2028-02-27',
      '2028-03-01',
      ['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01'],
    ],
    [
      'across a year end',
      '2026-12-30',
      '2027-01-02',
      ['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02'],
    ],
    [
      'across the spring change',
      '2026-03-07',
      '2026-03-09',
      ['2026-03-07', '2026-03-08', '2026-03-09'],
    ],
    [
      'across the fall change',
      '2026-10-31',
      '2026-11-02',
      ['2026-10-31', '2026-11-01', '2026-11-02'],
    ],
  ])('%s: %s to %s', (_, from, to, expected) => {
    expect(datesBetween(from, to)).toEqual(expected);
  });

  it.each<[string, number]>([
    ['2026', 365],
    ['2027', 365],
    ['2028', 366],
  ])('covers all of %s in %i days, each once and in order', (year, days) => {
    const dates = datesBetween(`${year}-01-01`, `${year}-12-31`);
    expect(dates).toHaveLength(days);
    expect(new Set(dates).size).toBe(days);
    expect([...dates].sort()).toEqual(dates);
    expect(dates[0]).toBe(`${year}-01-01`);
    expect(dates[days - 1]).toBe(`${year}-12-31`);
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-11-23', 1],
    ['2026-11-26', 4],
    ['2026-11-29', 7],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
    ['1970-01-01', 4],
    ['1900-03-01', 4],
    // Years below 100 are not shifted into the 1900s.
    ['0099-12-31', 4],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('agrees with the calendar every day of a leap year and the next', () => {
    for (const date of datesBetween('2028-01-01', '2029-12-31')) {
      const jsDay = new Date(`${date}T12:00:00Z`).getUTCDay();
      expect(isoWeekday(date)).toBe(jsDay === 0 ? 7 : jsDay);
    }
  });
});

describe('windowsOn', () => {
  const monday: WeeklyWindow = { weekday: 1, opens: '08:00', closes: '17:00' };

  it.each<[string, string, string, string, string]>([
    ['a winter Monday (EST)', '2026-11-02', NY, '2026-11-02T13:00', '2026-11-02T22:00'],
    ['a summer Monday (EDT)', '2026-07-06', NY, '2026-07-06T12:00', '2026-07-06T21:00'],
    ['the Monday after spring forward', '2026-03-09', NY, '2026-03-09T12:00', '2026-03-09T21:00'],
    ['the Monday before spring forward', '2026-03-02', NY, '2026-03-02T13:00', '2026-03-02T22:00'],
    [
      'a winter Monday in Chicago (CST)',
      '2026-11-02',
      CHICAGO,
      '2026-11-02T14:00',
      '2026-11-02T23:00',
    ],
    [
      'a summer Monday in Chicago (CDT)',
      '2026-07-06',
      CHICAGO,
      '2026-07-06T13:00',
      '2026-07-06T22:00',
    ],
  ])('08:00-17:00 on %s opens at 08:00 local and lasts 9 h', (_, date, zone, opens, closes) => {
    const windows = windowsOn(date, [monday], zone);
    expect(windows).toEqual([{ start: utc(opens), end: utc(closes) }]);
    expect(windows[0].end - windows[0].start).toBe(9 * HOUR);
    expect(localTimeOf(windows[0].start, zone)).toBe(`${date}T08:00`);
    expect(localTimeOf(windows[0].end, zone)).toBe(`${date}T17:00`);
  });

  it.each<[string, string, number]>([
    ['2026-03-08', NY, 22 * HOUR + 59 * MINUTE],
    ['2027-03-14', NY, 22 * HOUR + 59 * MINUTE],
    ['2026-03-08', CHICAGO, 22 * HOUR + 59 * MINUTE],
    ['2026-11-01', NY, 24 * HOUR + 59 * MINUTE],
    ['2026-11-01', CHICAGO, 24 * HOUR + 59 * MINUTE],
    ['2026-10-25', NY, 23 * HOUR + 59 * MINUTE],
  ])(
    'a Sunday 00:00-23:59 window on %s in %s lasts as long as the clocks make it',
    (date, zone, ms) => {
      const windows = windowsOn(date, [{ weekday: 7, opens: '00:00', closes: '23:59' }], zone);
      expect(windows).toHaveLength(1);
      expect(windows[0].end - windows[0].start).toBe(ms);
      expect(localTimeOf(windows[0].start, zone)).toBe(`${date}T00:00`);
      expect(localTimeOf(windows[0].end, zone)).toBe(`${date}T23:59`);
    },
  );

  it('spans the spring-forward gap at its real length', () => {
    expect(windowsOn('2026-03-08', [{ weekday: 7, opens: '01:00', closes: '04:00' }], NY)).toEqual([
      { start: utc('2026-03-08T06:00'), end: utc('2026-03-08T08:00') },
    ]);
  });

  // 2026-11-02 .. 2026-11-08 is Monday .. Sunday.
  const week = [
    '2026-11-02',
    '2026-11-03',
    '2026-11-04',
    '2026-11-05',
    '2026-11-06',
    '2026-11-07',
    '2026-11-08',
  ];
  const everyDay: WeeklyWindow[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    opens: `${pad(weekday)}:00`,
    closes: `${pad(weekday)}:30`,
  }));

  it.each(week.map((date, index) => [date, index + 1] as const))(
    '%s is ISO weekday %i and takes only that weekday’s window',
    (date, weekday) => {
      expect(windowsOn(date, everyDay, NY)).toEqual([
        {
          start: instantOf(`${date}T${pad(weekday)}:00`, NY).getTime(),
          end: instantOf(`${date}T${pad(weekday)}:30`, NY).getTime(),
        },
      ]);
    },
  );

  it.each<[string, number]>([
    ['2026-11-02', 2],
    ['2026-11-02', 7],
    ['2026-11-08', 1],
    ['2026-11-08', 0],
    ['2026-11-07', 0],
  ])('on %s a window for weekday %i is ignored', (date, weekday) => {
    expect(windowsOn(date, [{ weekday, opens: '08:00', closes: '17:00' }], NY)).toEqual([]);
  });

  it('gives nothing without windows', () => {
    expect(windowsOn('2026-11-02', [], NY)).toEqual([]);
  });

  it('keeps a split day as two windows', () => {
    const split: WeeklyWindow[] = [
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '17:00' },
      { weekday: 2, opens: '08:00', closes: '17:00' },
    ];
    expect(windowsOn('2026-11-02', split, NY)).toEqual([
      { start: utc('2026-11-02T13:00'), end: utc('2026-11-02T17:00') },
      { start: utc('2026-11-02T18:00'), end: utc('2026-11-02T22:00') },
    ]);
  });

  it('reads the date in the zone, not in UTC', () => {
    // A Monday evening window in Chicago ends after midnight UTC, on Tuesday.
    expect(
      windowsOn('2026-11-02', [{ weekday: 1, opens: '17:00', closes: '20:00' }], CHICAGO),
    ).toEqual([{ start: utc('2026-11-02T23:00'), end: utc('2026-11-03T02:00') }]);
  });
});

describe('localDay', () => {
  it.each<[string, string, string, number]>([
    ['2026-11-02', NY, '2026-11-02T05:00', 24],
    ['2026-07-06', NY, '2026-07-06T04:00', 24],
    ['2026-03-08', NY, '2026-03-08T05:00', 23],
    ['2027-03-14', NY, '2027-03-14T05:00', 23],
    ['2026-11-01', NY, '2026-11-01T04:00', 25],
    ['2026-11-02', CHICAGO, '2026-11-02T06:00', 24],
    ['2026-03-08', CHICAGO, '2026-03-08T06:00', 23],
    ['2026-11-01', CHICAGO, '2026-11-01T05:00', 25],
    ['2026-11-01', 'UTC', '2026-11-01T00:00', 24],
  ])('%s in %s starts at %sZ and lasts %i h', (date, zone, start, hours) => {
    const day = localDay(date, zone);
    expect(day.start).toBe(utc(start));
    expect(day.end - day.start).toBe(hours * HOUR);
    expect(localTimeOf(day.start, zone)).toBe(`${date}T00:00`);
    expect(localTimeOf(day.end - 1, zone)).toBe(`${date}T23:59`);
    expect(localTimeOf(day.end, zone)).toMatch(/T00:00$/);
  });

  it('days follow each other without gap or overlap across a change', () => {
    const days = datesBetween('2026-10-30', '2026-11-03').map((date) => localDay(date, NY));
    for (let i = 1; i < days.length; i++) expect(days[i].start).toBe(days[i - 1].end);
  });
});

describe('windows that open in the repeated hour of a fall-back change', () => {
  it('open at the first 01:00, whatever the season the process runs in', () => {
    const [window] = windowsOn(
      '2026-11-01',
      [{ weekday: 7, opens: '01:00', closes: '05:00' }],
      'America/New_York',
    );
    expect(new Date(window.start).toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect((window.end - window.start) / 3_600_000).toBe(5);
  });
});

describe('24:00 is not a local time', () => {
  it('is refused as malformed, not as a skipped time', () => {
    expect(() => instantOf('2026-11-02T24:00', 'America/New_York')).toThrow(RangeError);
    expect(() => instantOf('2026-11-02T24:00', 'America/New_York')).not.toThrow(
      NonexistentLocalTimeError,
    );
  });
});
