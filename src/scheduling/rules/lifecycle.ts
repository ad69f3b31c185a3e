export const APPOINTMENT_STATUSES = [
  'booked',
  'confirmed',
  'checked_in',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export type AppointmentAction = 'confirm' | 'check_in' | 'complete' | 'cancel' | 'no_show';

const TRANSITIONS: Record<AppointmentAction, { from: AppointmentStatus[]; to: AppointmentStatus }> =
  {
    confirm: { from: ['booked'], to: 'confirmed' },
    check_in: { from: ['booked', 'confirmed'], to: 'checked_in' },
    complete: { from: ['checked_in'], to: 'completed' },
    cancel: { from: ['booked', 'confirmed'], to: 'cancelled' },
    no_show: { from: ['booked', 'confirmed'], to: 'no_show' },
  };

/** Statuses in which an appointment holds its therapist, patient and room. */
export const ACTIVE_STATUSES: AppointmentStatus[] = [
  'booked',
  'confirmed',
  'checked_in',
  'completed',
];

/** The status an action leads to, or null when the action is not allowed from `current`. */
export function nextStatus(
  current: AppointmentStatus,
  action: AppointmentAction,
): AppointmentStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

/** A cancellation under 24 hours before the start is late (clinics charge or follow up). */
export const LATE_CANCELLATION_MS = 24 * 3_600_000;

export function isLateCancellation(cancelledAt: Date, startsAt: Date): boolean {
  return startsAt.getTime() - cancelledAt.getTime() < LATE_CANCELLATION_MS;
}

/** A no-show can only be recorded once the appointment has started. */
export function canMarkNoShow(now: Date, startsAt: Date): boolean {
  return now.getTime() >= startsAt.getTime();
}

/** Moving is allowed while the appointment has not happened. */
export function canReschedule(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'confirmed';
}

/**
 * Whether a patient may be checked in now: from `opensMinutesBefore` the start (they arrive
 * early to fill in forms) until the end of the visit. A check-in days ahead, or after the visit
 * would have ended, is a slip of the front desk's hand, so it is refused as `early` or `late`.
 */
export function checkInTiming(
  now: Date,
  visit: { startsAt: Date; endsAt: Date },
  opensMinutesBefore: number,
): 'early' | 'late' | null {
  if (now.getTime() < checkInOpensAt(visit.startsAt, opensMinutesBefore).getTime()) return 'early';
  if (now.getTime() > visit.endsAt.getTime()) return 'late';
  return null;
}

export function checkInOpensAt(startsAt: Date, opensMinutesBefore: number): Date {
  return new Date(startsAt.getTime() - opensMinutesBefore * 60_000);
}
