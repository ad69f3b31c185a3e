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
  let therapist: StaffUser;
  let clerk: StaffUser;

  beforeAll(async () => {
    t = await startTestApp();
    clinic = await createLocation(t.db, { name: 'Wilkes-Barre' });
    therapist = await createStaff(t.http, t.db, 'therapist', [clinic.id]);
    clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
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
});
