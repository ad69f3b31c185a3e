import { DateTime } from 'luxon';

/** The longest range one report covers: three years of local days. */
export const MAX_REPORT_DAYS = 1096;

export interface RangeProblem {
  field: string;
  reason: string;
}

/**
 * The problems of a report's date range (inclusive local dates, already known to be real dates),
 * or none. The end date is compared with the start, and the span kept to three years so one
 * request cannot ask the database for a decade by day.
 */
export function rangeProblems(from: string, to: string): RangeProblem[] {
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  if (end < start) return [{ field: 'to', reason: 'must be on or after from' }];
  const days = end.diff(start, 'days').days + 1;
  if (days > MAX_REPORT_DAYS) {
    return [
      {
        field: 'to',
        reason: `must be within ${MAX_REPORT_DAYS} days of from (a range of ${days} days was asked)`,
      },
    ];
  }
  return [];
}

/** The day after an inclusive end date: reports select local days from `from` up to this. */
export function dayAfter(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}
