import type { PlanStatus } from './lifecycle';

/**
 * What a plan of care asks of staff today, beside direct access's Medicare duties (which read the
 * same records): an amendment to sign, a plan ending or past its end, and patients
 * under-scheduled (fewer visits booked than prescribed) or dropped (none ahead), so nobody falls
 * out of care unnoticed.
 */
export interface PlanTaskFacts {
  status: PlanStatus;
  startDate: string;
  endDate: string;
  prescribedVisits: number;
  visitsAuthorised: number | null;
  signatureRequired: boolean;
  /** Local dates of the episode's held treatment visits (booked or attended). */
  heldVisits: readonly string[];
}

export interface PlanTask {
  code: string;
  text: string;
  dueOn: string | null;
  overdue: boolean;
}

/** Days before the plan's end from which its re-evaluation or discharge is on the list. */
export const ENDING_WITHIN_DAYS = 7;

const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function planTasksOf(plan: PlanTaskFacts, today: string): PlanTask[] {
  const tasks: PlanTask[] = [];
  if (plan.signatureRequired) {
    tasks.push({
      code: 'plan_signature_required',
      text: 'A long-term goal of the plan of care changed: a physical therapist signs the amendment (and Medicare needs a new certification)',
      dueOn: null,
      overdue: true,
    });
  }
  if (plan.status !== 'active') return tasks;
  if (today > plan.endDate) {
    tasks.push({
      code: 'plan_past_end',
      text: `The plan of care ended on ${plan.endDate}: re-evaluate and amend it, or complete it`,
      dueOn: plan.endDate,
      overdue: true,
    });
    return tasks;
  }
  if (daysFrom(today, plan.endDate) <= ENDING_WITHIN_DAYS) {
    tasks.push({
      code: 'plan_ending',
      text: `The plan of care ends on ${plan.endDate}: book the re-evaluation or discharge`,
      dueOn: plan.endDate,
      overdue: false,
    });
  }
  const inPlan = plan.heldVisits.filter((day) => plan.startDate <= day && day <= plan.endDate);
  const wanted = Math.min(plan.prescribedVisits, plan.visitsAuthorised ?? Infinity);
  if (!inPlan.some((day) => day >= today)) {
    tasks.push({
      code: 'plan_no_visit_ahead',
      text: `No visit booked ahead on an active plan of care (${inPlan.length} of ${wanted} visits held): call the patient`,
      dueOn: null,
      overdue: true,
    });
  } else if (inPlan.length < wanted) {
    tasks.push({
      code: 'plan_under_scheduled',
      text: `${inPlan.length} of ${wanted} prescribed visits booked: book the rest of the plan`,
      dueOn: null,
      overdue: false,
    });
  }
  return tasks;
}
