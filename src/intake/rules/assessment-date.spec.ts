/**
 * Assessments cannot be dated in the future (issue 19): "today" is the calendar date in the IANA
 * zone of the episode's clinic (CONVENTIONS.md: wall-clock rules in the location's zone, DST
 * included), not the server's UTC date.
 */
import { dateIn, futureAssessmentDate } from './assessment-date';

describe('dateIn', () => {
  it.each([
    // 03:00 UTC is still the evening before in the Americas.
    ['2026-12-08T03:00:00Z', 'America/New_York', '2026-12-07'],
    ['2026-12-08T03:00:00Z', 'America/Los_Angeles', '2026-12-07'],
    ['2026-12-08T03:00:00Z', 'UTC', '2026-12-08'],
    ['2026-12-08T03:00:00Z', 'Europe/Dublin', '2026-12-08'],
    // 16:00 UTC is already the next day east of +08:00.
    ['2026-12-07T16:00:00Z', 'Asia/Tokyo', '2026-12-08'],
    ['2026-12-07T16:00:00Z', 'Europe/London', '2026-12-07'],
    ['2026-12-07T10:30:00Z', 'Pacific/Kiritimati', '2026-12-08'],
    ['2026-12-07T10:30:00Z', 'Pacific/Pago_Pago', '2026-12-06'],
    // New York midnight either side of the DST changes (UTC-5 in winter, UTC-4 in summer).
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
    ['2026-07-01T03:59:00Z', 'America/New_York', '2026-06-30'],
    ['2026-07-01T04:00:00Z', 'America/New_York', '2026-07-01'],
    ['2026-11-01T03:59:00Z', 'America/New_York', '2026-10-31'],
    ['2026-11-02T04:59:00Z', 'America/New_York', '2026-11-01'],
    ['2026-11-02T05:00:00Z', 'America/New_York', '2026-11-02'],
  ])('%s in %s is %s', (instant, zone, date) => {
    expect(dateIn(zone, new Date(instant))).toBe(date);
  });

  it('refuses a zone that is not an IANA zone', () => {
    expect(() => dateIn('Mars/Olympus_Mons', new Date())).toThrow(/invalid time zone/);
  });
});

describe('futureAssessmentDate', () => {
  it.each<[string, string, string, boolean]>([
    // [assessedOn, zone, now, refused]
    ['2026-12-07', 'America/New_York', '2026-12-07T15:00:00Z', false],
    ['2026-12-06', 'America/New_York', '2026-12-07T15:00:00Z', false],
    ['2020-01-01', 'America/New_York', '2026-12-07T15:00:00Z', false],
    ['2026-12-08', 'America/New_York', '2026-12-07T15:00:00Z', true],
    ['2027-01-01', 'America/New_York', '2026-12-07T15:00:00Z', true],
    // UTC has moved on to the 8th, New York has not.
    ['2026-12-08', 'America/New_York', '2026-12-08T03:00:00Z', true],
    ['2026-12-07', 'America/New_York', '2026-12-08T03:00:00Z', false],
    // The last minute of the 7th and the first of the 8th, in New York.
    ['2026-12-08', 'America/New_York', '2026-12-08T04:59:59Z', true],
    ['2026-12-08', 'America/New_York', '2026-12-08T05:00:00Z', false],
    // Tokyo is on the 8th while UTC is on the 7th.
    ['2026-12-08', 'Asia/Tokyo', '2026-12-07T16:00:00Z', false],
    ['2026-12-09', 'Asia/Tokyo', '2026-12-07T16:00:00Z', true],
    // Across a year's end.
    ['2027-01-01', 'Europe/Dublin', '2026-12-31T23:59:59Z', true],
    ['2027-01-01', 'Europe/Dublin', '2027-01-01T00:00:00Z', false],
  ])('%s in %s at %s: refused %p', (assessedOn, zone, now, refused) => {
    const problem = futureAssessmentDate(assessedOn, zone, new Date(now));
    if (refused) {
      expect(problem).toEqual({ field: 'assessedOn', reason: expect.any(String) });
    } else {
      expect(problem).toBeNull();
    }
  });

  it('says which day today is, and where', () => {
    expect(
      futureAssessmentDate('2026-12-08', 'America/New_York', new Date('2026-12-08T03:00:00Z')),
    ).toEqual({
      field: 'assessedOn',
      reason:
        'assessedOn 2026-12-08 is after today (2026-12-07 in America/New_York): an assessment cannot be dated in the future',
    });
  });
});
