import { DateTime } from 'luxon';
import type { Dimension, Period } from './figure-definition';

/** A run of local dates a report counts together: from `from` up to (excluding) `to`. */
export interface LocalBucket {
  from: string;
  to: string;
  /** The period it belongs to: the day, the week's Monday, the month (YYYY-MM); null for none. */
  period: string | null;
  /** The ISO weekday (1 Monday to 7 Sunday) of a one-day bucket; null for longer ones. */
  weekday: number | null;
}

type Unit = 'day' | 'week' | 'month' | 'range';

/**
 * The coarsest run of days that still tells apart everything the request splits by: days for a
 * split by weekday or hour (hours are read from each visit), else the period, else the range.
 */
export function bucketUnit(period: Period | null, by: Dimension | null): Unit {
  if (by === 'weekday' || by === 'hour' || period === 'day') return 'day';
  return period ?? 'range';
}

function periodOf(date: DateTime, period: Period | null): string | null {
  if (period === 'day') return date.toISODate()!;
  if (period === 'week') return date.startOf('week').toISODate()!;
  if (period === 'month') return date.toFormat('yyyy-MM');
  return null;
}

/**
 * The buckets covering the local dates from `from` up to `toExclusive`, each cut at the range's
 * ends (a week asked from a Wednesday starts on that Wednesday, labelled by its Monday). The same
 * dates stand for each clinic's own local days; the clinic's zone turns them into instants.
 */
export function localBuckets(
  from: string,
  toExclusive: string,
  period: Period | null,
  by: Dimension | null,
): LocalBucket[] {
  const unit = bucketUnit(period, by);
  const start = DateTime.fromISO(from, { zone: 'UTC' });
  const end = DateTime.fromISO(toExclusive, { zone: 'UTC' });
  if (unit === 'range') return [{ from, to: toExclusive, period: null, weekday: null }];
  const buckets: LocalBucket[] = [];
  for (let cursor = start; cursor < end;) {
    const next = DateTime.min(cursor.startOf(unit).plus({ [unit]: 1 }), end);
    buckets.push({
      from: cursor.toISODate()!,
      to: next.toISODate()!,
      period: periodOf(cursor, period),
      weekday: unit === 'day' ? cursor.weekday : null,
    });
    cursor = next;
  }
  return buckets;
}
