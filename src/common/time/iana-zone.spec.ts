import { DateTime, IANAZone } from 'luxon';
import { ianaZone } from './iana-zone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The instants in 2026 at which a zone's offset changes, found hour by hour then by minute. */
function transitionsIn2026(name: string): number[] {
  const reference = IANAZone.create(name);
  const found: number[] = [];
  const start = Date.UTC(2026, 0, 1);
  const end = Date.UTC(2027, 0, 1);
  for (let hour = start; hour < end; hour += HOUR) {
    if (reference.offset(hour) === reference.offset(hour + HOUR)) continue;
    let minute = hour;
    while (reference.offset(minute + MINUTE) === reference.offset(hour)) minute += MINUTE;
    found.push(minute + MINUTE);
  }
  return found;
}

describe('ianaZone', () => {
  it.each<[string, number]>([
    ['America/New_York', 2],
    ['America/Chicago', 2],
    ['America/Denver', 2],
    ['America/Phoenix', 0],
    ['America/St_Johns', 2],
    ['Australia/Lord_Howe', 2],
    ['Pacific/Chatham', 2],
    ['Asia/Kathmandu', 0],
  ])(
    'gives %s the offsets of the tz database minute by minute around its %i changes in 2026',
    (name, changes) => {
      const reference = IANAZone.create(name);
      const transitions = transitionsIn2026(name);
      expect(transitions).toHaveLength(changes);
      const zone = ianaZone(name);
      // In time order, so that each answer after a change comes from what the zone remembers.
      for (const transition of transitions) {
        for (let at = transition - 2 * HOUR; at <= transition + 2 * HOUR; at += MINUTE) {
          expect([at, zone.offset(at)]).toEqual([at, reference.offset(at)]);
          expect(zone.offset(at + 59_999)).toBe(reference.offset(at + 59_999));
        }
      }
      expect(zone.offset(Date.UTC(2026, 6, 1))).toBe(reference.offset(Date.UTC(2026, 6, 1)));
    },
  );

  it('is exact in a quarter hour with a change inside it, whichever moment is asked first', () => {
    // Goose Bay fell back at 03:01 UTC on 7 November 2010.
    const zone = ianaZone('America/Goose_Bay');
    expect(zone.offset(Date.UTC(2010, 10, 7, 3, 5))).toBe(-240);
    expect(zone.offset(Date.UTC(2010, 10, 7, 3, 0, 30))).toBe(-180);
    expect(zone.offset(Date.UTC(2010, 10, 7, 3, 1))).toBe(-240);
  });

  it('is the same zone to Luxon as the one it names', () => {
    const zone = ianaZone('America/Chicago');
    expect(zone.equals(IANAZone.create('America/Chicago'))).toBe(true);
    expect(ianaZone('America/Chicago')).toBe(zone);
    const local = DateTime.fromISO('2026-11-01T06:30Z', { zone });
    expect(local.zoneName).toBe('America/Chicago');
    expect(local.toISO()).toBe('2026-11-01T01:30:00.000-05:00');
    expect(local.plus({ hours: 1 }).toISO()).toBe('2026-11-01T01:30:00.000-06:00');
    expect(local.toFormat('ZZZZ')).toBe('CDT');
  });

  it('gives an invalid zone for a name the tz database does not know', () => {
    const zone = ianaZone('America/Atlantis');
    expect(zone.isValid).toBe(false);
    expect(Number.isNaN(zone.offset(Date.UTC(2026, 0, 1)))).toBe(true);
    expect(DateTime.fromMillis(0, { zone }).isValid).toBe(false);
  });
});
