import type { MedicareDates } from '../../direct-access/rules/medicare';
import type { PlanStatus } from './lifecycle';

/** An episode's signed plan as a booking sees it: its status and dates as last amended. */
export interface CoveragePlan {
  id: string;
  status: PlanStatus;
  startDate: string;
  endDate: string;
  visitsAuthorised: number | null;
}

export interface CoverageProblem {
  reason:
    | 'outside_plan_dates'
    | 'past_authorised_visits'
    | 'certification_expired'
    | 'certification_overdue';
  message: string;
}

/**
 * Why a treatment visit on `on` falls outside the episode's plan of care, or null when it is
 * covered (or the episode has no signed plan yet: its first visits precede the plan, and direct
 * access gates those). `booked`: the local dates of the episode's other held treatment visits.
 * Medicare: a certification covers at most 90 days and the initial one is due within 30 days of
 * the first treatment (Medicare Benefit Policy Manual, Ch. 15 § 220.1.3; direct-access/rules/medicare).
 */
export function coverageProblem(
  plans: readonly CoveragePlan[],
  on: string,
  booked: readonly string[],
  medicare: MedicareDates | null,
): CoverageProblem | null {
  if (plans.length === 0) return null;
  const plan = plans.find((p) => p.status === 'active' && p.startDate <= on && on <= p.endDate);
  if (!plan) {
    const latest = [...plans].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1)!;
    return {
      reason: 'outside_plan_dates',
      message: `No active plan of care covers ${on} (the latest runs ${latest.startDate} to ${latest.endDate}, ${latest.status})`,
    };
  }
  if (plan.visitsAuthorised !== null) {
    const inPlan = booked.filter((day) => plan.startDate <= day && day <= plan.endDate).length;
    if (inPlan + 1 > plan.visitsAuthorised) {
      return {
        reason: 'past_authorised_visits',
        message: `The plan authorises ${plan.visitsAuthorised} visits and ${inPlan} are booked`,
      };
    }
  }
  if (medicare) {
    const through = medicare.recertification.dueBy;
    if (medicare.certification.certifiedOn && through && on > through) {
      return {
        reason: 'certification_expired',
        message: `Medicare's certification of the plan ended on ${through}: recertify first`,
      };
    }
    if (medicare.certification.overdue) {
      return {
        reason: 'certification_overdue',
        message: `The plan was not certified by a physician or NPP by ${medicare.certification.dueBy}`,
      };
    }
  }
  return null;
}
