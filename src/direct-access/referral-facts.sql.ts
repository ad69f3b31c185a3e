import { jsonRecord } from '../database/json-record';

/**
 * `{ providerName, profession, npi, diagnosisCode, referredOn }` of an episode's latest referral
 * dated on or before `date`, or null: a superbill names the referring provider and, without a
 * plan of care, the referral's diagnosis. The caller binds the episode and the date.
 */
export const REFERRAL_FACTS = jsonRecord({
  providerName: ['referral.provider_name', 'text'],
  profession: ['referral.profession', 'text'],
  npi: ['referral.npi', 'text'],
  diagnosisCode: ['referral.diagnosis_code', 'text'],
  referredOn: ['referral.referred_on::text', 'text'],
});

export function latestReferralSql(episode: string, date: string): string {
  return `(SELECT ${REFERRAL_FACTS.object} FROM referrals referral
            WHERE referral.episode_id = ${episode} AND referral.referred_on <= ${date}
            ORDER BY referral.referred_on DESC, referral.recorded_at DESC LIMIT 1)`;
}
