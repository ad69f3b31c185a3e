import { DateTime } from 'luxon';
import { rrulestr } from 'rrule';
import { instantOf, NonexistentLocalTimeError } from './wall-clock';

export interface Occurrence {
  /** Wall-clock start in the location's zone, YYYY-MM-DDTHH:mm. */
  localStart: string;
  /** The instant, or null when the wall time does not exist that day (DST gap). */
  startsAt: Date | null;
}

export const MAX_OCCURRENCES = 104;

/**
 * Occurrences of an RFC 5545 RRULE anchored at a local start time. The rule is expanded on
 * floating wall-clock time and each occurrence is then placed in the zone, so a weekly 09:00
 * series stays at 09:00 local across DST changes.
 */
export function expandSeries(rrule: string, localStart: string, zone: string): Occurrence[] {
  const rule = rrule.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|TZID|\n/i.test(rule)) {
    throw new RangeError('give the rule without DTSTART or TZID: the series starts at localStart');
  }
  if (!/(^|;)(COUNT|UNTIL)=/i.test(rule)) throw new RangeError('the rule needs COUNT or UNTIL');
  const anchor = DateTime.fromISO(localStart, { zone: 'UTC' });
  if (!anchor.isValid)
    throw new RangeError(`${localStart} is not a local time as YYYY-MM-DDTHH:mm`);
  const floating = rrulestr(`DTSTART:${anchor.toFormat("yyyyMMdd'T'HHmmss")}Z\nRRULE:${rule}`);
  const dates = floating.all((_, index) => index < MAX_OCCURRENCES + 1);
  if (dates.length > MAX_OCCURRENCES) {
    throw new RangeError(`a series has at most ${MAX_OCCURRENCES} occurrences`);
  }
  return dates.map((date) => {
    const local = DateTime.fromJSDate(date, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm");
    try {
      return { localStart: local, startsAt: instantOf(local, zone) };
    } catch (error) {
      if (error instanceof NonexistentLocalTimeError) return { localStart: local, startsAt: null };
      throw error;
    }
  });
}
