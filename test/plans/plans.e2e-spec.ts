import {
  createLocation,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { acuteBackTemplate, as, dayIn, patientWithEpisode, ZONE } from './plan-fixtures';

describe('plans of care: templates, tailoring, contraindications, signatures, amendments', () => {
  let t: TestApp;
  let admin: StaffUser;
  let clerk: StaffUser;
  let pt: StaffUser;
  let pta: StaffUser;
  let clinic: LocationRow;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    clinic = await createLocation(t.db, { timeZone: ZONE });
    clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
    pt = await createTherapist(t.http, t.db, admin, clinic, { fullName: 'Pat Therapist' });
    pta = await createTherapist(t.http, t.db, admin, clinic, { credential: 'PTA' });
  });
  afterAll(() => t.close());

  async function publishedTemplate(author = admin, scope = 'clinic') {
    const created = await t.http
      .post('/plan-templates')
      .set(as(author))
      .send({ ...acuteBackTemplate(), scope })
      .expect(201);
    const published = await t.http
      .post(`/plan-templates/${created.body.templateId}/publish`)
      .set(as(author))
      .expect(200);
    return published.body as { id: string; templateId: string };
  }

  it('versions a template: publishing freezes it, editing makes the next version', async () => {
    const v1 = await publishedTemplate();
    expect(v1).toMatchObject({
      version: 1,
      status: 'published',
      scope: 'clinic',
      name: 'Acute low back spasm',
    });

    const edited = {
      ...acuteBackTemplate(),
      name: 'Acute low back spasm (3 a week)',
      frequencyPerWeek: 3,
    };
    const v2 = await t.http
      .put(`/plan-templates/${v1.templateId}`)
      .set(as(admin))
      .send(edited)
      .expect(200);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', frequencyPerWeek: 3 });
    // Editing again changes the same draft, not a third version.
    const again = await t.http
      .put(`/plan-templates/${v1.templateId}`)
      .set(as(admin))
      .send({ ...edited, durationWeeks: 5 })
      .expect(200);
    expect(again.body).toMatchObject({ id: v2.body.id, version: 2, durationWeeks: 5 });

    const versions = await t.http
      .get(`/plan-templates/${v1.templateId}/versions`)
      .set(as(pt))
      .expect(200);
    expect(
      versions.body.map((v: { version: number; status: string }) => [v.version, v.status]),
    ).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    // The database itself refuses to change a published version.
    await expect(
      t.db.query(`UPDATE plan_template_versions SET name = 'changed' WHERE id = $1`, [v1.id]),
    ).rejects.toThrow(/published template version cannot be changed/);
    // A therapist may not edit a clinic-wide template; the library lists only published ones.
    await t.http.put(`/plan-templates/${v1.templateId}`).set(as(pt)).send(edited).expect(403);
    const library = await t.http.get('/plan-templates').set(as(pt)).expect(200);
    expect(
      library.body.find((v: { templateId: string }) => v.templateId === v1.templateId).version,
    ).toBe(1);
  });

  it('keeps a therapist’s own drafts to themselves and refuses a timed flag the CPT code contradicts', async () => {
    const own = await t.http
      .post('/plan-templates')
      .set(as(pt))
      .send({ ...acuteBackTemplate(), name: 'My acute back' })
      .expect(201);
    expect(own.body).toMatchObject({ scope: 'personal', ownerId: pt.id, status: 'draft' });
    await t.http.get(`/plan-templates/${own.body.templateId}/versions`).set(as(pta)).expect(404);
    const mine = await t.http.get('/plan-templates?drafts=true').set(as(pt)).expect(200);
    expect(mine.body.map((v: { id: string }) => v.id)).toContain(own.body.id);
    await t.http
      .post('/plan-templates')
      .set(as(pt))
      .send({ ...acuteBackTemplate(), scope: 'clinic' })
      .expect(403);

    const wrong = acuteBackTemplate();
    wrong.interventions[0].timed = false;
    const refused = await t.http.post('/plan-templates').set(as(pt)).send(wrong).expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'interventions[0].timed', reason: '97140 is a timed code' },
    ]);
  });

  it('makes a plan from version 1, warns of heat in the first 48 hours, signs only by a PT with it acknowledged, and amends', async () => {
    const v1 = await publishedTemplate();
    await t.http
      .put(`/plan-templates/${v1.templateId}`)
      .set(as(admin))
      .send({ ...acuteBackTemplate(), frequencyPerWeek: 3 })
      .expect(200);
    await t.http.post(`/plan-templates/${v1.templateId}/publish`).set(as(admin)).expect(200);

    const { episodeId } = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, {
      onsetDate: dayIn(0),
    });
    const bad = await t.http
      .post(`/episodes/${episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId: v1.id,
        diagnoses: [{ code: 'M62830', description: 'Muscle spasm of back' }],
      })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('diagnoses[0].code');

    // Heat tailored to start at once, the day of the injury.
    const interventions = acuteBackTemplate().interventions.map((i) =>
      i.key === 'heat_pack' ? { ...i, phase: undefined } : i,
    );
    const created = await t.http
      .post(`/episodes/${episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId: v1.id,
        diagnoses: [
          { code: 'M62.830', description: 'Muscle spasm of back' },
          { code: 'M54.50', description: 'Low back pain, unspecified' },
        ],
        interventions,
        visitsAuthorised: 8,
      })
      .expect(201);
    const plan = created.body;
    expect(plan).toMatchObject({
      status: 'draft',
      templateVersionId: v1.id,
      frequencyPerWeek: 2,
      durationWeeks: 4,
      prescribedVisits: 8,
      startDate: dayIn(0),
      endDate: dayIn(27),
      signatureRequired: true,
    });
    expect(plan.goals.map((g: { id: string; term: string }) => [g.id, g.term])).toEqual([
      ['g1', 'short'],
      ['g2', 'long'],
      ['g3', 'long'],
    ]);
    expect(plan.warnings.map((w: { code: string }) => w.code)).toEqual([
      'heat_acute_injury:heat_pack',
    ]);

    await t.http.post(`/plans/${plan.id}/sign`).set(as(pta)).send({}).expect(403);
    const unanswered = await t.http.post(`/plans/${plan.id}/sign`).set(as(pt)).send({}).expect(422);
    expect(unanswered.body.code).toBe('plan.contraindications_unacknowledged');
    expect(unanswered.body.errors[0].reason).toMatch(/^heat_acute_injury:heat_pack: /);

    const signed = await t.http
      .post(`/plans/${plan.id}/sign`)
      .set(as(pt))
      .send({
        acknowledgements: [
          { code: 'heat_acute_injury:heat_pack', reason: 'Heat only from day 3; patient told' },
        ],
      })
      .expect(200);
    expect(signed.body).toMatchObject({ status: 'active', signatureRequired: false });
    expect(signed.body.warnings[0].acknowledgedReason).toBe('Heat only from day 3; patient told');

    // Signed: edited no more, amended with a reason; a short-term change needs no new signature.
    await t.http.patch(`/plans/${plan.id}`).set(as(pt)).send({ frequencyPerWeek: 3 }).expect(409);
    const goals = signed.body.goals.map((g: { id: string; target: number; term: string }) =>
      g.id === 'g1' ? { ...g, target: 3 } : g,
    );
    const amended = await t.http
      .post(`/plans/${plan.id}/amendments`)
      .set(as(pt))
      .send({
        reason: 'Pain settling faster',
        goals: [
          ...goals,
          {
            term: 'short',
            description: 'Sit 30 minutes',
            measure: 'psfs',
            comparator: 'at_least',
            target: 6,
            targetDate: dayIn(14),
          },
        ],
      })
      .expect(201);
    expect(amended.body).toMatchObject({ revision: 2, signatureRequired: false });
    expect(amended.body.goals.map((g: { id: string }) => g.id)).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(amended.body.revisions[1]).toMatchObject({
      reason: 'Pain settling faster',
      createdBy: pt.id,
    });

    // A long-term goal changed: the amendment awaits a PT's signature.
    const longTerm = amended.body.goals.map((g: { id: string; target: number }) =>
      g.id === 'g2' ? { ...g, target: 30 } : g,
    );
    const changed = await t.http
      .post(`/plans/${plan.id}/amendments`)
      .set(as(pt))
      .send({ reason: 'Heavier job than thought', goals: longTerm })
      .expect(201);
    expect(changed.body).toMatchObject({ revision: 3, signatureRequired: true });
    await t.http
      .post(`/plans/${plan.id}/amendments`)
      .set(as(pt))
      .send({ reason: 'x', goals: [{ ...longTerm[0], id: 'g9' }] })
      .expect(400);
    await t.http.post(`/plans/${plan.id}/sign`).set(as(pt)).send({}).expect(200);
    await t.http.post(`/plans/${plan.id}/sign`).set(as(pt)).send({}).expect(409);
    await expect(
      t.db.query(
        `UPDATE plan_revisions SET reason = 'rewritten' WHERE plan_id = $1 AND revision = 2`,
        [plan.id],
      ),
    ).rejects.toThrow(/never edited/);

    // The lifecycle, and the frozen template version the plan keeps.
    await t.http.post(`/plans/${plan.id}/resume`).set(as(pt)).send({}).expect(409);
    await t.http
      .post(`/plans/${plan.id}/hold`)
      .set(as(pt))
      .send({ reason: 'In hospital' })
      .expect(200);
    const resumed = await t.http.post(`/plans/${plan.id}/resume`).set(as(pt)).send({}).expect(200);
    expect(resumed.body).toMatchObject({ status: 'active', templateVersionId: v1.id });
    await t.http.post(`/plans/${plan.id}/archive`).set(as(pt)).send({}).expect(400);
    await t.http.get(`/plans/${plan.id}`).set(as(clerk)).expect(200);
  });
});
