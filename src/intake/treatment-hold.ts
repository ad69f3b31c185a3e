import {
  blocksTreatment,
  type ClinicianDecision,
  type Disposition,
  effectiveDisposition,
  type ScreenDisposition,
} from './rules/red-flags';

/** The latest assessment of an episode, its screen and the decision in force on it. */
export interface LatestScreen {
  assessmentId: string;
  screen: ScreenDisposition;
  decision: ClinicianDecision | null;
}

/**
 * SQL for an episode's `LatestScreen` as JSON, or null without an assessment: the latest
 * assessment's screen (its latest amendment's, if amended) and the newest decision made since
 * that version, as `AssessmentView` works them out. The booking read (the red-flag hold) and the
 * episode view both use it, so the hold they report is the one booking applies.
 */
export function latestScreenSql(episode: string): string {
  return `(SELECT json_build_object(
             'assessmentId', a.id,
             'screen', coalesce(am.screen_disposition, a.screen_disposition),
             'decision', (SELECT d.decision FROM red_flag_decisions d
                           WHERE d.assessment_id = a.id
                             AND d.decided_at >= coalesce(am.amended_at, a.signed_at, a.created_at)
                           ORDER BY d.decided_at DESC LIMIT 1))
      FROM assessments a
      LEFT JOIN LATERAL (SELECT screen_disposition, amended_at FROM assessment_amendments
                          WHERE assessment_id = a.id ORDER BY amended_at DESC LIMIT 1) am ON true
     WHERE a.episode_id = ${episode}
     ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1)`;
}

/** The disposition in force and whether it holds treatment visits back. */
export function holdOf(latest: LatestScreen): { disposition: Disposition; blocked: boolean } {
  const disposition = effectiveDisposition(latest.screen, latest.decision);
  return { disposition, blocked: blocksTreatment(disposition) };
}
