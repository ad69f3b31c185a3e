import type { NotificationKind } from './notification-plan';

/**
 * The iTIP method (RFC 5546) of the calendar object an email carries. PUBLISH, not REQUEST, for
 * the booking and every move: REQUEST makes the patient an ATTENDEE whose calendar app offers
 * Accept and Decline and mails a REPLY to the clinic, yet nothing reads those replies, so a
 * patient who declined would believe they had cancelled. PUBLISH adds or updates the entry and
 * asks nothing back. CANCEL removes it again (RFC 5546 3.2.1 names CANCEL as the way to withdraw
 * a published event).
 */
export type CalendarMethod = 'PUBLISH' | 'CANCEL';

/**
 * Which emails carry the visit's calendar entry, and how: the confirmation (at booking and again
 * after each move) publishes it; the cancellation, and the rebooking email a late cancellation
 * sends instead, cancel it. A no-show cancels nothing: the visit was not called off.
 */
export function calendarMethodOf(kind: NotificationKind): CalendarMethod | null {
  switch (kind) {
    case 'appointment_confirmation':
      return 'PUBLISH';
    case 'appointment_cancellation':
    case 'late_cancel_rebook':
      return 'CANCEL';
    case 'appointment_reminder':
    case 'follow_up':
    case 'no_show_rebook':
    case 'waitlist_offer':
    case 'discharge_check_in':
    case 'home_exercise_programme':
      return null;
  }
}

/**
 * The entry's SEQUENCE (RFC 5545 3.8.7.4), which calendar apps compare to tell a newer version
 * from an older one, so it grows with every change the patient is told of: 0 when booked, one
 * more for each move (its history's reschedules), and one more for the cancellation, after
 * which nothing changes. The same visit always has the same number in the same state, so an
 * email retried or sent again carries the number it had.
 */
export function calendarSequence(method: CalendarMethod, moves: number): number {
  return method === 'CANCEL' ? moves + 1 : moves;
}
