/**
 * Duration categories of a low back pain episode, as the American College of Physicians
 * guideline defines them (Qaseem et al., Ann Intern Med 2017;166:514): acute under 4 weeks,
 * subacute 4 to 12 weeks, chronic over 12 weeks.
 */
export type Acuity = 'acute' | 'subacute' | 'chronic';

export const ACUITY_RULES = {
  version: 'acp-2017',
  subacuteFromDays: 28,
  chronicAfterDays: 84,
} as const;

const DAY_MS = 86_400_000;

/** Whole days between two calendar dates given as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Milliseconds at UTC midnight of a real calendar date; anything else is a RangeError. */
function utcMidnight(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to 2026-03-02; reading the date back catches that.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${date} is not a calendar date as YYYY-MM-DD`);
  }
  return time;
}

export function acuityOf(onsetDate: string, assessedOn: string): Acuity {
  const days = daysBetween(onsetDate, assessedOn);
  if (days < 0) throw new RangeError('onset date is after the assessment date');
  if (days < ACUITY_RULES.subacuteFromDays) return 'acute';
  if (days <= ACUITY_RULES.chronicAfterDays) return 'subacute';
  return 'chronic';
}
