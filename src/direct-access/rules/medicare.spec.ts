/**
 * Medicare's plan-of-care dates (Benefit Policy Manual Ch. 15 § 220.1.3, § 220.3D; CY2025
 * exception), as ../shared/domain/direct-access.md states them.
 */
import { medicareDates, type MedicareFacts } from './medicare';

const base: MedicareFacts = {
  asOf: '2026-03-02',
  firstTreatmentOn: '2026-03-02',
  treatmentDays: ['2026-03-02'],
  progressReports: [],
  signatures: [],
  referrals: [],
  planSentOn: [],
};
const physician = 'physician' as const;

describe('certification within 30 days of the first treatment day', () => {
  it('is due 30 days after the evaluation, overdue the day after', () => {
    expect(medicareDates(base).certification).toEqual({
      dueBy: '2026-04-01',
      certifiedOn: null,
      by: null,
      overdue: false,
    });
    expect(medicareDates({ ...base, asOf: '2026-04-01' }).certification.overdue).toBe(false);
    expect(medicareDates({ ...base, asOf: '2026-04-02' }).certification.overdue).toBe(true);
  });

  it('a physician’s signature certifies 90 days; recertification is due at their end', () => {
    const signed = medicareDates({
      ...base,
      asOf: '2026-03-20',
      signatures: [
        { profession: physician, signedOn: '2026-03-15', kind: 'certification', periodEnd: null },
      ],
    });
    expect(signed.certification).toMatchObject({
      certifiedOn: '2026-03-15',
      by: 'signature',
      dueBy: null,
    });
    expect(signed.recertification).toEqual({ dueBy: '2026-05-30', overdue: false });
  });

  it('a chiropractor cannot certify', () => {
    const result = medicareDates({
      ...base,
      signatures: [
        {
          profession: 'chiropractor',
          signedOn: '2026-03-02',
          kind: 'certification',
          periodEnd: null,
        },
      ],
    });
    expect(result.certification.certifiedOn).toBeNull();
  });

  it('since 2025: a referral on file and the plan sent within 30 days count as the certification', () => {
    const referrals = [{ profession: physician, referredOn: '2026-02-20' }];
    expect(
      medicareDates({ ...base, asOf: '2026-03-10', referrals, planSentOn: ['2026-03-05'] })
        .certification,
    ).toMatchObject({
      certifiedOn: '2026-03-05',
      by: 'referral_and_plan_sent',
    });
    expect(
      medicareDates({ ...base, asOf: '2026-04-10', referrals, planSentOn: ['2026-04-02'] })
        .certification.certifiedOn,
    ).toBeNull();
    const before2025 = { ...base, firstTreatmentOn: '2024-12-02', asOf: '2024-12-10' };
    expect(
      medicareDates({ ...before2025, referrals, planSentOn: ['2024-12-05'] }).certification
        .certifiedOn,
    ).toBeNull();
  });

  it('a recertification extends the period', () => {
    const result = medicareDates({
      ...base,
      asOf: '2026-06-10',
      signatures: [
        { profession: physician, signedOn: '2026-03-10', kind: 'certification', periodEnd: null },
        {
          profession: 'nurse_practitioner',
          signedOn: '2026-05-25',
          kind: 'recertification',
          periodEnd: null,
        },
      ],
    });
    expect(result.recertification).toEqual({ dueBy: '2026-08-22', overdue: false });
  });
});

describe('progress report at least every 10 treatment days', () => {
  const days = (n: number) =>
    Array.from({ length: n }, (_, i) => `2026-03-${String(i + 2).padStart(2, '0')}`);

  it.each([
    // treatment days since the last report (from 03-02, one a day), days left, due on, overdue on 03-31
    [8, 1, null, false],
    [9, 0, null, false],
    [10, 0, '2026-03-11', true],
    [11, 0, '2026-03-11', true],
  ])(
    '%i treatment days since the last: %i left, due %s, overdue %s',
    (count, left, dueOn, overdue) => {
      const result = medicareDates({ ...base, asOf: '2026-03-31', treatmentDays: days(count) });
      expect(result.progressReport).toEqual({
        treatmentDaysSinceLast: count,
        treatmentDaysLeft: left,
        dueOn,
        overdue,
      });
    },
  );

  it('the report is due on the 10th treatment day itself, not overdue that day', () => {
    const result = medicareDates({ ...base, asOf: '2026-03-11', treatmentDays: days(10) });
    expect(result.progressReport).toMatchObject({ dueOn: '2026-03-11', overdue: false });
  });

  it('a certification covers 90 days at most, whatever period the signature states', () => {
    const result = medicareDates({
      ...base,
      asOf: '2026-03-10',
      signatures: [
        {
          profession: physician,
          signedOn: '2026-03-05',
          kind: 'certification',
          periodEnd: '2027-03-01',
        },
      ],
    });
    expect(result.recertification.dueBy).toBe('2026-05-30');
  });

  it('two visits on one day are one treatment day; a report restarts the count', () => {
    const twice = [...days(9), '2026-03-10'];
    expect(
      medicareDates({ ...base, asOf: '2026-03-31', treatmentDays: twice }).progressReport
        .treatmentDaysSinceLast,
    ).toBe(9);
    const reported = medicareDates({
      ...base,
      asOf: '2026-03-31',
      treatmentDays: days(12),
      progressReports: ['2026-03-11'],
    });
    expect(reported.progressReport.treatmentDaysSinceLast).toBe(2);
  });
});
