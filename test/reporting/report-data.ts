import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Rows for a report's hand-built data set, written as the owning modules write them: a past
 * visit cannot be booked through the API (it refuses times in the past), so visits, assessments
 * and emails of last month go in by SQL with exactly the columns the modules fill.
 */

export async function createVisitType(db: Pool, minutes = 60): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appointment_types (code, name, duration_minutes, allowed_credentials)
     VALUES ($1, 'Treatment', $2, ARRAY['PT']) RETURNING id`,
    [`treat_${randomUUID().slice(0, 8)}`, minutes],
  );
  return rows[0].id;
}

export interface VisitInput {
  typeId: string;
  locationId: string;
  therapistId: string;
  patientId: string;
  createdBy: string;
  /** An instant with its offset, e.g. 2026-11-04T23:30:00-06:00. */
  startsAt: string;
  minutes?: number;
  status?: 'booked' | 'confirmed' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  lateCancellation?: boolean;
  seriesId?: string;
  /** The episode of care the visit belongs to, as booking on a plan of care records it. */
  episodeId?: string;
}

export async function createVisit(db: Pool, visit: VisitInput): Promise<string> {
  const id = randomUUID();
  const status = visit.status ?? 'booked';
  const cancelled = status === 'cancelled';
  await db.query(
    `INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, series_id,
       status, starts_at, ends_at, busy_from, busy_until, session_key,
       cancel_reason, late_cancellation, cancelled_at, created_by, episode_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $8::timestamptz + make_interval(mins => $9),
       $8::timestamptz, $8::timestamptz + make_interval(mins => $9), $1,
       $10, $11, $12, $13, $14)`,
    [
      id,
      visit.typeId,
      visit.locationId,
      visit.therapistId,
      visit.patientId,
      visit.seriesId ?? null,
      status,
      visit.startsAt,
      visit.minutes ?? 60,
      cancelled ? 'patient_request' : null,
      cancelled ? (visit.lateCancellation ?? false) : null,
      cancelled ? new Date('2026-11-01T12:00:00Z') : null,
      visit.createdBy,
      visit.episodeId ?? null,
    ],
  );
  await db.query(
    `INSERT INTO appointment_events (appointment_id, actor_user_id, action, to_status, to_starts_at)
     VALUES ($1, $2, 'book', 'booked', $3)`,
    [id, visit.createdBy, visit.startsAt],
  );
  await markDayStale(db, id);
  return id;
}

/**
 * What scheduling's listeners do for reporting in the same transaction as a booking or change:
 * mark the day the visit is held (before the change) stale, so the report recounts it.
 */
async function markDayStale(db: Pool, id: string): Promise<void> {
  await db.query(
    `INSERT INTO report_visit_day_changes (appointment_id, location_id, therapist_id, starts_at)
     SELECT id, location_id, therapist_id, starts_at FROM appointments WHERE id = $1`,
    [id],
  );
}

/** Moves a visit as scheduling does: the same row at its new time, and a reschedule event. */
export async function moveVisit(
  db: Pool,
  id: string,
  actor: string,
  startsAt: string,
): Promise<void> {
  await markDayStale(db, id);
  await db.query(
    `WITH moved AS (
       UPDATE appointments SET starts_at = $2, ends_at = $2::timestamptz + (ends_at - starts_at),
              busy_from = $2, busy_until = $2::timestamptz + (ends_at - starts_at)
        WHERE id = $1 RETURNING id, status)
     INSERT INTO appointment_events (appointment_id, actor_user_id, action, from_status, to_status, to_starts_at)
     SELECT id, $3, 'reschedule', status, status, $2 FROM moved`,
    [id, startsAt, actor],
  );
}

export async function setStatus(db: Pool, id: string, status: string): Promise<void> {
  await markDayStale(db, id);
  await db.query(`UPDATE appointments SET status = $2 WHERE id = $1`, [id, status]);
}

export async function createSeries(db: Pool, createdBy: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO appointment_series (rrule, local_start, created_by)
     VALUES ('FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=3', '2026-11-02T09:00', $1) RETURNING id`,
    [createdBy],
  );
  return rows[0].id;
}

export async function setPayer(db: Pool, patientId: string, payer: string): Promise<void> {
  await db.query(`UPDATE patients SET payer = $2 WHERE id = $1`, [patientId, payer]);
}

export interface EmailInput {
  patientId: string;
  appointmentId: string;
  kind: 'appointment_confirmation' | 'appointment_reminder';
  status: 'sent' | 'failed' | 'skipped';
  /** When it went (sent) or was due. */
  at: string;
}

export async function createEmail(db: Pool, email: EmailInput): Promise<void> {
  await db.query(
    `INSERT INTO notifications (kind, dedupe_key, patient_id, appointment_id, send_at, status, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'sent' THEN $5::timestamptz END)`,
    [email.kind, randomUUID(), email.patientId, email.appointmentId, email.at, email.status],
  );
}

/** A patient's unsubscribe, recorded as the patients module records it. */
export async function createUnsubscribe(db: Pool, patientId: string, at: string): Promise<void> {
  await db.query(
    `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, details)
     VALUES ($1, 'update', 'patient', $2, '{"fields": ["emailConsent"], "via": "unsubscribe_link"}')`,
    [at, patientId],
  );
}

const SCREEN = '{"disposition": "proceed", "flags": []}';

async function signedAssessment(
  db: Pool,
  episodeId: string,
  kind: 'initial_evaluation' | 'discharge',
  on: string,
  signer: string,
  instruments: { instrument: string; score: number }[],
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO assessments (episode_id, kind, status, assessed_on, content, instruments, red_flag_screen,
       screen_disposition, created_by, signed_by, signed_at)
     VALUES ($1, $2, 'signed', $3, '{}', $4, $5, 'proceed', $6, $6, now()) RETURNING id`,
    [episodeId, kind, on, JSON.stringify(instruments), SCREEN, signer],
  );
  return rows[0].id;
}

export interface EpisodeInput {
  patientId: string;
  locationId: string;
  therapistId: string;
  openedOn: string;
  closedOn: string;
  intake: { instrument: string; score: number }[];
  discharge: { instrument: string; score: number }[];
  /** Scores the discharge assessment was amended to after signing. */
  amendedDischarge?: { instrument: string; score: number }[];
}

/** A discharged episode of care with its signed initial evaluation and discharge assessment. */
export async function createDischargedEpisode(db: Pool, episode: EpisodeInput): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO episodes_of_care (patient_id, location_id, condition, body_region, status, opened_on, closed_on, created_by)
     VALUES ($1, $2, 'Low back pain', 'lower_back', 'closed', $3, $4, $5) RETURNING id`,
    [
      episode.patientId,
      episode.locationId,
      episode.openedOn,
      episode.closedOn,
      episode.therapistId,
    ],
  );
  const id: string = rows[0].id;
  await signedAssessment(
    db,
    id,
    'initial_evaluation',
    episode.openedOn,
    episode.therapistId,
    episode.intake,
  );
  const discharge = await signedAssessment(
    db,
    id,
    'discharge',
    episode.closedOn,
    episode.therapistId,
    episode.discharge,
  );
  if (episode.amendedDischarge) {
    await db.query(
      `INSERT INTO assessment_amendments (assessment_id, amended_by, reason, changes, content, instruments,
         red_flag_screen, screen_disposition)
       VALUES ($1, $2, 'Score keyed wrongly', '[]', '{}', $3, $4, 'proceed')`,
      [discharge, episode.therapistId, JSON.stringify(episode.amendedDischarge), SCREEN],
    );
  }
}

/** An open episode of care, with its initial evaluation signed on `evaluatedOn` when given. */
export async function createOpenEpisode(
  db: Pool,
  episode: {
    patientId: string;
    locationId: string;
    therapistId: string;
    openedOn: string;
    evaluatedOn?: string;
    bodyRegion?: string;
  },
): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO episodes_of_care (patient_id, location_id, condition, body_region, opened_on, created_by)
     VALUES ($1, $2, 'Neck pain', $3, $4, $5) RETURNING id`,
    [
      episode.patientId,
      episode.locationId,
      episode.bodyRegion ?? 'neck',
      episode.openedOn,
      episode.therapistId,
    ],
  );
  if (episode.evaluatedOn) {
    await signedAssessment(
      db,
      rows[0].id,
      'initial_evaluation',
      episode.evaluatedOn,
      episode.therapistId,
      [],
    );
  }
}

/** A physician's referral on file for an episode, dated `referredOn`. */
export async function createReferral(
  db: Pool,
  episodeId: string,
  referredOn: string,
  recordedBy: string,
): Promise<void> {
  await db.query(
    `INSERT INTO referrals (episode_id, provider_name, profession, referred_on, recorded_by)
     VALUES ($1, 'Dr. Rivera', 'physician', $2, $3)`,
    [episodeId, referredOn, recordedBy],
  );
}

/** The id of the patient's episode in a body region (the one a test opened). */
export async function episodeOf(db: Pool, patientId: string, bodyRegion: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM episodes_of_care WHERE patient_id = $1 AND body_region = $2`,
    [patientId, bodyRegion],
  );
  return rows[0].id;
}
