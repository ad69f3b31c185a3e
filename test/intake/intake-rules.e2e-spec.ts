import { DateTime } from 'luxon';
import { createLocation, createStaff, type LocationRow, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** Answers `prefix_1..prefix_n` from a list, null for an unanswered item. */
const items = (prefix: string, values: (number | null)[]) =>
  Object.fromEntries(values.map((value, index) => [`${prefix}_${index + 1}`, value]));

function intake(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'initial_evaluation',
    assessedOn: '2026-11-23',
    chiefComplaint: 'Low back pain',
    bodyRegion: 'lower_back',
    side: 'left',
    onsetDate: '2026-11-16',
    mechanism: 'sudden_movement',
    severity: 'moderate',
    triggers: ['bending_forward'],
    easingFactors: ['heat'],
    associatedSymptoms: ['muscle_spasm'],
    relevantHistory: [],
    medications: [],
    pain: { now: 5 },
    redFlags: [],
    instruments: [],
    ...overrides,
  };
}

describe('intake rules through the API (issue 19)', () => {
  let t: TestApp;
  let clinic: LocationRow;
  /** UTC+14 and UTC-11, for the assessment dates. */
  let east: LocationRow;
  let west: LocationRow;
  let therapist: StaffUser;
  let clerk: StaffUser;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await createLocation(t.db, { name: 'Wilkes-Barre' });
    east = await createLocation(t.db, { name: 'Kiritimati', timeZone: 'Pacific/Kiritimati' });
    west = await createLocation(t.db, { name: 'Pago Pago', timeZone: 'Pacific/Pago_Pago' });
    const locations = [clinic.id, east.id, west.id];
    therapist = await createStaff(t.http, t.db, 'therapist', locations);
    clerk = await createStaff(t.http, t.db, 'front_desk', locations);
  });
  afterAll(() => t.close());

  let patients = 0;
  /** An episode of a new patient (a patient has one open episode per region). */
  const openEpisode = async (
    options: { bodyRegion?: string; dateOfBirth?: string; locationId?: string } = {},
  ) => {
    patients += 1;
    const locationId = options.locationId ?? clinic.id;
    const patient = await t.http
      .post('/patients')
      .set('Authorization', clerk.authorization)
      .send({
        firstName: 'Rita',
        lastName: `Kowalski ${patients}`,
        dateOfBirth: options.dateOfBirth ?? '1986-04-12',
        homeLocationId: locationId,
      })
      .expect(201);
    const episode = await t.http
      .post(`/patients/${patient.body.id}/episodes`)
      .set('Authorization', therapist.authorization)
      .send({
        locationId,
        condition: 'Back pain',
        bodyRegion: options.bodyRegion ?? 'lower_back',
        openedOn: '2026-11-20',
      })
      .expect(201);
    return episode.body.id as string;
  };

  const record = (episodeId: string, body: Record<string, unknown>) =>
    t.http
      .post(`/episodes/${episodeId}/assessments`)
      .set('Authorization', therapist.authorization)
      .send(body);

  const recordSigned = async (episodeId: string, body: Record<string, unknown>) => {
    const created = await record(episodeId, body);
    expect(created.status).toBe(201);
    await t.http
      .post(`/assessments/${created.body.id}/sign`)
      .set('Authorization', therapist.authorization)
      .expect(200);
    return created.body as { id: string };
  };

  const outcomesOf = async (episodeId: string) => {
    const { body } = await t.http
      .get(`/episodes/${episodeId}/outcomes`)
      .set('Authorization', therapist.authorization)
      .expect(200);
    return Object.fromEntries(body.map((o: { instrument: string }) => [o.instrument, o]));
  };

  describe('outcome change', () => {
    it('reports ODI 10/45 -> 7/45 as exactly 30 % better, reaching the MCID, with the scores shown rounded', async () => {
      const episodeId = await openEpisode();
      await recordSigned(
        episodeId,
        intake({
          instruments: [
            { instrument: 'odi', answers: items('odi', [2, 1, 1, 1, 1, 1, 1, null, 1, 1]) },
          ],
        }),
      );
      await recordSigned(
        episodeId,
        intake({
          kind: 're_evaluation',
          assessedOn: '2026-12-01',
          instruments: [
            { instrument: 'odi', answers: items('odi', [1, 1, 1, 1, 1, 1, 1, null, 0, 0]) },
          ],
        }),
      );
      const { odi } = await outcomesOf(episodeId);
      expect(odi.change).toMatchObject({
        baseline: 22.2,
        latest: 15.6,
        change: -6.67,
        improvement: 6.67,
        improvementPercent: 30,
        reachesThreshold: true,
      });
    });

    it('holds one PSFS activity to its own MDC of 3 points, and a mean of several to 2', async () => {
      const episodeId = await openEpisode();
      await recordSigned(
        episodeId,
        intake({
          instruments: [{ instrument: 'psfs', answers: { psfs_1: 3 } }],
        }),
      );
      await recordSigned(
        episodeId,
        intake({
          kind: 're_evaluation',
          assessedOn: '2026-12-01',
          instruments: [{ instrument: 'psfs', answers: { psfs_1: 5 } }],
        }),
      );
      expect((await outcomesOf(episodeId)).psfs.change).toMatchObject({
        improvement: 2,
        threshold: { kind: 'mdc90', points: 3 },
        reachesThreshold: false,
      });

      const several = await openEpisode();
      await recordSigned(
        several,
        intake({ instruments: [{ instrument: 'psfs', answers: { psfs_1: 3, psfs_2: 3 } }] }),
      );
      await recordSigned(
        several,
        intake({
          kind: 're_evaluation',
          assessedOn: '2026-12-01',
          instruments: [{ instrument: 'psfs', answers: { psfs_1: 5, psfs_2: 5 } }],
        }),
      );
      expect((await outcomesOf(several)).psfs.change).toMatchObject({
        improvement: 2,
        threshold: { kind: 'mdc90', points: 2 },
        reachesThreshold: true,
      });
    });
  });

  describe('red flags the record shows', () => {
    const treatmentOf = async (episodeId: string): Promise<Record<string, unknown>> => {
      const { body } = await t.http
        .get(`/episodes/${episodeId}`)
        .set('Authorization', clerk.authorization)
        .expect(200);
      return (body as { treatment: Record<string, unknown> }).treatment;
    };

    it('holds treatment for a fracture screen when an osteoporotic patient fell, with nothing ticked', async () => {
      const episodeId = await openEpisode();
      const created = await recordSigned(
        episodeId,
        intake({ mechanism: 'fall', relevantHistory: ['osteoporosis'], redFlags: [] }),
      );
      const { body } = await t.http
        .get(`/assessments/${created.id}`)
        .set('Authorization', therapist.authorization)
        .expect(200);
      expect(body.redFlags).toMatchObject({
        disposition: 'clinician_review',
        blocksTreatment: true,
        screen: {
          version: 'red-flags/2026-12',
          reasons: [
            {
              flag: 'minor_trauma_older_or_osteoporotic',
              group: 'fracture',
              source: 'history',
              basis: 'osteoporosis, with onset by fall',
            },
          ],
        },
      });
      expect(await treatmentOf(episodeId)).toMatchObject({
        blocked: true,
        disposition: 'clinician_review',
      });
    });

    it('stops treatment as a cauda equina emergency for bilateral leg symptoms with numbness', async () => {
      const episodeId = await openEpisode();
      const created = await recordSigned(
        episodeId,
        intake({
          side: 'bilateral',
          associatedSymptoms: ['radiating_pain', 'numbness_or_tingling'],
        }),
      );
      const { body } = await t.http
        .get(`/assessments/${created.id}`)
        .set('Authorization', therapist.authorization)
        .expect(200);
      expect(body.redFlags).toMatchObject({
        disposition: 'emergency',
        screen: {
          reasons: [{ flag: 'bilateral_leg_pain', group: 'cauda_equina', source: 'content' }],
        },
      });
      expect(await treatmentOf(episodeId)).toMatchObject({
        blocked: true,
        disposition: 'emergency',
      });
    });

    it('takes a fall from height as the onset and screens it as major trauma', async () => {
      const episodeId = await openEpisode();
      const created = await record(episodeId, intake({ mechanism: 'fall_from_height' }));
      expect(created.status).toBe(201);
      expect(created.body.content.mechanism).toBe('fall_from_height');
      expect(created.body.redFlags.screen.reasons).toEqual([
        expect.objectContaining({ flag: 'major_trauma', source: 'content' }),
      ]);
      const unknown = await record(episodeId, intake({ mechanism: 'fall_from_a_ladder' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors.map((e: { field: string }) => e.field)).toContain('mechanism');
    });
  });

  describe('assessment dates', () => {
    // UTC+14 and UTC-11: whenever the test runs, Kiritimati's today is a later date than Pago
    // Pago's (by one or two days), so it is in the future for a clinic there.
    const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;

    const countAssessments = async (episodeId: string) =>
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM assessments WHERE episode_id = $1',
          [episodeId],
        )
      ).rows[0].n;

    it('takes today in the clinic’s own zone, and refuses a later day with 422 naming assessedOn', async () => {
      const date = todayIn('Pacific/Kiritimati');
      expect(date > todayIn('Pacific/Pago_Pago')).toBe(true);

      const inKiritimati = await openEpisode({ locationId: east.id });
      const accepted = await record(inKiritimati, intake({ assessedOn: date, onsetDate: date }));
      expect(accepted.status).toBe(201);

      const inPagoPago = await openEpisode({ locationId: west.id });
      const refused = await record(inPagoPago, intake({ assessedOn: date, onsetDate: date }));
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.body).toMatchObject({
        status: 422,
        code: 'assessment.dated_in_future',
        errors: [{ field: 'assessedOn', reason: expect.stringContaining('Pacific/Pago_Pago') }],
      });
      expect(await countAssessments(inPagoPago)).toBe(0);

      const today = todayIn('Pacific/Pago_Pago');
      expect(
        (await record(inPagoPago, intake({ assessedOn: today, onsetDate: today }))).status,
      ).toBe(201);
    });

    it('refuses to move a draft to a later day, and to sign a draft dated ahead', async () => {
      const episodeId = await openEpisode({ locationId: west.id });
      const draft = await record(episodeId, intake());
      expect(draft.status).toBe(201);
      // Two days ahead: still ahead if Pago Pago's midnight passes while the test runs.
      const ahead = DateTime.now().setZone('Pacific/Pago_Pago').plus({ days: 2 }).toISODate()!;

      const moved = await t.http
        .put(`/assessments/${draft.body.id}`)
        .set('Authorization', therapist.authorization)
        .send(intake({ assessedOn: ahead }));
      expect(moved.status).toBe(422);
      expect(moved.body.errors).toEqual([{ field: 'assessedOn', reason: expect.any(String) }]);

      // A draft dated ahead before this rule (or before its clinic's zone changed) waits its day.
      await t.db.query('UPDATE assessments SET assessed_on = $2 WHERE id = $1', [
        draft.body.id,
        ahead,
      ]);
      const signed = await t.http
        .post(`/assessments/${draft.body.id}/sign`)
        .set('Authorization', therapist.authorization);
      expect(signed.status).toBe(422);
      expect(signed.body).toMatchObject({
        code: 'assessment.dated_in_future',
        errors: [{ field: 'assessedOn' }],
      });
      const { rows } = await t.db.query<{ status: string }>(
        'SELECT status FROM assessments WHERE id = $1',
        [draft.body.id],
      );
      expect(rows[0].status).toBe('draft');
    });
  });

  describe('unanswered items', () => {
    const countIn = async (episodeId: string) =>
      (
        await t.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM assessments WHERE episode_id = $1',
          [episodeId],
        )
      ).rows[0].n;

    it('refuses to score an ODI with two sections unanswered: 422 naming its answers and the rule', async () => {
      const episodeId = await openEpisode();
      const response = await record(
        episodeId,
        intake({
          instruments: [
            { instrument: 'odi', answers: items('odi', [2, 1, 1, 1, 1, 1, 1, null, null, 1]) },
          ],
        }),
      );
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'assessment.instrument_unscorable',
        errors: [
          {
            field: 'instruments[0].answers',
            reason: expect.stringMatching(/leave 2 unanswered \(odi_8, odi_9\).*Fairbank/),
          },
        ],
      });
      expect(await countIn(episodeId)).toBe(0);

      // One section unanswered is the published case, and is scored (16 of 45).
      const scored = await record(
        episodeId,
        intake({
          instruments: [
            { instrument: 'odi', answers: items('odi', [2, 2, 2, 2, 2, 2, 2, null, 1, 1]) },
          ],
        }),
      );
      expect(scored.status).toBe(201);
      expect(scored.body.instruments).toContainEqual(
        expect.objectContaining({ instrument: 'odi', score: 35.6 }),
      );
    });

    it('refuses an NDI with three items unanswered, and gives 400 when an answer is also invalid', async () => {
      const episodeId = await openEpisode({ bodyRegion: 'neck' });
      const ndi = items('ndi', [1, 2, 1, 2, 1, 2, 1, null, null, null]);
      const sparse = await record(
        episodeId,
        intake({ bodyRegion: 'neck', instruments: [{ instrument: 'ndi', answers: ndi }] }),
      );
      expect(sparse.status).toBe(422);
      expect(sparse.body.errors).toEqual([
        { field: 'instruments[0].answers', reason: expect.stringContaining('Vernon') },
      ]);

      const invalidToo = await record(
        episodeId,
        intake({
          bodyRegion: 'neck',
          // Best pain worse than now: valid on its own, invalid against the pain now.
          pain: { now: 3, best24h: 5 },
          instruments: [{ instrument: 'ndi', answers: ndi }],
        }),
      );
      expect(invalidToo.status).toBe(400);
      expect(invalidToo.body.code).toBe('assessment.invalid');
      expect(invalidToo.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['instruments[0].answers', 'pain.best24h']),
      );
      expect(await countIn(episodeId)).toBe(0);
    });
  });
});
