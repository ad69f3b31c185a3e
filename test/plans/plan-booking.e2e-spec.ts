import { PlansOfCareReader } from '../../src/plans/plans-of-care-reader.service';
import { type LocationRow, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, dayIn, patientWithEpisode, planClinic, EVERY_DAY } from './plan-fixtures';

const NPI = '1234567893';

describe('plan-driven scheduling: book this plan, progress visits, the plan as a booking policy', () => {
  let t: TestApp;
  let admin: StaffUser;
  let clerk: StaffUser;
  let pt: StaffUser;
  let clinic: LocationRow;
  let followUp: string;
  let templateVersionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, clerk, pt, clinic, followUp, templateVersionId } = await planClinic(
      t.http,
      t.db,
      'plan_follow_up',
    ));
  });
  afterAll(() => t.close());

  /** A Medicare patient's signed plan of 3 visits a week for 4 weeks, certified through `certifiedThrough`. */
  async function signedMedicarePlan(certifiedThrough: string, extra: object = {}) {
    const { episodeId, patientId } = await patientWithEpisode(t.http, t.db, clerk, pt, clinic, {
      payer: 'medicare',
      onsetDate: dayIn(-10),
    });
    const plan = await t.http
      .post(`/episodes/${episodeId}/plans`)
      .set(as(pt))
      .send({
        templateVersionId,
        diagnoses: [{ code: 'M62.830', description: 'Muscle spasm of back' }],
        frequencyPerWeek: 3,
        durationWeeks: 4,
        ...extra,
      })
      .expect(201);
    await t.http.post(`/plans/${plan.body.id}/sign`).set(as(pt)).send({}).expect(200);
    await t.http
      .post(`/episodes/${episodeId}/plan-signatures`)
      .set(as(pt))
      .send({
        signerName: 'Dr. Ana Reyes',
        profession: 'physician',
        npi: NPI,
        kind: 'certification',
        signedOn: dayIn(0),
        periodEnd: certifiedThrough,
      })
      .expect(201);
    return { planId: plan.body.id as string, episodeId, patientId };
  }

  it('books the series for frequency x duration with the 10th treatment day as a progress visit, and shows Medicare’s dates', async () => {
    const { planId } = await signedMedicarePlan(dayIn(80));
    const plan = await t.http.get(`/plans/${planId}`).set(as(clerk)).expect(200);
    // What billing reads for a visit's day: diagnoses with pointers, signer and certifier.
    const reader = t.app.get(PlansOfCareReader);
    expect(await reader.planForVisit(plan.body.episodeId, dayIn(3))).toEqual({
      planId,
      status: 'active',
      startDate: dayIn(0),
      endDate: dayIn(27),
      diagnoses: [{ pointer: 1, code: 'M62.830', description: 'Muscle spasm of back' }],
      interventions: expect.arrayContaining([
        {
          cpt: '97140',
          category: 'manual_therapy',
          timed: true,
          name: 'Soft tissue mobilisation and myofascial release',
        },
      ]),
      signedBy: { userId: pt.id, fullName: expect.any(String) },
      certifiedBy: { name: 'Dr. Ana Reyes', npi: NPI, profession: 'physician' },
    });
    expect(await reader.planForVisit(plan.body.episodeId, dayIn(28))).toBeNull();
    expect(plan.body.medicare).toMatchObject({
      certification: { certifiedOn: dayIn(0), by: 'signature', overdue: false },
      recertification: { dueBy: dayIn(80) },
      progressReport: { treatmentDaysSinceLast: 0 },
    });

    const booked = await t.http
      .post(`/plans/${planId}/bookings`)
      .set(as(clerk))
      .send({ appointmentTypeId: followUp, weekdays: EVERY_DAY, time: '09:00' })
      .expect(201);
    expect(booked.body).toMatchObject({ therapistId: pt.id, stoppedBy: 'prescribed_visits' });
    expect(booked.body.visits).toHaveLength(12);
    expect(booked.body.visits.every((v: { appointmentId: string | null }) => v.appointmentId)).toBe(
      true,
    );
    expect(
      booked.body.visits.map((v: { progressVisit: boolean }) => v.progressVisit).indexOf(true),
    ).toBe(9);
    const { rows } = await t.db.query(
      `SELECT t.code, count(*)::int AS n FROM appointments a JOIN appointment_types t ON t.id = a.appointment_type_id
        WHERE a.id = ANY($1) GROUP BY t.code ORDER BY t.code`,
      [booked.body.visits.map((v: { appointmentId: string }) => v.appointmentId)],
    );
    expect(rows).toEqual([
      { code: 'plan_follow_up', n: 11 },
      { code: 'progress_visit', n: 1 },
    ]);
    // All prescribed visits are booked: booking the plan again books nothing more.
    const again = await t.http
      .post(`/plans/${planId}/bookings`)
      .set(as(clerk))
      .send({ appointmentTypeId: followUp, weekdays: EVERY_DAY, time: '15:00' })
      .expect(201);
    expect(again.body).toMatchObject({ seriesId: null, visits: [] });
  });

  it('stops the series at the certification’s end and refuses a visit past it, or warns where the clinic says so', async () => {
    const { planId, episodeId, patientId } = await signedMedicarePlan(dayIn(5));
    const booked = await t.http
      .post(`/plans/${planId}/bookings`)
      .set(as(clerk))
      .send({ appointmentTypeId: followUp, weekdays: EVERY_DAY, time: '11:00' })
      .expect(201);
    expect(booked.body.stoppedBy).toBe('certification_end');
    expect(
      booked.body.visits.map((v: { localStart: string }) => v.localStart.slice(0, 10)).at(-1),
    ).toBe(dayIn(5));

    const visit = {
      patientId,
      episodeId,
      appointmentTypeId: followUp,
      locationId: clinic.id,
      therapistId: pt.id,
      localStart: `${dayIn(7)}T13:00`,
    };
    const refused = await t.http.post('/appointments').set(as(clerk)).send(visit).expect(409);
    expect(refused.body).toMatchObject({ code: 'appointment.outside_plan_of_care' });
    expect(refused.body.detail).toContain(`certification of the plan ended on ${dayIn(5)}`);
    const outside = await t.http
      .post('/appointments')
      .set(as(clerk))
      .send({ ...visit, localStart: `${dayIn(28)}T13:00` })
      .expect(409);
    expect(outside.body.detail).toContain(`No active plan of care covers ${dayIn(28)}`);

    await t.http
      .put(`/locations/${clinic.id}/plan-coverage`)
      .set(as(clerk))
      .send({ enforcement: 'warn' })
      .expect(403);
    await t.http
      .put(`/locations/${clinic.id}/plan-coverage`)
      .set(as(admin))
      .send({ enforcement: 'warn' })
      .expect(200);
    const warned = await t.http.post('/appointments').set(as(clerk)).send(visit).expect(201);
    expect(warned.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'appointment.outside_plan_of_care_warning',
    ]);
    await t.http
      .put(`/locations/${clinic.id}/plan-coverage`)
      .set(as(admin))
      .send({ enforcement: 'refuse' })
      .expect(200);
  });

  it('refuses a visit past the plan’s authorised visits', async () => {
    const { planId, episodeId, patientId } = await signedMedicarePlan(dayIn(80), {
      visitsAuthorised: 2,
    });
    const booked = await t.http
      .post(`/plans/${planId}/bookings`)
      .set(as(clerk))
      .send({ appointmentTypeId: followUp, weekdays: [1, 2, 3, 4, 5, 6, 7], time: '16:00' })
      .expect(201);
    expect(booked.body).toMatchObject({ stoppedBy: 'authorised_visits' });
    expect(booked.body.visits).toHaveLength(2);
    const refused = await t.http
      .post('/appointments')
      .set(as(clerk))
      .send({
        patientId,
        episodeId,
        appointmentTypeId: followUp,
        locationId: clinic.id,
        therapistId: pt.id,
        localStart: `${dayIn(9)}T17:00`,
      })
      .expect(409);
    expect(refused.body.detail).toBe('The plan authorises 2 visits and 2 are booked');
  });

  it('puts under-scheduled and dropped patients on the task list', async () => {
    const partly = await signedMedicarePlan(dayIn(80));
    const booked = await t.http
      .post(`/plans/${partly.planId}/bookings`)
      .set(as(clerk))
      .send({ appointmentTypeId: followUp, weekdays: [3], time: '08:00' })
      .expect(201);
    const count = booked.body.visits.length as number;
    expect(count).toBeGreaterThanOrEqual(3);
    const dropped = await signedMedicarePlan(dayIn(80));

    const tasks = await t.http
      .get(`/direct-access/tasks?locationId=${clinic.id}`)
      .set(as(clerk))
      .expect(200);
    const of = (episodeId: string) =>
      (tasks.body as { episodeId: string; code: string; text: string }[]).filter(
        (task) => task.episodeId === episodeId && task.code.startsWith('plan_'),
      );
    expect(of(partly.episodeId)).toEqual([
      expect.objectContaining({
        code: 'plan_under_scheduled',
        text: `${count} of 12 prescribed visits booked: book the rest of the plan`,
      }),
    ]);
    expect(of(dropped.episodeId).map((task) => task.code)).toEqual(['plan_no_visit_ahead']);
  });
});
