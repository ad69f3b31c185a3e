import { homeProgrammeRefusal } from '../../plans/rules/home-programme';
import type { PlanStatus } from '../../plans/rules/lifecycle';
import type { Intervention } from '../../plans/rules/plan-content';
import type { NotificationKind } from './notification-plan';
import { firstSendableMoment, isQuietTime } from './send-time';

/** The state of the world an email depends on, read just before it goes. */
export interface DeliveryFacts {
  kind: NotificationKind;
  email: string | null;
  emailConsent: boolean;
  patientArchived: boolean;
  appointmentStatus: string | null;
  startsAt: Date | null;
  offerStatus: string | null;
  offerExpiresAt: Date | null;
  episodeStatus: string | null;
  /** For a home exercise programme: the plan's status and the revision the email carries. */
  planStatus: PlanStatus | null;
  programmeRevision: number | null;
  /** False once the plan has a later revision than the one the email carries. */
  programmeInForce: boolean | null;
  programmeAwaitingSignature: boolean | null;
  exercises: Intervention[] | null;
}

const PROGRAMME_REFUSALS = {
  plan_not_active: 'the plan is no longer active',
  awaiting_signature: 'the plan revision awaits a signature',
  no_home_exercises: 'the plan has no home exercises',
} as const;

const ACTIVE_APPOINTMENT = new Set(['booked', 'confirmed']);

/**
 * Why an email must not go now, or null when it may. Consent is checked at the moment of sending,
 * so a patient who withdrew it after booking gets nothing more; an email about an appointment is
 * sent only while the appointment is still in the state that called for it.
 */
export function reasonNotToSend(facts: DeliveryFacts, now: Date): string | null {
  if (facts.patientArchived) return 'the patient record is archived';
  if (!facts.emailConsent) return 'the patient has not consented to email';
  if (!facts.email) return 'the patient has no email address';
  switch (facts.kind) {
    case 'appointment_confirmation':
    case 'appointment_reminder':
      if (!facts.appointmentStatus || !ACTIVE_APPOINTMENT.has(facts.appointmentStatus)) {
        return `the appointment is ${facts.appointmentStatus?.replace('_', ' ') ?? 'gone'}`;
      }
      if (!facts.startsAt || facts.startsAt.getTime() <= now.getTime()) {
        return 'the appointment has started';
      }
      return null;
    case 'follow_up':
      return facts.appointmentStatus === 'completed' ? null : 'the visit was not completed';
    case 'no_show_rebook':
      return facts.appointmentStatus === 'no_show' ? null : 'the no-show was corrected';
    case 'appointment_cancellation':
      if (facts.appointmentStatus !== 'cancelled') return 'the appointment is not cancelled';
      // Its news is for before the visit: afterwards it would only tidy a past calendar entry.
      if (!facts.startsAt || facts.startsAt.getTime() <= now.getTime()) {
        return 'the appointment time has passed';
      }
      return null;
    case 'late_cancel_rebook':
      return facts.appointmentStatus === 'cancelled' ? null : 'the appointment is not cancelled';
    case 'waitlist_offer':
      if (facts.offerStatus !== 'offered') return 'the offer is no longer open';
      if (!facts.offerExpiresAt || facts.offerExpiresAt.getTime() <= now.getTime()) {
        return 'the offer has expired';
      }
      return null;
    case 'discharge_check_in':
      return facts.episodeStatus === 'closed' ? null : 'the episode was reopened';
    case 'home_exercise_programme': {
      if (!facts.planStatus) return 'the plan is gone';
      // The therapist sends the amendment's programme; this one would be out of date.
      if (!facts.programmeInForce) return 'the plan was amended since: send the new revision';
      const refusal = homeProgrammeRefusal({
        status: facts.planStatus,
        revision: facts.programmeRevision ?? 0,
        awaitingSignature: facts.programmeAwaitingSignature ?? false,
        interventions: facts.exercises ?? [],
      });
      return refusal ? PROGRAMME_REFUSALS[refusal.reason] : null;
    }
  }
}

/** Emails that go at any hour: the patient has just booked, or a held slot will not wait. */
const ANY_HOUR = new Set<NotificationKind>(['appointment_confirmation', 'waitlist_offer']);

export type QuietHoursVerdict =
  { action: 'send' } | { action: 'defer'; until: Date } | { action: 'skip'; reason: string };

/** Emails about a visit still ahead that are worthless once it has begun. */
const BEFORE_THE_VISIT = new Set<NotificationKind>([
  'appointment_reminder',
  'appointment_cancellation',
]);

/**
 * Planned send times already avoid quiet hours; an email that is nonetheless due inside them
 * (the queue was down, SMTP retries ran on, an admin retried it at night) waits for the morning,
 * and a reminder or cancellation whose morning would come after its visit is dropped instead.
 */
export function quietHoursVerdict(
  email: { kind: NotificationKind; timeZone: string; startsAt: Date | null },
  now: Date,
): QuietHoursVerdict {
  if (ANY_HOUR.has(email.kind) || !isQuietTime(now, email.timeZone)) return { action: 'send' };
  const morning = firstSendableMoment(now, email.timeZone);
  if (
    BEFORE_THE_VISIT.has(email.kind) &&
    email.startsAt &&
    morning.getTime() >= email.startsAt.getTime()
  ) {
    return {
      action: 'skip',
      reason: 'came due in quiet hours, and the morning is after the visit',
    };
  }
  return { action: 'defer', until: morning };
}
