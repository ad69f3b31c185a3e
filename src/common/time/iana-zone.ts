import { IANAZone } from 'luxon';

/**
 * Offsets change on a quarter hour of UTC: on the hour in US zones, on the half hour in
 * Newfoundland (02:00 at -3:30). A quarter hour whose two ends agree is remembered whole; the
 * rare one with a change inside it (Goose Bay until 2011 changed at 00:01 local) is not.
 */
const QUARTER_HOUR_MS = 900_000;
const OFFSETS_PER_ZONE = 50_000;

/**
 * An IANA zone that remembers its offsets. Luxon asks the zone for an offset on every creation,
 * shift and set of a DateTime, and each answer costs an Intl formatting; availability and
 * reminder planning ask about the same few hours thousands of times.
 */
class RememberingZone extends IANAZone {
  private readonly offsets = new Map<number, number>();

  override offset(ts: number): number {
    const quarterHour = Math.floor(ts / QUARTER_HOUR_MS);
    const known = this.offsets.get(quarterHour);
    if (known !== undefined) return known;
    const start = quarterHour * QUARTER_HOUR_MS;
    const offset = super.offset(start);
    if (super.offset(start + QUARTER_HOUR_MS - 1) !== offset) return super.offset(ts);
    if (this.offsets.size >= OFFSETS_PER_ZONE) this.offsets.clear();
    this.offsets.set(quarterHour, offset);
    return offset;
  }
}

const zones = new Map<string, IANAZone>();

/** The zone named, for Luxon's `{ zone }` options; an unknown name gives an invalid zone. */
export function ianaZone(name: string): IANAZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new RememberingZone(name);
    if (zone.isValid) zones.set(name, zone);
  }
  return zone;
}
