import { type HolidayCalendar, isBusinessDay, addCalendarDays } from './day-count';
import type { Evaluation } from './evaluate';

/**
 * What staff must do for one episode today, from its evaluation: every open duty, the treatment
 * held or needing a referral, and a window or visit limit about to close. Pure; the work list
 * (`GET /direct-access/tasks`) and the daily staff email read the same tasks.
 */
export interface Task {
  code: string;
  text: string;
  dueOn: string | null;
  overdue: boolean;
}

/** Business days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function businessDaysUntil(from: string, to: string, holidays: HolidayCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isBusinessDay(day, holidays)) count += 1;
  }
  return count;
}

export function tasksOf(
  result: Evaluation,
  today: string,
  holidays: HolidayCalendar,
  warnWithin: { businessDays: number; visits: number },
): Task[] {
  const tasks: Task[] = result.duties.map((duty) => ({ ...duty }));
  const why = result.reasons.map((reason) => reason.text).join('; ');
  if (result.status === 'not_eligible') {
    tasks.push({
      code: 'treatment_held',
      text: `Treatment is held: ${why}`,
      dueOn: null,
      overdue: true,
    });
  } else if (result.status === 'referral_required') {
    tasks.push({
      code: 'referral_required',
      text: `A referral or signed plan is needed: ${why}`,
      dueOn: null,
      overdue: true,
    });
  } else if (result.status === 'unknown') {
    tasks.push({ code: 'rule_unknown', text: why, dueOn: null, overdue: true });
  } else if (result.status === 'eligible_until' && result.until) {
    const { date, visitsRemaining } = result.until;
    if (date && businessDaysUntil(today, date, holidays) <= warnWithin.businessDays) {
      tasks.push({
        code: 'window_closing',
        text: `Treatment without a referral ends on ${date}: obtain a referral or a signed plan`,
        dueOn: date,
        overdue: false,
      });
    }
    if (visitsRemaining !== null && visitsRemaining <= warnWithin.visits) {
      tasks.push({
        code: 'visit_limit_near',
        text: `${visitsRemaining} visit(s) left without a referral`,
        dueOn: date,
        overdue: false,
      });
    }
  }
  return tasks;
}
