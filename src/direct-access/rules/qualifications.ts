import type { QualificationPath, Qualifications } from './rule-parameters';

/** What the staff module records of a therapist that direct-access statutes ask about. */
export interface TherapistQualifications {
  credential: 'PT' | 'PTA' | null;
  doctorate: boolean;
  residencyOrFellowship: boolean;
  yearsLicensed: number | null;
  yearsFullTimePractice: number | null;
  differentialDiagnosisCeHours: number | null;
  /** Jurisdictions (`US-PA`) whose board issued the therapist a direct-access certificate. */
  certificates: readonly string[];
  liabilityInsured: boolean;
}

export interface QualificationGap {
  code: string;
  text: string;
}

/** Every condition of one path the therapist does not meet. */
function pathGaps(
  path: QualificationPath,
  t: TherapistQualifications,
  jurisdiction: string,
): QualificationGap[] {
  const gaps: QualificationGap[] = [];
  const gap = (what: string, text: string) =>
    gaps.push({ code: `qualification_missing.${what}`, text });
  if (path.doctorate && !t.doctorate) gap('doctorate', 'A doctorate in physical therapy');
  if (path.residencyOrFellowship && !t.residencyOrFellowship)
    gap('residency_or_fellowship', 'A residency or fellowship');
  if (path.minYearsLicensed !== undefined && !((t.yearsLicensed ?? 0) >= path.minYearsLicensed)) {
    gap('years_licensed', `At least ${path.minYearsLicensed} years licensed`);
  }
  if (
    path.minYearsFullTimePractice !== undefined &&
    !((t.yearsFullTimePractice ?? 0) >= path.minYearsFullTimePractice)
  ) {
    gap(
      'full_time_practice',
      `At least ${path.minYearsFullTimePractice} years of full-time-equivalent practice`,
    );
  }
  if (
    path.minDifferentialDiagnosisCeHours !== undefined &&
    !((t.differentialDiagnosisCeHours ?? 0) >= path.minDifferentialDiagnosisCeHours)
  ) {
    gap(
      'differential_diagnosis_ce',
      `At least ${path.minDifferentialDiagnosisCeHours} hours of continuing education in differential diagnosis`,
    );
  }
  if (path.certificate && !t.certificates.includes(jurisdiction)) {
    gap('certificate', `A direct-access certificate of authorisation from ${jurisdiction}`);
  }
  return gaps;
}

/**
 * What a therapist lacks to treat without referral under these qualifications: empty when
 * qualified. A PTA never treats without a PT's plan, so never qualifies.
 */
export function qualificationGaps(
  required: Qualifications,
  therapist: TherapistQualifications,
  jurisdiction: string,
): QualificationGap[] {
  if (therapist.credential === 'PTA') {
    return [
      {
        code: 'qualification_missing.physical_therapist',
        text: 'A physical therapist, not an assistant, evaluates without a referral',
      },
    ];
  }
  const gaps = pathGaps(required.all, therapist, jurisdiction);
  if (required.liabilityInsurance && !therapist.liabilityInsured) {
    gaps.push({
      code: 'qualification_missing.liability_insurance',
      text: 'Professional liability insurance',
    });
  }
  if (required.anyOf.length > 0) {
    const paths = required.anyOf.map((path) => pathGaps(path, therapist, jurisdiction));
    if (paths.every((missing) => missing.length > 0)) {
      gaps.push({
        code: 'qualification_missing.one_of',
        text: `One of: ${paths.map((missing) => missing.map((g) => g.text).join(' and ')).join('; or ')}`,
      });
    }
  }
  return gaps;
}
