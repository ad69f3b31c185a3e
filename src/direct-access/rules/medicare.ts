import { addCalendarDays } from './day-count';
import { MEDICARE_CERTIFIERS, type Profession } from './rule-parameters';

/**
 * Medicare's plan-of-care dates, which apply whatever the state allows (Medicare Benefit Policy
 * Manual, Ch. 15 § 220.1.3 and § 220.3D; ../shared/domain/direct-access.md):
 * - the plan is certified by a physician or NPP (not a chiropractor) within 30 days of the first
 *   treatment day, the evaluation included;
 * - a certification covers at most 90 calendar days: recertify at least every 90 days;
 * - a progress report at least once every 10 treatment days (two visits on one day are one
 *   treatment day), the first period starting on the first day of the episode;
 * - since 2025-01-01 (CY2025 physician fee schedule; APTA, "Medicare's New Exception to Plan of
 *   Care Certification Requirement"), a signed order or referral from a physician or NPP on file
 *   plus proof that the plan was sent to them within 30 days of the initial evaluation counts as
 *   the initial certification. A recertification still needs a signature.
 */
export const MEDICARE_RULES_VERSION = 'medicare/2025-01';

export const CERTIFICATION_DAYS = 30;
export const CERTIFICATION_PERIOD_DAYS = 90;
export const PROGRESS_REPORT_TREATMENT_DAYS = 10;
export const REFERRAL_EXCEPTION_FROM = '2025-01-01';

export interface PlanSignature {
  profession: Profession;
  signedOn: string;
  kind: 'certification' | 'recertification' | 'approval';
  /** The last day the signature certifies, when the plan says; else 90 days from its start. */
  periodEnd: string | null;
}

export interface MedicareFacts {
  asOf: string;
  firstTreatmentOn: string | null;
  /** Local dates of the visits attended, any order, repeats allowed. */
  treatmentDays: readonly string[];
  progressReports: readonly string[];
  signatures: readonly PlanSignature[];
  /** Orders or referrals on file, by whom and when. */
  referrals: readonly { profession: Profession; referredOn: string }[];
  /** When the plan of care was sent to the referring physician or NPP. */
  planSentOn: readonly string[];
}

export interface MedicareDates {
  version: string;
  certification: {
    dueBy: string | null;
    certifiedOn: string | null;
    /** `signature`, or `referral_and_plan_sent` under the 2025 exception. */
    by: 'signature' | 'referral_and_plan_sent' | null;
    overdue: boolean;
  };
  recertification: { dueBy: string | null; overdue: boolean };
  progressReport: {
    treatmentDaysSinceLast: number;
    /** Treatment days left until the one that must carry the report (0: the next or this one). */
    treatmentDaysLeft: number;
    /** The 10th treatment day since the last report, once it has come; the report was due then. */
    dueOn: string | null;
    overdue: boolean;
  };
}

const certifier = (profession: Profession) => MEDICARE_CERTIFIERS.includes(profession);

/** The last day a certification starting on `from` covers: its stated end, at most 90 days. */
function capped(from: string, periodEnd: string | null): string {
  const longest = addCalendarDays(from, CERTIFICATION_PERIOD_DAYS - 1);
  return periodEnd !== null && periodEnd < longest ? periodEnd : longest;
}

export function medicareDates(facts: MedicareFacts): MedicareDates {
  const start = facts.firstTreatmentOn;
  const days = [...new Set(facts.treatmentDays)].filter((day) => day <= facts.asOf).sort();
  const lastReport = [...facts.progressReports]
    .filter((day) => day <= facts.asOf)
    .sort()
    .at(-1);
  const sinceLast = days.filter((day) => !lastReport || day > lastReport).length;
  const tenth =
    days.filter((day) => !lastReport || day > lastReport)[PROGRESS_REPORT_TREATMENT_DAYS - 1] ??
    null;
  const progressReport = {
    treatmentDaysSinceLast: sinceLast,
    treatmentDaysLeft: Math.max(0, PROGRESS_REPORT_TREATMENT_DAYS - sinceLast - 1),
    dueOn: tenth,
    overdue: tenth !== null && facts.asOf > tenth,
  };
  if (!start) {
    return {
      version: MEDICARE_RULES_VERSION,
      certification: { dueBy: null, certifiedOn: null, by: null, overdue: false },
      recertification: { dueBy: null, overdue: false },
      progressReport,
    };
  }
  const dueBy = addCalendarDays(start, CERTIFICATION_DAYS);
  const signatures = facts.signatures.filter(
    (s) => certifier(s.profession) && s.signedOn <= facts.asOf,
  );
  const initial = signatures
    .filter((s) => s.kind === 'certification')
    .sort((a, b) => a.signedOn.localeCompare(b.signedOn))[0];
  const sentInTime = facts.planSentOn
    .filter((sent) => sent <= addCalendarDays(start, CERTIFICATION_DAYS) && sent <= facts.asOf)
    .sort()[0];
  const ordered = facts.referrals.some(
    (r) => certifier(r.profession) && r.referredOn <= facts.asOf,
  );
  const exception = start >= REFERRAL_EXCEPTION_FROM && ordered && sentInTime !== undefined;

  let certifiedOn: string | null = null;
  let by: MedicareDates['certification']['by'] = null;
  let certifiedThrough: string | null = null;
  if (initial) {
    certifiedOn = initial.signedOn;
    by = 'signature';
    certifiedThrough = capped(start, initial.periodEnd);
  } else if (exception) {
    certifiedOn = sentInTime;
    by = 'referral_and_plan_sent';
    certifiedThrough = addCalendarDays(start, CERTIFICATION_PERIOD_DAYS - 1);
  }
  if (certifiedThrough) {
    for (const recert of signatures.filter((s) => s.kind === 'recertification')) {
      const through = capped(recert.signedOn, recert.periodEnd);
      if (through > certifiedThrough) certifiedThrough = through;
    }
  }
  return {
    version: MEDICARE_RULES_VERSION,
    certification: {
      dueBy: certifiedOn ? null : dueBy,
      certifiedOn,
      by,
      overdue: !certifiedOn && facts.asOf > dueBy,
    },
    recertification: {
      dueBy: certifiedThrough,
      overdue: certifiedThrough !== null && facts.asOf > certifiedThrough,
    },
    progressReport,
  };
}
