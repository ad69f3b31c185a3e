/**
 * The shape of one version of a jurisdiction's direct-access rule: what the statute says, as
 * data an admin can read, correct and supersede without a release. Facts and sources:
 * ../shared/domain/direct-access.md. The evaluation (evaluate.ts) reads nothing else.
 */

/** `US-PA` for a US state (ISO 3166-2), else the country (`GB`, `IE`). */
export type Jurisdiction = string;

export const PROFESSIONS = [
  'physician',
  'osteopathic_physician',
  'physician_assistant',
  'nurse_practitioner',
  'clinical_nurse_specialist',
  'chiropractor',
  'dentist',
  'podiatrist',
  'optometrist',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Who Medicare accepts as certifier of a plan of care: a physician or an NPP, not a chiropractor. */
export const MEDICARE_CERTIFIERS: readonly Profession[] = [
  'physician',
  'osteopathic_physician',
  'physician_assistant',
  'nurse_practitioner',
  'clinical_nurse_specialist',
];

export const PURPOSES = ['treatment', 'wellness', 'prevention', 'fitness'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface DayCount {
  count: number;
  /** `business`: weekdays that are not public holidays where the clinic is. */
  unit: 'calendar' | 'business';
  /**
   * Whether the day the clock starts is day 1 ("30 consecutive days beginning on ...") or the
   * count starts the next day ("30 days from ...", as 1 Pa.C.S. § 1908 computes a period).
   */
  startDayCounts: boolean;
  /** The statute's words and the reading chosen, e.g. `"days", read as calendar days`. */
  reading: string;
}

/** Where a limit's clock starts. */
export type ClockStart = 'first_treatment' | 'plan_of_intervention';

/** A period of treatment without referral, then a referral or a signed plan is needed. */
export interface TreatmentLimit {
  days: DayCount | null;
  visits: number | null;
  /** Every statute we hold ends the window at whichever limit comes first. */
  combine: 'whichever_first';
  clockStart: ClockStart;
  /** A longer day limit for therapists on one of these paths (Texas before 2025: 15 days). */
  extendedFor?: { days: DayCount; anyOf: QualificationPath[] };
}

/** A point at which the therapist must see progress or refer (NJ, IL, OH): a duty, not a gate. */
export interface ProgressReview {
  days: DayCount | null;
  visits: number | null;
  clockStart: ClockStart;
}

/** One way to qualify; every condition it names must hold. */
export interface QualificationPath {
  doctorate?: boolean;
  residencyOrFellowship?: boolean;
  minYearsLicensed?: number;
  minYearsFullTimePractice?: number;
  minDifferentialDiagnosisCeHours?: number;
  /** A certificate of authorisation issued by this jurisdiction's board. */
  certificate?: boolean;
}

export interface Qualifications {
  /** Every condition here holds for every therapist treating without referral. */
  all: QualificationPath;
  /** At least one of these paths; empty for none. */
  anyOf: QualificationPath[];
  liabilityInsurance: boolean;
}

export type Duty =
  | {
      kind: 'notify_physician';
      /** Null where the statute names no deadline: due before the next visit. */
      withinBusinessDays: number | null;
      from: 'first_treatment' | 'evaluation';
      /** The patient's written authorisation is needed before notifying. */
      needsPatientAuthorisation: boolean;
      /** Purposes for which the duty does not arise (wellness visits). */
      exemptPurposes: Purpose[];
    }
  | {
      kind: 'inform_plan_of_care';
      withinDays: DayCount;
      exemptPurposes: Purpose[];
    }
  | {
      kind: 'patient_disclosure';
      /** The form's name, e.g. the board's direct-access disclosure. */
      form: string;
      /** Signed before treatment without referral starts. */
      beforeTreatment: boolean;
    };

export interface DirectAccessParameters {
  level: 'unrestricted' | 'provisions';
  /** Past it, a referral or a signed plan; null for no limit. */
  limit: TreatmentLimit | null;
  progressReview: ProgressReview | null;
  qualifications: Qualifications;
  duties: Duty[];
  /** What opens treatment past the limit. */
  unlockedBy: { referralFrom: Profession[]; planSignedBy: Profession[] };
  /** Purposes to which the limit does not apply (Michigan: prevention and fitness). */
  limitExemptPurposes: Purpose[];
  /** Anything the data cannot express, shown with every evaluation. */
  notes: string[];
}

/** A version of a jurisdiction's rule, as stored. */
export interface RuleVersion {
  id: string;
  jurisdiction: Jurisdiction;
  version: number;
  effectiveFrom: string;
  source: string;
  parameters: DirectAccessParameters;
}

export const NO_QUALIFICATIONS: Qualifications = { all: {}, anyOf: [], liabilityInsurance: false };
