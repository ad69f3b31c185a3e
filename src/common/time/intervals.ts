/** Half-open intervals [start, end) of epoch milliseconds, and the set operations slots need. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, non-overlapping, non-empty intervals covering the same instants. */
export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}

/** Instants in both sets. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const left = normalize(a);
  const right = normalize(b);
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const start = Math.max(left[i].start, right[j].start);
    const end = Math.min(left[i].end, right[j].end);
    if (end > start) result.push({ start, end });
    if (left[i].end < right[j].end) i++;
    else j++;
  }
  return result;
}

/** Instants in `from` and not in `remove`. */
export function subtract(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const removals = normalize(remove);
  const result: Interval[] = [];
  for (const interval of normalize(from)) {
    let cursor = interval.start;
    for (const cut of removals) {
      if (cut.end <= cursor || cut.start >= interval.end) continue;
      if (cut.start > cursor) result.push({ start: cursor, end: cut.start });
      cursor = Math.max(cursor, cut.end);
      if (cursor >= interval.end) break;
    }
    if (cursor < interval.end) result.push({ start: cursor, end: interval.end });
  }
  return result;
}

/** Whether `inner` lies wholly inside one interval of the set. */
export function contains(set: readonly Interval[], inner: Interval): boolean {
  return set.some((interval) => interval.start <= inner.start && inner.end <= interval.end);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
