import ICAL from 'ical.js';
import type { ReceivedMail } from '../support/smtp-sink';

/** A MIME part of a received email that holds a calendar object, as the wire had it. */
export interface CalendarPart {
  /** The media type alone (`text/calendar`). */
  mediaType: string;
  /** Its `method` parameter, the iTIP method iMIP (RFC 6047 2.4) requires it to name. */
  method: string | undefined;
  disposition: string | undefined;
  filename: string | undefined;
  /** The decoded content, byte for byte. */
  bytes: Buffer;
}

/**
 * Every part of the message that holds a calendar object, however it is typed (an `.ics` file
 * typed `application/ics` counts, so a test can see there is none).
 */
export function calendarPartsOf(mail: ReceivedMail): CalendarPart[] {
  return mail.parsed.attachments
    .filter((part) => /calendar|ics/i.test(part.contentType) || /\.ics$/i.test(part.filename ?? ''))
    .map((part) => {
      const header = part.headers.get('content-type') as
        { value: string; params: Record<string, string> } | undefined;
      return {
        mediaType: header?.value ?? part.contentType,
        method: header?.params.method,
        disposition: part.contentDisposition,
        filename: part.filename,
        bytes: part.content,
      };
    });
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  status: string | null;
  start: string;
  organizer: { cn: string | null; address: string } | null;
  attendees: string[];
}

/** A calendar object read with ical.js, as a calendar app would read it. */
export function parseCalendar(text: string): { method: string | null; events: CalendarEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    method: (calendar.getFirstPropertyValue('method') as string | null) ?? null,
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const organizer = vevent.getFirstProperty('organizer');
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        sequence: Number(vevent.getFirstPropertyValue('sequence') ?? 0),
        status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
        start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
        organizer: organizer
          ? {
              cn: (organizer.getParameter('cn') as string | undefined) ?? null,
              address: String(organizer.getFirstValue()).toLowerCase(),
            }
          : null,
        attendees: vevent
          .getAllProperties('attendee')
          .map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
      };
    }),
  };
}
