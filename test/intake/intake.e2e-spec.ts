import { createLocation, createStaff, type LocationRow, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

const odi = (values: (number | null)[]) =>
  Object.fromEntries(values.map((value, index) => [`odi_${index + 1}`, value]));

const startBack = (values: number[]) =>
  Object.fromEntries(values.map((value, index) => [`sbst_${index + 1}`, value]));

function intake(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'initial_evaluation',
    assessedOn: '2026-11-23',
    chiefComplaint: 'Low back spasm after lifting a box',
    bodyRegion: 'lower_back',
    side: 'left',
    onsetDate: '2026-11-16',
    mechanism: 'lifting',
    severity: 'moderate',
    triggers: ['bending_forward', 'getting_out_of_bed'],
    easingFactors: ['heat'],
    associatedSymptoms: ['muscle_spasm'],
    relevantHistory: [],
    medications: ['ibuprofen as needed'],
    pain: { now: 6, best24h: 3, worst24h: 8 },
    redFlags: [],
    instruments: [
      // 16 of 45: one section (sex life) unanswered.
      { instrument: 'odi', answers: odi([2, 1, 3, 2, 2, 2, 1, null, 2, 1]) },
      { instrument: 'start_back', answers: startBack([1, 0, 1, 0, 1, 1, 0, 1, 3]) },
    ],
    ...overrides,
  };
}

describe('patients, episodes and intake assessments', () => {
  let t: TestApp;
  let clinic: LocationRow;
  let therapist: StaffUser;
  let clerk: StaffUser;
  let patientId: string;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await createLocation(t.db, { name: 'Kingston' });
    therapist = await createStaff(t.http, t.db, 'therapist', [clinic.id]);
    clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
    const created = await t.http
      .post('/patients')
      .set('Authorization', clerk.authorization)
      .send({
        firstName: 'Ann',
        lastName: 'Dougherty',
        dateOfBirth: '1979-11-02',
        sex: 'female',
        phone: '+1 (570) 555-0143',
        email: 'ann.d@example.com',
        emailConsent: true,
        payer: 'commercial',
        referralSource: 'self',
        state: 'PA',
        homeLocationId: clinic.id,
      })
      .expect(201);
    patientId = created.body.id;
    expect(created.body).toMatchObject({
      possibleDuplicates: [],
      emailConsent: true,
      payer: 'commercial',
    });
    expect(created.body.emailConsentAt).toEqual(expect.any(String));
  });
  afterAll(() => t.close());

  const openEpisode = async (bodyRegion = 'lower_back') =>
    (
      await t.http
        .post(`/patients/${patientId}/episodes`)
        .set('Authorization', therapist.authorization)
        .send({
          locationId: clinic.id,
          condition: 'Back spasm',
          bodyRegion,
          openedOn: '2026-11-23',
        })
        .expect(201)
    ).body as { id: string; treatment: { blocked: boolean } };

  const record = async (episodeId: string, body: Record<string, unknown>) =>
    t.http
      .post(`/episodes/${episodeId}/assessments`)
      .set('Authorization', therapist.authorization)
      .send(body);

  const sign = async (id: string) =>
    t.http
      .post(`/assessments/${id}/sign`)
      .set('Authorization', therapist.authorization)
      .expect(200);

  describe('patients', () => {
    it('warns of a likely duplicate, finds by phone digits, and archives instead of deleting', async () => {
      const duplicate = await t.http
        .post('/patients')
        .set('Authorization', clerk.authorization)
        .send({
          firstName: 'ann',
          lastName: 'DOUGHERTY',
          dateOfBirth: '1979-11-02',
          homeLocationId: clinic.id,
        })
        .expect(201);
      expect(duplicate.body.possibleDuplicates).toEqual([patientId]);

      const byPhone = await t.http
        .get('/patients?phone=5550143')
        .set('Authorization', clerk.authorization)
        .expect(200);
      expect(byPhone.body.items.map((p: { id: string }) => p.id)).toEqual([patientId]);

      await t.http
        .post(`/patients/${duplicate.body.id}/archive`)
        .set('Authorization', clerk.authorization)
        .expect(200);
      const search = await t.http
        .get('/patients?name=dough')
        .set('Authorization', clerk.authorization)
        .expect(200);
      expect(search.body.items.map((p: { id: string }) => p.id)).toEqual([patientId]);
      const withArchived = await t.http
        .get('/patients?name=dough&includeArchived=true')
        .set('Authorization', clerk.authorization)
        .expect(200);
      expect(withArchived.body.total).toBe(2);
      await expect(
        t.db.query('DELETE FROM patients WHERE id = $1', [duplicate.body.id]),
      ).rejects.toThrow(/never deleted/);
    });

    it('refuses email consent without an email address', async () => {
      const response = await t.http
        .post('/patients')
        .set('Authorization', clerk.authorization)
        .send({
          firstName: 'No',
          lastName: 'Email',
          dateOfBirth: '1990-01-01',
          emailConsent: true,
          homeLocationId: clinic.id,
        })
        .expect(422);
      expect(response.body.errors).toEqual([
        { field: 'emailConsent', reason: 'Email consent needs an email address' },
      ]);
    });
  });

  describe('a signed intake', () => {
    let episodeId: string;
    let assessmentId: string;

    beforeAll(async () => {
      episodeId = (await openEpisode()).id;
      const created = await record(episodeId, intake());
      expect(created.status).toBe(201);
      assessmentId = created.body.id;
    });

    it('is scored with the missing-section rule and screened', async () => {
      const { body } = await t.http
        .get(`/assessments/${assessmentId}`)
        .set('Authorization', therapist.authorization)
        .expect(200);
      expect(body.status).toBe('draft');
      expect(body.content.acuity).toBe('acute');
      const results = Object.fromEntries(
        body.instruments.map((r: { instrument: string }) => [r.instrument, r]),
      );
      expect(results.odi).toMatchObject({
        score: 35.6,
        unit: 'percent',
        band: 'moderate',
        version: expect.any(String),
      });
      expect(results.odi.details).toMatchObject({
        rawSum: 16,
        sectionsAnswered: 9,
        unanswered: ['odi_8'],
      });
      // Items 1-8 sum 5, item 9 "very much" adds 1: total 6; items 5-9 give 4: high risk.
      expect(results.start_back).toMatchObject({
        score: 6,
        band: 'high',
        details: { psychosocialSubscale: 4 },
      });
      expect(results.nprs).toMatchObject({ score: 6, details: { best24h: 3, worst24h: 8 } });
      expect(body.redFlags).toMatchObject({ disposition: 'proceed', blocksTreatment: false });
    });

    it('refuses edits once signed, in the API and in the database, and accepts an amendment', async () => {
      await sign(assessmentId);
      const edit = await t.http
        .put(`/assessments/${assessmentId}`)
        .set('Authorization', therapist.authorization)
        .send(intake({ chiefComplaint: 'Changed' }))
        .expect(409);
      expect(edit.body.code).toBe('assessment.signed');
      await expect(
        t.db.query(`UPDATE assessments SET content = '{}' WHERE id = $1`, [assessmentId]),
      ).rejects.toThrow(/signed assessment cannot be changed/);

      const amendment = await t.http
        .post(`/assessments/${assessmentId}/amendments`)
        .set('Authorization', therapist.authorization)
        .send({
          reason: 'Oswestry section 3 was transcribed wrongly',
          changes: {
            instruments: intake().instruments.map((entry) =>
              entry.instrument === 'odi'
                ? { instrument: 'odi', answers: odi([2, 1, 4, 2, 2, 2, 1, null, 2, 1]) }
                : entry,
            ),
          },
        })
        .expect(201);
      expect(amendment.body).toMatchObject({
        amendedBy: therapist.id,
        reason: 'Oswestry section 3 was transcribed wrongly',
        changes: [expect.objectContaining({ field: 'instruments' })],
      });

      const { body } = await t.http
        .get(`/assessments/${assessmentId}`)
        .set('Authorization', therapist.authorization)
        .expect(200);
      expect(body).toMatchObject({ status: 'signed', amendmentCount: 1, signedBy: therapist.id });
      // 17 of 45.
      expect(
        body.instruments.find((r: { instrument: string }) => r.instrument === 'odi').score,
      ).toBe(37.8);
      const history = await t.http
        .get(`/assessments/${assessmentId}/amendments`)
        .set('Authorization', therapist.authorization)
        .expect(200);
      expect(history.body).toHaveLength(1);
    });

    it('audits every read of the assessment and keeps it from the front desk', async () => {
      await t.http
        .get(`/assessments/${assessmentId}`)
        .set('Authorization', clerk.authorization)
        .expect(403);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS reads FROM audit_events WHERE entity_type = 'assessment' AND entity_id = $1 AND action = 'read'`,
        [assessmentId],
      );
      expect(rows[0].reads).toBeGreaterThanOrEqual(2);
    });

    it('reports the change from baseline and whether it reaches the MCID', async () => {
      const reassessment = await record(
        episodeId,
        intake({
          kind: 're_evaluation',
          // Assessments cannot be dated in the future: a past date, 32 days after this onset.
          assessedOn: '2026-12-04',
          onsetDate: '2026-11-02',
          pain: { now: 2, best24h: 1, worst24h: 4 },
          instruments: [{ instrument: 'odi', answers: odi([1, 0, 1, 1, 1, 1, 0, null, 1, 1]) }],
        }),
      );
      expect(reassessment.status).toBe(201);
      expect(reassessment.body.content.acuity).toBe('subacute');
      await sign(reassessment.body.id);

      const outcomes = await t.http
        .get(`/episodes/${episodeId}/outcomes`)
        .set('Authorization', therapist.authorization)
        .expect(200);
      const byInstrument = Object.fromEntries(
        outcomes.body.map((o: { instrument: string }) => [o.instrument, o]),
      );
      // ODI from the amended 17 of 45 = 37.8 % to 7 of 45 = 15.6 %: 22.22 points better,
      // computed from the unrounded percents.
      expect(byInstrument.odi).toMatchObject({
        baselineAssessmentId: assessmentId,
        latestAssessmentId: reassessment.body.id,
        change: { baseline: 37.8, latest: 15.6, improvement: 22.22, reachesThreshold: true },
      });
      expect(byInstrument.nprs.change).toMatchObject({
        baseline: 6,
        latest: 2,
        improvement: 4,
        reachesThreshold: true,
      });
      expect(byInstrument.start_back).toBeUndefined();
    });
  });

  describe('red-flag dispositions', () => {
    it('blocks treatment on an emergency, which no decision can override', async () => {
      const episode = await openEpisode('mid_back');
      const created = (
        await record(
          episode.id,
          intake({ bodyRegion: 'mid_back', redFlags: ['saddle_anaesthesia'] }),
        )
      ).body;
      expect(created.redFlags).toMatchObject({
        disposition: 'emergency',
        blocksTreatment: true,
        screen: {
          reasons: [
            { flag: 'saddle_anaesthesia', group: 'cauda_equina', source: 'reported' },
            // A mid-back complaint is thoracic pain (red-flags.md), derived since red-flags/2026-12.
            { flag: 'thoracic_pain', group: 'cancer', source: 'content' },
          ],
        },
      });
      await sign(created.id);
      const refused = await t.http
        .post(`/assessments/${created.id}/red-flag-decision`)
        .set('Authorization', therapist.authorization)
        .send({ decision: 'proceed', reason: 'Feels fine' })
        .expect(409);
      expect(refused.body.code).toBe('red_flags.no_review_needed');
      const { body } = await t.http
        .get(`/episodes/${episode.id}`)
        .set('Authorization', clerk.authorization)
        .expect(200);
      expect(body.treatment).toMatchObject({
        blocked: true,
        disposition: 'emergency',
        assessmentId: created.id,
        directAccess: { status: 'not_eligible', reasons: [{ code: 'red_flags.emergency' }] },
      });
    });

    it('holds treatment until a clinician decides, then proceeds or refers', async () => {
      for (const [region, decision] of [
        ['neck', 'proceed'],
        ['hip', 'refer_to_physician'],
      ] as const) {
        const episode = await openEpisode(region);
        const created = (
          await record(episode.id, intake({ bodyRegion: region, relevantHistory: ['cancer'] }))
        ).body;
        expect(created.redFlags).toMatchObject({
          disposition: 'clinician_review',
          screen: { reasons: [{ flag: 'history_of_cancer', group: 'cancer', source: 'history' }] },
        });
        await sign(created.id);
        expect(
          (
            await t.http
              .get(`/episodes/${episode.id}`)
              .set('Authorization', therapist.authorization)
          ).body.treatment.blocked,
        ).toBe(true);
        const decided = await t.http
          .post(`/assessments/${created.id}/red-flag-decision`)
          .set('Authorization', therapist.authorization)
          .send({ decision, reason: 'Treated 15 years ago, no current signs' })
          .expect(201);
        // A decision to refer holds treatment until a referral or a clearance is on file.
        expect(decided.body.redFlags).toMatchObject({
          disposition: decision,
          blocksTreatment: decision === 'refer_to_physician',
        });
        const after = await t.http
          .get(`/episodes/${episode.id}`)
          .set('Authorization', therapist.authorization);
        expect(after.body.treatment).toMatchObject({
          blocked: decision === 'refer_to_physician',
          disposition: decision,
        });
        await t.http
          .post(`/assessments/${created.id}/red-flag-decision`)
          .set('Authorization', therapist.authorization)
          .send({ decision, reason: 'again' })
          .expect(409);
      }
    });

    it('derives the age flag from the date of birth at onset', async () => {
      const older = await t.http
        .post('/patients')
        .set('Authorization', clerk.authorization)
        .send({
          firstName: 'Joe',
          lastName: 'Older',
          dateOfBirth: '1960-01-01',
          homeLocationId: clinic.id,
        })
        .expect(201);
      const episode = await t.http
        .post(`/patients/${older.body.id}/episodes`)
        .set('Authorization', therapist.authorization)
        .send({
          locationId: clinic.id,
          condition: 'Back pain',
          bodyRegion: 'lower_back',
          openedOn: '2026-11-23',
        })
        .expect(201);
      const created = (await record(episode.body.id, intake())).body;
      expect(created.redFlags.screen.reasons).toEqual([
        { flag: 'new_pain_age_over_50_or_under_20', group: 'cancer', source: 'age' },
      ]);
    });
  });

  describe('bad answers', () => {
    let episodeId: string;
    beforeAll(async () => {
      episodeId = (await openEpisode('knee')).id;
    });

    it.each([
      [
        'an ODI section of 6',
        { instruments: [{ instrument: 'odi', answers: odi([6, 1, 1, 1, 1, 1, 1, 1, 1, 1]) }] },
        'instruments[0].answers.odi_1',
      ],
      ['a NPRS of 11', { pain: { now: 11 } }, 'pain.now'],
      [
        'a STarT Back item 9 outside its five answers',
        {
          instruments: [
            { instrument: 'start_back', answers: startBack([1, 0, 1, 0, 1, 1, 0, 1, 9]) },
          ],
        },
        'instruments[0].answers.sbst_9',
      ],
      [
        'an unknown item',
        {
          instruments: [
            { instrument: 'odi', answers: { ...odi([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), odi_11: 1 } },
          ],
        },
        'instruments[0].answers.odi_11',
      ],
      ['an unknown red flag', { redFlags: ['headache'] }, 'redFlags'],
      ['an onset after the assessment', { onsetDate: '2026-12-01' }, 'onsetDate'],
    ])('answers %s with a 400 naming it and writes nothing', async (_label, overrides, field) => {
      const before = (await t.db.query('SELECT count(*)::int AS n FROM assessments')).rows[0].n;
      const response = await record(episodeId, intake({ bodyRegion: 'knee', ...overrides }));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect((await t.db.query('SELECT count(*)::int AS n FROM assessments')).rows[0].n).toBe(
        before,
      );
    });
  });
});
