import type { Attachment } from 'mailparser';
import type { Intervention } from '../../src/plans/rules/plan-content';
import {
  createLocation,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { eventually } from '../support/eventually';
import { pdfText } from '../support/pdf-text';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { redisUrlForTests, startTestApp, type TestApp } from '../support/test-app';
import { zoneWhereItIs } from '../support/zones';
import { acuteBackTemplate, as, dayIn, patientWithEpisode } from './plan-fixtures';

/** A clinic where it is day now: the programme goes at once, not at 08:00. */
const ZONE = zoneWhereItIs(9, 19);

/** The therapist's own addition to the library's home programme. */
const WALL_SIT: Intervention = {
  key: 'wall_sit',
  category: 'home_exercise_programme',
  name: 'Wall sit',
  cpt: '97110',
  timed: true,
  dose: { sets: 2, reps: 5, holdSeconds: 20, timesPerDay: 1, timesPerWeek: 5 },
  precautions: ['Knees behind the toes', 'Stop if the knees hurt'],
};

const pdfOf = (mail: ReceivedMail): Attachment[] =>
  mail.parsed.attachments.filter((file) => file.contentType === 'application/pdf');

describe('home exercise programme: emailed with a PDF from a signed plan, once per revision', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: StaffUser;
  let clerk: StaffUser;
  let pt: StaffUser;
  let clinic: LocationRow;
  let templateVersionId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      queueBackend: redisUrlForTests() ? 'redis' : 'postgres',
      env: { SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', EMAIL_RETRY_BASE_MS: '100' },
    });
    admin = await createStaff(t.http, t.db, 'admin');
    clinic = await createLocation(t.db, { name: 'Scranton Spine & Sport', timeZone: ZONE });
    await t.db.query(
      `UPDATE locations SET address_line1 = '120 Wyoming Ave', city = 'Scranton', postal_code = '18503',
              phone = '570-555-0142' WHERE id = $1`,
      [clinic.id],
    );
    clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
    pt = await createTherapist(t.http, t.db, admin, clinic, { fullName: 'Pat Therapist' });
    // The therapist's own template: the library's acute back plan with a wall sit added at home.
    const template = acuteBackTemplate();
    const created = await t.http
      .post('/plan-templates')
      .set(as(pt))
      .send({
        ...template,
        name: 'Acute low back, with wall sits',
        scope: 'personal',
        interventions: [...template.interventions, WALL_SIT],
      })
      .expect(201);
    const published = await t.http
      .post(`/plan-templates/${created.body.templateId}/publish`)
      .set(as(pt))
      .expect(200);
    templateVersionId = published.body.id;
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  async function draftPlan(interventions?: Intervention[]) {
    const patient = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, {
      onsetDate: dayIn(-10),
    });
    const plan = await t.http
      .post(`/episodes/${patient.episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId,
        diagnoses: [{ code: 'M62.830', description: 'Muscle spasm of back' }],
        ...(interventions ? { interventions } : {}),
      })
      .expect(201);
    const [{ email }] = (
      await t.db.query<{ email: string }>('SELECT email FROM patients WHERE id = $1', [
        patient.patientId,
      ])
    ).rows;
    return { ...patient, planId: plan.body.id as string, email };
  }

  const sign = (planId: string) =>
    t.http.post(`/plans/${planId}/sign`).set(as(pt)).send({}).expect(200);
  const send = (planId: string, user = pt) =>
    t.http.post(`/plans/${planId}/home-programme`).set(as(user));

  it('refuses a draft, then emails the signed plan’s programme with its PDF, once per revision, and again after an amendment', async () => {
    const { planId, patientId, email } = await draftPlan();

    const draft = await send(planId).expect(422);
    expect(draft.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(draft.body).toMatchObject({
      code: 'plan.home_programme_plan_not_active',
      errors: [{ field: 'status', reason: 'is draft, not active' }],
    });
    // The front desk sees the plan, but sending the programme is the therapist's.
    await sign(planId);
    await send(planId, clerk).expect(403);

    const first = await send(planId).expect(202);
    expect(first.body).toEqual({
      planId,
      revision: 1,
      exercises: 6,
      notificationId: expect.any(String),
      status: 'pending',
      sendAt: expect.any(String),
      alreadyRequested: false,
    });
    // A double click: the same email, nothing new planned.
    const again = await send(planId).expect(202);
    expect(again.body).toMatchObject({
      notificationId: first.body.notificationId,
      revision: 1,
      alreadyRequested: true,
    });

    const [mail] = await sink.waitFor(email);
    expect(mail.parsed.subject).toBe('Your home exercise programme from Scranton Spine & Sport');
    expect(mail.parsed.text).toContain('Hi Dana,');
    expect(mail.parsed.text).toContain('Pat Therapist, PT has put together these exercises');
    expect(mail.parsed.text).toContain(
      '6. Wall sit\n2 sets of 5 repetitions, hold each 20 seconds. Once a day, 5 days a week.\nTake care: Knees behind the toes; Stop if the knees hurt.',
    );
    expect(mail.parsed.text).toContain('Call us at 570-555-0142.');
    expect(mail.parsed.html).toContain('1. Knee-to-chest stretch<br>');
    const [pdf] = pdfOf(mail);
    expect(pdf.filename).toBe('home-exercise-programme.pdf');
    const text = await pdfText(pdf.content);
    for (const line of [
      'Your home exercise programme',
      'For Dana, from Scranton Spine & Sport',
      'Your therapist: Pat Therapist, PT',
      '1. Knee-to-chest stretch',
      'Dose: 3 repetitions, hold each 30 seconds',
      '6. Wall sit',
      'How often: Once a day, 5 days a week',
      'Take care: Knees behind the toes',
      'Questions? Call Scranton Spine & Sport at 570-555-0142.',
    ]) {
      expect(text).toContain(line);
    }
    // Not the therapist-only parts of the plan: no modalities, no manual therapy, no diagnosis.
    expect(text).not.toContain('Ice pack');
    expect(text).not.toContain('M62.830');

    // The amendment changes the wall sit; its programme is a new email with the new dose.
    const amended = acuteBackTemplate().interventions.concat({
      ...WALL_SIT,
      dose: { ...WALL_SIT.dose, holdSeconds: 30 },
    });
    await t.http
      .post(`/plans/${planId}/amendments`)
      .set(as(pt))
      .send({ reason: 'Wall sits held longer', interventions: amended })
      .expect(201);
    const second = await send(planId).expect(202);
    expect(second.body).toMatchObject({ revision: 2, alreadyRequested: false });
    expect(second.body.notificationId).not.toBe(first.body.notificationId);
    const mails = await sink.waitFor(email, 2);
    expect(mails).toHaveLength(2);
    expect(await pdfText(pdfOf(mails[1])[0].content)).toContain(
      'Dose: 2 sets of 5 repetitions, hold each 30 seconds',
    );

    // On the patient's timeline, as sent, linked to the plan.
    const sent = await eventually(
      async () =>
        (await t.http.get(`/patients/${patientId}/timeline`).set(as(clerk)).expect(200)).body
          .items as { kind: string; title: string; status: string; details: { planId: string } }[],
      (items) =>
        items.filter((item) => item.title === 'home exercise programme' && item.status === 'sent')
          .length === 2,
    );
    expect(
      sent.filter((item) => item.kind === 'email' && item.title === 'home exercise programme'),
    ).toEqual([
      expect.objectContaining({ status: 'sent', details: expect.objectContaining({ planId }) }),
      expect.objectContaining({ status: 'sent', details: expect.objectContaining({ planId }) }),
    ]);
    // The end-of-data mark was committed before each message with its PDF was handed over.
    const gated = await t.db.query(
      `SELECT 1 FROM notifications
        WHERE patient_id = $1 AND kind = 'home_exercise_programme' AND data_ended_at IS NOT NULL`,
      [patientId],
    );
    expect(gated.rowCount).toBe(2);
    // Each request is in the audit trail, the repeat marked as such.
    const audit = await t.db.query<{ details: { revision: number; alreadyRequested: boolean } }>(
      `SELECT details FROM audit_events
        WHERE entity_type = 'notification' AND action = 'create' AND patient_id = $1
          AND actor_user_id = $2 ORDER BY occurred_at, id`,
      [patientId, pt.id],
    );
    expect(audit.rows.map((row) => [row.details.revision, row.details.alreadyRequested])).toEqual([
      [1, false],
      [1, true],
      [2, false],
    ]);
  });

  it('does not email a patient who has not agreed to email: 422, nothing queued', async () => {
    const { planId, patientId } = await draftPlan();
    await sign(planId);
    await t.db.query('UPDATE patients SET email_consent = false WHERE id = $1', [patientId]);

    const refused = await send(planId).expect(422);
    expect(refused.body).toMatchObject({
      code: 'plan.home_programme_patient_not_emailable',
      errors: [{ field: 'patient.emailConsent', reason: 'the patient has not agreed to email' }],
    });
    const queued = await t.db.query('SELECT 1 FROM notifications WHERE patient_id = $1', [
      patientId,
    ]);
    expect(queued.rowCount).toBe(0);

    // The front desk prints it instead: the same PDF the email would carry.
    const printed = await t.http
      .get(`/plans/${planId}/home-programme.pdf`)
      .set(as(clerk))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'application/pdf');
    const text = await pdfText(printed.body as Buffer);
    for (const line of [
      'Your home exercise programme',
      'For Dana, from Scranton Spine & Sport',
      'Your therapist: Pat Therapist, PT',
      '6. Wall sit',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('M62.830');
    const trail = await t.db.query(
      `SELECT action, details->>'document' AS document FROM audit_events
        WHERE entity_id = $1 AND action = 'export'`,
      [planId],
    );
    expect(trail.rows).toEqual([{ action: 'export', document: 'home_exercise_programme' }]);
  });

  it('prints no programme of a draft plan', async () => {
    const { planId } = await draftPlan();
    const refused = await t.http
      .get(`/plans/${planId}/home-programme.pdf`)
      .set(as(clerk))
      .expect(422);
    expect(refused.body.code).toBe('plan.home_programme_plan_not_active');
  });

  it('refuses a plan without home exercises', async () => {
    const { planId } = await draftPlan(
      acuteBackTemplate().interventions.filter((i) => i.category !== 'home_exercise_programme'),
    );
    await sign(planId);
    const refused = await send(planId).expect(422);
    expect(refused.body.code).toBe('plan.home_programme_empty');
  });

  it('shows a programme the mail server refused on the timeline as failed, with why', async () => {
    const { planId, patientId, email } = await draftPlan();
    await sign(planId);
    sink.refuseNext(550, 'mailbox unavailable');
    const requested = await send(planId).expect(202);

    const [failed] = await eventually(
      () =>
        t.db
          .query<{ status: string }>('SELECT status FROM notifications WHERE id = $1', [
            requested.body.notificationId,
          ])
          .then((result) => result.rows),
      (rows) => rows[0]?.status === 'failed',
    );
    expect(failed.status).toBe('failed');
    expect(sink.to(email)).toHaveLength(0);
    const timeline = await t.http.get(`/patients/${patientId}/timeline`).set(as(clerk)).expect(200);
    expect(timeline.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'email',
          title: 'home exercise programme',
          status: 'failed',
          details: expect.objectContaining({ planId, reason: expect.stringMatching(/550/) }),
        }),
      ]),
    );
  });
});
