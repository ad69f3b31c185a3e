/**
 * SQL over direct access's referrals for the reporting module's figures. The caller binds the
 * episode, dates and location.
 */

/** Whether the episode had a referral dated on or before `date` (it did not start by direct access). */
export function referredBySql(episode: string, date: string): string {
  return `EXISTS (SELECT 1 FROM referrals prior
                   WHERE prior.episode_id = ${episode} AND prior.referred_on <= ${date})`;
}

/**
 * Relation `(referral_id, episode_id, patient_id, referred_on, therapist_id)`: referrals dated on
 * a local date in the range for episodes of the location, each episode's first referral only (a
 * renewal is not a new patient referred), with the therapist who opened the episode.
 */
export function firstReferralsSql(location: string, from: string, to: string): string {
  return `(SELECT referral.id AS referral_id, episode.id AS episode_id, episode.patient_id,
                  referral.referred_on, episode.created_by AS therapist_id
             FROM referrals referral
             JOIN episodes_of_care episode ON episode.id = referral.episode_id
            WHERE episode.location_id = ${location}
              AND referral.referred_on >= ${from}::date AND referral.referred_on < ${to}::date
              AND NOT EXISTS (SELECT 1 FROM referrals earlier
                               WHERE earlier.episode_id = referral.episode_id
                                 AND (earlier.referred_on, earlier.recorded_at) < (referral.referred_on, referral.recorded_at)))`;
}
