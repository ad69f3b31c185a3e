import { localTimeOf } from './wall-clock';

export interface WaitlistWish {
  appointmentTypeId: string;
  locationIds: readonly string[];
  therapistId: string | null;
  /** Local dates, inclusive. */
  earliest: string;
  latest: string;
  /** Local wall-clock times of day, HH:mm[:ss]. */
  dayStarts: string;
  dayEnds: string;
}

export interface FreedSlot {
  appointmentTypeId: string;
  locationId: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}

/** Whether a freed slot is what a waiting patient asked for, read in the location's zone. */
export function wishFits(wish: WaitlistWish, slot: FreedSlot): boolean {
  if (wish.appointmentTypeId !== slot.appointmentTypeId) return false;
  if (!wish.locationIds.includes(slot.locationId)) return false;
  if (wish.therapistId && wish.therapistId !== slot.therapistId) return false;
  const start = localTimeOf(slot.startsAt, slot.timeZone);
  const end = localTimeOf(slot.endsAt, slot.timeZone);
  const date = start.slice(0, 10);
  if (date < wish.earliest || date > wish.latest) return false;
  // A visit that runs past midnight fits no day window.
  if (end.slice(0, 10) !== date) return false;
  return start.slice(11) >= wish.dayStarts.slice(0, 5) && end.slice(11) <= wish.dayEnds.slice(0, 5);
}
