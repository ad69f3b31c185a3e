/**
 * The ORGANIZER of the clinic's calendar entries (RFC 5546 requires one for PUBLISH and CANCEL):
 * the clinic by name, at the address its emails come from, so a calendar app that writes back
 * writes to a mailbox the clinic reads. Used by the therapists' feed and the patients' emails.
 */
export interface CalendarOrganizer {
  name: string;
  email: string;
}

/**
 * `from` is a From value: `"PT Practice" <front@clinic.example>` or the bare address. The name
 * goes into a quoted CN parameter, where RFC 5545 (3.1) allows no DQUOTE and no control
 * character, and ical-generator would write a backslash that no parser reads back: those go.
 */
export function calendarOrganizer(clinicName: string, from: string): CalendarOrganizer {
  return {
    // eslint-disable-next-line no-control-regex
    name: clinicName.replace(/["\u0000-\u001f\u007f]/g, '').trim(),
    email: /<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim(),
  };
}
