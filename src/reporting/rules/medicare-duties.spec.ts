import type { MedicareDates } from '../../direct-access/rules/medicare';
import { countMedicareDuties, type MedicareDutyCounts, noMedicareDuties } from './medicare-duties';

const ASOF = '2026-11-10';

/** A plan certified through 31 December, with 3 treatment days since its last report. */
const settled: MedicareDates = {
  version: 'medicare/2025-01',
  certification: { dueBy: null, certifiedOn: '2026-10-05', by: 'signature', overdue: false },
  recertification: { dueBy: '2026-12-31', overdue: false },
  progressReport: { treatmentDaysSinceLast: 3, treatmentDaysLeft: 6, dueOn: null, overdue: false },
};

const counted = (dates: MedicareDates): Partial<MedicareDutyCounts> =>
  Object.fromEntries(
    Object.entries(countMedicareDuties(noMedicareDuties(), { asOf: ASOF, dates })).filter(
      ([, count]) => count > 0,
    ),
  );

describe('countMedicareDuties', () => {
  it.each<[string, MedicareDates, Partial<MedicareDutyCounts>]>([
    ['a certified plan with nothing due', settled, { medicarePlans: 1 }],
    [
      'not certified, inside the 30 days',
      {
        ...settled,
        certification: { dueBy: '2026-11-20', certifiedOn: null, by: null, overdue: false },
        recertification: { dueBy: null, overdue: false },
      },
      { medicarePlans: 1, certificationsDue: 1 },
    ],
    [
      'not certified after the 30 days',
      {
        ...settled,
        certification: { dueBy: '2026-11-01', certifiedOn: null, by: null, overdue: true },
        recertification: { dueBy: null, overdue: false },
      },
      { medicarePlans: 1, certificationsOverdue: 1 },
    ],
    [
      'certified period ending in 7 days: due',
      { ...settled, recertification: { dueBy: '2026-11-17', overdue: false } },
      { medicarePlans: 1, recertificationsDue: 1 },
    ],
    [
      'certified period ending in 8 days: not yet',
      { ...settled, recertification: { dueBy: '2026-11-18', overdue: false } },
      { medicarePlans: 1 },
    ],
    [
      'certified period ended',
      { ...settled, recertification: { dueBy: '2026-11-09', overdue: true } },
      { medicarePlans: 1, recertificationsOverdue: 1 },
    ],
    [
      'progress report at the next treatment day',
      {
        ...settled,
        progressReport: {
          treatmentDaysSinceLast: 9,
          treatmentDaysLeft: 0,
          dueOn: null,
          overdue: false,
        },
      },
      { medicarePlans: 1, progressReportsDue: 1 },
    ],
    [
      'progress report due today, the 10th treatment day',
      {
        ...settled,
        progressReport: {
          treatmentDaysSinceLast: 10,
          treatmentDaysLeft: 0,
          dueOn: ASOF,
          overdue: false,
        },
      },
      { medicarePlans: 1, progressReportsDue: 1 },
    ],
    [
      'progress report past its 10th treatment day',
      {
        ...settled,
        progressReport: {
          treatmentDaysSinceLast: 11,
          treatmentDaysLeft: 0,
          dueOn: '2026-11-06',
          overdue: true,
        },
      },
      { medicarePlans: 1, progressReportsOverdue: 1 },
    ],
  ])('%s', (_, dates, expected) => {
    expect(counted(dates)).toEqual(expected);
  });

  it('adds plans up', () => {
    const twice = [settled, settled].reduce(
      (counts, dates) => countMedicareDuties(counts, { asOf: ASOF, dates }),
      noMedicareDuties(),
    );
    expect(twice.medicarePlans).toBe(2);
  });
});
