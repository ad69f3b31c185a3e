import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { renderEmail } from './email-templates';
import type { NotificationKind } from './rules/notification-plan';

/** Everything an email may show, loaded in one query when it is about to go. */
export interface EmailFacts {
  notificationId: string;
  version: number;
  kind: NotificationKind;
  patientId: string;
  firstName: string;
  email: string;
  clinicName: string;
  clinicAddress: string[];
  clinicPhone: string | null;
  timeZone: string;
  appointmentId: string | null;
  waitlistEntryId: string | null;
  /** The visit the email is about: the appointment's, or the slot a waitlist offer names. */
  startsAt: Date | null;
  endsAt: Date | null;
  /** How often the appointment was moved: the revision calendar apps compare. */
  moves: number;
  /** For the confirmation of a series: this visit and every later one still booked. */
  seriesVisits: { id: string; startsAt: string; endsAt: string }[];
  offerExpiresAt: Date | null;
}

export interface ComposedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The Message-ID: one per notification version, the idempotency key of the hand-off. */
  messageId: string;
  headers: Record<string, string>;
  ics?: string;
}

/** Mail domain of the From address, for Message-IDs that receivers can attribute. */
function domainOf(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'pt-practice.invalid';
}

export function messageIdOf(facts: Pick<EmailFacts, 'notificationId' | 'version'>, from: string) {
  return `<${facts.notificationId}.${facts.version}@${domainOf(from)}>`;
}

export function composeEmail(
  facts: EmailFacts,
  options: { from: string; unsubscribeUrl: string; acceptUrl?: string },
): ComposedEmail {
  const clinicPhone = facts.clinicPhone ?? 'the clinic';
  const local = facts.startsAt
    ? DateTime.fromJSDate(facts.startsAt, { zone: facts.timeZone })
    : null;
  const { subject, text, html } = renderEmail(facts.kind, {
    firstName: facts.firstName,
    clinicName: facts.clinicName,
    clinicAddress: facts.clinicAddress,
    clinicPhone,
    localDate: local?.toFormat('cccc, LLLL d, yyyy'),
    localDateShort: local?.toFormat('ccc LLL d'),
    localTime: local?.toFormat('h:mm a ZZZZ'),
    offerExpiresLocal: facts.offerExpiresAt
      ? DateTime.fromJSDate(facts.offerExpiresAt, { zone: facts.timeZone }).toFormat(
          'ccc LLL d, h:mm a ZZZZ',
        )
      : undefined,
    unsubscribeUrl: options.unsubscribeUrl,
    acceptUrl: options.acceptUrl,
    seriesVisits:
      facts.seriesVisits.length > 1
        ? facts.seriesVisits.map((visit) =>
            DateTime.fromISO(visit.startsAt, { zone: facts.timeZone }).toFormat(
              "cccc, LLLL d 'at' h:mm a",
            ),
          )
        : undefined,
  });
  return {
    to: facts.email,
    subject,
    text,
    html,
    messageId: messageIdOf(facts, options.from),
    // RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the URL.
    headers: {
      'List-Unsubscribe': `<${options.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'Auto-Submitted': 'auto-generated',
    },
    ics:
      facts.kind === 'appointment_confirmation' && facts.appointmentId && facts.startsAt
        ? appointmentCalendar(facts)
        : undefined,
  };
}

/**
 * A calendar (RFC 5545) with only what the email itself shows: the visit, or every visit of a
 * series, each with its own UID so a later move updates just that one.
 */
function appointmentCalendar(facts: EmailFacts): string {
  const calendar = ical({
    prodId: { company: 'PT Practice', product: 'Appointments', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const visits =
    facts.seriesVisits.length > 1
      ? facts.seriesVisits.map((visit) => ({
          id: visit.id,
          start: new Date(visit.startsAt),
          end: new Date(visit.endsAt),
          sequence: 0,
        }))
      : [
          {
            id: facts.appointmentId!,
            start: facts.startsAt!,
            end: facts.endsAt!,
            sequence: facts.moves,
          },
        ];
  for (const visit of visits) {
    calendar.createEvent({
      id: `${visit.id}@pt-practice`,
      start: visit.start,
      end: visit.end,
      sequence: visit.sequence,
      summary: `Appointment at ${facts.clinicName}`,
      location: [facts.clinicName, ...facts.clinicAddress].join(', '),
      description: facts.clinicPhone
        ? `To change or cancel, call ${facts.clinicPhone}.`
        : undefined,
    });
  }
  return calendar.toString();
}
