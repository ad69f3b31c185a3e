import type { Comparator, GoalMeasure, PlanGoal } from './plan-content';

/**
 * How far a plan of care has come: its treatment visits against what it prescribes, and each goal
 * against the patient's scores on signed assessments. The baseline is the last score taken on or
 * before the plan's first day (the initial evaluation), else the first one taken; progress is read
 * from the latest score after it (a re-evaluation or the discharge): the objective measures and
 * progress toward each goal a progress report gives (Medicare Benefit Policy Manual, Pub. 100-02,
 * ch. 15, §220.3.D, as `../shared/domain/billing.md` summarises it).
 */
export const PLAN_PROGRESS_VERSION = 'plan-progress/2026-12';

export interface MeasuredScore {
  instrument: string;
  score: number;
  /** The assessment's date, YYYY-MM-DD. */
  assessedOn: string;
  /** The assessment's kind: initial evaluation, re-evaluation or discharge. */
  kind: string;
}

export const GOAL_STATES = ['met', 'in_progress', 'not_measured', 'overdue'] as const;
export type GoalState = (typeof GOAL_STATES)[number];

export interface GoalProgress {
  goalId: string;
  measure: GoalMeasure;
  comparator: Comparator;
  target: number;
  targetDate: string;
  baseline: MeasuredScore | null;
  /** The latest score after the baseline; null until the goal's measure is taken again. */
  latest: MeasuredScore | null;
  /** Whether the latest score (the baseline while there is none) meets the target. */
  met: boolean;
  state: GoalState;
  /** Share of the way from the baseline to the target, 0 to 100; null until measured again. */
  percentOfWay: number | null;
}

const meets = (score: number, comparator: Comparator, target: number) =>
  comparator === 'at_most' ? score <= target : score >= target;

export function goalProgress(
  goal: PlanGoal,
  scores: readonly MeasuredScore[],
  planStart: string,
  today: string,
): GoalProgress {
  const taken = scores.filter((s) => s.instrument === goal.measure);
  const beforeStart = taken.filter((s) => s.assessedOn <= planStart);
  const baseline = beforeStart.at(-1) ?? taken[0] ?? null;
  const after = baseline ? taken.slice(taken.indexOf(baseline) + 1) : [];
  const latest = after.at(-1) ?? null;
  const current = latest ?? baseline;
  const met = current !== null && meets(current.score, goal.comparator, goal.target);
  let state: GoalState = 'in_progress';
  if (met) state = 'met';
  else if (today > goal.targetDate) state = 'overdue';
  else if (current === null) state = 'not_measured';
  return {
    goalId: goal.id,
    measure: goal.measure,
    comparator: goal.comparator,
    target: goal.target,
    targetDate: goal.targetDate,
    baseline,
    latest,
    met,
    state,
    percentOfWay: baseline && latest ? percentOfWay(goal, baseline.score, latest.score) : null,
  };
}

/** Null when the baseline already met the target: there was no way to go. */
function percentOfWay(goal: PlanGoal, baseline: number, latest: number): number | null {
  const way = goal.comparator === 'at_most' ? baseline - goal.target : goal.target - baseline;
  if (way <= 0) return null;
  const gone = goal.comparator === 'at_most' ? baseline - latest : latest - baseline;
  return Math.round(Math.min(100, Math.max(0, (gone / way) * 100)));
}

export interface PlanVisit {
  /** The visit's local date at the clinic, YYYY-MM-DD. */
  on: string;
  status: string;
  /** Not yet begun. */
  ahead: boolean;
}

export interface VisitProgress {
  prescribed: number;
  authorised: number | null;
  /** Treatment visits in the plan's dates the patient came to (checked in or completed). */
  attended: number;
  /** Booked or confirmed treatment visits in the plan's dates still ahead. */
  bookedAhead: number;
  /** No-shows in the plan's dates. */
  missed: number;
  /** Visits still to attend: the prescribed (or fewer authorised) less those attended. */
  remaining: number;
  /** Of those, how many have no booking yet. */
  unscheduled: number;
}

/** Treatment visits of the plan's dates counted against its prescription. */
export function visitProgress(
  plan: { startDate: string; endDate: string; prescribed: number; authorised: number | null },
  visits: readonly PlanVisit[],
): VisitProgress {
  const inPlan = visits.filter((v) => plan.startDate <= v.on && v.on <= plan.endDate);
  const count = (keep: (visit: PlanVisit) => boolean) => inPlan.filter(keep).length;
  const attended = count((v) => v.status === 'checked_in' || v.status === 'completed');
  const bookedAhead = count((v) => v.ahead && (v.status === 'booked' || v.status === 'confirmed'));
  const remaining = Math.max(0, Math.min(plan.prescribed, plan.authorised ?? Infinity) - attended);
  return {
    prescribed: plan.prescribed,
    authorised: plan.authorised,
    attended,
    bookedAhead,
    missed: count((v) => v.status === 'no_show'),
    remaining,
    unscheduled: Math.max(0, remaining - bookedAhead),
  };
}
