import type { Pool } from 'pg';

/**
 * Plans of care and visit records for a report's hand-built data set, written as the plans and
 * billing modules write them (a plan drafted, signed and moved through its statuses on dates of
 * last month cannot be made through the API, which stamps them now).
 */

/** An episode of care at a clinic, open unless closed. */
export async function createEpisode(
  db: Pool,
  episode: { patientId: string; locationId: string; therapistId: string; openedOn: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO episodes_of_care (patient_id, location_id, condition, body_region, opened_on, created_by)
     VALUES ($1, $2, 'Low back spasm', 'lower_back', $3, $4) RETURNING id`,
    [episode.patientId, episode.locationId, episode.openedOn, episode.therapistId],
  );
  return rows[0].id;
}

const templateVersions = new WeakMap<Pool, Promise<string>>();

/** One published template version every plan of a database's data set comes from. */
function publishedTemplate(db: Pool, author: string): Promise<string> {
  const known = templateVersions.get(db);
  if (known) return known;
  const made = (async () => {
    const { rows } = await db.query<{ id: string }>(
      `WITH template AS (INSERT INTO plan_templates (scope, created_by) VALUES ('clinic', $1) RETURNING id)
       INSERT INTO plan_template_versions (template_id, version, status, name, content, created_by, published_by, published_at)
       SELECT id, 1, 'published', 'Low back spasm', '{}', $1, $1, now() FROM template RETURNING id`,
      [author],
    );
    return rows[0].id;
  })();
  templateVersions.set(db, made);
  return made;
}

export interface PlanInput {
  episodeId: string;
  author: string;
  /** When the first revision was written (an instant with its offset). */
  writtenAt: string;
  startDate: string;
  endDate: string;
  frequencyPerWeek: number;
  durationWeeks: number;
  visitsAuthorised?: number;
  /** The plan's status changes in order, from draft: the last is its status now. */
  changes: { to: 'active' | 'on_hold' | 'completed' | 'discontinued'; at: string }[];
}

/** A plan of care with its first revision and its status changes. */
export async function createPlan(db: Pool, plan: PlanInput): Promise<string> {
  const status = plan.changes.at(-1)?.to ?? 'draft';
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plans_of_care (episode_id, template_version_id, status, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [plan.episodeId, await publishedTemplate(db, plan.author), status, plan.author, plan.writtenAt],
  );
  const id = rows[0].id;
  const signedAt = plan.changes[0]?.at ?? null;
  await db.query(
    `INSERT INTO plan_revisions (plan_id, revision, content, start_date, end_date, visits_authorised,
       diagnosis_codes, created_by, created_at, signed_by, signed_at)
     VALUES ($1, 1, $2, $3, $4, $5, ARRAY['M62.830'], $6, $7, $8, $9)`,
    [
      id,
      JSON.stringify({
        frequencyPerWeek: plan.frequencyPerWeek,
        durationWeeks: plan.durationWeeks,
      }),
      plan.startDate,
      plan.endDate,
      plan.visitsAuthorised ?? null,
      plan.author,
      plan.writtenAt,
      signedAt && plan.author,
      signedAt,
    ],
  );
  let from = 'draft';
  for (const change of plan.changes) {
    await db.query(
      `INSERT INTO plan_status_changes (plan_id, from_status, to_status, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, from, change.to, plan.author, change.at],
    );
    from = change.to;
  }
  return id;
}

/** A fee schedule's charge per unit of a code, for a clinic and payer, from a date. */
export async function createFee(
  db: Pool,
  fee: { locationId: string; payer: string; code: string; from: string; cents: number; by: string },
): Promise<void> {
  await db.query(
    `INSERT INTO fee_schedule_entries (location_id, payer, code, effective_from, charge_cents, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [fee.locationId, fee.payer, fee.code, fee.from, fee.cents, fee.by],
  );
}

export interface VisitRecordInput {
  appointmentId: string;
  /** The clinic's local date of the visit. */
  serviceDate: string;
  payer: string | null;
  deliveredBy: string;
  lines: { code: string; units: number; minutes?: number; outcome?: string }[];
}

/** The record of a completed visit, with its lines, as billing records it. */
export async function createVisitRecord(db: Pool, record: VisitRecordInput): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO visit_records (appointment_id, patient_id, location_id, episode_id, starts_at, service_date,
       payer, unit_rule, rule_version, delivered_by, delivered_by_credential, note, recorded_by)
     SELECT visit.id, visit.patient_id, visit.location_id, visit.episode_id, visit.starts_at, $2,
            $3, 'eight_minute', 'units/eight-minute/2026', $4, 'PT', 'Tolerated well', $4
       FROM appointments visit WHERE visit.id = $1 RETURNING id`,
    [record.appointmentId, record.serviceDate, record.payer, record.deliveredBy],
  );
  for (const [position, line] of record.lines.entries()) {
    await db.query(
      `INSERT INTO visit_record_lines (visit_record_id, position, cpt, billed_code, minutes, units, outcome)
       VALUES ($1, $2, $3, $3, $4, $5, $6)`,
      [
        rows[0].id,
        position + 1,
        line.code,
        line.minutes ?? null,
        line.units,
        line.outcome ?? 'billed',
      ],
    );
  }
}
