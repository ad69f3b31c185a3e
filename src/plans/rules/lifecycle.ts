/**
 * A plan of care's lifecycle. A draft is edited freely; a physical therapist's signature makes it
 * active (a PTA may not establish or sign a plan of care: Medicare Benefit Policy Manual, Ch. 15
 * § 220.1.2 B, "the plan ... may not be established by a PTA"; APTA, "Levels of Authority and
 * Responsibility"); from then on it is amended, never edited, until it is completed or
 * discontinued, both final.
 */
export const PLAN_STATUSES = ['draft', 'active', 'on_hold', 'completed', 'discontinued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export type PlanAction = 'sign' | 'hold' | 'resume' | 'complete' | 'discontinue';
export const PLAN_ACTIONS: PlanAction[] = ['sign', 'hold', 'resume', 'complete', 'discontinue'];

const TRANSITIONS: Record<PlanAction, { from: PlanStatus[]; to: PlanStatus }> = {
  sign: { from: ['draft'], to: 'active' },
  hold: { from: ['active'], to: 'on_hold' },
  resume: { from: ['on_hold'], to: 'active' },
  complete: { from: ['active', 'on_hold'], to: 'completed' },
  discontinue: { from: ['draft', 'active', 'on_hold'], to: 'discontinued' },
};

/** The status an action leads to, or null when the action is not allowed from `current`. */
export function nextPlanStatus(current: PlanStatus, action: PlanAction): PlanStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

/** Only a draft is edited in place; a signed plan is amended while it is in force. */
export const canEdit = (status: PlanStatus) => status === 'draft';
export const canAmend = (status: PlanStatus) => status === 'active' || status === 'on_hold';

/** Who may sign a plan of care: a physical therapist, not an assistant. */
export const SIGNING_CREDENTIAL = 'PT';
