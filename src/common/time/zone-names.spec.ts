import { DateTime } from 'luxon';
import { shortZoneName } from './zone-names';

describe('shortZoneName', () => {
  it.each([
    ['2026-01-15T14:00:00Z', 'America/New_York', 'EST'],
    ['2026-07-15T14:00:00Z', 'America/New_York', 'EDT'],
    ['2026-01-15T14:00:00Z', 'America/Chicago', 'CST'],
    ['2026-07-15T14:00:00Z', 'America/Chicago', 'CDT'],
    ['2026-07-15T14:00:00Z', 'America/Phoenix', 'MST'],
    ['2026-01-15T14:00:00Z', 'Europe/Dublin', 'GMT'],
    ['2026-07-15T14:00:00Z', 'Europe/Dublin', 'GMT+1'],
    ['2026-07-15T14:00:00Z', 'Pacific/Honolulu', 'HST'],
    // Both sides of New York's spring-forward instant (07:00 UTC on 2026-03-08).
    ['2026-03-08T06:59:00Z', 'America/New_York', 'EST'],
    ['2026-03-08T07:00:00Z', 'America/New_York', 'EDT'],
  ])('%s in %s is %s, as luxon writes ZZZZ', (instant, zone, name) => {
    const date = new Date(instant);
    expect(shortZoneName(date, zone)).toBe(name);
    expect(shortZoneName(date, zone)).toBe(
      DateTime.fromJSDate(date, { zone }).setLocale('en-US').toFormat('ZZZZ'),
    );
  });
});
