import { addCalendarDays } from '../../direct-access/rules/day-count';
import type { MedicareDates } from '../../direct-access/rules/medicare';

/**
 * Medicare's paperwork on the plans of care in force, counted for a clinic: what is due and what
 * is overdue today, read from the dates direct access's rules give each plan (rules/medicare;
 * Medicare Benefit Policy Manual, Ch. 15 § 220.1.3 and § 220.3D).
 */

/**
 * Days ahead from which a recertification counts as due: a certification always has an end, so
 * only one ending within the week is work for now (the plans' own "ending" notice uses the same).
 */
export const RECERTIFICATION_DUE_WITHIN_DAYS = 7;

export const MEDICARE_DUTY_COUNTS = [
  'medicarePlans',
  'certificationsDue',
  'certificationsOverdue',
  'recertificationsDue',
  'recertificationsOverdue',
  'progressReportsDue',
  'progressReportsOverdue',
] as const;

export type MedicareDutyCounts = Record<(typeof MEDICARE_DUTY_COUNTS)[number], number>;

export const MEDICARE_DUTY_DEFINITIONS: Record<keyof MedicareDutyCounts, string> = {
  medicarePlans: 'Plans of care in force (active or on hold) for patients Medicare pays for',
  certificationsDue:
    'Plans not yet certified (by a physician’s or NPP’s signature, or a referral on file and the plan sent) whose 30 days from the first treatment day have not passed',
  certificationsOverdue: 'Plans still not certified 30 days after the first treatment day',
  recertificationsDue: `Certified plans whose certified period ends within ${RECERTIFICATION_DUE_WITHIN_DAYS} days (at most 90 days a certification)`,
  recertificationsOverdue: 'Plans whose certified period has ended without a recertification',
  progressReportsDue:
    'Plans whose progress report falls due today or at the next treatment day (the 10th since the last report)',
  progressReportsOverdue:
    'Plans whose 10th treatment day since the last progress report has passed without one',
};

export const noMedicareDuties = (): MedicareDutyCounts => ({
  medicarePlans: 0,
  certificationsDue: 0,
  certificationsOverdue: 0,
  recertificationsDue: 0,
  recertificationsOverdue: 0,
  progressReportsDue: 0,
  progressReportsOverdue: 0,
});

/** Adds one plan's dates, read on `asOf` (the clinic's today), to the counts. */
export function countMedicareDuties(
  counts: MedicareDutyCounts,
  { asOf, dates }: { asOf: string; dates: MedicareDates },
): MedicareDutyCounts {
  const { certification, recertification, progressReport } = dates;
  const recertificationSoon =
    recertification.dueBy !== null &&
    !recertification.overdue &&
    recertification.dueBy <= addCalendarDays(asOf, RECERTIFICATION_DUE_WITHIN_DAYS);
  const progressDue =
    !progressReport.overdue &&
    (progressReport.dueOn !== null || progressReport.treatmentDaysLeft === 0);
  return {
    medicarePlans: counts.medicarePlans + 1,
    certificationsDue:
      counts.certificationsDue + Number(certification.dueBy !== null && !certification.overdue),
    certificationsOverdue: counts.certificationsOverdue + Number(certification.overdue),
    recertificationsDue: counts.recertificationsDue + Number(recertificationSoon),
    recertificationsOverdue: counts.recertificationsOverdue + Number(recertification.overdue),
    progressReportsDue: counts.progressReportsDue + Number(progressDue),
    progressReportsOverdue: counts.progressReportsOverdue + Number(progressReport.overdue),
  };
}
