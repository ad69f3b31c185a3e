import {
  createLocation,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, dayIn, patientWithEpisode, ZONE, publishedTemplate } from './plan-fixtures';

/**
 * Georgia's direct access runs 21 days or 8 visits from the initiation of the PT's plan of
 * intervention, not from the first visit (../shared/domain/direct-access.md): the plan of care
 * signed here is what starts that clock in direct access's evaluation.
 */
describe('Georgia: the direct-access clock starts at the signed plan of care', () => {
  let t: TestApp;
  let admin: StaffUser;
  let clerk: StaffUser;
  let pt: StaffUser;
  let clinic: LocationRow;
  let templateVersionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    clinic = await createLocation(t.db, { timeZone: ZONE, state: 'GA' });
    clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
    pt = await createTherapist(t.http, t.db, admin, clinic);
    templateVersionId = await publishedTemplate(t.http, admin);
  });
  afterAll(() => t.close());

  const evaluate = async (episodeId: string) =>
    (await t.http.post('/direct-access/evaluations').set(as(pt)).send({ episodeId }).expect(201))
      .body as {
      status: string;
      until: { date: string; visits: number };
      reasons: { code: string }[];
    };

  it('runs from the first treatment while the plan is a draft, then from the plan’s first day', async () => {
    const { episodeId } = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, {
      openedOn: dayIn(-10),
      onsetDate: dayIn(-12),
    });
    const plan = await t.http
      .post(`/episodes/${episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId,
        startDate: dayIn(-5),
        diagnoses: [{ code: 'M62.830', description: 'Muscle spasm of back' }],
      })
      .expect(201);

    const draft = await evaluate(episodeId);
    expect(draft.until).toMatchObject({ date: dayIn(10), visits: 8 });
    expect(draft.reasons.map((r) => r.code)).toContain('clock_from_first_treatment');

    await t.http.post(`/plans/${plan.body.id}/sign`).set(as(pt)).send({}).expect(200);
    const signed = await evaluate(episodeId);
    // 21 days counting the plan's first day.
    expect(signed.until).toMatchObject({ date: dayIn(15), visits: 8 });
    expect(signed.reasons.map((r) => r.code)).not.toContain('clock_from_first_treatment');
  });

  it('a plan dated to start later has not started the clock yet', async () => {
    const { episodeId } = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, {
      openedOn: dayIn(-3),
      onsetDate: dayIn(-4),
    });
    const plan = await t.http
      .post(`/episodes/${episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId,
        startDate: dayIn(4),
        diagnoses: [{ code: 'M62.830', description: 'Muscle spasm of back' }],
      })
      .expect(201);
    await t.http.post(`/plans/${plan.body.id}/sign`).set(as(pt)).send({}).expect(200);
    const answer = await evaluate(episodeId);
    expect(answer.until.date).toBe(dayIn(17));
    expect(answer.reasons.map((r) => r.code)).toContain('clock_from_first_treatment');
  });
});
