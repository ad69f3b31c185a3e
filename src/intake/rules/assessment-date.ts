import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) an instant falls on in an IANA zone. */
export function dateIn(zone: string, instant: Date): string {
  const date = DateTime.fromJSDate(instant, { zone });
  if (!date.isValid) throw new Error(`invalid time zone ${zone}`);
  return date.toISODate();
}

/**
 * An assessment records what was found on a day that has come: a date after today, in the time
 * zone of the episode's clinic, is refused (recording it or signing it). Today is the clinic's,
 * not the server's: at 22:00 in New York on 7 December it is 8 December in UTC, and 8 December is
 * still tomorrow there. Returns the field and reason to give, or null when the date may stand.
 */
export function futureAssessmentDate(
  assessedOn: string,
  zone: string,
  now: Date,
): { field: 'assessedOn'; reason: string } | null {
  const today = dateIn(zone, now);
  // Both are ISO calendar dates, so their text orders as the dates do.
  if (assessedOn <= today) return null;
  return {
    field: 'assessedOn',
    reason: `assessedOn ${assessedOn} is after today (${today} in ${zone}): an assessment cannot be dated in the future`,
  };
}
