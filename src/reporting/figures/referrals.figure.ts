import { firstReferralsSql } from '../../direct-access/referral-report.sql';
import { firstArrivalOnOrAfterSql } from '../../scheduling/appointment-report.sql';
import type { ReportFigure } from './report-figure';

/** Referral conversion: how many referred patients came, and how soon. */
export const REFERRALS: ReportFigure = {
  key: 'referrals',
  title: 'Referral conversion',
  description:
    'Each episode’s first referral, on the local date it is dated, at the episode’s clinic (by ' +
    'the therapist who opened the episode); converted when the patient came to a visit (checked ' +
    'in or completed, any clinic) on or after that date.',
  audience: 'operational',
  measures: [
    { key: 'referrals', description: 'Episodes’ first referrals dated in the period' },
    {
      key: 'arrivedWithin7Days',
      description: 'Of those, patients who came to a visit within 7 days of the referral’s date',
    },
    { key: 'arrived', description: 'Of those, patients who came to a visit on or after it, ever' },
  ],
  ratios: [
    {
      key: 'conversionWithin7Days',
      numerator: 'arrivedWithin7Days',
      denominator: 'referrals',
      kind: 'rate',
      description: 'Referrals converted to an arrived visit within 7 days',
    },
    {
      key: 'conversion',
      numerator: 'arrived',
      denominator: 'referrals',
      kind: 'rate',
      description: 'Referrals converted to an arrived visit at all',
    },
  ],
  dimensions: ['location', 'therapist'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT referral.therapist_id, referral.patient_id, 1 AS "referrals",
        coalesce(came.first_on <= referral.referred_on + 7, false)::int AS "arrivedWithin7Days",
        (came.first_on IS NOT NULL)::int AS "arrived"
      FROM ${firstReferralsSql(at.location, at.fromDate, at.toDate)} referral
      CROSS JOIN LATERAL (SELECT ${firstArrivalOnOrAfterSql('referral.patient_id', 'referral.referred_on', at.zone)} AS first_on) came)`,
};
