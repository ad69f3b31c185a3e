import { daysLaterAtDaytime, firstSendableMoment, reminderSendAt } from './send-time';

export const NOTIFICATION_KINDS = [
  'appointment_confirmation',
  'appointment_reminder',
  'follow_up',
  'no_show_rebook',
  'late_cancel_rebook',
  'waitlist_offer',
  'discharge_check_in',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_STATUSES = [
  'pending',
  'sending',
  'sent',
  'unconfirmed',
  'skipped',
  'cancelled',
  'failed',
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** One email the outbox should hold. The dedupe key makes planning the same email twice a no-op. */
export interface PlannedNotification {
  kind: NotificationKind;
  dedupeKey: string;
  sendAt: Date;
  /** A reminder follows its appointment when it moves; other emails are planned once. */
  movable: boolean;
}

export interface AppointmentFacts {
  id: string;
  status: 'booked' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  startsAt: Date;
  lateCancellation: boolean;
  timeZone: string;
  /** Hours before the visit for each reminder, largest first (24, then optionally 2). */
  reminderHoursBefore: number[];
  /** Days after a completed visit for the follow-up email; null sends none. */
  followUpDays: number | null;
}

/**
 * Every email an appointment should have in the outbox in its current state. Whatever the outbox
 * holds for the appointment beyond this list and has not gone yet is cancelled, so a move
 * re-plans the reminders, and a cancellation, check-in or no-show withdraws them.
 */
export function planAppointmentNotifications(
  appointment: AppointmentFacts,
  now: Date,
): PlannedNotification[] {
  const { id, status, startsAt, timeZone } = appointment;
  switch (status) {
    case 'booked':
    case 'confirmed': {
      if (startsAt.getTime() <= now.getTime()) return [];
      // Keyed by the start, so a move sends a fresh confirmation and confirming sends none.
      const planned: PlannedNotification[] = [
        {
          kind: 'appointment_confirmation',
          dedupeKey: `appointment_confirmation:${id}:${startsAt.toISOString()}`,
          sendAt: now,
          movable: false,
        },
      ];
      for (const hours of appointment.reminderHoursBefore) {
        const sendAt = reminderSendAt(startsAt, hours, timeZone, now);
        if (sendAt && !planned.some((item) => item.sendAt.getTime() === sendAt.getTime())) {
          planned.push({
            kind: 'appointment_reminder',
            dedupeKey: `appointment_reminder:${id}:${hours}h`,
            sendAt,
            movable: true,
          });
        }
      }
      return planned;
    }
    case 'completed':
      return appointment.followUpDays === null
        ? []
        : [
            {
              kind: 'follow_up',
              dedupeKey: `follow_up:${id}`,
              sendAt: daysLaterAtDaytime(now, appointment.followUpDays, timeZone),
              movable: false,
            },
          ];
    case 'no_show':
      return [
        {
          kind: 'no_show_rebook',
          dedupeKey: `no_show_rebook:${id}`,
          sendAt: firstSendableMoment(now, timeZone),
          movable: false,
        },
      ];
    case 'cancelled':
      return appointment.lateCancellation
        ? [
            {
              kind: 'late_cancel_rebook',
              dedupeKey: `late_cancel_rebook:${id}`,
              sendAt: firstSendableMoment(now, timeZone),
              movable: false,
            },
          ]
        : [];
    case 'checked_in':
      return [];
  }
}

/** Days after discharge for the check-in email to a discharged patient. */
export const DISCHARGE_CHECK_IN_DAYS = 30;

export function planDischargeCheckIn(
  episodeId: string,
  closedOn: string,
  timeZone: string,
): PlannedNotification {
  return {
    kind: 'discharge_check_in',
    dedupeKey: `discharge_check_in:${episodeId}`,
    sendAt: daysLaterAtDaytime(closedOn, DISCHARGE_CHECK_IN_DAYS, timeZone),
    movable: false,
  };
}

/** The offer goes at once: the slot is held only for a few hours. */
export function planWaitlistOffer(
  entryId: string,
  offeredStartsAt: Date,
  now: Date,
): PlannedNotification {
  return {
    kind: 'waitlist_offer',
    dedupeKey: `waitlist_offer:${entryId}:${offeredStartsAt.toISOString()}`,
    sendAt: now,
    movable: false,
  };
}
