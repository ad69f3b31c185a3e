/**
 * SQL over direct access's documents for a plan of care's single reads: the records Medicare's
 * plan-of-care dates turn on (rules/medicare `MedicareFacts`, less the treatment days, which are
 * scheduling's) and who certified the plan. Plans of care show and enforce these dates without
 * recording them twice. Each returns an expression with the caller's placeholders bound in.
 */

/**
 * `{ signatures, referrals, planSentOn, progressReports }` of an episode as JSON: the plan
 * signatures, orders or referrals, plans of care sent to the physician and progress reports on file.
 */
export function medicareRecordsSql(episode: string): string {
  const list = (table: string, fields: string, where = 'true') =>
    `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY recorded_at), '[]')
        FROM ${table} WHERE episode_id = ${episode} AND ${where})`;
  return `json_build_object(
      'signatures', ${list('plan_signatures', `'profession', profession, 'signedOn', signed_on, 'kind', kind, 'periodEnd', period_end`)},
      'referrals', ${list('referrals', `'profession', profession, 'referredOn', referred_on`)},
      'planSentOn', (SELECT coalesce(json_agg(sent_on ORDER BY sent_on), '[]') FROM physician_notifications
                      WHERE episode_id = ${episode} AND kind = 'plan_of_care'),
      'progressReports', (SELECT coalesce(json_agg(reported_on ORDER BY reported_on), '[]') FROM progress_reports
                           WHERE episode_id = ${episode}))`;
}

/**
 * `{ name, npi, profession }` of the physician or NPP whose latest certification or
 * recertification of the episode's plan was signed on or before `onDate`, or null: the
 * referring provider a claim names.
 */
export function certifierSql(episode: string, onDate: string): string {
  return `(SELECT json_build_object('name', signer_name, 'npi', npi, 'profession', profession)
             FROM plan_signatures
            WHERE episode_id = ${episode} AND kind IN ('certification', 'recertification')
              AND signed_on <= ${onDate}
            ORDER BY signed_on DESC, recorded_at DESC LIMIT 1)`;
}
