import {
  canAmend,
  canEdit,
  nextPlanStatus,
  PLAN_ACTIONS,
  PLAN_STATUSES,
  type PlanAction,
  type PlanStatus,
} from './lifecycle';

describe('plan of care lifecycle', () => {
  const allowed: [PlanStatus, PlanAction, PlanStatus][] = [
    ['draft', 'sign', 'active'],
    ['draft', 'discontinue', 'discontinued'],
    ['active', 'hold', 'on_hold'],
    ['active', 'complete', 'completed'],
    ['active', 'discontinue', 'discontinued'],
    ['on_hold', 'resume', 'active'],
    ['on_hold', 'complete', 'completed'],
    ['on_hold', 'discontinue', 'discontinued'],
  ];

  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextPlanStatus(from, action)).toBe(to);
  });

  const refused = PLAN_STATUSES.flatMap((from) =>
    PLAN_ACTIONS.filter((action) => !allowed.some(([f, a]) => f === from && a === action)).map(
      (action) => [from, action] as const,
    ),
  );
  it.each(refused)('%s refuses %s', (from, action) => {
    expect(nextPlanStatus(from, action)).toBeNull();
  });

  it('leaves completed and discontinued plans final', () => {
    expect(refused.filter(([from]) => from === 'completed')).toHaveLength(PLAN_ACTIONS.length);
    expect(refused.filter(([from]) => from === 'discontinued')).toHaveLength(PLAN_ACTIONS.length);
  });

  it.each([
    ['draft', true, false],
    ['active', false, true],
    ['on_hold', false, true],
    ['completed', false, false],
    ['discontinued', false, false],
  ] as const)('%s: edited %s, amended %s', (status, edit, amend) => {
    expect(canEdit(status)).toBe(edit);
    expect(canAmend(status)).toBe(amend);
  });
});
