import { planTasksOf, type PlanTaskFacts } from './plan-tasks';

const plan: PlanTaskFacts = {
  status: 'active',
  startDate: '2026-12-01',
  endDate: '2026-12-28',
  prescribedVisits: 4,
  visitsAuthorised: null,
  signatureRequired: false,
  heldVisits: ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'],
};

describe('a plan of care’s tasks', () => {
  it.each([
    ['fully booked, a visit ahead', {}, '2026-12-05', []],
    [
      'fewer booked than prescribed',
      { heldVisits: ['2026-12-02', '2026-12-09'] },
      '2026-12-05',
      ['plan_under_scheduled'],
    ],
    [
      'as many as authorised, fewer than prescribed',
      { heldVisits: ['2026-12-02', '2026-12-09'], visitsAuthorised: 2 },
      '2026-12-05',
      [],
    ],
    ['none ahead: dropped', { heldVisits: ['2026-12-02'] }, '2026-12-05', ['plan_no_visit_ahead']],
    ['nothing booked at all', { heldVisits: [] }, '2026-12-05', ['plan_no_visit_ahead']],
    ['a visit today counts as ahead', {}, '2026-12-23', ['plan_ending']],
    ['ending within 7 days', {}, '2026-12-21', ['plan_ending']],
    ['8 days before the end', {}, '2026-12-20', []],
    ['past its end', {}, '2026-12-29', ['plan_past_end']],
    ['on hold: nothing to book', { status: 'on_hold', heldVisits: [] }, '2026-12-05', []],
    [
      'an amendment to sign',
      { signatureRequired: true },
      '2026-12-05',
      ['plan_signature_required'],
    ],
    [
      'visits outside the plan do not count',
      { heldVisits: ['2026-11-20', '2026-12-30'] },
      '2026-12-05',
      ['plan_no_visit_ahead'],
    ],
  ] as const)('%s', (_case, change, today, codes) => {
    expect(planTasksOf({ ...plan, ...change }, today).map((task) => task.code)).toEqual(codes);
  });
});
