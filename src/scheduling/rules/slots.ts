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

/** The same, as start instants only. */
export function findSlotStarts(request: SlotRequest): number[] {
  return slotStartsWithin(normalize(request.open), normalize(request.busy), request);
}

/**
 * The slot starts for open and busy time already normalized (sorted, merged), appended to
 * `starts` and returned: availability runs this for every therapist and day into one list per
 * therapist, normalizing each therapist's busy time once rather than once a day, and it walks the
 * busy list once per open window, allocating nothing per candidate.
 */
export function slotStartsWithin(
  open: readonly Interval[],
  busy: readonly Interval[],
  request: Omit<SlotRequest, 'open' | 'busy'>,
  starts: number[] = [],
): number[] {
  const { durationMs, bufferBeforeMs, bufferAfterMs, stepMs, notBefore } = request;
  for (const window of open) {
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

/** Where opening hours and working hours overlap, less closures: normalized (sorted, merged). */
export function openTime(
  opening: Interval[],
  working: Interval[],
  closures: Interval[],
): Interval[] {
  return subtract(intersect(opening, working), closures);
}
