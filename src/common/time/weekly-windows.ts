import { InputError } from '../errors/domain-error';
import { CommonErrors } from '../errors/common.errors';
import { type Interval, normalize } from './intervals';

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Refuses weekly windows (opening hours, working hours) that end before they start or overlap
 * on the same weekday.
 */
export function assertWindows(
  windows: { weekday: number; start: string; end: string }[],
  field: string,
): void {
  const problems: { field: string; reason: string }[] = [];
  windows.forEach((window, index) => {
    if (minutes(window.end) <= minutes(window.start)) {
      problems.push({ field: `${field}[${index}]`, reason: 'must end after it starts' });
    }
  });
  for (let day = 1; day <= 7; day++) {
    const intervals: Interval[] = windows
      .filter((window) => window.weekday === day)
      .map((window) => ({ start: minutes(window.start), end: minutes(window.end) }));
    const total = intervals.reduce(
      (sum, interval) => sum + Math.max(0, interval.end - interval.start),
      0,
    );
    const merged = normalize(intervals).reduce(
      (sum, interval) => sum + interval.end - interval.start,
      0,
    );
    if (merged < total) problems.push({ field, reason: `windows on weekday ${day} overlap` });
  }
  if (problems.length > 0) {
    throw new InputError(CommonErrors.invalidWindows, 'The weekly windows are invalid', problems);
  }
}
