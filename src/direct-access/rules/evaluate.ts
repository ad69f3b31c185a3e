import { addBusinessDays, holidaysOf, lastDayOf } from './day-count';
import { type MedicareDates, medicareDates, type PlanSignature } from './medicare';
import { qualificationGaps, type TherapistQualifications } from './qualifications';
import type {
  DirectAccessParameters,
  Jurisdiction,
  Profession,
  Purpose,
  RuleVersion,
} from './rule-parameters';

/**
 * May this patient be treated without a referral, until when, and what is due? One pure
 * function over one rule version and the facts of the case; every answer names the version it
 * used. Version 1 of the evaluation.
 */
export const EVALUATION_VERSION = 1;

export type Status =
  'eligible' | 'eligible_until' | 'referral_required' | 'not_eligible' | 'unknown';

/** The red-flag state in force, as intake's screen and the documents on file leave it. */
export type RedFlagState = 'proceed' | 'emergency' | 'clinician_review' | 'refer_to_physician';

export interface Referral {
  profession: Profession;
  referredOn: string;
  expiresOn: string | null;
  visitsAuthorised: number | null;
}

export interface EvaluationFacts {
  jurisdiction: Jurisdiction | null;
  /** The local date the question is asked for. */
  asOf: string;
  payer: string | null;
  purpose: Purpose;
  /** The treating therapist; null when not known yet. */
  therapist: TherapistQualifications | null;
  /** First treatment by any PT for this condition, evaluation included; null before it. */
  firstTreatmentOn: string | null;
  planStartedOn: string | null;
  /** Visits counted against a visit limit: attended so far, or for a booking every other held. */
  visitsSoFar: number;
  /** Local dates of those visits when known: a referral's visits count from its date. */
  visitDates: readonly string[] | null;
  treatmentDays: readonly string[];
  referrals: readonly Referral[];
  signatures: readonly PlanSignature[];
  notifications: readonly { kind: 'direct_access_notice' | 'plan_of_care'; sentOn: string }[];
  disclosures: readonly { form: string; signedOn: string }[];
  progressReports: readonly string[];
  redFlags: RedFlagState | null;
  /** A physician's clearance recorded after the red-flag state in force. */
  physicianClearance: boolean;
  /** A referral put on file after the clinician's decision to refer. */
  referralAfterDecision: boolean;
}

export interface Reason {
  code: string;
  text: string;
}

export interface OpenDuty {
  code: string;
  text: string;
  dueOn: string | null;
  overdue: boolean;
}

export interface Evaluation {
  status: Status;
  until: { date: string | null; visits: number | null; visitsRemaining: number | null } | null;
  reasons: Reason[];
  duties: OpenDuty[];
  medicare: MedicareDates | null;
  rule: Pick<RuleVersion, 'id' | 'jurisdiction' | 'version' | 'effectiveFrom' | 'source'> | null;
  notes: string[];
  evaluationVersion: number;
}

/** The version of a jurisdiction's rule in force on a date: the latest effective by then. */
export function ruleInForce(
  versions: readonly RuleVersion[],
  jurisdiction: string | null,
  on: string,
) {
  return (
    versions
      .filter((rule) => rule.jurisdiction === jurisdiction && rule.effectiveFrom <= on)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0] ??
    null
  );
}

/** Professions whose referral opens treatment where no rule says otherwise. */
const DEFAULT_REFERRERS: Profession[] = [
  'physician',
  'osteopathic_physician',
  'physician_assistant',
  'nurse_practitioner',
];

/** Visits counted under a referral: those on or after its date (all, when dates are unknown). */
function visitsUnder(referral: Referral, facts: EvaluationFacts): number {
  return facts.visitDates
    ? facts.visitDates.filter((date) => date >= referral.referredOn).length
    : facts.visitsSoFar;
}

function validReferral(facts: EvaluationFacts, accepted: readonly Profession[]) {
  return facts.referrals.find(
    (r) =>
      accepted.includes(r.profession) &&
      r.referredOn <= facts.asOf &&
      (r.expiresOn === null || r.expiresOn >= facts.asOf) &&
      (r.visitsAuthorised === null || visitsUnder(r, facts) < r.visitsAuthorised),
  );
}

function redFlagReason(facts: EvaluationFacts): Reason | null {
  switch (facts.redFlags) {
    case 'emergency':
      return facts.physicianClearance
        ? null
        : {
            code: 'red_flags.emergency',
            text: 'The red-flag screen is an emergency: only a recorded physician clearance lifts it',
          };
    case 'clinician_review':
      return {
        code: 'red_flags.review_pending',
        text: 'Red flags await a clinician’s documented decision',
      };
    case 'refer_to_physician':
      return facts.physicianClearance ||
        (facts.referralAfterDecision && validReferral(facts, DEFAULT_REFERRERS))
        ? null
        : {
            code: 'red_flags.referred_to_physician',
            text: 'The clinician referred the patient to a physician: treatment waits for a referral or a clearance on file',
          };
    default:
      return null;
  }
}

export function evaluate(rule: RuleVersion | null, facts: EvaluationFacts): Evaluation {
  const reasons: Reason[] = [];
  const duties: OpenDuty[] = [];
  const medicare =
    facts.payer === 'medicare' ? medicareDates({ ...facts, planSentOn: sentPlans(facts) }) : null;
  if (medicare) duties.push(...medicareDuties(medicare));
  const answer = (status: Status, until: Evaluation['until'] = null): Evaluation => ({
    status,
    until,
    reasons,
    duties,
    medicare,
    rule: rule && {
      id: rule.id,
      jurisdiction: rule.jurisdiction,
      version: rule.version,
      effectiveFrom: rule.effectiveFrom,
      source: rule.source,
    },
    notes: rule?.parameters.notes ?? [],
    evaluationVersion: EVALUATION_VERSION,
  });

  const redFlag = redFlagReason(facts);
  if (redFlag) {
    reasons.push(redFlag);
    return answer('not_eligible');
  }
  const accepted = rule?.parameters.unlockedBy.referralFrom.length
    ? rule.parameters.unlockedBy.referralFrom
    : DEFAULT_REFERRERS;
  const referral = validReferral(facts, accepted);
  if (referral) {
    reasons.push({
      code: 'referral_on_file',
      text: `Treated on a referral from a ${referral.profession.replace(/_/g, ' ')}`,
    });
    const visitsLeft =
      referral.visitsAuthorised === null
        ? null
        : referral.visitsAuthorised - visitsUnder(referral, facts);
    return referral.expiresOn === null && visitsLeft === null
      ? answer('eligible')
      : answer('eligible_until', {
          date: referral.expiresOn,
          visits: referral.visitsAuthorised,
          visitsRemaining: visitsLeft,
        });
  }
  if (!rule) {
    reasons.push({
      code: 'no_rule',
      text: facts.jurisdiction
        ? `No direct-access rule for ${facts.jurisdiction} on ${facts.asOf}: a referral is required until a rule is added`
        : 'The clinic has no jurisdiction on record: a referral is required until it has one and a rule is added',
    });
    return answer('unknown');
  }
  const p = rule.parameters;
  const holidays = holidaysOf(rule.jurisdiction);
  const firstDay = facts.firstTreatmentOn ?? facts.asOf;
  duties.push(...directAccessDuties(p, facts, firstDay, holidays));

  if (facts.therapist) {
    const gaps = qualificationGaps(p.qualifications, facts.therapist, rule.jurisdiction);
    if (gaps.length > 0) {
      reasons.push(...gaps);
      return answer('referral_required');
    }
  } else if (p.qualifications.anyOf.length > 0 || Object.keys(p.qualifications.all).length > 0) {
    reasons.push({
      code: 'therapist_qualifications_apply',
      text: 'Only a therapist who meets this state’s direct-access qualifications may treat without a referral',
    });
  }
  const plan = facts.signatures.find(
    (s) => p.unlockedBy.planSignedBy.includes(s.profession) && s.signedOn <= facts.asOf,
  );
  if (plan) {
    reasons.push({
      code: 'plan_signed',
      text: `The plan of care is signed by a ${plan.profession.replace(/_/g, ' ')}`,
    });
    return answer('eligible');
  }
  if (p.progressReview) {
    const review = windowOf(p.progressReview, facts, firstDay, holidays, null);
    if (
      (review.date !== null && facts.asOf > review.date) ||
      (review.visits !== null && facts.visitsSoFar >= review.visits)
    ) {
      duties.push({
        code: 'progress_review',
        text: 'Document progress since the first treatment, or refer the patient',
        dueOn: review.date,
        overdue: true,
      });
    } else if (review.date || review.visits) {
      duties.push({
        code: 'progress_review',
        text: `Document progress, or refer, by ${[review.date, review.visits && `visit ${review.visits}`].filter(Boolean).join(' or ')}`,
        dueOn: review.date,
        overdue: false,
      });
    }
  }
  if (!p.limit || p.limitExemptPurposes.includes(facts.purpose)) {
    reasons.push(
      p.limit
        ? { code: 'limit_exempt_purpose', text: `No limit applies to ${facts.purpose} visits` }
        : {
            code: 'no_limit',
            text: `${rule.jurisdiction} sets no limit on treatment without a referral`,
          },
    );
    return answer('eligible');
  }
  const window = windowOf(p.limit, facts, firstDay, holidays, facts.therapist);
  if (p.limit.clockStart === 'plan_of_intervention' && !facts.planStartedOn) {
    reasons.push({
      code: 'clock_from_first_treatment',
      text: 'No plan of intervention on record: the clock runs from the first treatment',
    });
  }
  const pastDate = window.date !== null && facts.asOf > window.date;
  const pastVisits = window.visits !== null && facts.visitsSoFar >= window.visits;
  if (pastDate || pastVisits) {
    if (pastDate)
      reasons.push({
        code: 'window_passed',
        text: `Treatment without a referral ended on ${window.date}`,
      });
    if (pastVisits)
      reasons.push({
        code: 'visit_limit_reached',
        text: `All ${window.visits} visits without a referral have been used`,
      });
    return answer('referral_required');
  }
  reasons.push({
    code: 'within_limit',
    text: `Treatment without a referral is allowed ${[window.date && `through ${window.date}`, window.visits && `for ${window.visits} visits`].filter(Boolean).join(' or ')}, whichever comes first`,
  });
  return answer('eligible_until', {
    date: window.date,
    visits: window.visits,
    visitsRemaining: window.visits === null ? null : window.visits - facts.visitsSoFar,
  });
}

function windowOf(
  limit: NonNullable<DirectAccessParameters['progressReview']> &
    Partial<NonNullable<DirectAccessParameters['limit']>>,
  facts: EvaluationFacts,
  firstDay: string,
  holidays: ReturnType<typeof holidaysOf>,
  therapist: TherapistQualifications | null,
) {
  const start =
    limit.clockStart === 'plan_of_intervention' ? (facts.planStartedOn ?? firstDay) : firstDay;
  const extended =
    limit.extendedFor &&
    therapist &&
    limit.extendedFor.anyOf.some(
      (path) =>
        qualificationGaps({ all: path, anyOf: [], liabilityInsurance: false }, therapist, '')
          .length === 0,
    )
      ? limit.extendedFor.days
      : limit.days;
  return { date: extended ? lastDayOf(start, extended, holidays) : null, visits: limit.visits };
}

function sentPlans(facts: EvaluationFacts): string[] {
  return facts.notifications.filter((n) => n.kind === 'plan_of_care').map((n) => n.sentOn);
}

function directAccessDuties(
  p: DirectAccessParameters,
  facts: EvaluationFacts,
  firstDay: string,
  holidays: ReturnType<typeof holidaysOf>,
): OpenDuty[] {
  const open: OpenDuty[] = [];
  const due = (dueOn: string | null, code: string, text: string) =>
    open.push({ code, text, dueOn, overdue: dueOn !== null && facts.asOf > dueOn });
  for (const duty of p.duties) {
    if (duty.kind === 'patient_disclosure') {
      if (!facts.disclosures.some((d) => d.form === duty.form && d.signedOn <= facts.asOf)) {
        due(firstDay, 'patient_disclosure', `The patient signs the ${duty.form} before treatment`);
      }
    } else if (duty.kind === 'notify_physician') {
      if (duty.exemptPurposes.includes(facts.purpose)) continue;
      if (facts.notifications.some((n) => n.kind === 'direct_access_notice')) continue;
      due(
        duty.withinBusinessDays === null
          ? null
          : addBusinessDays(firstDay, duty.withinBusinessDays, holidays),
        'notify_physician',
        `Notify the patient’s physician of the treatment${duty.needsPatientAuthorisation ? ', with the patient’s written authorisation' : ''}`,
      );
    } else {
      if (duty.exemptPurposes.includes(facts.purpose)) continue;
      if (sentPlans(facts).length > 0) continue;
      due(
        lastDayOf(firstDay, duty.withinDays, holidays),
        'inform_plan_of_care',
        'Inform the health professional of record of the plan of care',
      );
    }
  }
  return open;
}

function medicareDuties(medicare: MedicareDates): OpenDuty[] {
  const open: OpenDuty[] = [];
  if (medicare.certification.dueBy) {
    open.push({
      code: 'medicare_certification',
      text: 'A physician or NPP certifies the plan of care (signature, or referral on file and plan sent)',
      dueOn: medicare.certification.dueBy,
      overdue: medicare.certification.overdue,
    });
  }
  if (medicare.recertification.dueBy) {
    open.push({
      code: 'medicare_recertification',
      text: 'Recertify the plan of care before the certified period ends',
      dueOn: medicare.recertification.dueBy,
      overdue: medicare.recertification.overdue,
    });
  }
  const progress = medicare.progressReport;
  if (progress.dueOn) {
    open.push({
      code: 'medicare_progress_report',
      text: `Progress report due on the 10th treatment day since the last (${progress.dueOn})`,
      dueOn: progress.dueOn,
      overdue: progress.overdue,
    });
  } else if (progress.treatmentDaysLeft === 0) {
    open.push({
      code: 'medicare_progress_report',
      text: 'Progress report due at the next treatment day (the 10th since the last report)',
      dueOn: null,
      overdue: false,
    });
  }
  return open;
}
