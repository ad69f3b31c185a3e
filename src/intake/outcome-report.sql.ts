import { signedScoresSql } from './assessment-scores.sql';

/**
 * SQL over intake's episodes and signed assessments for the reporting module's outcome figures.
 * The caller binds the location and the local dates.
 */

/**
 * Relation `(episode_id, patient_id, closed_on, therapist_id, instrument, baseline, discharge)`:
 * for each episode of the location closed on a local date from `from` up to but excluding `to`,
 * each instrument scored both at intake (the first signed initial evaluation that scored it) and
 * at discharge (the last signed discharge assessment that scored it), with the therapist who
 * signed that discharge assessment. Scores are as the instrument rules give them (ODI percent,
 * NDI and NPRS points, PSFS mean); an episode without both scores for an instrument has no row.
 */
export function dischargeOutcomesSql(location: string, from: string, to: string): string {
  return `(SELECT episode.id AS episode_id, episode.patient_id, episode.closed_on,
                  discharge.signed_by AS therapist_id, intake.instrument,
                  intake.score AS baseline, discharge.score AS discharge
             FROM episodes_of_care episode
             CROSS JOIN LATERAL (SELECT DISTINCT ON (first.instrument) first.instrument, first.score
                                   FROM ${signedScoresSql('episode.id', 'initial_evaluation')} first
                                  ORDER BY first.instrument, first.assessed_on, first.created_at) intake
             JOIN LATERAL (SELECT DISTINCT ON (last.instrument) last.instrument, last.score, last.signed_by
                             FROM ${signedScoresSql('episode.id', 'discharge')} last
                            ORDER BY last.instrument, last.assessed_on DESC, last.created_at DESC) discharge
               ON discharge.instrument = intake.instrument
            WHERE episode.status = 'closed' AND episode.location_id = ${location}
              AND episode.closed_on >= ${from}::date AND episode.closed_on < ${to}::date)`;
}

/**
 * Relation `(episode_id, patient_id, therapist_id)`: the location's episodes of care closed on a
 * local date from `from` up to but excluding `to`, with the therapist who opened them.
 */
export function dischargedEpisodesSql(location: string, from: string, to: string): string {
  return `(SELECT closed.id AS episode_id, closed.patient_id, closed.created_by AS therapist_id
             FROM episodes_of_care closed
            WHERE closed.status = 'closed' AND closed.location_id = ${location}
              AND closed.closed_on >= ${from}::date AND closed.closed_on < ${to}::date)`;
}
