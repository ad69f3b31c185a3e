import { DateTime } from 'luxon';
import { medicareRecordsSql } from '../direct-access/plan-of-care-records.sql';
import {
  type MedicareDates,
  medicareDates,
  type PlanSignature,
} from '../direct-access/rules/medicare';
import type { Profession } from '../direct-access/rules/rule-parameters';
import { episodeScoresSql } from '../intake/assessment-scores.sql';
import { episodeFactsSql, latestComplaintSql } from '../intake/episode-facts.sql';
import type { BodyRegion } from '../intake/rules/complaint';
import { locationFactsSql } from '../locations/location-facts.sql';
import { patientPayerSql } from '../patients/patient-facts.sql';
import { episodeVisitsSql } from '../scheduling/appointment-facts.sql';
import { contraindicationsOf, type ContraindicationWarning } from './rules/contraindications';
import type { PlanStatus } from './rules/lifecycle';
import type { PlanContent } from './rules/plan-content';
import type { MeasuredScore } from './rules/plan-progress';

export interface RevisionRow {
  id: string;
  revision: number;
  content: PlanContent;
  startDate: string;
  endDate: string;
  visitsAuthorised: number | null;
  reason: string | null;
  requiresSignature: boolean;
  createdBy: string;
  createdAt: string;
  signedBy: string | null;
  signedAt: string | null;
  acknowledgements: { code: string; reason: string }[];
}

/** A plan of care with what its checks and dates read from intake, direct access and scheduling. */
export interface PlanCase {
  id: string;
  status: PlanStatus;
  templateVersionId: string;
  episode: { id: string; status: string; locationId: string; patientId: string; openedOn: string };
  timeZone: string;
  payer: string | null;
  complaint: {
    onsetDate: string | null;
    bodyRegion: BodyRegion | null;
    relevantHistory: string[];
    redFlags: string[];
  } | null;
  /** Oldest first; the last is in force. */
  revisions: RevisionRow[];
  visits: { id: string; startsAt: string; status: string; treatment: boolean }[];
  /** The episode's scores on signed assessments, oldest first: what the goals are read against. */
  scores: MeasuredScore[];
  medicare: {
    signatures: PlanSignature[];
    referrals: { profession: Profession; referredOn: string }[];
    planSentOn: string[];
    progressReports: string[];
  };
}

/** The revision columns as one JSON object per row of `plan_revisions r`. */
export const REVISION_JSON = `json_build_object(
  'id', r.id, 'revision', r.revision, 'content', r.content, 'startDate', r.start_date, 'endDate', r.end_date,
  'visitsAuthorised', r.visits_authorised, 'reason', r.reason, 'requiresSignature', r.requires_signature,
  'createdBy', r.created_by, 'createdAt', r.created_at, 'signedBy', r.signed_by, 'signedAt', r.signed_at,
  'acknowledgements', r.acknowledgements)`;

/** One expression yielding the `PlanCase` of the plan whose id is `plan`, or null. */
export function planCaseSql(plan: string): string {
  return `(SELECT json_build_object(
      'id', p.id, 'status', p.status, 'templateVersionId', p.template_version_id,
      'episode', ${episodeFactsSql('p.episode_id')},
      'timeZone', (${locationFactsSql('e.location_id')})->>'timeZone',
      'payer', ${patientPayerSql('e.patient_id')},
      'complaint', ${latestComplaintSql('p.episode_id')},
      'revisions', (SELECT json_agg(${REVISION_JSON} ORDER BY r.revision) FROM plan_revisions r WHERE r.plan_id = p.id),
      'visits', ${episodeVisitsSql('p.episode_id')},
      'scores', ${episodeScoresSql('p.episode_id')},
      'medicare', ${medicareRecordsSql('p.episode_id')})
    FROM plans_of_care p JOIN episodes_of_care e ON e.id = p.episode_id WHERE p.id = ${plan})`;
}

export const currentRevision = (plan: PlanCase) => plan.revisions[plan.revisions.length - 1];

export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;

export const localDate = (instant: string | Date, zone: string) =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant))
    .setZone(zone)
    .toISODate()!;

/** Visits held or planned (not cancelled, not missed), and those attended. */
export const HELD = ['booked', 'confirmed', 'checked_in', 'completed'];
const ATTENDED = ['checked_in', 'completed'];

export const isMedicare = (plan: Pick<PlanCase, 'payer'>) => plan.payer === 'medicare';

/** What Medicare's dates are worked out from: a plan's case, or a booking's facts. */
export type MedicareCase = Pick<PlanCase, 'payer' | 'timeZone' | 'visits' | 'medicare'> & {
  episode: Pick<PlanCase['episode'], 'openedOn'>;
};

/**
 * Medicare's plan-of-care dates for the episode on `asOf` (direct access's rules over its records
 * and the visits attended), or null for a patient Medicare does not pay for.
 */
export function medicareOf(plan: MedicareCase, asOf: string): MedicareDates | null {
  if (!isMedicare(plan)) return null;
  const zone = plan.timeZone;
  const held = plan.visits
    .filter((visit) => HELD.includes(visit.status))
    .map((v) => localDate(v.startsAt, zone));
  const firstTreatmentOn = [plan.episode.openedOn, ...held].sort()[0];
  return medicareDates({
    asOf,
    firstTreatmentOn: firstTreatmentOn <= asOf ? firstTreatmentOn : null,
    treatmentDays: plan.visits
      .filter((visit) => ATTENDED.includes(visit.status))
      .map((visit) => localDate(visit.startsAt, zone)),
    progressReports: plan.medicare.progressReports,
    signatures: plan.medicare.signatures,
    referrals: plan.medicare.referrals,
    planSentOn: plan.medicare.planSentOn,
  });
}

/** The contraindication warnings of a revision's interventions for this patient. */
export function warningsOf(plan: PlanCase, revision: RevisionRow): ContraindicationWarning[] {
  const complaint = plan.complaint;
  const screening = revision.content.screening;
  return contraindicationsOf(revision.content.interventions, {
    planStart: revision.startDate,
    onsetDate: complaint?.onsetDate ?? null,
    bodyRegion: complaint?.bodyRegion ?? null,
    cancerHistory:
      screening.cancerHistory ||
      !!complaint?.relevantHistory.includes('cancer') ||
      !!complaint?.redFlags.includes('history_of_cancer'),
    implantedDevice: screening.implantedDevice,
    pregnant: screening.pregnant,
  });
}
