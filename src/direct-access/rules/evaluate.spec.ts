/**
 * The evaluation against every shipped jurisdiction (../shared/domain/direct-access.md): each
 * limit on its last allowed day and the day after, its visit limit at the last visit and the
 * next, business days across a weekend and a public holiday, each qualification missing, Texas
 * before and after 2025-09-01, Georgia's clock from the plan, New York's "whichever first".
 */
import { evaluate, type EvaluationFacts, ruleInForce } from './evaluate';
import type { TherapistQualifications } from './qualifications';
import { PROFESSIONS, type RuleVersion } from './rule-parameters';
import { DIRECT_ACCESS_RULES_1796000000000 as SHIPPED_RULES } from '../../../migrations/data/direct-access-rules-1796000000000';

const VERSIONS: RuleVersion[] = SHIPPED_RULES.map((rule, index) => ({
  ...rule,
  id: `rule-${index}`,
  version:
    SHIPPED_RULES.slice(0, index).filter((r) => r.jurisdiction === rule.jurisdiction).length + 1,
}));

const QUALIFIED: TherapistQualifications = {
  credential: 'PT',
  doctorate: true,
  residencyOrFellowship: false,
  yearsLicensed: 6,
  yearsFullTimePractice: 6,
  differentialDiagnosisCeHours: 0,
  certificates: ['US-PA', 'US-VA'],
  liabilityInsured: true,
};

function facts(overrides: Partial<EvaluationFacts>): EvaluationFacts {
  return {
    jurisdiction: 'US-PA',
    asOf: '2026-03-02',
    payer: 'commercial',
    purpose: 'treatment',
    therapist: QUALIFIED,
    firstTreatmentOn: '2026-03-02',
    planStartedOn: null,
    visitsSoFar: 0,
    treatmentDays: [],
    referrals: [],
    signatures: [],
    notifications: [],
    disclosures: [],
    progressReports: [],
    redFlags: 'proceed',
    physicianClearance: false,
    referralAfterDecision: false,
    visitDates: null,
    ...overrides,
  };
}

function run(overrides: Partial<EvaluationFacts>) {
  const f = facts(overrides);
  return evaluate(ruleInForce(VERSIONS, f.jurisdiction, f.asOf), f);
}
const codes = (result: ReturnType<typeof run>) => result.reasons.map((reason) => reason.code);
const duty = (result: ReturnType<typeof run>, code: string) =>
  result.duties.find((d) => d.code === code);

describe('limits at their boundary day, per jurisdiction', () => {
  it.each([
    // jurisdiction, first treatment, last allowed day (why)
    ['US-PA', '2026-03-02', '2026-04-01'], // "30 days from": day 1 is 03-03 (1 Pa.C.S. § 1908)
    ['US-FL', '2026-03-02', '2026-03-31'], // 30 days counting the first day
    ['US-TX', '2025-09-02', '2025-10-01'], // 30 consecutive calendar days (HB 4099)
    ['US-NY', '2026-03-02', '2026-03-31'],
    ['US-CA', '2026-03-02', '2026-04-15'], // 45 calendar days
    ['US-MI', '2026-03-02', '2026-03-22'], // 21 days
    ['US-VA', '2023-01-02', '2023-03-02'], // 60 days before 2023-07-01
  ])(
    '%s from %s: eligible through %s, referral required the day after',
    (jurisdiction, first, last) => {
      const onLast = run({ jurisdiction, firstTreatmentOn: first, asOf: last });
      expect(onLast.status).toBe('eligible_until');
      expect(onLast.until?.date).toBe(last);
      const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      const after = run({ jurisdiction, firstTreatmentOn: first, asOf: next });
      expect(after.status).toBe('referral_required');
      expect(codes(after)).toContain('window_passed');
    },
  );

  it.each([
    ['US-NY', 10],
    ['US-CA', 12],
    ['US-MI', 10],
    ['US-GA', 8],
  ])('%s: the %ith visit is the last without a referral', (jurisdiction, visits) => {
    const last = run({ jurisdiction, visitsSoFar: visits - 1, asOf: '2026-03-05' });
    expect(last.status).toBe('eligible_until');
    expect(last.until).toMatchObject({ visits, visitsRemaining: 1 });
    const over = run({ jurisdiction, visitsSoFar: visits, asOf: '2026-03-05' });
    expect(over.status).toBe('referral_required');
    expect(codes(over)).toContain('visit_limit_reached');
  });

  it('New York: whichever comes first, visits before days and days before visits', () => {
    expect(run({ jurisdiction: 'US-NY', asOf: '2026-03-10', visitsSoFar: 10 }).status).toBe(
      'referral_required',
    );
    const byDays = run({ jurisdiction: 'US-NY', asOf: '2026-04-01', visitsSoFar: 3 });
    expect(byDays.status).toBe('referral_required');
    expect(codes(byDays)).toEqual(['window_passed']);
    expect(run({ jurisdiction: 'US-NY', asOf: '2026-03-31', visitsSoFar: 9 }).until).toEqual({
      date: '2026-03-31',
      visits: 10,
      visitsRemaining: 1,
    });
  });
});

describe('Texas before and after 2025-09-01', () => {
  it('before: 10 consecutive business days, skipping a weekend and Labor Day', () => {
    // 2025-08-25 (Mon) .. 08-29: 5; 09-01 is Labor Day; 09-02 .. 09-05: 4; 09-08 the 10th.
    const result = run({
      jurisdiction: 'US-TX',
      firstTreatmentOn: '2025-08-25',
      asOf: '2025-08-29',
    });
    expect(result.rule).toMatchObject({ jurisdiction: 'US-TX', version: 1 });
    expect(result.until?.date).toBe('2025-09-08');
  });

  it('before: 10 business days over two plain weeks, 15 with a DPT and a residency', () => {
    const base = { jurisdiction: 'US-TX', firstTreatmentOn: '2025-08-04' };
    expect(run({ ...base, asOf: '2025-08-15' }).until?.date).toBe('2025-08-15');
    expect(run({ ...base, asOf: '2025-08-18' }).status).toBe('referral_required');
    const resident = { ...QUALIFIED, residencyOrFellowship: true };
    expect(run({ ...base, asOf: '2025-08-18', therapist: resident }).until?.date).toBe(
      '2025-08-22',
    );
  });

  it('after: version 2, 30 consecutive calendar days', () => {
    const result = run({
      jurisdiction: 'US-TX',
      firstTreatmentOn: '2025-09-02',
      asOf: '2025-09-02',
    });
    expect(result.rule).toMatchObject({ version: 2, effectiveFrom: '2025-09-01' });
    expect(result.until?.date).toBe('2025-10-01');
  });

  it.each([
    [{ yearsLicensed: 0 }, 'qualification_missing.years_licensed'],
    [{ liabilityInsured: false }, 'qualification_missing.liability_insurance'],
    [{ doctorate: false, differentialDiagnosisCeHours: 29 }, 'qualification_missing.one_of'],
  ])('a missing qualification %j: referral required (%s)', (gap, code) => {
    const result = run({
      jurisdiction: 'US-TX',
      asOf: '2025-09-10',
      therapist: { ...QUALIFIED, ...gap },
    });
    expect(result.status).toBe('referral_required');
    expect(codes(result)).toEqual([code]);
  });

  it('30 hours of differential-diagnosis CE stand in for the doctorate', () => {
    const therapist = { ...QUALIFIED, doctorate: false, differentialDiagnosisCeHours: 30 };
    expect(run({ jurisdiction: 'US-TX', asOf: '2025-09-10', therapist }).status).toBe(
      'eligible_until',
    );
  });

  it('the disclosure form is a duty until signed', () => {
    const open = run({ jurisdiction: 'US-TX', asOf: '2025-09-10', firstTreatmentOn: '2025-09-08' });
    expect(duty(open, 'patient_disclosure')).toMatchObject({ dueOn: '2025-09-08', overdue: true });
    const form = 'Texas Board of Physical Therapy Examiners direct-access disclosure';
    const signed = run({
      jurisdiction: 'US-TX',
      asOf: '2025-09-10',
      disclosures: [{ form, signedOn: '2025-09-08' }],
    });
    expect(duty(signed, 'patient_disclosure')).toBeUndefined();
  });
});

describe('qualifications', () => {
  it('Pennsylvania needs the certificate of authorisation', () => {
    const result = run({ therapist: { ...QUALIFIED, certificates: [] } });
    expect(result.status).toBe('referral_required');
    expect(codes(result)).toEqual(['qualification_missing.certificate']);
  });

  it('New York needs three years of full-time practice', () => {
    const result = run({
      jurisdiction: 'US-NY',
      therapist: { ...QUALIFIED, yearsFullTimePractice: 2.5 },
    });
    expect(codes(result)).toEqual(['qualification_missing.full_time_practice']);
  });

  it.each([
    [{ doctorate: true, yearsLicensed: 2 }, 'eligible_until'],
    [{ doctorate: true, yearsLicensed: 1, residencyOrFellowship: true }, 'eligible_until'],
    [{ doctorate: false, yearsLicensed: 5 }, 'eligible_until'],
    [{ doctorate: false, yearsLicensed: 4 }, 'referral_required'],
    [{ doctorate: true, yearsLicensed: 1 }, 'referral_required'],
  ])('Georgia %j: %s', (therapist, status) => {
    expect(run({ jurisdiction: 'US-GA', therapist: { ...QUALIFIED, ...therapist } }).status).toBe(
      status,
    );
  });

  it('Virginia since 2023-07-01: a DPT or the certificate, no time limit', () => {
    const base = { jurisdiction: 'US-VA', asOf: '2026-06-01', firstTreatmentOn: '2026-01-02' };
    expect(run(base).status).toBe('eligible');
    expect(
      run({ ...base, therapist: { ...QUALIFIED, doctorate: false, certificates: [] } }).status,
    ).toBe('referral_required');
  });

  it('an assistant never treats without a referral', () => {
    const result = run({ jurisdiction: 'US-NC', therapist: { ...QUALIFIED, credential: 'PTA' } });
    expect(codes(result)).toEqual(['qualification_missing.physical_therapist']);
  });

  it('without a therapist the answer says qualifications apply', () => {
    const result = run({ therapist: null });
    expect(result.status).toBe('eligible_until');
    expect(codes(result)).toContain('therapist_qualifications_apply');
  });
});

describe('Georgia: the clock starts at the plan of intervention', () => {
  it('21 days counting the day the plan starts, not the first visit', () => {
    const result = run({
      jurisdiction: 'US-GA',
      firstTreatmentOn: '2026-03-02',
      planStartedOn: '2026-03-10',
      asOf: '2026-03-30',
    });
    expect(result.until).toMatchObject({ date: '2026-03-30', visits: 8 });
    expect(
      run({ jurisdiction: 'US-GA', planStartedOn: '2026-03-10', asOf: '2026-03-31' }).status,
    ).toBe('referral_required');
  });

  it('without a plan on record, from the first treatment, and says so', () => {
    const result = run({ jurisdiction: 'US-GA', asOf: '2026-03-05' });
    expect(result.until?.date).toBe('2026-03-22');
    expect(codes(result)).toContain('clock_from_first_treatment');
  });
});

describe('what unlocks treatment past the limit', () => {
  const late = { asOf: '2026-05-01' };

  it('a referral from a listed profession, until it expires or its visits are used', () => {
    const referral = {
      profession: 'physician' as const,
      referredOn: '2026-04-20',
      expiresOn: '2026-07-20',
      visitsAuthorised: 12,
    };
    const result = run({ ...late, referrals: [referral], visitsSoFar: 10 });
    expect(result.status).toBe('eligible_until');
    expect(result.until).toEqual({ date: '2026-07-20', visits: 12, visitsRemaining: 2 });
    expect(run({ ...late, referrals: [referral], visitsSoFar: 12 }).status).toBe(
      'referral_required',
    );
    expect(run({ asOf: '2026-07-21', referrals: [referral] }).status).toBe('referral_required');
  });

  it('a referral from a profession the state does not list opens nothing', () => {
    const chiropractor = {
      profession: 'chiropractor' as const,
      referredOn: '2026-04-20',
      expiresOn: null,
      visitsAuthorised: null,
    };
    expect(run({ ...late, referrals: [chiropractor] }).status).toBe('referral_required');
  });

  it('Florida and California: a plan signed by a listed practitioner', () => {
    const signed = (profession: 'chiropractor' | 'physician') => [
      { profession, signedOn: '2026-04-01', kind: 'approval' as const, periodEnd: null },
    ];
    expect(run({ jurisdiction: 'US-FL', ...late, signatures: signed('chiropractor') }).status).toBe(
      'eligible',
    );
    expect(run({ jurisdiction: 'US-CA', ...late, signatures: signed('chiropractor') }).status).toBe(
      'referral_required',
    );
    expect(run({ jurisdiction: 'US-CA', ...late, signatures: signed('physician') }).status).toBe(
      'eligible',
    );
  });

  it('Michigan sets no limit for prevention or fitness', () => {
    const result = run({ jurisdiction: 'US-MI', ...late, purpose: 'prevention' });
    expect(result.status).toBe('eligible');
    expect(codes(result)).toEqual(['limit_exempt_purpose']);
  });
});

describe('states without a hard limit: duties and progress reviews', () => {
  it.each(['US-NC', 'US-WA', 'US-MA', 'US-AZ', 'US-CO', 'GB', 'IE'])(
    '%s: eligible, no limit',
    (jurisdiction) => {
      const result = run({ jurisdiction, asOf: '2026-09-01' });
      expect(result.status).toBe('eligible');
      expect(result.until).toBeNull();
    },
  );

  it('New Jersey: progress review and the plan of care to the professional of record in 30 days', () => {
    const result = run({ jurisdiction: 'US-NJ', asOf: '2026-03-10' });
    expect(result.status).toBe('eligible');
    expect(duty(result, 'progress_review')).toMatchObject({ dueOn: '2026-03-31', overdue: false });
    expect(duty(result, 'inform_plan_of_care')).toMatchObject({
      dueOn: '2026-03-31',
      overdue: false,
    });
    const sent = run({
      jurisdiction: 'US-NJ',
      asOf: '2026-04-01',
      notifications: [{ kind: 'plan_of_care', sentOn: '2026-03-20' }],
    });
    expect(duty(sent, 'inform_plan_of_care')).toBeUndefined();
    expect(duty(sent, 'progress_review')).toMatchObject({ overdue: true });
  });

  it('Illinois: notify within 5 business days of the first visit (not for wellness), review at 10 visits', () => {
    // First visit Wed 2026-11-25; Thanksgiving (26th) is a public holiday: 27, 30, 1, 2, 3.
    const result = run({
      jurisdiction: 'US-IL',
      firstTreatmentOn: '2026-11-25',
      asOf: '2026-11-25',
    });
    expect(duty(result, 'notify_physician')).toMatchObject({ dueOn: '2026-12-03', overdue: false });
    expect(
      duty(run({ jurisdiction: 'US-IL', purpose: 'wellness' }), 'notify_physician'),
    ).toBeUndefined();
    expect(duty(run({ jurisdiction: 'US-IL', visitsSoFar: 10 }), 'progress_review')).toMatchObject({
      overdue: true,
    });
  });

  it('Ohio: notify with consent within 5 business days after the evaluation', () => {
    const result = run({
      jurisdiction: 'US-OH',
      firstTreatmentOn: '2026-03-06',
      asOf: '2026-03-16',
    });
    expect(duty(result, 'notify_physician')).toMatchObject({ dueOn: '2026-03-13', overdue: true });
    expect(duty(result, 'notify_physician')?.text).toMatch(/written authorisation/);
    const notified = run({
      jurisdiction: 'US-OH',
      notifications: [{ kind: 'direct_access_notice', sentOn: '2026-03-09' }],
    });
    expect(duty(notified, 'notify_physician')).toBeUndefined();
  });
});

describe('no rule: unknown, never a guess', () => {
  it.each([
    [{ jurisdiction: 'US-DC' }],
    [{ jurisdiction: 'US-PA', asOf: '2019-12-31', firstTreatmentOn: '2019-12-30' }],
    [{ jurisdiction: null }],
  ])('%j', (overrides) => {
    const result = run(overrides);
    expect(result.status).toBe('unknown');
    expect(result.rule).toBeNull();
    expect(result.reasons[0].code).toBe('no_rule');
    expect(result.reasons[0].text).toMatch(/referral is required until/);
  });
});

describe('red flags', () => {
  it.each([
    ['emergency', false, 'not_eligible', 'red_flags.emergency'],
    ['emergency', true, 'eligible_until', 'within_limit'],
    ['clinician_review', true, 'not_eligible', 'red_flags.review_pending'],
    ['refer_to_physician', false, 'not_eligible', 'red_flags.referred_to_physician'],
    ['refer_to_physician', true, 'eligible_until', 'within_limit'],
  ] as const)('%s, cleared %s: %s', (redFlags, physicianClearance, status, code) => {
    const result = run({ redFlags, physicianClearance });
    expect(result.status).toBe(status);
    expect(codes(result)).toContain(code);
  });

  it('a referral put on file after the decision opens what it closed; none opens an emergency', () => {
    const referrals = [
      {
        profession: 'physician' as const,
        referredOn: '2026-03-01',
        expiresOn: null,
        visitsAuthorised: null,
      },
    ];
    const after = { referrals, referralAfterDecision: true };
    expect(run({ redFlags: 'refer_to_physician', ...after }).status).toBe('eligible');
    expect(run({ redFlags: 'refer_to_physician', referrals }).status).toBe('not_eligible');
    expect(run({ redFlags: 'emergency', ...after }).status).toBe('not_eligible');
  });

  it('a referral’s authorised visits count from its date', () => {
    const referral = {
      profession: 'physician' as const,
      referredOn: '2026-04-20',
      expiresOn: null,
      visitsAuthorised: 12,
    };
    const before = Array.from(
      { length: 12 },
      (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`,
    );
    const visitDates = [...before, '2026-04-20', '2026-04-21'];
    const result = run({ asOf: '2026-04-21', referrals: [referral], visitsSoFar: 14, visitDates });
    expect(result.status).toBe('eligible_until');
    expect(result.until).toEqual({ date: null, visits: 12, visitsRemaining: 10 });
  });
});

describe('ruleInForce', () => {
  it('takes the latest version effective on the date', () => {
    expect(ruleInForce(VERSIONS, 'US-VA', '2023-06-30')?.version).toBe(1);
    expect(ruleInForce(VERSIONS, 'US-VA', '2023-07-01')?.version).toBe(2);
    expect(ruleInForce(VERSIONS, 'US-XX', '2026-01-01')).toBeNull();
  });
});

describe('Medicare in the evaluation', () => {
  const days = (n: number) =>
    Array.from({ length: n }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);
  const progress = (count: number) =>
    run({ payer: 'medicare', asOf: '2026-03-31', treatmentDays: days(count) }).duties.find(
      (d) => d.code === 'medicare_progress_report',
    );

  it.each([
    [8, undefined],
    [9, { dueOn: null, overdue: false }],
    [10, { dueOn: '2026-03-11', overdue: true }],
    [11, { dueOn: '2026-03-11', overdue: true }],
  ])('%i treatment days since the last report, asked on 03-31: %j', (count, expected) => {
    if (expected === undefined) expect(progress(count)).toBeUndefined();
    else expect(progress(count)).toMatchObject(expected);
  });

  it('applies whatever the state allows, and not for other payers', () => {
    expect(run({ jurisdiction: 'US-NC', payer: 'medicare' }).medicare?.certification.dueBy).toBe(
      '2026-04-01',
    );
    expect(run({ jurisdiction: 'US-NC' }).medicare).toBeNull();
  });
});

describe('the shipped data', () => {
  it('names only professions the database accepts, and each jurisdiction’s versions by date', () => {
    const professions = new Set<string>(PROFESSIONS);
    for (const rule of SHIPPED_RULES) {
      const named = [
        ...rule.parameters.unlockedBy.referralFrom,
        ...rule.parameters.unlockedBy.planSignedBy,
      ];
      expect(named.filter((p) => !professions.has(p))).toEqual([]);
      expect(rule.source.trim()).not.toBe('');
    }
  });
});
