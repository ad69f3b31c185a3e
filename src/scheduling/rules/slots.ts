import { contains, type Interval, intersect, normalize, subtract } from './intervals';

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
 * Bookable visits: the visit lies inside open time, and the visit with its buffers lies inside
 * time that is not busy. Pure: intervals in, intervals out.
 */
export function findSlots(request: SlotRequest): Slot[] {
  const open = normalize(request.open);
  const free = subtract(
    [{ start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER }],
    request.busy,
  );
  const slots: Slot[] = [];
  for (const window of open) {
    for (
      let start = window.start;
      start + request.durationMs <= window.end;
      start += request.stepMs
    ) {
      if (start < request.notBefore) continue;
      const visit = { start, end: start + request.durationMs };
      const occupied = {
        start: start - request.bufferBeforeMs,
        end: visit.end + request.bufferAfterMs,
      };
      if (contains(free, occupied)) slots.push(visit);
    }
  }
  return slots;
}

/** Where opening hours and working hours overlap, less closures. */
export function openTime(
  opening: Interval[],
  working: Interval[],
  closures: Interval[],
): Interval[] {
  return subtract(intersect(opening, working), closures);
}
