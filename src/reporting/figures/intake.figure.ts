import { referredBySql } from '../../direct-access/referral-report.sql';
import { episodesOpenedSql, initialEvaluationsSql } from '../../intake/intake-report.sql';
import { patientReferralSourceSql, REFERRAL_SOURCES } from '../../patients/patient-report.sql';
import type { Measure } from '../rules/figure-definition';
import type { ReportFigure } from './report-figure';

const camel = (source: string) =>
  source.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
const referralKey = (source: string) =>
  `referral${camel(source)[0].toUpperCase()}${camel(source).slice(1)}`;

const referralMeasures: Measure[] = [
  ...REFERRAL_SOURCES.map((source) => ({
    key: referralKey(source),
    description: `Episodes opened whose patient gave the referral source "${source}"`,
  })),
  { key: 'referralUnknown', description: 'Episodes opened whose patient gave no referral source' },
];

/** New patients and initial evaluations: who starts care, and where they come from. */
export const INTAKE: ReportFigure = {
  key: 'intake',
  title: 'New patients and initial evaluations',
  description:
    'Episodes of care opened on the clinic’s local dates of the period (by whoever opened them), ' +
    'and signed initial evaluations by their date of assessment (by the therapist who signed). ' +
    'Referral sources are what the patient’s record says.',
  audience: 'operational',
  measures: [
    { key: 'episodesOpened', description: 'Episodes of care opened' },
    {
      key: 'newPatients',
      description: 'Episodes opened that are the patient’s first in the group: new patients',
    },
    { key: 'initialEvaluations', description: 'Initial evaluations signed' },
    {
      key: 'directAccessEpisodes',
      description:
        'Episodes opened without a referral dated on or before the day they opened (direct access)',
    },
    ...referralMeasures,
  ],
  ratios: [
    {
      key: 'newPatientShare',
      numerator: 'newPatients',
      denominator: 'episodesOpened',
      kind: 'rate',
      description: 'Share of the episodes opened that are a new patient’s first',
    },
    {
      key: 'directAccessShare',
      numerator: 'directAccessEpisodes',
      denominator: 'episodesOpened',
      kind: 'rate',
      description: 'Share of the episodes opened that started without a referral',
    },
  ],
  dimensions: ['location', 'therapist', 'weekday'],
  byPayer: true,
  smallCells: [],
  facts: (at) => {
    const source = patientReferralSourceSql('opened.patient_id');
    const referrals = REFERRAL_SOURCES.map(
      (name) => `(${source} = '${name}')::int AS "${referralKey(name)}"`,
    ).join(', ');
    const none = REFERRAL_SOURCES.map(() => '0').join(', ');
    return `(SELECT opened.therapist_id, opened.patient_id, 1 AS "episodesOpened",
          opened.first_for_patient::int AS "newPatients", 0 AS "initialEvaluations",
          (NOT ${referredBySql('opened.episode_id', 'opened.opened_on')})::int AS "directAccessEpisodes",
          ${referrals}, (${source} IS NULL)::int AS "referralUnknown"
        FROM ${episodesOpenedSql(at.location, at.fromDate, at.toDate)} opened
      UNION ALL
      SELECT evaluation.therapist_id, evaluation.patient_id, 0, 0, 1, 0, ${none}, 0
        FROM ${initialEvaluationsSql(at.location, at.fromDate, at.toDate)} evaluation)`;
  },
};
