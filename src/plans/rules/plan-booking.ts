import { DateTime } from 'luxon';
import { PROGRESS_REPORT_TREATMENT_DAYS } from '../../direct-access/rules/medicare';

/** Why a plan's series stops where it does. */
export type SeriesStop =
  'prescribed_visits' | 'authorised_visits' | 'plan_end' | 'certification_end';

export interface PlanSeriesInput {
  /** The first day the series may start (the plan's start, or later). */
  from: string;
  planEnd: string;
  /** The last day Medicare's certification covers (or the 30-day limit of an uncertified plan). */
  certifiedThrough: string | null;
  /** ISO weekdays (1 Monday ... 7 Sunday) the patient prefers. */
  weekdays: readonly number[];
  prescribedLeft: number;
  authorisedLeft: number | null;
  /** Medicare: treatment days since the last progress report, attended and already booked. */
  treatmentDaysSinceReport: number | null;
}

export interface PlanSeries {
  dates: string[];
  /** Indexes of the visits that complete a 10th treatment day: progress visits. */
  progressVisits: number[];
  stoppedBy: SeriesStop;
}

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * The visits "book this plan" makes: on the preferred weekdays from `from`, as many as the plan
 * prescribes and the payer authorises, none after the plan's end or the certification's,
 * whichever comes first. For Medicare, the visit completing each 10th treatment day since the last
 * progress report is a progress visit (Medicare Benefit Policy Manual, Ch. 15 § 220.3: at least
 * once every 10 treatment days, by the physical therapist).
 */
export function planSeries(input: PlanSeriesInput): PlanSeries {
  const limits: [SeriesStop, number][] = [['prescribed_visits', input.prescribedLeft]];
  if (input.authorisedLeft !== null) limits.push(['authorised_visits', input.authorisedLeft]);
  const ends: [SeriesStop, string][] = [['plan_end', input.planEnd]];
  if (input.certifiedThrough !== null) ends.push(['certification_end', input.certifiedThrough]);
  const [countStop, wanted] = limits.reduce((a, b) => (b[1] < a[1] ? b : a));
  const [dateStop, last] = ends.reduce((a, b) => (b[1] < a[1] ? b : a));
  const dates: string[] = [];
  for (
    let day = DateTime.fromISO(input.from, { zone: 'UTC' });
    dates.length < Math.max(0, wanted) && day.toISODate()! <= last;
    day = day.plus({ days: 1 })
  ) {
    if (input.weekdays.includes(day.weekday)) dates.push(day.toISODate()!);
  }
  const before = input.treatmentDaysSinceReport;
  const progressVisits =
    before === null
      ? []
      : dates
          .map((_, index) => index)
          .filter((index) => (before + index + 1) % PROGRESS_REPORT_TREATMENT_DAYS === 0);
  return { dates, progressVisits, stoppedBy: dates.length >= wanted ? countStop : dateStop };
}

/** The weekly RRULE whose occurrences from the first date are exactly `dates`. */
export function seriesRule(weekdays: readonly number[], count: number): string {
  const days = [...new Set(weekdays)].sort().map((weekday) => BYDAY[weekday - 1]);
  return `FREQ=WEEKLY;BYDAY=${days.join(',')};COUNT=${count}`;
}
