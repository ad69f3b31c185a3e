import { DateTime } from 'luxon';
import { createLocation, createStaff, type LocationRow, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

const ZONE = 'America/New_York';
const day = (offset: number) => DateTime.now().setZone(ZONE).plus({ days: offset }).toISODate()!;
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

describe('direct access: evaluations, documents and the treatment gate', () => {
  let t: TestApp;
  let admin: StaffUser;
  let clerk: StaffUser;
  let pt: StaffUser;
  let scranton: LocationRow;
  let plano: LocationRow;
  const types = { treatment: '', evaluation: '' };
  const as = (user: StaffUser) => ({ Authorization: user.authorization });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    scranton = await createLocation(t.db, { name: 'Scranton', timeZone: ZONE });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    clerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    pt = await createStaff(t.http, t.db, 'therapist', [scranton.id, plano.id]);
    for (const location of [scranton, plano]) {
      await t.http
        .put(`/locations/${location.id}/hours`)
        .set(as(admin))
        .send({
          windows: EVERY_DAY.map((weekday) => ({ weekday, opens: '07:00', closes: '20:00' })),
        })
        .expect(200);
    }
    await t.http
      .put(`/therapists/${pt.id}/profile`)
      .set(as(admin))
      .send({
        credential: 'PT',
        licenceStates: ['PA', 'TX'],
        directAccessCertificates: ['US-PA'],
        doctoralDegree: true,
        yearsLicensed: 6,
        liabilityInsured: true,
      })
      .expect(200);
    await t.http
      .put(`/therapists/${pt.id}/hours`)
      .set(as(admin))
      .send({
        windows: EVERY_DAY.map((weekday) => ({
          locationId: scranton.id,
          weekday,
          starts: '07:00',
          ends: '20:00',
        })),
      })
      .expect(200);
    for (const [key, treatment] of [
      ['treatment', true],
      ['evaluation', false],
    ] as const) {
      const created = await t.http
        .post('/appointment-types')
        .set(as(admin))
        .send({
          code: `da_${key}`,
          name: key,
          durationMinutes: 45,
          allowedCredentials: ['PT'],
          treatment,
        })
        .expect(201);
      types[key] = created.body.id;
    }
  });
  afterAll(() => t.close());

  async function episode(openedOn: string, payer = 'commercial', locationId = '', opener = pt) {
    const patient = await t.http
      .post('/patients')
      .set(as(clerk))
      .send({
        firstName: 'Dana',
        lastName: `Kowalski${Date.now()}`,
        dateOfBirth: '1971-04-09',
        payer,
        homeLocationId: scranton.id,
      })
      .expect(201);
    const opened = await t.http
      .post(`/patients/${patient.body.id}/episodes`)
      .set(as(opener))
      .send({
        locationId: locationId || scranton.id,
        condition: 'Low back spasm',
        bodyRegion: 'lower_back',
        openedOn,
      })
      .expect(201);
    return { patientId: patient.body.id as string, episodeId: opened.body.id as string };
  }

  // Every booking takes its own hour, so one therapist is never double-booked across tests.
  let slots = 0;
  const book = (
    user: StaffUser,
    e: { patientId: string; episodeId: string },
    offset: number,
    extra = {},
  ) => {
    const hour = 8 + (slots++ % 11);
    return t.http
      .post('/appointments')
      .set(as(user))
      .send({
        patientId: e.patientId,
        episodeId: e.episodeId,
        appointmentTypeId: types.treatment,
        locationId: scranton.id,
        therapistId: pt.id,
        localStart: `${day(offset + Math.floor(slots / 11))}T${String(hour).padStart(2, '0')}:00`,
        ...extra,
      });
  };

  async function screen(
    episodeId: string,
    disposition: string,
    status = 'signed',
    assessedOn = day(0),
  ) {
    const { rows } = await t.db.query(
      `INSERT INTO assessments (episode_id, kind, status, assessed_on, content, red_flag_screen, screen_disposition, created_by, signed_by, signed_at)
       VALUES ($1, 're_evaluation', $2, $3, '{}', json_build_object('disposition', $4::text, 'reasons', '[]'::json), $4, $5,
               CASE WHEN $2 = 'signed' THEN $5::uuid END, CASE WHEN $2 = 'signed' THEN clock_timestamp() END)
       RETURNING id`,
      [episodeId, status, assessedOn, disposition, pt.id],
    );
    return rows[0].id as string;
  }

  const referral = {
    providerName: 'Dr. Ana Reyes',
    profession: 'physician',
    npi: '1234567893',
    referredOn: day(-1),
    diagnosisCode: 'M62.830',
    visitsAuthorised: 12,
  };

  it('refuses a treatment visit past Pennsylvania’s 30 days, allows evaluations, and books once a referral is on file', async () => {
    const e = await episode(day(-35));
    const refused = await book(clerk, e, 1).expect(409);
    expect(refused.body).toMatchObject({
      code: 'appointment.referral_required',
      errors: [{ field: 'episodeId', reason: 'window_passed' }],
    });
    await book(clerk, e, 1, { appointmentTypeId: types.evaluation }).expect(201);

    const badNpi = await t.http
      .post(`/episodes/${e.episodeId}/referrals`)
      .set(as(clerk))
      .send({ ...referral, npi: '1234567890' })
      .expect(400);
    expect(badNpi.body.errors).toEqual([expect.objectContaining({ field: 'npi' })]);
    const badCode = await t.http
      .post(`/episodes/${e.episodeId}/referrals`)
      .set(as(clerk))
      .send({ ...referral, diagnosisCode: 'back spasm' })
      .expect(400);
    expect(badCode.body.errors).toEqual([expect.objectContaining({ field: 'diagnosisCode' })]);
    const onFile = await t.http
      .post(`/episodes/${e.episodeId}/referrals`)
      .set(as(clerk))
      .send(referral)
      .expect(201);
    expect(onFile.body).toMatchObject({
      episodeId: e.episodeId,
      kind: 'referral',
      recordedBy: clerk.id,
    });
    const trail = await t.db.query(
      `SELECT patient_id FROM audit_events WHERE entity_type = 'referral' AND entity_id = $1`,
      [onFile.body.id],
    );
    expect(trail.rows).toEqual([{ patient_id: e.patientId }]);
    const timeline = await t.http
      .get(`/patients/${e.patientId}/timeline`)
      .set(as(clerk))
      .expect(200);
    expect(timeline.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'referral',
          title: 'Referral from Dr. Ana Reyes',
          status: 'on_file',
        }),
      ]),
    );

    await book(clerk, e, 2).expect(201);
    const view = await t.http.get(`/episodes/${e.episodeId}`).set(as(clerk)).expect(200);
    expect(view.body.treatment).toMatchObject({
      blocked: false,
      directAccess: {
        status: 'eligible_until',
        until: { date: null, visits: 12 },
        reasons: [{ code: 'referral_on_file' }],
        rule: { jurisdiction: 'US-PA', version: 1 },
      },
    });
  });

  it('lets an admin book past the gate with a recorded reason, and nobody else', async () => {
    const e = await episode(day(-40));
    await book(clerk, e, 1, { gateOverrideReason: 'Referral promised' }).expect(409);
    const overridden = await book(admin, e, 1, {
      gateOverrideReason: 'Referral received by phone',
    }).expect(201);
    expect(overridden.body.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'appointment.treatment_gate_overridden',
          field: 'episodeId',
        }),
      ]),
    );
    const { rows } = await t.db.query(
      `SELECT details FROM audit_events WHERE entity_type = 'appointment' AND entity_id = $1`,
      [overridden.body.id],
    );
    expect(rows[0].details).toMatchObject({ overrideReason: 'Referral received by phone' });
  });

  it('counts the visits and days from the episode: within the window a visit books', async () => {
    const e = await episode(day(0));
    await book(clerk, e, 1).expect(201);
    const answer = await t.http
      .post('/direct-access/evaluations')
      .set(as(pt))
      .send({ episodeId: e.episodeId })
      .expect(201);
    expect(answer.body).toMatchObject({
      episodeId: e.episodeId,
      status: 'eligible_until',
      until: { date: day(30), visits: null },
      jurisdiction: 'US-PA',
      rule: { jurisdiction: 'US-PA', version: 1, source: expect.stringContaining('1309') },
    });
    const again = await t.http
      .get(`/direct-access/evaluations/${answer.body.id}`)
      .set(as(clerk))
      .expect(200);
    expect(again.body).toEqual(answer.body);
  });

  it('answers ahead of a first visit with the facts given: Texas before and after 2025-09-01', async () => {
    const before = await t.http
      .post('/direct-access/evaluations')
      .set(as(pt))
      .send({
        locationId: plano.id,
        therapistId: pt.id,
        asOf: '2025-08-29',
        firstTreatmentOn: '2025-08-25',
      })
      .expect(201);
    // 10 consecutive business days: a weekend and Labor Day (2025-09-01) are skipped.
    expect(before.body).toMatchObject({
      status: 'eligible_until',
      until: { date: '2025-09-08' },
      rule: { jurisdiction: 'US-TX', version: 1 },
    });
    expect(before.body.duties).toEqual([expect.objectContaining({ code: 'patient_disclosure' })]);
    const after = await t.http
      .post('/direct-access/evaluations')
      .set(as(pt))
      .send({
        locationId: plano.id,
        therapistId: pt.id,
        asOf: '2025-09-02',
        firstTreatmentOn: '2025-09-02',
      })
      .expect(201);
    expect(after.body).toMatchObject({
      until: { date: '2025-10-01' },
      rule: { version: 2, effectiveFrom: '2025-09-01' },
    });
    const missing = await t.http
      .post('/direct-access/evaluations')
      .set(as(pt))
      .send({ asOf: '2025-09-02' })
      .expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'locationId' })]);
  });

  it('adds Medicare’s dates for a Medicare patient', async () => {
    const e = await episode(day(-3), 'medicare');
    const answer = await t.http
      .post('/direct-access/evaluations')
      .set(as(pt))
      .send({ episodeId: e.episodeId })
      .expect(201);
    expect(answer.body.medicare.certification).toEqual({
      dueBy: day(27),
      certifiedOn: null,
      by: null,
      overdue: false,
    });
    expect(answer.body.duties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'medicare_certification', dueOn: day(27) }),
      ]),
    );
  });

  it('lists what is due in a work list scoped to the caller’s clinics, with patients’ names', async () => {
    const closing = await episode(day(-28));
    const late = await episode(day(-40));
    const medicare = await episode(day(-2), 'medicare');
    const texas = await episode(day(0), 'commercial', plano.id);
    const tasksOf = (list: { episodeId: string; code: string }[], e: { episodeId: string }) =>
      list
        .filter((task) => task.episodeId === e.episodeId)
        .map((task) => task.code)
        .sort();

    const { body } = await t.http.get('/direct-access/tasks').set(as(pt)).expect(200);
    expect(tasksOf(body, closing)).toEqual(['window_closing']);
    expect(
      body.find((task: { episodeId: string }) => task.episodeId === closing.episodeId),
    ).toMatchObject({
      dueOn: day(2),
      overdue: false,
      status: 'eligible_until',
      patient: { firstName: 'Dana' },
      locationId: scranton.id,
    });
    expect(tasksOf(body, late)).toEqual(['referral_required']);
    expect(tasksOf(body, medicare)).toEqual(['medicare_certification']);
    expect(tasksOf(body, texas)).toEqual(['patient_disclosure']);
    // Overdue first.
    const firstOnTime = body.findIndex((task: { overdue: boolean }) => !task.overdue);
    expect(body.slice(firstOnTime).every((task: { overdue: boolean }) => !task.overdue)).toBe(true);

    const clerks = await t.http.get('/direct-access/tasks').set(as(clerk)).expect(200);
    expect(tasksOf(clerks.body, texas)).toEqual([]);
    expect(tasksOf(clerks.body, late)).toEqual(['referral_required']);
    await t.http.get(`/direct-access/tasks?locationId=${plano.id}`).set(as(clerk)).expect(404);
    await t.http
      .get('/direct-access/tasks?windowClosingWithinBusinessDays=99')
      .set(as(clerk))
      .expect(400);

    await t.http
      .post(`/episodes/${late.episodeId}/referrals`)
      .set(as(clerk))
      .send(referral)
      .expect(201);
    const after = await t.http.get('/direct-access/tasks').set(as(clerk)).expect(200);
    expect(tasksOf(after.body, late)).toEqual([]);
  });

  describe('red flags hold treatment until a documented decision opens the gate', () => {
    it('a signed emergency holds; a clean draft or a later clean assessment does not lift it; a physician’s clearance does', async () => {
      const e = await episode(day(0));
      await screen(e.episodeId, 'emergency');
      const held = await book(clerk, e, 1).expect(409);
      expect(held.body).toMatchObject({
        code: 'appointment.treatment_blocked',
        errors: [{ field: 'episodeId' }],
      });
      await screen(e.episodeId, 'proceed', 'draft', day(1));
      await book(clerk, e, 1).expect(409);
      await screen(e.episodeId, 'proceed', 'signed', day(1));
      await book(clerk, e, 1).expect(409);
      await t.http
        .post(`/episodes/${e.episodeId}/physician-clearances`)
        .set(as(clerk))
        .send({
          clearedByName: 'Dr. Reyes',
          profession: 'physician',
          clearedAt: new Date().toISOString(),
          documentReference: 'ED letter',
        })
        .expect(403);
      await t.http
        .post(`/episodes/${e.episodeId}/physician-clearances`)
        .set(as(pt))
        .send({
          clearedByName: 'Dr. Reyes',
          profession: 'physician',
          clearedAt: new Date().toISOString(),
          documentReference: 'ED discharge letter, scanned',
        })
        .expect(201);
      await book(clerk, e, 1).expect(201);
    });

    it('a decision to refer holds treatment until a referral is on file', async () => {
      const e = await episode(day(0));
      const assessment = await screen(e.episodeId, 'clinician_review');
      await book(clerk, e, 1).expect(409);
      await t.db.query(
        `INSERT INTO red_flag_decisions (assessment_id, decision, reason, decided_by) VALUES ($1, 'refer_to_physician', 'Night pain', $2)`,
        [assessment, pt.id],
      );
      const held = await book(clerk, e, 1).expect(409);
      expect(held.body.detail).toMatch(/referral or a clearance/);
      await t.http
        .post(`/episodes/${e.episodeId}/referrals`)
        .set(as(clerk))
        .send(referral)
        .expect(201);
      await book(clerk, e, 1).expect(201);
    });
  });

  describe('what the review found', () => {
    it('counts every visit of the episode against New York’s 10, a series’ own occurrences and earlier bookings alike', async () => {
      const albany = await createLocation(t.db, { name: 'Albany', state: 'NY', timeZone: ZONE });
      await t.http
        .put(`/locations/${albany.id}/hours`)
        .set(as(admin))
        .send({
          windows: EVERY_DAY.map((weekday) => ({ weekday, opens: '07:00', closes: '20:00' })),
        })
        .expect(200);
      const nyPt = await createStaff(t.http, t.db, 'therapist', [albany.id]);
      await t.http
        .put(`/therapists/${nyPt.id}/profile`)
        .set(as(admin))
        .send({ credential: 'PT', licenceStates: ['NY'], fullTimePracticeYears: 6 })
        .expect(200);
      await t.http
        .put(`/therapists/${nyPt.id}/hours`)
        .set(as(admin))
        .send({
          windows: EVERY_DAY.map((weekday) => ({
            locationId: albany.id,
            weekday,
            starts: '07:00',
            ends: '20:00',
          })),
        })
        .expect(200);
      const e = await episode(day(0), 'commercial', albany.id, admin);
      const visit = {
        patientId: e.patientId,
        episodeId: e.episodeId,
        appointmentTypeId: types.treatment,
        locationId: albany.id,
        therapistId: nyPt.id,
      };
      const series = await t.http
        .post('/appointment-series')
        .set(as(admin))
        .send({
          ...visit,
          localStart: `${day(2)}T09:00`,
          rrule: 'FREQ=DAILY;COUNT=12',
          onConflict: 'book_available',
        })
        .expect(201);
      expect(series.body).toMatchObject({ booked: 10, conflicts: 2 });
      const outcomes = series.body.occurrences.map(
        (o: { outcome: string; conflict: { code: string } | null }) =>
          o.conflict ? o.conflict.code : o.outcome,
      );
      expect(outcomes.slice(10)).toEqual([
        'appointment.referral_required',
        'appointment.referral_required',
      ]);
      // An 11th visit placed before the ten already booked is the 11th all the same.
      const early = await t.http
        .post('/appointments')
        .set(as(admin))
        .send({ ...visit, localStart: `${day(1)}T09:00` })
        .expect(409);
      expect(early.body.errors).toEqual([
        expect.objectContaining({
          field: 'episodeId',
          reason: expect.stringContaining('visit_limit_reached'),
        }),
      ]);
    });

    it('never overrides red flags, and lifts a decision to refer only with a referral put on file after it', async () => {
      const held = await episode(day(0));
      await screen(held.episodeId, 'emergency');
      await book(admin, held, 1, { gateOverrideReason: 'Patient insists' }).expect(409);

      const e = await episode(day(0));
      await t.http
        .post(`/episodes/${e.episodeId}/referrals`)
        .set(as(clerk))
        .send(referral)
        .expect(201);
      const assessment = await screen(e.episodeId, 'clinician_review');
      await t.db.query(
        `INSERT INTO red_flag_decisions (assessment_id, decision, reason, decided_by) VALUES ($1, 'refer_to_physician', 'Night pain', $2)`,
        [assessment, pt.id],
      );
      await book(clerk, e, 1).expect(409);
    });

    it('refuses a clearance dated ahead or given by a non-physician, a progress report by a non-PT, and a therapist of another clinic', async () => {
      const e = await episode(day(0));
      const clearance = {
        clearedByName: 'Dr. Reyes',
        profession: 'physician',
        documentReference: 'Letter',
      };
      const ahead = await t.http
        .post(`/episodes/${e.episodeId}/physician-clearances`)
        .set(as(pt))
        .send({ ...clearance, clearedAt: new Date(Date.now() + 86_400_000).toISOString() })
        .expect(400);
      expect(ahead.body.errors).toEqual([expect.objectContaining({ field: 'clearedAt' })]);
      const chiropractor = await t.http
        .post(`/episodes/${e.episodeId}/physician-clearances`)
        .set(as(pt))
        .send({ ...clearance, profession: 'chiropractor', clearedAt: new Date().toISOString() })
        .expect(400);
      expect(chiropractor.body.errors).toEqual([expect.objectContaining({ field: 'profession' })]);
      const byClerk = await t.http
        .post(`/episodes/${e.episodeId}/progress-reports`)
        .set(as(pt))
        .send({ reportedOn: day(0), therapistId: clerk.id })
        .expect(400);
      expect(byClerk.body.errors).toEqual([expect.objectContaining({ field: 'therapistId' })]);
      await t.http
        .post(`/episodes/${e.episodeId}/progress-reports`)
        .set(as(pt))
        .send({ reportedOn: day(0), therapistId: pt.id })
        .expect(201);

      const elsewhere = await createStaff(t.http, t.db, 'therapist', [plano.id]);
      await t.http
        .put(`/therapists/${elsewhere.id}/profile`)
        .set(as(admin))
        .send({ credential: 'PT', licenceStates: ['TX'] })
        .expect(200);
      const probe = await t.http
        .post('/direct-access/evaluations')
        .set(as(clerk))
        .send({ locationId: scranton.id, therapistId: elsewhere.id })
        .expect(404);
      expect(probe.body).toMatchObject({
        code: 'therapist.not_found',
        errors: [{ field: 'therapistId' }],
      });
    });
  });

  describe('rule versions', () => {
    const parameters = {
      level: 'provisions',
      limit: {
        days: { count: 60, unit: 'calendar', startDayCounts: true, reading: '"60 days"' },
        visits: null,
        combine: 'whichever_first',
        clockStart: 'first_treatment',
      },
      progressReview: null,
      qualifications: { all: {}, anyOf: [], liabilityInsurance: false },
      duties: [],
      unlockedBy: { referralFrom: ['physician'], planSignedBy: [] },
      limitExemptPurposes: [],
      notes: ['SB 197 as enacted'],
    };

    it('lists the shipped rules with their sources', async () => {
      const { body } = await t.http.get('/direct-access/rules').set(as(clerk)).expect(200);
      const jurisdictions = new Set(
        body.map((rule: { jurisdiction: string }) => rule.jurisdiction),
      );
      for (const j of [
        'US-PA',
        'US-FL',
        'US-TX',
        'US-NY',
        'US-NJ',
        'US-CA',
        'US-IL',
        'US-OH',
        'US-MI',
        'US-GA',
        'US-NC',
        'US-VA',
        'US-WA',
        'US-MA',
        'US-AZ',
        'US-CO',
        'GB',
        'IE',
      ]) {
        expect(jurisdictions).toContain(j);
      }
      const virginia = await t.http.get('/direct-access/rules/US-VA').set(as(clerk)).expect(200);
      expect(virginia.body.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual([
        '2020-01-01',
        '2023-07-01',
      ]);
      await t.http.get('/direct-access/rules/US-DC').set(as(clerk)).expect(404);
      await t.http.get('/direct-access/rules/pennsylvania').set(as(clerk)).expect(400);
    });

    it('an admin adds a version; an old evaluation keeps the version it used', async () => {
      const e = await episode(day(0));
      const old = await t.http
        .post('/direct-access/evaluations')
        .set(as(pt))
        .send({ episodeId: e.episodeId })
        .expect(201);
      expect(old.body.rule.version).toBe(1);

      await t.http
        .post('/direct-access/rules/US-PA/versions')
        .set(as(pt))
        .send({ effectiveFrom: day(0), source: 'SB 197', parameters })
        .expect(403);
      const invalid = await t.http
        .post('/direct-access/rules/US-PA/versions')
        .set(as(admin))
        .send({
          effectiveFrom: day(0),
          source: 'SB 197',
          parameters: { ...parameters, unlockedBy: { referralFrom: [], planSignedBy: [] } },
        })
        .expect(400);
      expect(invalid.body.errors).toEqual([
        expect.objectContaining({ field: 'parameters.unlockedBy' }),
      ]);
      const incomplete = await t.http
        .post('/direct-access/rules/US-PA/versions')
        .set(as(admin))
        .send({
          effectiveFrom: day(0),
          source: 'SB 197',
          parameters: { ...parameters, qualifications: undefined },
        })
        .expect(400);
      expect(incomplete.body.errors).toEqual([
        expect.objectContaining({ field: expect.stringContaining('qualifications') }),
      ]);
      const added = await t.http
        .post('/direct-access/rules/US-PA/versions')
        .set(as(admin))
        .send({
          effectiveFrom: day(0),
          source: 'Pennsylvania SB 197 (2025), as enacted',
          parameters,
        })
        .expect(201);
      expect(added.body).toMatchObject({
        jurisdiction: 'US-PA',
        version: 2,
        effectiveFrom: day(0),
      });
      await t.http
        .post('/direct-access/rules/US-PA/versions')
        .set(as(admin))
        .send({ effectiveFrom: day(0), source: 'again', parameters })
        .expect(409);

      const fresh = await t.http
        .post('/direct-access/evaluations')
        .set(as(pt))
        .send({ episodeId: e.episodeId })
        .expect(201);
      expect(fresh.body).toMatchObject({ rule: { version: 2 }, until: { date: day(59) } });
      const kept = await t.http
        .get(`/direct-access/evaluations/${old.body.id}`)
        .set(as(pt))
        .expect(200);
      expect(kept.body).toMatchObject({ rule: { version: 1 }, until: { date: day(30) } });
    });
  });
});
