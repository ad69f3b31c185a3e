import { episodeVisitsSql } from '../scheduling/appointment-facts.sql';
import { HELD } from './plan-case';

/**
 * SQL over plans of care for the reporting module's figures and lists. A plan's status at an
 * instant is the one its last status change before that instant led to (a plan is a draft until
 * signed); the revision in force then is the last one written before it. The caller binds the
 * location, the instants and the zone.
 */

const held = HELD.map((status) => `'${status}'`).join(', ');

/**
 * Relation `(plan_id, patient_id, therapist_id, to_status)`: status changes of plans of the
 * location's episodes made from the instant `from` up to (excluding) `to`, with the therapist
 * who wrote the plan.
 */
export function planTransitionsSql(location: string, from: string, to: string): string {
  return `(SELECT change.plan_id, changed_episode.patient_id, changed_plan.created_by AS therapist_id,
                  change.to_status
             FROM plan_status_changes change
             JOIN plans_of_care changed_plan ON changed_plan.id = change.plan_id
             JOIN episodes_of_care changed_episode ON changed_episode.id = changed_plan.episode_id
            WHERE changed_episode.location_id = ${location}
              AND change.changed_at >= ${from} AND change.changed_at < ${to})`;
}

/**
 * `(held, wanted, end_date)` of a plan at the instant `at`, read from the revision in force then: the
 * episode's treatment visits held or booked (not cancelled, not missed; as they stand now) on
 * local dates (in `zone`) within the revision's dates, and the visits it prescribes
 * (frequency per week times weeks, rules/plan-content prescribedVisits), or those authorised
 * when fewer (rules/plan-tasks). No row when no revision was written by then.
 */
function scheduleAtSql(plan: string, episode: string, at: string, zone: string): string {
  return `(SELECT (SELECT count(*)::int FROM json_array_elements(${episodeVisitsSql(episode)}) visit
                    WHERE (visit ->> 'treatment')::boolean AND visit ->> 'status' IN (${held})
                      AND ((visit ->> 'startsAt')::timestamptz AT TIME ZONE ${zone})::date
                          BETWEEN in_force.start_date AND in_force.end_date) AS held,
                  least((in_force.content ->> 'frequencyPerWeek')::int * (in_force.content ->> 'durationWeeks')::int,
                        coalesce(in_force.visits_authorised, 2147483647)) AS wanted,
                  in_force.end_date
             FROM (SELECT revision.start_date, revision.end_date, revision.content, revision.visits_authorised
                     FROM plan_revisions revision
                    WHERE revision.plan_id = ${plan} AND revision.created_at < ${at}
                    ORDER BY revision.revision DESC LIMIT 1) in_force)`;
}

/**
 * Relation `(plan_id, patient_id, therapist_id, under_scheduled)`: plans of the location's
 * episodes active at the instant `at`, with the therapist who wrote the plan, and whether the
 * plan was under-scheduled then: fewer treatment visits held or booked within its dates than it
 * prescribes (or than are authorised, if fewer), visits read as they stand now.
 */
export function plansActiveAtSql(location: string, at: string, zone: string): string {
  return `(SELECT active_plan.id AS plan_id, active_episode.patient_id,
                  active_plan.created_by AS therapist_id,
                  coalesce(schedule.held < schedule.wanted, false) AS under_scheduled
             FROM plans_of_care active_plan
             JOIN episodes_of_care active_episode ON active_episode.id = active_plan.episode_id
             LEFT JOIN LATERAL ${scheduleAtSql('active_plan.id', 'active_plan.episode_id', at, zone)} schedule ON true
            WHERE active_episode.location_id = ${location}
              AND (SELECT last_change.to_status FROM plan_status_changes last_change
                    WHERE last_change.plan_id = active_plan.id AND last_change.changed_at < ${at}
                    ORDER BY last_change.changed_at DESC, last_change.id DESC LIMIT 1) = 'active')`;
}

/**
 * `{ planId, held, wanted }` of the episode's active plan of care when it is under-scheduled now
 * (fewer treatment visits held or booked within its dates than it prescribes or authorises) and
 * has not ended (a plan past its end is re-evaluated, not booked further: rules/plan-tasks), or
 * null: the patients-to-call list names them.
 */
export function underScheduledPlanSql(episode: string, zone: string): string {
  return `(SELECT json_build_object('planId', current_plan.id, 'held', schedule.held, 'wanted', schedule.wanted)
             FROM plans_of_care current_plan
             CROSS JOIN LATERAL ${scheduleAtSql('current_plan.id', 'current_plan.episode_id', 'now()', zone)} schedule
            WHERE current_plan.episode_id = ${episode} AND current_plan.status = 'active'
              AND schedule.held < schedule.wanted
              AND schedule.end_date >= (now() AT TIME ZONE ${zone})::date
            ORDER BY current_plan.created_at DESC LIMIT 1)`;
}
