import { holidaysOf } from './day-count';
import type { Evaluation } from './evaluate';
import { businessDaysUntil, tasksOf } from './tasks';

const PA = holidaysOf('US-PA');
const answer = (overrides: Partial<Evaluation>): Evaluation => ({
  status: 'eligible',
  until: null,
  reasons: [],
  duties: [],
  medicare: null,
  rule: null,
  notes: [],
  evaluationVersion: 1,
  ...overrides,
});
const codes = (result: Evaluation, today = '2026-11-20') =>
  tasksOf(result, today, PA, { businessDays: 5, visits: 2 }).map((task) => task.code);

describe('businessDaysUntil', () => {
  it.each([
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-20', '2026-11-23', 1], // Friday to Monday
    ['2026-11-25', '2026-11-30', 2], // Thanksgiving (26th) skipped: 27, 30
    ['2026-11-20', '2026-11-19', 0],
  ])('%s to %s: %i', (from, to, days) => expect(businessDaysUntil(from, to, PA)).toBe(days));
});

describe('tasks of an evaluation', () => {
  it('a window closing within 5 business days, and not before', () => {
    expect(
      codes(
        answer({
          status: 'eligible_until',
          until: { date: '2026-11-27', visits: null, visitsRemaining: null },
        }),
      ),
    ).toEqual(['window_closing']);
    expect(
      codes(
        answer({
          status: 'eligible_until',
          until: { date: '2026-12-01', visits: null, visitsRemaining: null },
        }),
      ),
    ).toEqual([]);
  });

  it('two visits or fewer left', () => {
    const near = answer({
      status: 'eligible_until',
      until: { date: null, visits: 10, visitsRemaining: 2 },
    });
    expect(codes(near)).toEqual(['visit_limit_near']);
    expect(codes({ ...near, until: { date: null, visits: 10, visitsRemaining: 3 } })).toEqual([]);
  });

  it.each([
    ['not_eligible', 'treatment_held'],
    ['referral_required', 'referral_required'],
    ['unknown', 'rule_unknown'],
  ] as const)('%s: %s, overdue', (status, code) => {
    const [task] = tasksOf(answer({ status }), '2026-11-20', PA, { businessDays: 5, visits: 2 });
    expect(task).toMatchObject({ code, overdue: true });
  });

  it('every open duty is a task', () => {
    const duty = { code: 'notify_physician', text: 'Notify', dueOn: '2026-11-27', overdue: false };
    expect(
      tasksOf(answer({ duties: [duty] }), '2026-11-20', PA, { businessDays: 5, visits: 2 }),
    ).toEqual([duty]);
  });
});
