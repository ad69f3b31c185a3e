import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { createLocation, createStaff, createTherapist, type StaffUser } from '../factories';
import { acuteBackTemplate, as, dayIn, patientWithEpisode, ZONE } from '../plans/plan-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const CERTIFIER_NPI = '1003000126';

describe('billing: a superbill under a signed plan of care', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('takes the diagnoses and their pointers from the plan, and the certifying physician as referrer', async () => {
    const admin = await createStaff(t.http, t.db, 'admin');
    const clinic = await createLocation(t.db, { name: 'Plan Clinic', timeZone: ZONE });
    const clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
    const pt: StaffUser = await createTherapist(t.http, t.db, admin, clinic);
    await t.http
      .put(`/billing/fee-schedules/${clinic.id}/medicare`)
      .set(as(admin))
      .send({ effectiveFrom: '2026-01-01', fees: [{ code: '97140', chargeCents: 4500 }] })
      .expect(200);
    const template = await t.http
      .post('/plan-templates')
      .set(as(admin))
      .send({ ...acuteBackTemplate(), scope: 'clinic' })
      .expect(201);
    const version = await t.http
      .post(`/plan-templates/${template.body.templateId}/publish`)
      .set(as(admin))
      .expect(200);
    const care = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, { payer: 'medicare' });
    const plan = await t.http
      .post(`/episodes/${care.episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId: version.body.id,
        diagnoses: [
          { code: 'M62.830', description: 'Muscle spasm of back' },
          { code: 'M54.50', description: 'Low back pain, unspecified' },
        ],
      })
      .expect(201);
    await t.http
      .post(`/plans/${plan.body.id}/sign`)
      .set(as(pt))
      .send({
        acknowledgements: plan.body.warnings.map((w: { code: string }) => ({
          code: w.code,
          reason: 'Reviewed with the patient',
        })),
      })
      .expect(200);
    await t.http
      .post(`/episodes/${care.episodeId}/plan-signatures`)
      .set(as(clerk))
      .send({
        signerName: 'Dr. Lee Park',
        profession: 'physician',
        npi: CERTIFIER_NPI,
        kind: 'certification',
        signedOn: dayIn(0),
      })
      .expect(201);

    const visitId = randomUUID();
    const startsAt = DateTime.now().setZone(ZONE).startOf('day').plus({ hours: 9 }).toISO();
    await t.db.query(
      `WITH type AS (INSERT INTO appointment_types (code, name, duration_minutes, allowed_credentials)
                     VALUES ($7, 'Treatment', 45, ARRAY['PT']) RETURNING id)
       INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, episode_id,
         status, starts_at, ends_at, busy_from, busy_until, session_key, created_by)
       SELECT $1, type.id, $2, $3, $4, $5, 'completed', $6::timestamptz, $6::timestamptz + interval '45 min',
              $6::timestamptz, $6::timestamptz + interval '45 min', $1, $3
         FROM type`,
      [
        visitId,
        clinic.id,
        pt.id,
        care.patientId,
        care.episodeId,
        startsAt,
        `plan_${visitId.slice(0, 8)}`,
      ],
    );
    await t.http
      .put(`/appointments/${visitId}/visit-record`)
      .set(as(pt))
      .send({ services: [{ cpt: '97140', minutes: 24 }], note: 'Mobilisation L3-L5' })
      .expect(200);

    const superbill = await t.http
      .get(`/appointments/${visitId}/superbill`)
      .set(as(clerk))
      .expect(200);
    expect(superbill.body).toMatchObject({
      referringProvider: {
        name: 'Dr. Lee Park',
        npi: CERTIFIER_NPI,
        profession: 'physician',
        source: 'plan_certification',
      },
      diagnoses: [
        { pointer: 1, code: 'M62.830', description: 'Muscle spasm of back' },
        { pointer: 2, code: 'M54.50', description: 'Low back pain, unspecified' },
      ],
      totalCents: 2 * 4500,
    });
    expect(superbill.body.visits[0].lines).toEqual([
      expect.objectContaining({
        code: '97140',
        units: 2,
        modifiers: ['GP'],
        diagnosisPointers: [1, 2],
      }),
    ]);
  });
});
