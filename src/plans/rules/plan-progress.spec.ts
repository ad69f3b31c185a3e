import type { PlanGoal } from './plan-content';
import {
  goalProgress,
  type GoalState,
  type MeasuredScore,
  type PlanVisit,
  visitProgress,
} from './plan-progress';

const odiGoal: PlanGoal = {
  id: 'g2',
  term: 'long',
  description: 'Oswestry at most 20% by week 6',
  measure: 'odi',
  comparator: 'at_most',
  target: 20,
  targetDate: '2026-03-15',
};
const psfsGoal: PlanGoal = {
  ...odiGoal,
  id: 'g3',
  description: 'PSFS at least 7',
  measure: 'psfs',
  comparator: 'at_least',
  target: 7,
};
const odi = (score: number, assessedOn: string): MeasuredScore => ({
  instrument: 'odi',
  score,
  assessedOn,
  kind: 're_evaluation',
});
const psfs = (score: number, assessedOn: string): MeasuredScore => ({
  ...odi(score, assessedOn),
  instrument: 'psfs',
});

describe('goalProgress', () => {
  const start = '2026-02-02';
  it.each<
    [
      string,
      PlanGoal,
      MeasuredScore[],
      string,
      { baseline: number | null; latest: number | null; state: GoalState; percent: number | null },
    ]
  >([
    [
      'never measured',
      odiGoal,
      [],
      '2026-02-10',
      { baseline: null, latest: null, state: 'not_measured', percent: null },
    ],
    [
      'never measured, past its date',
      odiGoal,
      [],
      '2026-03-16',
      { baseline: null, latest: null, state: 'overdue', percent: null },
    ],
    [
      'baseline only',
      odiGoal,
      [odi(44, '2026-02-02')],
      '2026-02-10',
      { baseline: 44, latest: null, state: 'in_progress', percent: null },
    ],
    [
      'halfway by a re-evaluation',
      odiGoal,
      [odi(44, '2026-02-02'), odi(32, '2026-02-23')],
      '2026-02-23',
      { baseline: 44, latest: 32, state: 'in_progress', percent: 50 },
    ],
    [
      'met on the target exactly',
      odiGoal,
      [odi(44, '2026-02-02'), odi(20, '2026-03-09')],
      '2026-03-20',
      { baseline: 44, latest: 20, state: 'met', percent: 100 },
    ],
    [
      'worse than at intake: no negative progress',
      odiGoal,
      [odi(44, '2026-02-02'), odi(50, '2026-02-23')],
      '2026-02-23',
      { baseline: 44, latest: 50, state: 'in_progress', percent: 0 },
    ],
    [
      'not met past the target date',
      odiGoal,
      [odi(44, '2026-02-02'), odi(26, '2026-03-14')],
      '2026-03-16',
      { baseline: 44, latest: 26, state: 'overdue', percent: 75 },
    ],
    // The baseline is the last score on or before the plan's first day, not an older episode's.
    [
      'baseline is the last before the start',
      odiGoal,
      [odi(60, '2026-01-05'), odi(40, '2026-02-01'), odi(30, '2026-02-23')],
      '2026-02-23',
      { baseline: 40, latest: 30, state: 'in_progress', percent: 50 },
    ],
    [
      'first measured after the start: that is the baseline',
      odiGoal,
      [odi(40, '2026-02-09'), odi(30, '2026-02-23')],
      '2026-02-23',
      { baseline: 40, latest: 30, state: 'in_progress', percent: 50 },
    ],
    [
      'other measures do not count',
      odiGoal,
      [psfs(3, '2026-02-02'), odi(44, '2026-02-02')],
      '2026-02-10',
      { baseline: 44, latest: null, state: 'in_progress', percent: null },
    ],
    [
      'higher is better (PSFS)',
      psfsGoal,
      [psfs(3, '2026-02-02'), psfs(5, '2026-02-23')],
      '2026-02-23',
      { baseline: 3, latest: 5, state: 'in_progress', percent: 50 },
    ],
    [
      'PSFS met above the target',
      psfsGoal,
      [psfs(3, '2026-02-02'), psfs(8.5, '2026-03-02')],
      '2026-03-02',
      { baseline: 3, latest: 8.5, state: 'met', percent: 100 },
    ],
    [
      'already at the target at intake: met, no way to go',
      odiGoal,
      [odi(18, '2026-02-02')],
      '2026-02-10',
      { baseline: 18, latest: null, state: 'met', percent: null },
    ],
  ])('%s', (_name, goal, scores, today, expected) => {
    const progress = goalProgress(goal, scores, start, today);
    expect({
      baseline: progress.baseline?.score ?? null,
      latest: progress.latest?.score ?? null,
      state: progress.state,
      percent: progress.percentOfWay,
    }).toEqual(expected);
    expect(progress.met).toBe(expected.state === 'met');
    expect(progress.goalId).toBe(goal.id);
  });
});

describe('visitProgress', () => {
  const plan = { startDate: '2026-02-02', endDate: '2026-03-15', prescribed: 12, authorised: null };
  const visit = (on: string, status: string, ahead = false): PlanVisit => ({ on, status, ahead });

  it('counts the plan’s dates only, each status once', () => {
    const visits = [
      visit('2026-01-30', 'completed'), // before the plan: the evaluation
      visit('2026-02-03', 'completed'),
      visit('2026-02-05', 'checked_in'),
      visit('2026-02-10', 'no_show'),
      visit('2026-02-12', 'cancelled'),
      visit('2026-02-17', 'booked', true),
      visit('2026-02-19', 'confirmed', true),
      visit('2026-03-16', 'booked', true), // after the plan's end
    ];
    expect(visitProgress(plan, visits)).toEqual({
      prescribed: 12,
      authorised: null,
      attended: 2,
      bookedAhead: 2,
      missed: 1,
      remaining: 10,
      unscheduled: 8,
    });
  });

  it('fewer visits authorised than prescribed: the authorised bound what remains', () => {
    const visits = [visit('2026-02-03', 'completed'), visit('2026-02-05', 'completed')];
    expect(visitProgress({ ...plan, authorised: 8 }, visits)).toMatchObject({
      remaining: 6,
      unscheduled: 6,
    });
  });

  it('more booked than remain: none unscheduled, never negative', () => {
    const visits = Array.from({ length: 14 }, (_, i) =>
      visit(`2026-02-${String(3 + i).padStart(2, '0')}`, 'booked', true),
    );
    expect(visitProgress(plan, visits)).toMatchObject({
      bookedAhead: 14,
      remaining: 12,
      unscheduled: 0,
    });
  });

  it('all attended: nothing remains', () => {
    const visits = Array.from({ length: 13 }, (_, i) =>
      visit(`2026-02-${String(3 + i).padStart(2, '0')}`, 'completed'),
    );
    expect(visitProgress(plan, visits)).toMatchObject({ attended: 13, remaining: 0 });
  });
});
