import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { shortZoneName } from '../common/time/zone-names';
import { calendarOrganizer } from '../scheduling/rules/calendar-organizer';
import { renderEmail } from './email-templates';
import { type CalendarMethod, calendarMethodOf, calendarSequence } from './rules/calendar-revision';
import {
  exerciseLines,
  type HomeProgrammeFacts,
  homeProgrammeSheet,
} from '../plans/rules/home-programme-sheet';
import type { NotificationKind } from './rules/notification-plan';

/** Everything an email may show, loaded in one query when it is about to go. */
export interface EmailFacts extends HomeProgrammeFacts {
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
  seriesVisits: { id: string; startsAt: string; endsAt: string; moves: number }[];
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
  /** The visit's calendar object and its iTIP method, for emails that add or remove it. */
  calendar?: { method: CalendarMethod; ics: string };
  /** Files that go with it (a home exercise programme's PDF). */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
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
  options: {
    from: string;
    unsubscribeUrl: string;
    acceptUrl?: string;
    attachments?: EmailAttachment[];
  },
): ComposedEmail {
  const clinicPhone = facts.clinicPhone ?? 'the clinic';
  const method = calendarMethodOf(facts.kind);
  const series = seriesVisitsToList(facts);
  const programme = facts.kind === 'home_exercise_programme' ? homeProgrammeSheet(facts) : null;
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
    localTime: local
      ? `${local.toFormat('h:mm a')} ${shortZoneName(facts.startsAt!, facts.timeZone)}`
      : undefined,
    offerExpiresLocal: facts.offerExpiresAt
      ? `${DateTime.fromJSDate(facts.offerExpiresAt, { zone: facts.timeZone }).toFormat(
          'ccc LLL d, h:mm a',
        )} ${shortZoneName(facts.offerExpiresAt, facts.timeZone)}`
      : undefined,
    unsubscribeUrl: options.unsubscribeUrl,
    acceptUrl: options.acceptUrl,
    seriesVisits:
      series.length > 0
        ? series.map((visit) =>
            DateTime.fromISO(visit.startsAt, { zone: facts.timeZone }).toFormat(
              "cccc, LLLL d 'at' h:mm a",
            ),
          )
        : undefined,
    therapist: programme?.therapist,
    exercises: programme?.exercises.map((exercise, index) =>
      exerciseLines(exercise, index).join('\n'),
    ),
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
    calendar:
      method && facts.appointmentId && facts.startsAt && facts.endsAt
        ? { method, ics: appointmentCalendar(facts, method, options) }
        : undefined,
    attachments: options.attachments,
  };
}

/**
 * The visit's calendar entry (RFC 5545) as an iTIP message (RFC 5546), with only what the email
 * itself shows. The clinic is the ORGANIZER (PUBLISH and CANCEL both require one), with the
 * address the email comes from. A cancellation also names the patient as ATTENDEE, as CANCEL
 * requires for an event cancelled as a whole, and STATUS:CANCELLED. Every content line, the last
 * included, ends in CRLF (RFC 5545 3.1); ical-generator leaves the last one bare.
 */
function appointmentCalendar(
  facts: EmailFacts,
  method: CalendarMethod,
  options: { from: string },
): string {
  const calendar = ical({
    prodId: { company: 'PT Practice', product: 'Appointments', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  const organizer = calendarOrganizer(facts.clinicName, options.from);
  for (const visit of visitsInCalendar(facts, method)) {
    calendar.createEvent({
      id: `${visit.id}@pt-practice`,
      start: visit.start,
      end: visit.end,
      sequence: visit.sequence,
      organizer,
      summary: `Appointment at ${facts.clinicName}`,
      location: [facts.clinicName, ...facts.clinicAddress].join(', '),
      description: facts.clinicPhone
        ? method === 'CANCEL'
          ? `To book a new time, call ${facts.clinicPhone}.`
          : `To change or cancel, call ${facts.clinicPhone}.`
        : undefined,
      ...(method === 'CANCEL'
        ? { status: ICalEventStatus.CANCELLED, attendees: [{ email: facts.email, rsvp: false }] }
        : {}),
    });
  }
  return `${calendar.toString()}\r\n`;
}

/**
 * The visits the calendar object holds, each with its own UID so a later move or cancellation
 * updates just that one. A series is published whole once, with its booking confirmation (every
 * visit then at SEQUENCE 0); after that each visit is told of on its own, since a move of the
 * first says nothing new about the others, and republishing them would repeat a SEQUENCE that
 * one of them, moved in the meantime, has already passed.
 */
function visitsInCalendar(
  facts: EmailFacts,
  method: CalendarMethod,
): { id: string; start: Date; end: Date; sequence: number }[] {
  const series = seriesVisitsToList(facts);
  if (method === 'PUBLISH' && series.length > 0) {
    return series.map((visit) => ({
      id: visit.id,
      start: new Date(visit.startsAt),
      end: new Date(visit.endsAt),
      sequence: calendarSequence(method, visit.moves),
    }));
  }
  return [
    {
      id: facts.appointmentId!,
      start: facts.startsAt!,
      end: facts.endsAt!,
      sequence: calendarSequence(method, facts.moves),
    },
  ];
}

/** The visits of a series its booking confirmation lists (none for any other email). */
function seriesVisitsToList(facts: EmailFacts): EmailFacts['seriesVisits'] {
  return facts.kind === 'appointment_confirmation' &&
    facts.moves === 0 &&
    facts.seriesVisits.length > 1
    ? facts.seriesVisits
    : [];
}
