import {
  contentProblems,
  goalsFromTemplate,
  longTermGoalsChanged,
  type PlanGoal,
  planEndDate,
  withGoalIds,
} from './plan-content';
import { TEMPLATE_LIBRARY } from './template-library';

const goal = (id: string, term: PlanGoal['term'], target = 20): PlanGoal => ({
  id,
  term,
  description: 'Oswestry',
  measure: 'odi',
  comparator: 'at_most',
  target,
  targetDate: '2027-01-15',
});

describe('plan content', () => {
  it.each([
    ['2026-12-01', 1, '2026-12-07'],
    ['2026-12-01', 4, '2026-12-28'],
    ['2026-12-28', 1, '2027-01-03'],
    ['2027-02-22', 1, '2027-02-28'],
  ])('a plan from %s for %i week(s) ends on %s', (start, weeks, end) => {
    expect(planEndDate(start, weeks)).toBe(end);
  });

  it('dates a template’s goals from the plan’s start and numbers them', () => {
    const goals = goalsFromTemplate(TEMPLATE_LIBRARY[0].goals, '2026-12-01');
    expect(goals.map((g) => [g.id, g.targetDate])).toEqual([
      ['g1', '2026-12-15'],
      ['g2', '2026-12-29'],
      ['g3', '2026-12-29'],
    ]);
  });

  it.each([
    ['kept ids, one new', [{ id: 'g1' }, { id: 'g2' }, {}], ['g1', 'g2'], ['g1', 'g2', 'g3'], []],
    ['a new one after a dropped one', [{ id: 'g1' }, {}], ['g1', 'g2'], ['g1', 'g3'], []],
    ['an id the plan never had', [{ id: 'g7' }], ['g1'], ['g7'], [0]],
  ] as const)('goal ids: %s', (_case, given, earlier, ids, unknown) => {
    const goals = given.map((g) => ({ ...goal('', 'short'), id: undefined, ...g }));
    const result = withGoalIds(goals, earlier);
    expect(result.goals.map((g) => g.id)).toEqual(ids);
    expect(result.unknown).toEqual(unknown);
  });

  it.each([
    [
      'nothing changed',
      [goal('g1', 'short'), goal('g2', 'long')],
      [goal('g1', 'short'), goal('g2', 'long')],
      false,
    ],
    ['a short-term target changed', [goal('g1', 'short')], [goal('g1', 'short', 10)], false],
    ['a long-term target changed', [goal('g2', 'long')], [goal('g2', 'long', 30)], true],
    [
      'a long-term goal added',
      [goal('g1', 'short')],
      [goal('g1', 'short'), goal('g2', 'long')],
      true,
    ],
    ['a long-term goal dropped', [goal('g2', 'long')], [], true],
    [
      'reordered only',
      [goal('g2', 'long'), goal('g3', 'long', 2)],
      [goal('g3', 'long', 2), goal('g2', 'long')],
      false,
    ],
  ])('long-term goals: %s', (_case, before, after, changed) => {
    expect(longTermGoalsChanged(before, after)).toBe(changed);
  });

  it('seeds eight to twelve templates, each consistent with its CPT codes', () => {
    expect(TEMPLATE_LIBRARY.length).toBeGreaterThanOrEqual(8);
    expect(TEMPLATE_LIBRARY.length).toBeLessThanOrEqual(12);
    for (const template of TEMPLATE_LIBRARY) expect(contentProblems(template)).toEqual([]);
    const names = TEMPLATE_LIBRARY.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
