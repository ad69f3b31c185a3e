import { type Interval, intersect, normalize, subtract } from '../../common/time/intervals';

export interface SlotRequest {
  /** When the therapist may see patients here (opening hours intersected with working hours). */
  open: Interval[];
  /** When the therapist is already taken: bookings with their buffers, time off. */
  busy: Interval[];
  durationMs: number;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  /** Slots start on multiples of this from the start of each open interval. */
  stepMs: number;
  /** Nothing starts before this instant (now, or the start of the requested range). */
  notBefore: number;
}

export interface Slot {
  start: number;
  end: number;
}

/**
 * Bookable visits: the visit lies inside open time, and the visit with its buffers overlaps no
 * busy time. Pure: intervals in, intervals out.
 */
export function findSlots(request: SlotRequest): Slot[] {
  return findSlotStarts(request).map((start) => ({ start, end: start + request.durationMs }));
}

/**
 * The same, as start instants only: availability runs this for every therapist and day, so it
 * walks the sorted busy list once per open window and allocates nothing per candidate.
 */
export function findSlotStarts(request: SlotRequest): number[] {
  const { durationMs, bufferBeforeMs, bufferAfterMs, stepMs, notBefore } = request;
  const busy = normalize(request.busy);
  const starts: number[] = [];
  for (const window of normalize(request.open)) {
    let next = 0;
    for (let start = window.start; start + durationMs <= window.end; start += stepMs) {
      if (start < notBefore) continue;
      const from = start - bufferBeforeMs;
      const until = start + durationMs + bufferAfterMs;
      while (next < busy.length && busy[next].end <= from) next++;
      if (next < busy.length && busy[next].start < until) continue;
      starts.push(start);
    }
  }
  return starts;
}

/** Where opening hours and working hours overlap, less closures. */
export function openTime(
  opening: Interval[],
  working: Interval[],
  closures: Interval[],
): Interval[] {
  return subtract(intersect(opening, working), closures);
}
