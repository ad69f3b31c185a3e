/**
 * The calendar object each patient email carries, read back with an independent parser
 * (ical.js), as a calendar app would.
 */
import ICAL from 'ical.js';
import { composeEmail, type EmailFacts } from './email-composer';
import type { NotificationKind } from './rules/notification-plan';

const FROM = '"PT Practice" <front@scranton.example>';

function facts(overrides: Partial<EmailFacts> = {}): EmailFacts {
  return {
    notificationId: 'notification-1',
    version: 1,
    kind: 'appointment_confirmation',
    patientId: 'patient-1',
    firstName: 'Dana',
    email: 'dana@patients.example',
    clinicName: 'Scranton Spine & Sport',
    clinicAddress: ['120 Wyoming Ave', 'Scranton, PA 18503'],
    clinicPhone: '570-555-0142',
    timeZone: 'America/New_York',
    appointmentId: 'appt-1',
    waitlistEntryId: null,
    startsAt: new Date('2026-12-03T10:00-05:00'),
    endsAt: new Date('2026-12-03T10:45-05:00'),
    moves: 0,
    seriesVisits: [],
    offerExpiresAt: null,
    therapistName: null,
    therapistCredential: null,
    programmeIssuedAt: null,
    exercises: null,
    ...overrides,
  };
}

const compose = (overrides: Partial<EmailFacts> = {}, from = FROM) =>
  composeEmail(facts(overrides), { from, unsubscribeUrl: 'https://pt.example/u?token=t' });

interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string | null;
  start: string;
  organizer: { cn: string; address: string };
  attendees: string[];
}

function parse(ics: string): { method: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const organizer = vevent.getFirstProperty('organizer')!;
      return {
        uid: String(vevent.getFirstPropertyValue('uid')),
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
        status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
        start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
        organizer: {
          cn: String(organizer.getParameter('cn')),
          address: String(organizer.getFirstValue()),
        },
        attendees: vevent
          .getAllProperties('attendee')
          .map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
      };
    }),
  };
}

const SERIES = [
  {
    id: 'appt-1',
    startsAt: '2026-12-03T15:00:00.000Z',
    endsAt: '2026-12-03T15:45:00.000Z',
    moves: 0,
  },
  {
    id: 'appt-2',
    startsAt: '2026-12-07T15:00:00.000Z',
    endsAt: '2026-12-07T15:45:00.000Z',
    moves: 0,
  },
  {
    id: 'appt-3',
    startsAt: '2026-12-10T15:00:00.000Z',
    endsAt: '2026-12-10T15:45:00.000Z',
    moves: 0,
  },
];

describe('composeEmail: the calendar object', () => {
  it.each<[string, Partial<EmailFacts>, 'PUBLISH' | 'CANCEL', number, string | null]>([
    // [what, facts, METHOD, SEQUENCE, STATUS]
    ['the booking confirmation', {}, 'PUBLISH', 0, null],
    ['the confirmation after a move', { moves: 1 }, 'PUBLISH', 1, null],
    ['the confirmation after three moves', { moves: 3 }, 'PUBLISH', 3, null],
    [
      'the cancellation of a visit never moved',
      { kind: 'appointment_cancellation' },
      'CANCEL',
      1,
      'CANCELLED',
    ],
    [
      'the cancellation after a move',
      { kind: 'appointment_cancellation', moves: 1 },
      'CANCEL',
      2,
      'CANCELLED',
    ],
    [
      'the rebooking email of a late cancellation',
      { kind: 'late_cancel_rebook', moves: 2 },
      'CANCEL',
      3,
      'CANCELLED',
    ],
  ])('%s %j: %s, SEQUENCE %i', (_what, overrides, method, sequence, status) => {
    const email = compose(overrides);
    expect(email.calendar?.method).toBe(method);
    const parsed = parse(email.calendar!.ics);
    expect(parsed.method).toBe(method);
    expect(parsed.events).toEqual([
      {
        uid: 'appt-1@pt-practice',
        sequence,
        status,
        start: '2026-12-03T15:00:00.000Z',
        organizer: { cn: 'Scranton Spine & Sport', address: 'mailto:front@scranton.example' },
        // CANCEL names who the event is cancelled for; PUBLISH must name no attendee.
        attendees: method === 'CANCEL' ? ['mailto:dana@patients.example'] : [],
      },
    ]);
  });

  it.each<NotificationKind>([
    'appointment_confirmation',
    'appointment_cancellation',
    'late_cancel_rebook',
  ])('%s: every content line ends in CRLF, the last one too, within 75 octets', (kind) => {
    const ics = compose({ kind }).calendar!.ics;
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it.each<NotificationKind>([
    'appointment_reminder',
    'no_show_rebook',
    'follow_up',
    'waitlist_offer',
    'discharge_check_in',
  ])('%s carries no calendar object', (kind) => {
    expect(compose({ kind }).calendar).toBeUndefined();
  });

  it.each<[string, string]>([
    ['a From with a display name', '"PT Practice" <front@scranton.example>'],
    ['a bare From address', 'front@scranton.example'],
  ])('the organizer is the clinic at the From address, from %s', (_what, from) => {
    const [event] = parse(compose({}, from).calendar!.ics).events;
    expect(event.organizer).toEqual({
      cn: 'Scranton Spine & Sport',
      address: 'mailto:front@scranton.example',
    });
  });

  it('keeps a clinic name with quotes readable by a parser', () => {
    const [event] = parse(
      compose({ clinicName: 'The "Back" Clinic, Dunmore' }).calendar!.ics,
    ).events;
    expect(event.organizer.cn).toBe('The Back Clinic, Dunmore');
  });

  it('publishes a series whole with its booking confirmation, each visit with its own UID', () => {
    const email = compose({ seriesVisits: SERIES });
    const { method, events } = parse(email.calendar!.ics);
    expect(method).toBe('PUBLISH');
    expect(events.map((event) => [event.uid, event.sequence])).toEqual([
      ['appt-1@pt-practice', 0],
      ['appt-2@pt-practice', 0],
      ['appt-3@pt-practice', 0],
    ]);
    expect(email.text).toContain('It is the first of 3 visits');
  });

  it('gives a visit moved before the series confirmation went out its own revision', () => {
    const movedSecond = SERIES.map((visit) =>
      visit.id === 'appt-2' ? { ...visit, moves: 1 } : visit,
    );
    const { events } = parse(compose({ seriesVisits: movedSecond }).calendar!.ics);
    expect(events.map((event) => event.sequence)).toEqual([0, 1, 0]);
  });

  it('after a move of the first visit of a series, tells of that visit only', () => {
    const email = compose({ moves: 1, seriesVisits: SERIES });
    const { events } = parse(email.calendar!.ics);
    expect(events.map((event) => [event.uid, event.sequence])).toEqual([['appt-1@pt-practice', 1]]);
    expect(email.text).not.toContain('first of');
  });

  it('cancels one visit per email, even one whose facts list its series', () => {
    const { events } = parse(
      compose({ kind: 'appointment_cancellation', appointmentId: 'appt-2', seriesVisits: SERIES })
        .calendar!.ics,
    );
    expect(events.map((event) => event.uid)).toEqual(['appt-2@pt-practice']);
  });
});

describe('composeEmail: the cancellation email', () => {
  it('says which visit is cancelled, with the clinic and no clinical detail', () => {
    const email = compose({ kind: 'appointment_cancellation' });
    expect(email.subject).toBe(
      'Cancelled: your appointment at Scranton Spine & Sport on Thu Dec 3',
    );
    for (const part of [email.text, email.html]) {
      expect(part).toContain('Thursday, December 3, 2026 at 10:00 AM EST');
      expect(part).toContain('570-555-0142');
      expect(part).toContain('120 Wyoming Ave');
    }
    expect(email.text).toMatch(/removes it from your calendar/);
  });
});
