/**
 * SQL over intake's episodes and assessments for the reporting module's intake figures. The
 * caller binds the location and the local dates (from, up to but excluding).
 */

/**
 * Relation `(episode_id, patient_id, therapist_id, opened_on, first_for_patient)`: the location's episodes of
 * care opened on a local date in the range, with who opened them and whether it is the patient's
 * first episode anywhere in the group (a new patient).
 */
export function episodesOpenedSql(location: string, from: string, to: string): string {
  return `(SELECT opened.id AS episode_id, opened.patient_id, opened.created_by AS therapist_id,
                  opened.opened_on,
                  NOT EXISTS (SELECT 1 FROM episodes_of_care earlier
                               WHERE earlier.patient_id = opened.patient_id
                                 AND (earlier.opened_on, earlier.created_at) < (opened.opened_on, opened.created_at)
                              ) AS first_for_patient
             FROM episodes_of_care opened
            WHERE opened.location_id = ${location}
              AND opened.opened_on >= ${from}::date AND opened.opened_on < ${to}::date)`;
}

/**
 * Relation `(assessment_id, patient_id, therapist_id)`: signed initial evaluations of the
 * location's episodes assessed on a local date in the range, with the therapist who signed.
 */
export function initialEvaluationsSql(location: string, from: string, to: string): string {
  return `(SELECT evaluation.id AS assessment_id, episode.patient_id, evaluation.signed_by AS therapist_id
             FROM assessments evaluation
             JOIN episodes_of_care episode ON episode.id = evaluation.episode_id
            WHERE episode.location_id = ${location} AND evaluation.kind = 'initial_evaluation'
              AND evaluation.status = 'signed'
              AND evaluation.assessed_on >= ${from}::date AND evaluation.assessed_on < ${to}::date)`;
}

/** Relation `(episode_id, patient_id, opened_on)`: the location's open episodes of care. */
export function openEpisodesSql(location: string): string {
  return `(SELECT open_episode.id AS episode_id, open_episode.patient_id, open_episode.opened_on
             FROM episodes_of_care open_episode
            WHERE open_episode.location_id = ${location} AND open_episode.status = 'open')`;
}
