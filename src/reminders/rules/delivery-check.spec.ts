import {
  quietHoursVerdict,
  type QuietHoursVerdict,
  reasonNotToSend,
  type DeliveryFacts,
} from './delivery-check';
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
