import { calendarMethodOf, calendarSequence } from './calendar-revision';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-plan';

describe('calendarMethodOf', () => {
  it.each<[NotificationKind, 'PUBLISH' | 'CANCEL' | null]>([
    ['appointment_confirmation', 'PUBLISH'],
    ['appointment_cancellation', 'CANCEL'],
    // A late cancellation's rebooking email is its cancellation too: one email, not two.
    ['late_cancel_rebook', 'CANCEL'],
    // The visit was not called off: it stays in the calendar as the one missed.
    ['no_show_rebook', null],
    ['appointment_reminder', null],
    ['follow_up', null],
    ['waitlist_offer', null],
    ['discharge_check_in', null],
    // A PDF goes with it, no calendar entry.
    ['home_exercise_programme', null],
  ])('%s: %s', (kind, method) => {
    expect(calendarMethodOf(kind)).toBe(method);
  });

  it('covers every kind', () => {
    const covered: NotificationKind[] = [
      'appointment_confirmation',
      'appointment_cancellation',
      'late_cancel_rebook',
      'no_show_rebook',
      'appointment_reminder',
      'follow_up',
      'waitlist_offer',
      'discharge_check_in',
      'home_exercise_programme',
    ];
    expect(new Set(covered)).toEqual(new Set(NOTIFICATION_KINDS));
  });
});

describe('calendarSequence', () => {
  it.each<['PUBLISH' | 'CANCEL', number, number]>([
    // [method, moves, SEQUENCE]
    ['PUBLISH', 0, 0],
    ['PUBLISH', 1, 1],
    ['PUBLISH', 4, 4],
    ['CANCEL', 0, 1],
    ['CANCEL', 1, 2],
    ['CANCEL', 4, 5],
  ])('%s after %i move(s): %i', (method, moves, sequence) => {
    expect(calendarSequence(method, moves)).toBe(sequence);
  });

  it.each<[string, ['PUBLISH' | 'CANCEL', number][]]>([
    [
      'booked, cancelled',
      [
        ['PUBLISH', 0],
        ['CANCEL', 0],
      ],
    ],
    [
      'booked, moved, cancelled',
      [
        ['PUBLISH', 0],
        ['PUBLISH', 1],
        ['CANCEL', 1],
      ],
    ],
    [
      'booked, moved three times, cancelled',
      [
        ['PUBLISH', 0],
        ['PUBLISH', 1],
        ['PUBLISH', 2],
        ['PUBLISH', 3],
        ['CANCEL', 3],
      ],
    ],
  ])('grows with every change the patient is told of: %s', (_what, emails) => {
    const sequences = emails.map(([method, moves]) => calendarSequence(method, moves));
    sequences.slice(1).forEach((sequence, index) => {
      expect(sequence).toBeGreaterThan(sequences[index]);
    });
  });
});
