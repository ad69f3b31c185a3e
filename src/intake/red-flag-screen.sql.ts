import type { ClinicianDecision, ScreenDisposition } from './rules/red-flags';

/** The latest signed assessment of an episode, its screen and the decision in force on it. */
export interface LatestScreen {
  assessmentId: string;
  screen: ScreenDisposition;
  decision: ClinicianDecision | null;
  /** When that decision was recorded: only a referral or clearance after it lifts a referral. */
  decidedAt: string | null;
  /** When the screen in force was signed (or amended): a clearance counts only after it. */
  screenedAt: string;
}

/**
 * SQL for an episode's `LatestScreen` as JSON, or null without a signed assessment: the latest
 * signed assessment's screen (its latest amendment's, if amended) and the newest decision made
 * since that version, as `AssessmentView` works them out. Only signed assessments count: an
 * unsigned draft is not part of the record, so a clean draft cannot lift a signed emergency.
 * Direct access's treatment gate reads it in the booking's one read and for the episode view, so
 * the hold they report is the one booking applies.
 */
export function latestScreenSql(episode: string): string {
  return `(SELECT json_build_object(
             'assessmentId', a.id,
             'screen', coalesce(am.screen_disposition, a.screen_disposition),
             'screenedAt', coalesce(am.amended_at, a.signed_at),
             'decision', latest_decision.decision,
             'decidedAt', latest_decision.decided_at)
      FROM assessments a
      LEFT JOIN LATERAL (SELECT screen_disposition, amended_at FROM assessment_amendments
                          WHERE assessment_id = a.id ORDER BY amended_at DESC LIMIT 1) am ON true
      LEFT JOIN LATERAL (SELECT d.decision, d.decided_at FROM red_flag_decisions d
                          WHERE d.assessment_id = a.id
                            AND d.decided_at >= coalesce(am.amended_at, a.signed_at, a.created_at)
                          ORDER BY d.decided_at DESC LIMIT 1) latest_decision ON true
     WHERE a.episode_id = ${episode} AND a.status = 'signed'
     ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1)`;
}

/**
 * SQL for when an episode's latest emergency screen was signed (or amended to one), or null: an
 * emergency stays in force until a physician clears it, whatever later assessments find.
 */
export function lastEmergencySql(episode: string): string {
  return `(SELECT max(coalesce(am.amended_at, a.signed_at))
      FROM assessments a
      LEFT JOIN LATERAL (SELECT screen_disposition, amended_at FROM assessment_amendments
                          WHERE assessment_id = a.id ORDER BY amended_at DESC LIMIT 1) am ON true
     WHERE a.episode_id = ${episode} AND a.status = 'signed'
       AND (a.screen_disposition = 'emergency' OR am.screen_disposition = 'emergency'))`;
}
