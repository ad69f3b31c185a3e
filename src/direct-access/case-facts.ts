import { DateTime } from 'luxon';
import { episodeFactsSql } from '../intake/episode-facts.sql';
import { lastEmergencySql, latestScreenSql } from '../intake/red-flag-screen.sql';
import {
  type ClinicianDecision,
  effectiveDisposition,
  type ScreenDisposition,
} from '../intake/rules/red-flags';
import { locationFactsSql } from '../locations/location-facts.sql';
import { patientPayerSql } from '../patients/patient-facts.sql';
import { episodeVisitsSql } from '../scheduling/appointment-facts.sql';
import { therapistQualificationsSql } from '../staff/therapist-facts.sql';
import type { PlanStarts } from './plan-start.port';
import type { EvaluationFacts, Referral } from './rules/evaluate';
import type { PlanSignature } from './rules/medicare';
import type { TherapistQualifications } from './rules/qualifications';
import type { Purpose, RuleVersion } from './rules/rule-parameters';

/** An episode's case as one statement reads it: owners' facts and direct access's documents. */
export interface CaseRow {
  episode: { id: string; status: string; locationId: string; patientId: string; openedOn: string };
  location: { id: string; timeZone: string; country: string; state: string | null };
  jurisdiction: string | null;
  payer: string | null;
  visits: {
    id: string;
    therapistId: string;
    startsAt: string;
    status: string;
    treatment: boolean;
  }[];
  screen: {
    assessmentId: string;
    screen: ScreenDisposition;
    decision: ClinicianDecision | null;
    decidedAt: string | null;
    screenedAt: string;
  } | null;
  /** The latest signed emergency screen, whatever came after it. */
  lastEmergencyAt: string | null;
  therapist: TherapistQualifications | null;
  rules: RuleVersion[];
  referrals: Referral[];
  signatures: PlanSignature[];
  notifications: EvaluationFacts['notifications'];
  disclosures: EvaluationFacts['disclosures'];
  clearances: string[];
  /** When each referral was put on file. */
  referralsRecordedAt: string[];
  progressReports: string[];
  /** The first day of the plan of intervention, where one is on record (plan-start port). */
  planStartedOn: string | null;
}

const list = (table: string, episode: string, fields: string) =>
  `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY recorded_at), '[]')
      FROM ${table} WHERE episode_id = ${episode})`;

/**
 * One SQL expression yielding the `CaseRow` of an episode as JSON, or null for no episode: the
 * booking read's column for the treatment gate, and the evaluation service's whole read. The
 * therapist is the one asked about (the visit's), or null; `planStarts` gives the plan's start.
 */
export function caseSql(episode: string, therapist: string, planStarts: PlanStarts): string {
  const jurisdiction = `CASE WHEN loc.l->>'country' = 'US' THEN 'US-' || (loc.l->>'state') ELSE loc.l->>'country' END`;
  return `(SELECT json_build_object(
      'episode', ep.e, 'location', loc.l, 'jurisdiction', ${jurisdiction},
      'payer', ${patientPayerSql(`(ep.e->>'patientId')::uuid`)},
      'visits', ${episodeVisitsSql(episode)},
      'screen', ${latestScreenSql(episode)},
      'lastEmergencyAt', ${lastEmergencySql(episode)},
      'therapist', ${therapistQualificationsSql(therapist)},
      'rules', (SELECT coalesce(json_agg(json_build_object('id', r.id, 'jurisdiction', r.jurisdiction,
                   'version', r.version, 'effectiveFrom', r.effective_from, 'source', r.source,
                   'parameters', r.parameters)), '[]')
                  FROM direct_access_rule_versions r WHERE r.jurisdiction = ${jurisdiction}),
      'referrals', ${list('referrals', episode, `'profession', profession, 'referredOn', referred_on, 'expiresOn', expires_on, 'visitsAuthorised', visits_authorised`)},
      'signatures', ${list('plan_signatures', episode, `'profession', profession, 'signedOn', signed_on, 'kind', kind, 'periodEnd', period_end`)},
      'notifications', ${list('physician_notifications', episode, `'kind', kind, 'sentOn', sent_on`)},
      'disclosures', ${list('patient_disclosures', episode, `'form', form, 'signedOn', signed_on`)},
      'clearances', (SELECT coalesce(json_agg(cleared_at), '[]') FROM physician_clearances WHERE episode_id = ${episode}),
      'referralsRecordedAt', (SELECT coalesce(json_agg(recorded_at), '[]') FROM referrals WHERE episode_id = ${episode}),
      'progressReports', (SELECT coalesce(json_agg(reported_on), '[]') FROM progress_reports WHERE episode_id = ${episode}),
      'planStartedOn', ${planStarts.startedOnSql(episode)})
    FROM (SELECT ${episodeFactsSql(episode)} AS e) ep
    CROSS JOIN LATERAL (SELECT ${locationFactsSql(`(ep.e->>'locationId')::uuid`)} AS l) loc
    WHERE ep.e IS NOT NULL)`;
}

/** Visits that happened or are planned: not cancelled, not missed. */
const HELD = new Set(['booked', 'confirmed', 'checked_in', 'completed']);
const ATTENDED = new Set(['checked_in', 'completed']);

export const localDate = (instant: string | Date, zone: string) =>
  (typeof instant === 'string' ? DateTime.fromISO(instant) : DateTime.fromJSDate(instant))
    .setZone(zone)
    .toISODate()!;

export interface CaseQuestion {
  /** The local date asked about. */
  asOf: string;
  purpose: Purpose;
  /**
   * For a booking: the visit being moved (left out) and the visits the same request placed
   * before (a series' earlier occurrences); every other held visit of the episode counts against
   * a visit limit, before or after this one. For an evaluation: null, and the visits attended up
   * to `asOf` count.
   */
  booking: { excluding: string | null; placedInRequest: readonly Date[] } | null;
}

/** The evaluation's facts from an episode's case. */
export function factsOfCase(row: CaseRow, question: CaseQuestion): EvaluationFacts {
  const zone = row.location.timeZone;
  const dated = row.visits.map((visit) => ({ ...visit, on: localDate(visit.startsAt, zone) }));
  const attended = dated.filter((visit) => ATTENDED.has(visit.status) && visit.on <= question.asOf);
  const booking = question.booking;
  const countedDates = booking
    ? [
        ...dated
          .filter((visit) => HELD.has(visit.status) && visit.id !== booking.excluding)
          .map((visit) => visit.on),
        ...booking.placedInRequest.map((startsAt) => localDate(startsAt, zone)),
      ]
    : attended.map((visit) => visit.on);
  const firstVisit = dated
    .filter((visit) => HELD.has(visit.status))
    .map((visit) => visit.on)
    .sort()[0];
  const firstTreatmentOn = [row.episode.openedOn, firstVisit].filter(Boolean).sort()[0];
  const after = (times: readonly string[], at: string) =>
    times.some((time) => Date.parse(time) >= Date.parse(at));
  // An emergency holds until a physician clears it, even if a later screen is clean.
  const emergencyUncleared =
    row.lastEmergencyAt !== null && !after(row.clearances, row.lastEmergencyAt);
  const screen = row.screen;
  const latest = screen && effectiveDisposition(screen.screen, screen.decision);
  // A decision to refer is lifted by what came after it; anything else by what followed the screen.
  const since = screen?.decision === 'refer_to_physician' ? screen.decidedAt : screen?.screenedAt;
  return {
    jurisdiction: row.jurisdiction,
    asOf: question.asOf,
    payer: row.payer,
    purpose: question.purpose,
    therapist: row.therapist,
    firstTreatmentOn: firstTreatmentOn <= question.asOf ? firstTreatmentOn : null,
    // A plan starting after the day asked about has not begun: its clock is not running yet.
    planStartedOn:
      row.planStartedOn !== null && row.planStartedOn <= question.asOf ? row.planStartedOn : null,
    visitsSoFar: countedDates.length,
    visitDates: countedDates,
    treatmentDays: attended.map((visit) => visit.on),
    referrals: row.referrals,
    signatures: row.signatures,
    notifications: row.notifications,
    disclosures: row.disclosures,
    progressReports: row.progressReports,
    redFlags: emergencyUncleared ? 'emergency' : latest,
    physicianClearance: !emergencyUncleared && !!since && after(row.clearances, since),
    referralAfterDecision: !!screen?.decidedAt && after(row.referralsRecordedAt, screen.decidedAt),
  };
}
