import type { MedicareDates } from '../../direct-access/rules/medicare';
import { type CoveragePlan, coverageProblem } from './coverage';

const plan = (overrides: Partial<CoveragePlan> = {}): CoveragePlan => ({
  id: 'p1',
  status: 'active',
  startDate: '2026-12-01',
  endDate: '2026-12-28',
  visitsAuthorised: null,
  ...overrides,
});
const medicare = (
  certifiedOn: string | null,
  through: string | null,
  overdue = false,
): MedicareDates => ({
  version: 'medicare/2025-01',
  certification: {
    dueBy: certifiedOn ? null : '2026-12-31',
    certifiedOn,
    by: certifiedOn ? 'signature' : null,
    overdue,
  },
  recertification: { dueBy: through, overdue: false },
  progressReport: { treatmentDaysSinceLast: 0, treatmentDaysLeft: 9, dueOn: null, overdue: false },
});

describe('a treatment visit against the plan of care', () => {
  it.each([
    ['no signed plan yet', [], '2026-12-10', [], null, null],
    ['inside the dates', [plan()], '2026-12-10', [], null, null],
    ['on the first day', [plan()], '2026-12-01', [], null, null],
    ['on the last day', [plan()], '2026-12-28', [], null, null],
    ['the day after the end', [plan()], '2026-12-29', [], null, 'outside_plan_dates'],
    ['before the start', [plan()], '2026-11-30', [], null, 'outside_plan_dates'],
    [
      'the plan on hold',
      [plan({ status: 'on_hold' })],
      '2026-12-10',
      [],
      null,
      'outside_plan_dates',
    ],
    [
      'the plan completed',
      [plan({ status: 'completed' })],
      '2026-12-10',
      [],
      null,
      'outside_plan_dates',
    ],
    [
      'the last authorised visit',
      [plan({ visitsAuthorised: 3 })],
      '2026-12-10',
      ['2026-12-02', '2026-12-04'],
      null,
      null,
    ],
    [
      'one past the authorised visits',
      [plan({ visitsAuthorised: 2 })],
      '2026-12-10',
      ['2026-12-02', '2026-12-04'],
      null,
      'past_authorised_visits',
    ],
    [
      'visits outside the plan do not count',
      [plan({ visitsAuthorised: 1 })],
      '2026-12-10',
      ['2026-11-20'],
      null,
      null,
    ],
    [
      'Medicare, certified through the day',
      [plan()],
      '2026-12-10',
      [],
      medicare('2026-12-02', '2026-12-10'),
      null,
    ],
    [
      'Medicare, past the certified period',
      [plan()],
      '2026-12-11',
      [],
      medicare('2026-12-02', '2026-12-10'),
      'certification_expired',
    ],
    [
      'Medicare, uncertified within 30 days',
      [plan()],
      '2026-12-11',
      [],
      medicare(null, null),
      null,
    ],
    [
      'Medicare, uncertified past 30 days',
      [plan()],
      '2026-12-11',
      [],
      medicare(null, null, true),
      'certification_overdue',
    ],
  ] as const)('%s', (_case, plans, on, booked, dates, reason) => {
    expect(coverageProblem(plans, on, booked, dates)?.reason ?? null).toBe(reason);
  });
});
