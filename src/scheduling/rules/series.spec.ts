/**
 * Recurring visits: an RRULE expanded on local wall-clock time, each occurrence then placed in the
 * location's zone. US changes: 2026-11-01 falls back (02:00 -> 01:00), 2027-03-14 springs forward
 * (02:00 -> 03:00).
 */
import { expandSeries, MAX_OCCURRENCES, type Occurrence } from './series';

const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';

const utc = (iso: string): Date => new Date(`${iso}:00Z`);
const occurrence = (localStart: string, instant: string | null): Occurrence => ({
  localStart,
  startsAt: instant === null ? null : utc(instant),
});

const TWICE_WEEKLY_DATES = [
  '2026-10-26',
  '2026-10-29',
  '2026-11-02',
  '2026-11-05',
  '2026-11-09',
  '2026-11-12',
  '2026-11-16',
  '2026-11-19',
  '2026-11-23',
  '2026-11-26',
  '2026-11-30',
  '2026-12-03',
];

describe('expandSeries', () => {
  describe('twice weekly at 09:00 across the fall-back change', () => {
    it.each<[string, string, string, string]>([
      // zone, rule, UTC time before 2026-11-01 (daylight), after (standard)
      [NY, 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12', '13:00', '14:00'],
      [NY, 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12', '13:00', '14:00'],
      [CHICAGO, 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12', '14:00', '15:00'],
      [CHICAGO, 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12', '14:00', '15:00'],
    ])('in %s, %s: %sZ then %sZ', (zone, rule, daylight, standard) => {
      const occurrences = expandSeries(rule, '2026-10-26T09:00', zone);
      expect(occurrences).toEqual(
        TWICE_WEEKLY_DATES.map((date) =>
          occurrence(`${date}T09:00`, `${date}T${date < '2026-11-01' ? daylight : standard}`),
        ),
      );
    });

    it('gives 12 occurrences, each a Monday or a Thursday at 09:00 local', () => {
      const occurrences = expandSeries('FREQ=WEEKLY;BYDAY=MO,TH;COUNT=12', '2026-10-26T09:00', NY);
      expect(occurrences).toHaveLength(12);
      const weekdays = occurrences.map((o) =>
        new Date(`${o.localStart.slice(0, 10)}T00:00:00Z`).getUTCDay(),
      );
      expect(weekdays).toEqual([1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4]);
      for (const o of occurrences) expect(o.localStart).toMatch(/T09:00$/);
    });
  });

  it.each<[string, string, string, Occurrence[]]>([
    [
      'daily, across the spring-forward gap: the skipped 02:30 has no instant',
      'FREQ=DAILY;COUNT=4',
      '2027-03-12T02:30',
      [
        occurrence('2027-03-12T02:30', '2027-03-12T07:30'),
        occurrence('2027-03-13T02:30', '2027-03-13T07:30'),
        occurrence('2027-03-14T02:30', null),
        occurrence('2027-03-15T02:30', '2027-03-15T06:30'),
      ],
    ],
    [
      'daily, across the fall-back repeat: 01:30 is the first occurrence',
      'FREQ=DAILY;COUNT=3',
      '2026-10-31T01:30',
      [
        occurrence('2026-10-31T01:30', '2026-10-31T05:30'),
        occurrence('2026-11-01T01:30', '2026-11-01T05:30'),
        occurrence('2026-11-02T01:30', '2026-11-02T06:30'),
      ],
    ],
    [
      'every other week',
      'FREQ=WEEKLY;INTERVAL=2;COUNT=3',
      '2026-10-26T17:15',
      [
        occurrence('2026-10-26T17:15', '2026-10-26T21:15'),
        occurrence('2026-11-09T17:15', '2026-11-09T22:15'),
        occurrence('2026-11-23T17:15', '2026-11-23T22:15'),
      ],
    ],
    [
      'a single visit',
      'FREQ=DAILY;COUNT=1',
      '2026-11-02T09:00',
      [occurrence('2026-11-02T09:00', '2026-11-02T14:00')],
    ],
    [
      'across a year end',
      'FREQ=WEEKLY;COUNT=3',
      '2026-12-24T09:00',
      [
        occurrence('2026-12-24T09:00', '2026-12-24T14:00'),
        occurrence('2026-12-31T09:00', '2026-12-31T14:00'),
        occurrence('2027-01-07T09:00', '2027-01-07T14:00'),
      ],
    ],
  ])('in New York, %s', (_, rule, localStart, expected) => {
    expect(expandSeries(rule, localStart, NY)).toEqual(expected);
  });

  it('marks the skipped 02:30 in Chicago too', () => {
    const occurrences = expandSeries('FREQ=DAILY;COUNT=3', '2026-03-07T02:30', CHICAGO);
    expect(occurrences).toEqual([
      occurrence('2026-03-07T02:30', '2026-03-07T08:30'),
      occurrence('2026-03-08T02:30', null),
      occurrence('2026-03-09T02:30', '2026-03-09T07:30'),
    ]);
  });

  describe('UNTIL', () => {
    it.each<[string, string[]]>([
      ['FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261109T000000Z', TWICE_WEEKLY_DATES.slice(0, 4)],
      // An UNTIL on an occurrence includes it.
      ['FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261105T140000Z', TWICE_WEEKLY_DATES.slice(0, 4)],
      ['RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261203T235959Z', TWICE_WEEKLY_DATES],
      ['FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261026T235959Z', TWICE_WEEKLY_DATES.slice(0, 1)],
    ])('%s', (rule, dates) => {
      expect(expandSeries(rule, '2026-10-26T09:00', NY)).toEqual(
        dates.map((date) =>
          occurrence(`${date}T09:00`, `${date}T${date < '2026-11-01' ? '13:00' : '14:00'}`),
        ),
      );
    });

    it('gives nothing when UNTIL is before the start', () => {
      expect(expandSeries('FREQ=DAILY;UNTIL=20261020T000000Z', '2026-10-26T09:00', NY)).toEqual([]);
    });
  });

  describe('rejects', () => {
    it.each<[string, string]>([
      ['a DTSTART line', 'DTSTART:20261026T090000\nRRULE:FREQ=WEEKLY;COUNT=3'],
      [
        'a DTSTART with TZID',
        'DTSTART;TZID=America/New_York:20261026T090000\nRRULE:FREQ=WEEKLY;COUNT=3',
      ],
      ['a TZID', 'FREQ=WEEKLY;COUNT=3;TZID=America/New_York'],
      ['a rule without COUNT or UNTIL', 'FREQ=WEEKLY;BYDAY=MO,TH'],
      ['a bare FREQ', 'FREQ=DAILY'],
      ['a prefixed rule without COUNT or UNTIL', 'RRULE:FREQ=WEEKLY;INTERVAL=2'],
      ['more than 104 occurrences by COUNT', 'FREQ=DAILY;COUNT=105'],
      ['far more than 104 occurrences by COUNT', 'FREQ=WEEKLY;COUNT=1000'],
      ['more than 104 occurrences by UNTIL', 'FREQ=DAILY;UNTIL=20271231T000000Z'],
      ['two years of twice-weekly visits', 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20281026T000000Z'],
    ])('%s with a RangeError', (_, rule) => {
      expect(() => expandSeries(rule, '2026-10-26T09:00', NY)).toThrow(RangeError);
    });

    it.each<[string]>([['not a time'], ['2026-13-01T09:00'], ['']])(
      'a malformed local start %j with a RangeError',
      (localStart) => {
        expect(() => expandSeries('FREQ=DAILY;COUNT=2', localStart, NY)).toThrow(RangeError);
      },
    );
  });

  describe('the 104-occurrence ceiling', () => {
    it('is 104', () => {
      expect(MAX_OCCURRENCES).toBe(104);
    });

    it.each<[string]>([['FREQ=DAILY;COUNT=104'], ['FREQ=WEEKLY;BYDAY=MO,TH;COUNT=104']])(
      'allows exactly 104 occurrences: %s',
      (rule) => {
        const occurrences = expandSeries(rule, '2026-10-26T09:00', NY);
        expect(occurrences).toHaveLength(104);
        for (const o of occurrences) {
          expect(o.localStart).toMatch(/T09:00$/);
          expect(o.startsAt).not.toBeNull();
        }
      },
    );

    it('allows exactly 104 weekly occurrences by UNTIL (two years less a week)', () => {
      // 2026-10-26 plus 103 weeks is 2028-10-16.
      const occurrences = expandSeries(
        'FREQ=WEEKLY;UNTIL=20281016T235959Z',
        '2026-10-26T09:00',
        NY,
      );
      expect(occurrences).toHaveLength(104);
      expect(occurrences[103].localStart).toBe('2028-10-16T09:00');
      expect(() =>
        expandSeries('FREQ=WEEKLY;UNTIL=20281023T235959Z', '2026-10-26T09:00', NY),
      ).toThrow(RangeError);
    });
  });

  it('keeps every weekly 09:00 visit at 09:00 local across both changes of a year', () => {
    const occurrences = expandSeries('FREQ=WEEKLY;COUNT=52', '2026-10-26T09:00', NY);
    expect(occurrences).toHaveLength(52);
    for (const o of occurrences) {
      expect(o.localStart).toMatch(/T09:00$/);
      const hourUtc = o.startsAt!.getUTCHours();
      // EDT until 2026-11-01 and again from 2027-03-14; EST in between.
      const daylight = o.localStart < '2026-11-01' || o.localStart >= '2027-03-14';
      expect(hourUtc).toBe(daylight ? 13 : 14);
    }
  });
});

describe('a rule with white space around its prefix', () => {
  it('is read as the same rule', () => {
    expect(
      expandSeries(' RRULE:FREQ=DAILY;COUNT=2 ', '2026-12-01T09:00', 'America/New_York'),
    ).toHaveLength(2);
  });
});
