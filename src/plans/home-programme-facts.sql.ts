import { staffNameSql } from '../auth/staff-membership.sql';
import { jsonRecord } from '../database/json-record';
import { therapistQualificationsSql } from '../staff/therapist-facts.sql';
import { HOME_EXERCISE_CATEGORY } from './rules/home-programme';

/**
 * SQL over plans' revisions for other modules' single reads: reminders reads the home exercise
 * programme of the plan revision an email names, with its outbox row, in one statement when the
 * email is about to go, so the email and its PDF show the record as it is then.
 */

/**
 * `{ planId, planStatus, revision, inForce, awaitingSignature, exercises, therapistName,
 * therapistCredential, issuedAt }` of a plan revision, or null. `exercises` are the revision's
 * home-programme interventions (`Intervention`, rules/plan-content) in the plan's order;
 * `inForce` is false once a later revision exists; the therapist is the one who signed the
 * revision, else who wrote it (an amendment in force without a new signature); `issuedAt` is
 * when it was signed, else written.
 */
export const HOME_PROGRAMME_FACTS = jsonRecord({
  planId: ['programme_plan.id', 'uuid'],
  planStatus: ['programme_plan.status', 'text'],
  revision: ['programme.revision', 'int'],
  inForce: [
    `NOT EXISTS (SELECT FROM plan_revisions later
                  WHERE later.plan_id = programme.plan_id AND later.revision > programme.revision)`,
    'boolean',
  ],
  awaitingSignature: ['programme.requires_signature AND programme.signed_at IS NULL', 'boolean'],
  exercises: [
    `(SELECT coalesce(jsonb_agg(item.intervention ORDER BY item.position), '[]')
        FROM jsonb_array_elements(programme.content->'interventions')
             WITH ORDINALITY AS item (intervention, position)
       WHERE item.intervention->>'category' = '${HOME_EXERCISE_CATEGORY}')`,
    'jsonb',
  ],
  therapistName: [staffNameSql('coalesce(programme.signed_by, programme.created_by)'), 'text'],
  therapistCredential: [
    `${therapistQualificationsSql('coalesce(programme.signed_by, programme.created_by)')}->>'credential'`,
    'text',
  ],
  issuedAt: ['coalesce(programme.signed_at, programme.created_at)', 'timestamptz'],
});

export function homeProgrammeFactsSql(planRevision: string): string {
  return `(SELECT ${HOME_PROGRAMME_FACTS.object}
             FROM plan_revisions programme
             JOIN plans_of_care programme_plan ON programme_plan.id = programme.plan_id
            WHERE programme.id = ${planRevision})`;
}

/** The plan (its id) a plan revision belongs to, or null: what a timeline links an email to. */
export function planOfRevisionSql(planRevision: string): string {
  return `(SELECT revision_of.plan_id FROM plan_revisions revision_of WHERE revision_of.id = ${planRevision})`;
}
