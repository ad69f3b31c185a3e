import { jsonRecord } from '../database/json-record';
/**
 * SQL over intake's episodes of care for other modules' single reads (reminders reads an
 * episode's state with its outbox row in one statement). Returns an expression with the caller's
 * placeholder or column bound in.
 */

/**
 * `{ id, status, locationId, patientId, openedOn }` of an episode of care, or null: a discharge
 * check-in goes only while the episode is still closed, from the clinic that treated it; direct
 * access counts its days from the first evaluation (`openedOn`, YYYY-MM-DD).
 */
export const EPISODE_FACTS = jsonRecord({
  id: ['episode.id', 'uuid'],
  status: ['episode.status', 'text'],
  locationId: ['episode.location_id', 'uuid'],
  patientId: ['episode.patient_id', 'uuid'],
  openedOn: ['episode.opened_on::text', 'text'],
});

export function episodeFactsSql(episode: string): string {
  return `(SELECT ${EPISODE_FACTS.object} FROM episodes_of_care episode WHERE episode.id = ${episode})`;
}

/**
 * `[{ id }]` of the open episodes treated at the given clinics (a `uuid[]` placeholder, NULL for
 * every clinic): the episodes whose care still has dates and duties running.
 */
export function openEpisodesSql(locations: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', open_episode.id)), '[]')
             FROM episodes_of_care open_episode
            WHERE open_episode.status = 'open'
              AND (${locations} IS NULL OR open_episode.location_id = ANY(${locations})))`;
}

/** `[{ id, locationId }]` of a patient's episodes of care, open or closed. */
export function patientEpisodesSql(patient: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', own.id, 'locationId', own.location_id)), '[]')
             FROM episodes_of_care own WHERE own.patient_id = ${patient})`;
}

/**
 * `{ onsetDate, bodyRegion, relevantHistory, redFlags }` of an episode's latest signed assessment
 * (its latest amendment's content, if amended), or null: what a plan of care's contraindication
 * checks read of the complaint (an acute injury's onset, the region, a history of cancer).
 */
export function latestComplaintSql(episode: string): string {
  return `(SELECT json_build_object(
             'onsetDate', content->>'onsetDate', 'bodyRegion', content->>'bodyRegion',
             'relevantHistory', coalesce(content->'relevantHistory', '[]'),
             'redFlags', coalesce(content->'redFlags', '[]'))
      FROM (SELECT coalesce(am.content, a.content) AS content
              FROM assessments a
              LEFT JOIN LATERAL (SELECT content FROM assessment_amendments
                                  WHERE assessment_id = a.id ORDER BY amended_at DESC LIMIT 1) am ON true
             WHERE a.episode_id = ${episode} AND a.status = 'signed'
             ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) latest)`;
}
