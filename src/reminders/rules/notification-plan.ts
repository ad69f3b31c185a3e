import { daysLaterAtDaytime, firstSendableMoment, reminderSendAt } from './send-time';

export const NOTIFICATION_KINDS = [
  'appointment_confirmation',
  'appointment_reminder',
  'appointment_cancellation',
  'follow_up',
  'no_show_rebook',
  'late_cancel_rebook',
  'waitlist_offer',
  'discharge_check_in',
  'home_exercise_programme',
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
}

export interface AppointmentFacts {
  id: string;
  status: 'booked' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  startsAt: Date;
  lateCancellation: boolean;
  timeZone: string;
  /** How often the appointment has been moved: each move is a new revision with its own emails. */
  revision: number;
  /** Hours before the visit for each reminder, largest first (24, then optionally 2). */
  reminderHoursBefore: number[];
  /** Days after a completed visit for the follow-up email; null sends none. */
  followUpDays: number | null;
}

/** Reminder lead times as configured: a location's, each of which its visit type may override. */
export interface ReminderSettings {
  reminderHoursBefore: number | null;
  secondReminderHoursBefore: number | null;
}

/** The reminders a visit of this type at this location gets, in hours before it. */
export function reminderLeads(type: ReminderSettings, location: ReminderSettings): number[] {
  return [
    type.reminderHoursBefore ?? location.reminderHoursBefore,
    type.secondReminderHoursBefore ?? location.secondReminderHoursBefore,
  ].filter((hours): hours is number => hours !== null);
}

const confirmationKey = (appointment: AppointmentFacts) =>
  `appointment_confirmation:${appointment.id}:r${appointment.revision}`;
const reminderKey = (appointment: AppointmentFacts, hours: number) =>
  `appointment_reminder:${appointment.id}:r${appointment.revision}:${hours}h`;

/**
 * Every email an appointment should have in the outbox in its current state. Confirmation and
 * reminders are keyed by the appointment's revision, so a move plans a fresh set (a patient
 * whose reminder went out and who then moved the visit gets one for the new time too), while
 * confirming or any other change that does not move it plans nothing new.
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
      const planned: PlannedNotification[] = [
        { kind: 'appointment_confirmation', dedupeKey: confirmationKey(appointment), sendAt: now },
      ];
      // Largest lead first, whatever the order a type's and a location's settings combine in.
      const leads = [...new Set(appointment.reminderHoursBefore)].sort((a, b) => b - a);
      for (const hours of leads) {
        const sendAt = reminderSendAt(startsAt, hours, timeZone, now);
        if (sendAt && !planned.some((item) => item.sendAt.getTime() === sendAt.getTime())) {
          planned.push({
            kind: 'appointment_reminder',
            dedupeKey: reminderKey(appointment, hours),
            sendAt,
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
            },
          ];
    case 'no_show':
      return [
        {
          kind: 'no_show_rebook',
          dedupeKey: `no_show_rebook:${id}`,
          sendAt: firstSendableMoment(now, timeZone),
        },
      ];
    case 'cancelled':
      // Either email carries the calendar cancellation (METHOD:CANCEL) of the visit, so the
      // entry the patient added from the confirmation goes away: a late one asks them to rebook
      // as well, in the same email rather than two at once. A no-show is no cancellation: the
      // visit stays in the patient's calendar as the one they missed.
      if (appointment.lateCancellation) {
        return [
          {
            kind: 'late_cancel_rebook',
            dedupeKey: `late_cancel_rebook:${id}`,
            sendAt: firstSendableMoment(now, timeZone),
          },
        ];
      }
      // In time means a day or more ahead, so the morning after quiet hours is still before it.
      // One email per visit, also when a series is cancelled from a visit on (each visit is
      // synced on its own): mail apps act on one event per message (Outlook ignores every
      // VEVENT of an iMIP message but the first, [MS-STANOICAL] 2.2.175), so one email
      // cancelling several UIDs would leave all but one visit in the patient's calendar. Each
      // visit's own outbox row also keeps the at-most-once hand-off and the checks per visit.
      return startsAt.getTime() <= now.getTime()
        ? []
        : [
            {
              kind: 'appointment_cancellation',
              dedupeKey: `appointment_cancellation:${id}`,
              sendAt: firstSendableMoment(now, timeZone),
            },
          ];
    case 'checked_in':
      return [];
  }
}

/**
 * The keys of the appointment's emails that must stay in the outbox: what is planned now, plus,
 * while the visit is still ahead and unchanged, its confirmation and every reminder of this
 * revision, including one whose moment has passed but which is still waiting for a retry.
 * Anything else not yet sent is withdrawn.
 */
export function appointmentKeysToKeep(appointment: AppointmentFacts, now: Date): string[] {
  const planned = planAppointmentNotifications(appointment, now).map((item) => item.dedupeKey);
  const active = appointment.status === 'booked' || appointment.status === 'confirmed';
  if (!active || appointment.startsAt.getTime() <= now.getTime()) return planned;
  return [
    ...new Set([
      ...planned,
      confirmationKey(appointment),
      ...appointment.reminderHoursBefore.map((hours) => reminderKey(appointment, hours)),
    ]),
  ];
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
  };
}

/**
 * A plan's home exercise programme goes as soon as the therapist sends it, outside quiet hours
 * (asked for in the evening, it waits for the morning). One per plan revision: sending the same
 * revision again is a no-op, an amendment's programme is a new email.
 */
export function planHomeExerciseProgramme(
  planId: string,
  revision: number,
  timeZone: string,
  now: Date,
): PlannedNotification {
  return {
    kind: 'home_exercise_programme',
    dedupeKey: `home_exercise_programme:${planId}:r${revision}`,
    sendAt: firstSendableMoment(now, timeZone),
  };
}
