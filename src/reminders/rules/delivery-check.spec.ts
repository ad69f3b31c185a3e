import {
  quietHoursVerdict,
  type QuietHoursVerdict,
  reasonNotToSend,
  type DeliveryFacts,
} from './delivery-check';
import { TEMPLATE_LIBRARY } from '../../plans/rules/template-library';
import type { NotificationKind } from './notification-plan';

const SCRANTON = 'America/New_York';
const at = (isoWithOffset: string) => new Date(isoWithOffset);
const NOW = at('2026-12-01T10:00-05:00');

function facts(overrides: Partial<DeliveryFacts> = {}): DeliveryFacts {
  return {
    kind: 'appointment_reminder',
    email: 'dana@patients.example',
    emailConsent: true,
    patientArchived: false,
    appointmentStatus: 'booked',
    startsAt: at('2026-12-02T10:00-05:00'),
    offerStatus: null,
    offerExpiresAt: null,
    episodeStatus: null,
    planStatus: null,
    programmeRevision: null,
    programmeInForce: null,
    programmeAwaitingSignature: null,
    exercises: null,
    ...overrides,
  };
}

/** A home exercise programme email of an active plan's revision in force, with one exercise. */
function programme(overrides: Partial<DeliveryFacts> = {}): Partial<DeliveryFacts> {
  return {
    kind: 'home_exercise_programme',
    appointmentStatus: null,
    startsAt: null,
    planStatus: 'active',
    programmeRevision: 2,
    programmeInForce: true,
    programmeAwaitingSignature: false,
    exercises: [
      TEMPLATE_LIBRARY[0].interventions.find((i) => i.category === 'home_exercise_programme')!,
    ],
    ...overrides,
  };
}

describe('reasonNotToSend', () => {
  it.each<[string, Partial<DeliveryFacts>, RegExp | null]>([
    ['a booked visit ahead', {}, null],
    ['a confirmed visit ahead', { appointmentStatus: 'confirmed' }, null],
    ['an archived patient', { patientArchived: true }, /archived/],
    ['no consent', { emailConsent: false }, /consent/],
    ['no address', { email: null }, /no email address/],
    ['a cancelled visit', { appointmentStatus: 'cancelled' }, /cancelled/],
    ['a checked-in visit', { appointmentStatus: 'checked_in' }, /checked in/],
    ['a visit that has started', { startsAt: at('2026-12-01T09:30-05:00') }, /started/],
    [
      'a confirmation for a no-show',
      { kind: 'appointment_confirmation', appointmentStatus: 'no_show' },
      /no show/,
    ],
    ['a follow-up after completion', { kind: 'follow_up', appointmentStatus: 'completed' }, null],
    ['a follow-up without completion', { kind: 'follow_up' }, /not completed/],
    ['a no-show rebook', { kind: 'no_show_rebook', appointmentStatus: 'no_show' }, null],
    [
      'a corrected no-show',
      { kind: 'no_show_rebook', appointmentStatus: 'completed' },
      /corrected/,
    ],
    ['a late-cancel rebook', { kind: 'late_cancel_rebook', appointmentStatus: 'cancelled' }, null],
    [
      'a cancellation of a visit ahead',
      { kind: 'appointment_cancellation', appointmentStatus: 'cancelled' },
      null,
    ],
    [
      'a cancellation of a visit now past',
      {
        kind: 'appointment_cancellation',
        appointmentStatus: 'cancelled',
        startsAt: at('2026-12-01T09:30-05:00'),
      },
      /passed/,
    ],
    [
      'a cancellation for a no-show',
      { kind: 'appointment_cancellation', appointmentStatus: 'no_show' },
      /not cancelled/,
    ],
    [
      'a cancellation to an archived patient',
      { kind: 'appointment_cancellation', appointmentStatus: 'cancelled', patientArchived: true },
      /archived/,
    ],
    [
      'a cancellation without consent',
      { kind: 'appointment_cancellation', appointmentStatus: 'cancelled', emailConsent: false },
      /consent/,
    ],
    [
      'an open offer',
      {
        kind: 'waitlist_offer',
        offerStatus: 'offered',
        offerExpiresAt: at('2026-12-01T14:00-05:00'),
      },
      null,
    ],
    [
      'an expired offer',
      {
        kind: 'waitlist_offer',
        offerStatus: 'offered',
        offerExpiresAt: at('2026-12-01T09:00-05:00'),
      },
      /expired/,
    ],
    ['a taken offer', { kind: 'waitlist_offer', offerStatus: 'booked' }, /no longer open/],
    ['a check-in after discharge', { kind: 'discharge_check_in', episodeStatus: 'closed' }, null],
    ['a reopened episode', { kind: 'discharge_check_in', episodeStatus: 'open' }, /reopened/],
    ['a home programme of an active plan', programme(), null],
    ['a programme of a plan put on hold', programme({ planStatus: 'on_hold' }), /no longer active/],
    ['a programme of a completed plan', programme({ planStatus: 'completed' }), /no longer active/],
    ['a programme of a plan gone', programme({ planStatus: null }), /gone/],
    ['a programme amended since', programme({ programmeInForce: false }), /amended since/],
    [
      'a programme awaiting a signature',
      programme({ programmeAwaitingSignature: true }),
      /signature/,
    ],
    ['a programme with no home exercises', programme({ exercises: [] }), /no home exercises/],
    ['a programme without consent', programme({ emailConsent: false }), /consent/],
  ])('%s', (_, overrides, expected) => {
    const reason = reasonNotToSend(facts(overrides), NOW);
    if (expected) expect(reason).toMatch(expected);
    else expect(reason).toBeNull();
  });

  it('checks consent before anything about the visit', () => {
    expect(
      reasonNotToSend(facts({ emailConsent: false, appointmentStatus: 'cancelled' }), NOW),
    ).toMatch(/consent/);
  });
});

describe('quietHoursVerdict', () => {
  const email = (kind: NotificationKind, startsAt: string | null = '2026-12-02T10:00-05:00') => ({
    kind,
    timeZone: SCRANTON,
    startsAt: startsAt ? at(startsAt) : null,
  });

  it.each<NotificationKind>([
    'appointment_reminder',
    'follow_up',
    'no_show_rebook',
    'late_cancel_rebook',
    'appointment_cancellation',
    'discharge_check_in',
    'home_exercise_programme',
    'appointment_confirmation',
    'waitlist_offer',
  ])('lets %s go in the day', (kind) => {
    expect(quietHoursVerdict(email(kind), at('2026-12-01T20:59-05:00'))).toEqual({
      action: 'send',
    });
  });

  it.each<NotificationKind>(['appointment_confirmation', 'waitlist_offer'])(
    'lets %s go at night too: the patient just booked, or a held slot will not wait',
    (kind) => {
      expect(quietHoursVerdict(email(kind), at('2026-12-01T23:30-05:00'))).toEqual({
        action: 'send',
      });
    },
  );

  it.each<[NotificationKind, string, string]>([
    ['appointment_reminder', '2026-12-01T21:00-05:00', '2026-12-02T08:00-05:00'],
    ['appointment_reminder', '2026-12-02T03:00-05:00', '2026-12-02T08:00-05:00'],
    ['follow_up', '2026-12-01T22:15-05:00', '2026-12-02T08:00-05:00'],
    ['no_show_rebook', '2026-12-02T07:59-05:00', '2026-12-02T08:00-05:00'],
    ['late_cancel_rebook', '2026-12-01T23:00-05:00', '2026-12-02T08:00-05:00'],
    ['appointment_cancellation', '2026-12-01T23:00-05:00', '2026-12-02T08:00-05:00'],
    ['discharge_check_in', '2026-12-01T21:30-05:00', '2026-12-02T08:00-05:00'],
    ['home_exercise_programme', '2026-12-01T21:05-05:00', '2026-12-02T08:00-05:00'],
    // The clocks change overnight: still 08:00 on the wall clock.
    ['follow_up', '2027-03-13T22:00-05:00', '2027-03-14T08:00-04:00'],
  ])('holds %s due at %s until %s', (kind, now, morning) => {
    expect(quietHoursVerdict(email(kind), at(now))).toEqual({
      action: 'defer',
      until: at(morning),
    });
  });

  it('drops a reminder whose morning would come after the visit', () => {
    const verdict = quietHoursVerdict(
      email('appointment_reminder', '2026-12-02T07:30-05:00'),
      at('2026-12-01T23:00-05:00'),
    );
    expect(verdict).toEqual({ action: 'skip', reason: expect.stringMatching(/after the visit/) });
  });

  it.each<[NotificationKind, string, QuietHoursVerdict['action']]>([
    ['appointment_cancellation', '2026-12-02T07:30-05:00', 'skip'],
    ['appointment_cancellation', '2026-12-02T08:00-05:00', 'skip'],
    ['appointment_cancellation', '2026-12-02T08:30-05:00', 'defer'],
    // The rebooking email is for after the visit anyway.
    ['late_cancel_rebook', '2026-12-02T07:30-05:00', 'defer'],
    ['no_show_rebook', '2026-12-01T19:00-05:00', 'defer'],
  ])('%s at 23:00 for a visit at %s: %s', (kind, startsAt, action) => {
    expect(quietHoursVerdict(email(kind, startsAt), at('2026-12-01T23:00-05:00')).action).toBe(
      action,
    );
  });

  it('still holds a reminder whose visit starts after 08:00', () => {
    expect(
      quietHoursVerdict(
        email('appointment_reminder', '2026-12-02T08:30-05:00'),
        at('2026-12-01T23:00-05:00'),
      ),
    ).toEqual({ action: 'defer', until: at('2026-12-02T08:00-05:00') });
  });
});
