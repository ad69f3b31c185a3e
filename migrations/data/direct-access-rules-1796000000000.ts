/**
 * The direct-access rules shipped with migration 1796000000000, frozen as they were released:
 * evaluations name the version they used, so this data is never edited. A correction is a new
 * version (an admin through the API, or a later migration with its own data file).
 *
 * Sources as gathered in ../shared/domain/direct-access.md (November 2026); where that file names
 * no date, a version holds from 2020-01-01, the earliest day this product claims to know (an
 * evaluation before it answers `unknown`). Readings chosen where a statute is ambiguous, stored
 * with each rule as `reading`: "days" without "calendar" or "business" is read as calendar
 * days; "N days from X" excludes day X (1 Pa.C.S. § 1908, Pennsylvania's rule for computing a
 * period); "N consecutive days", "beyond N days" and "N days or M visits" count X as day 1, the
 * shorter window, so an ambiguity never lets treatment run past the law.
 */
import type { DirectAccessParameters } from '../../src/direct-access/rules/rule-parameters';

export const DIRECT_ACCESS_RULES_1796000000000: {
  jurisdiction: string;
  effectiveFrom: string;
  source: string;
  parameters: DirectAccessParameters;
}[] = [
  {
    jurisdiction: 'US-PA',
    effectiveFrom: '2020-01-01',
    source: '63 P.S. § 1309(b) (Physical Therapy Practice Act); 1 Pa.C.S. § 1908 for the day count',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 30,
          unit: 'calendar',
          startDayCounts: false,
          reading: '"30 days from the date of the first treatment"',
        },
        visits: null,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {
          certificate: true,
        },
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'physician_assistant',
          'nurse_practitioner',
          'dentist',
          'podiatrist',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'The certificate of authorisation (which needs 2 years of clinical practice) covers neurologic, muscular and skeletal conditions only.',
      ],
    },
  },
  {
    jurisdiction: 'US-FL',
    effectiveFrom: '2020-01-01',
    source: 'Fla. Stat. § 486.021(11), as amended by SB 450 (2016); fpta.org Direct Access',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 30,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"beyond 30 days", read as 30 calendar days counting the first treatment day',
        },
        visits: null,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'physician_assistant',
          'chiropractor',
          'podiatrist',
          'dentist',
        ],
        planSignedBy: [
          'physician',
          'osteopathic_physician',
          'physician_assistant',
          'chiropractor',
          'podiatrist',
          'dentist',
        ],
      },
      limitExemptPurposes: [],
      notes: [
        'No limit when the patient was examined and diagnosed by a physician licensed in another state.',
        'Refer a condition outside the scope of physical therapy.',
      ],
    },
  },
  {
    jurisdiction: 'US-TX',
    effectiveFrom: '2020-01-01',
    source: 'Tex. Occ. Code § 453.301 before HB 4099 (2025)',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 10,
          unit: 'business',
          startDayCounts: true,
          reading: '"10 consecutive business days"',
        },
        visits: null,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
        extendedFor: {
          days: {
            count: 15,
            unit: 'business',
            startDayCounts: true,
            reading: '"15 consecutive business days"',
          },
          anyOf: [
            {
              doctorate: true,
              residencyOrFellowship: true,
            },
          ],
        },
      },
      progressReview: null,
      qualifications: {
        all: {
          minYearsLicensed: 1,
        },
        anyOf: [
          {
            doctorate: true,
          },
          {
            minDifferentialDiagnosisCeHours: 30,
          },
        ],
        liabilityInsurance: true,
      },
      duties: [
        {
          kind: 'patient_disclosure',
          form: 'Texas Board of Physical Therapy Examiners direct-access disclosure',
          beforeTreatment: true,
        },
      ],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'dentist',
          'chiropractor',
          'podiatrist',
          'physician_assistant',
          'nurse_practitioner',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'The 15-day window also applies to a therapist certified by an entity the board approves; record that as a residency or fellowship.',
      ],
    },
  },
  {
    jurisdiction: 'US-TX',
    effectiveFrom: '2025-09-01',
    source: 'Tex. Occ. Code § 453.301 as amended by HB 4099 (2025), effective 2025-09-01',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 30,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"30 consecutive calendar days"',
        },
        visits: null,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {
          minYearsLicensed: 1,
        },
        anyOf: [
          {
            doctorate: true,
          },
          {
            minDifferentialDiagnosisCeHours: 30,
          },
        ],
        liabilityInsurance: true,
      },
      duties: [
        {
          kind: 'patient_disclosure',
          form: 'Texas Board of Physical Therapy Examiners direct-access disclosure',
          beforeTreatment: true,
        },
      ],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'dentist',
          'chiropractor',
          'podiatrist',
          'physician_assistant',
          'nurse_practitioner',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [],
    },
  },
  {
    jurisdiction: 'US-NY',
    effectiveFrom: '2020-01-01',
    source: 'N.Y. Educ. Law § 6731(d)',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 30,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"30 days", read as calendar days counting the first treatment day',
        },
        visits: 10,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {
          minYearsFullTimePractice: 3,
        },
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'patient_disclosure',
          form: 'Notice of Advice',
          beforeTreatment: true,
        },
      ],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'physician_assistant',
          'nurse_practitioner',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: ['The therapist keeps the Notice of Advice the patient was given.'],
    },
  },
  {
    jurisdiction: 'US-NJ',
    effectiveFrom: '2020-01-01',
    source: 'N.J.A.C. 13:39A-2.5',
    parameters: {
      level: 'provisions',
      limit: null,
      progressReview: {
        days: {
          count: 30,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"within 30 days of first treatment", read as calendar days',
        },
        visits: null,
        clockStart: 'first_treatment',
      },
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'inform_plan_of_care',
          withinDays: {
            count: 30,
            unit: 'calendar',
            startDayCounts: true,
            reading: '"within 30 days", read as calendar days',
          },
          exemptPurposes: [],
        },
      ],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'Refer the patient if there is no reasonable progress within 30 days of the first treatment.',
      ],
    },
  },
  {
    jurisdiction: 'US-CA',
    effectiveFrom: '2020-01-01',
    source: 'Cal. Bus. & Prof. Code § 2620.1',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 45,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"45 calendar days"',
        },
        visits: 12,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'notify_physician',
          withinBusinessDays: null,
          from: 'first_treatment',
          needsPatientAuthorisation: true,
          exemptPurposes: [],
        },
      ],
      unlockedBy: {
        referralFrom: ['physician', 'osteopathic_physician', 'podiatrist'],
        planSignedBy: ['physician', 'osteopathic_physician', 'podiatrist'],
      },
      limitExemptPurposes: [],
      notes: ['Disclose any financial interest in the treatment to the patient.'],
    },
  },
  {
    jurisdiction: 'US-IL',
    effectiveFrom: '2020-01-01',
    source: '225 ILCS 90/1.2 (text before P.A. 104-154 of 2025, whose amendment is unverified)',
    parameters: {
      level: 'provisions',
      limit: null,
      progressReview: {
        days: {
          count: 15,
          unit: 'business',
          startDayCounts: true,
          reading: '"15 business days"',
        },
        visits: 10,
        clockStart: 'first_treatment',
      },
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'notify_physician',
          withinBusinessDays: 5,
          from: 'first_treatment',
          needsPatientAuthorisation: false,
          exemptPurposes: ['wellness'],
        },
      ],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'Refer when there is no measurable or functional improvement after 10 visits or 15 business days, whichever first, and continued improvement thereafter.',
        'Refer a patient returning for the same condition more than 30 calendar days after discharge.',
        'P.A. 104-154 (2025) amended this section; its new text is not yet in this rule.',
      ],
    },
  },
  {
    jurisdiction: 'US-OH',
    effectiveFrom: '2020-01-01',
    source: 'Ohio Rev. Code § 4755.481',
    parameters: {
      level: 'provisions',
      limit: null,
      progressReview: {
        days: {
          count: 30,
          unit: 'calendar',
          startDayCounts: false,
          reading: '"30 days after the first visit", read as calendar days',
        },
        visits: null,
        clockStart: 'first_treatment',
      },
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'notify_physician',
          withinBusinessDays: 5,
          from: 'evaluation',
          needsPatientAuthorisation: true,
          exemptPurposes: ['wellness', 'prevention', 'fitness'],
        },
      ],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'Consult or refer when there is no substantial progress in the 30 days after the first visit (not for wellness or a previously diagnosed chronic condition).',
      ],
    },
  },
  {
    jurisdiction: 'US-MI',
    effectiveFrom: '2020-01-01',
    source: 'Mich. Comp. Laws § 333.17820',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 21,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"21 days", read as calendar days counting the first treatment day',
        },
        visits: 10,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'dentist',
          'podiatrist',
          'physician_assistant',
          'nurse_practitioner',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: ['prevention', 'fitness'],
      notes: ['Senate Bill 144 (2025) would drop both limits; pending when checked.'],
    },
  },
  {
    jurisdiction: 'US-GA',
    effectiveFrom: '2020-01-01',
    source: 'O.C.G.A. § 43-33-18 (therapycomply.com, Georgia)',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 21,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"21 days", read as calendar days counting the day the plan starts',
        },
        visits: 8,
        combine: 'whichever_first',
        clockStart: 'plan_of_intervention',
      },
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [
          {
            doctorate: true,
            minYearsLicensed: 2,
          },
          {
            doctorate: true,
            residencyOrFellowship: true,
          },
          {
            minYearsLicensed: 5,
          },
        ],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'patient_disclosure',
          form: 'Georgia direct-access written disclosure',
          beforeTreatment: true,
        },
      ],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'dentist',
          'podiatrist',
          'physician_assistant',
          'nurse_practitioner',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: ['The clock starts when the plan of intervention starts, not at the first visit.'],
    },
  },
  {
    jurisdiction: 'US-NC',
    effectiveFrom: '2020-01-01',
    source: 'N.C. Gen. Stat. § 90-270.90 et seq.; ncptboard.org',
    parameters: {
      level: 'unrestricted',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'Refer conditions beyond the scope of physical therapy.',
        'Spinal manipulation without a prescription: status unsourced.',
      ],
    },
  },
  {
    jurisdiction: 'US-VA',
    effectiveFrom: '2020-01-01',
    source: 'Va. Code § 54.1-3482.1 before the 2023 amendment',
    parameters: {
      level: 'provisions',
      limit: {
        days: {
          count: 60,
          unit: 'calendar',
          startDayCounts: true,
          reading: '"60 consecutive days"',
        },
        visits: null,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [
          {
            doctorate: true,
          },
          {
            certificate: true,
          },
        ],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'patient_disclosure',
          form: 'Board attestation and release form',
          beforeTreatment: true,
        },
      ],
      unlockedBy: {
        referralFrom: [
          'physician',
          'osteopathic_physician',
          'physician_assistant',
          'nurse_practitioner',
        ],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [],
    },
  },
  {
    jurisdiction: 'US-VA',
    effectiveFrom: '2023-07-01',
    source: 'Va. Code § 54.1-3482.1 as amended, effective 2023-07-01',
    parameters: {
      level: 'provisions',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [
          {
            doctorate: true,
          },
          {
            certificate: true,
          },
        ],
        liabilityInsurance: false,
      },
      duties: [
        {
          kind: 'patient_disclosure',
          form: 'Board attestation and release form',
          beforeTreatment: true,
        },
      ],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'The one-time certificate is granted to a transitional DPT, or after 3 years of practice plus continuing education.',
      ],
    },
  },
  {
    jurisdiction: 'US-WA',
    effectiveFrom: '2020-01-01',
    source: 'Rev. Code Wash. §§ 18.74.012, 18.74.015, 18.74.190',
    parameters: {
      level: 'provisions',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [
        'No limit for neuromuscular or musculoskeletal conditions.',
        'Spinal manipulation needs an endorsement.',
        'Refer with reasonable cause.',
      ],
    },
  },
  {
    jurisdiction: 'US-MA',
    effectiveFrom: '2020-01-01',
    source:
      'APTA, Levels of Patient Access to Physical Therapist Services in the States (2019, 2021)',
    parameters: {
      level: 'unrestricted',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [],
    },
  },
  {
    jurisdiction: 'US-AZ',
    effectiveFrom: '2020-01-01',
    source:
      'APTA, Levels of Patient Access to Physical Therapist Services in the States (2019, 2021)',
    parameters: {
      level: 'unrestricted',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [],
    },
  },
  {
    jurisdiction: 'US-CO',
    effectiveFrom: '2020-01-01',
    source:
      'APTA, Levels of Patient Access to Physical Therapist Services in the States (2019, 2021)',
    parameters: {
      level: 'unrestricted',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: [],
    },
  },
  {
    jurisdiction: 'GB',
    effectiveFrom: '2020-01-01',
    source:
      'Chartered Society of Physiotherapy: physiotherapists may treat without medical referral since 1977',
    parameters: {
      level: 'unrestricted',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: ['NHS self-referral depends on the area; private treatment needs no referral.'],
    },
  },
  {
    jurisdiction: 'IE',
    effectiveFrom: '2020-01-01',
    source:
      'CORU, Physiotherapists Registration Board: direct access for registered physiotherapists',
    parameters: {
      level: 'unrestricted',
      limit: null,
      progressReview: null,
      qualifications: {
        all: {},
        anyOf: [],
        liabilityInsurance: false,
      },
      duties: [],
      unlockedBy: {
        referralFrom: [],
        planSignedBy: [],
      },
      limitExemptPurposes: [],
      notes: ['The physiotherapist must be registered with CORU.'],
    },
  },
];
