/**
 * SQL over the scores of intake's signed assessments, amendments applied: the outcome figures
 * compare intake with discharge, and a plan of care measures its goals against them.
 */

/**
 * Relation `(assessed_on, created_at, signed_by, kind, instrument, score)`: each instrument's
 * score on the episode's signed assessments (of one kind, when given), as its latest amendment
 * has it.
 */
export function signedScoresSql(episode: string, kind?: string): string {
  return `(SELECT scored.assessed_on, scored.created_at, scored.signed_by, scored.kind,
                  result ->> 'instrument' AS instrument, (result ->> 'score')::numeric AS score
             FROM assessments scored
             CROSS JOIN LATERAL jsonb_array_elements(coalesce(
               (SELECT latest.instruments FROM assessment_amendments latest
                 WHERE latest.assessment_id = scored.id ORDER BY latest.amended_at DESC LIMIT 1),
               scored.instruments)) AS result
            WHERE scored.episode_id = ${episode} AND scored.status = 'signed'
              ${kind ? `AND scored.kind = '${kind}'` : ''})`;
}

/**
 * `[{ instrument, score, assessedOn, kind }]` of an episode, oldest first (`assessedOn` is the
 * assessment's date, YYYY-MM-DD): the measurements a plan's goals are read against.
 */
export function episodeScoresSql(episode: string): string {
  return `(SELECT coalesce(json_agg(json_build_object(
              'instrument', s.instrument, 'score', s.score, 'assessedOn', s.assessed_on::text,
              'kind', s.kind) ORDER BY s.assessed_on, s.created_at), '[]')
             FROM ${signedScoresSql(episode)} s)`;
}
