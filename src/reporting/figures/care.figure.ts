import { dischargedEpisodesSql } from '../../intake/outcome-report.sql';
import { arrivedVisitsOfEpisodeSql } from '../../scheduling/appointment-report.sql';
import type { ReportFigure } from './report-figure';

/** Care: how many visits an episode of care took (plans of care have their own figure). */
export const CARE: ReportFigure = {
  key: 'care',
  title: 'Visits per discharged episode',
  description:
    'Episodes of care closed on the clinic’s local dates of the period, by the therapist who ' +
    'opened them, with the visits of each episode the patient came to (whenever they were).',
  audience: 'operational',
  measures: [
    { key: 'dischargedEpisodes', description: 'Episodes of care closed in the period' },
    {
      key: 'episodeVisits',
      description: 'Visits of those episodes the patient came to (checked in or completed)',
    },
  ],
  ratios: [
    {
      key: 'visitsPerDischargedEpisode',
      numerator: 'episodeVisits',
      denominator: 'dischargedEpisodes',
      kind: 'mean',
      description: 'Visits per discharged episode',
    },
  ],
  dimensions: ['location', 'therapist'],
  byPayer: true,
  smallCells: [],
  facts: (at) => `(SELECT closed.therapist_id, closed.patient_id, 1 AS "dischargedEpisodes",
        ${arrivedVisitsOfEpisodeSql('closed.episode_id')} AS "episodeVisits"
      FROM ${dischargedEpisodesSql(at.location, at.fromDate, at.toDate)} closed)`,
};
