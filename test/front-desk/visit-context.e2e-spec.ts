import { DateTime } from 'luxon';
import { createPatient } from '../factories';
import { nextWeekday } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, type FrontDeskClinic, frontDeskClinic } from './clinic';

describe('bookings carry their context', () => {
  let t: TestApp;
  let c: FrontDeskClinic;

  const book = (body: Record<string, unknown>) =>
    t.http
      .post('/appointments')
      .set(as(c.scrantonClerk))
      .send({
        appointmentTypeId: c.followUp,
        locationId: c.scranton.id,
        therapistId: c.dana.id,
        ...body,
      });

  let parked = 0;
  /**
   * A visit starting `minutes` from now (negative: already started), whatever the hour: booked at
   * a free time weeks ahead, then moved to its start as the clock would bring it near.
   */
  const bookIn = async (patientId: string, minutes: number) => {
    const hour = String(7 + parked++).padStart(2, '0');
    const { body } = await book({
      patientId,
      localStart: `${nextWeekday(5, 40)}T${hour}:00`,
    }).expect(201);
    const start = DateTime.now().plus({ minutes }).startOf('minute').toJSDate();
    await t.db.query(
      `UPDATE appointments SET starts_at = $2, ends_at = $2::timestamptz + interval '45 min',
              busy_from = $2, busy_until = $2::timestamptz + interval '45 min' WHERE id = $1`,
      [body.id, start],
    );
    return body.id as string;
  };

  const openEpisode = async (patientId: string) =>
    (
      await t.http
        .post(`/patients/${patientId}/episodes`)
        .set(as(c.dana))
        .send({
          locationId: c.scranton.id,
          condition: 'Low back pain',
          bodyRegion: 'lower_back',
          openedOn: DateTime.now().setZone(c.scranton.timeZone).toISODate(),
        })
        .expect(201)
    ).body.id as string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await frontDeskClinic(t);
  });
  afterAll(() => t.close());

  it('keeps a reason for the visit, shown wherever the visit is', async () => {
    const day = nextWeekday(2);
    const { body } = await book({
      patientId: c.maria.id,
      localStart: `${day}T09:00`,
      reasonForVisit: '  Low back pain since a fall  ',
    }).expect(201);
    expect(body.reasonForVisit).toBe('Low back pain since a fall');
    const { body: schedule } = await t.http
      .get(`/schedule?locationId=${c.scranton.id}&date=${day}`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(schedule[0].reasonForVisit).toBe('Low back pain since a fall');
    const blank = await book({
      patientId: c.maria.id,
      localStart: `${day}T10:00`,
      reasonForVisit: '   ',
    }).expect(400);
    expect(blank.body.errors).toEqual([
      expect.objectContaining({
        field: 'reasonForVisit',
        reason: expect.stringContaining('blank'),
      }),
    ]);
    const long = await book({
      patientId: c.maria.id,
      localStart: `${day}T10:00`,
      reasonForVisit: 'x'.repeat(501),
    }).expect(400);
    expect(long.body.errors[0].field).toBe('reasonForVisit');
  });

  it('books in an episode, and lets the first visit join the episode opened at it', async () => {
    const patient = await createPatient(t.db, c.scranton.id, { firstName: 'Ana' });
    const first = await bookIn(patient.id, 30);
    await t.http.post(`/appointments/${first}/check-in`).set(as(c.scrantonClerk)).expect(200);
    const episode = await openEpisode(patient.id);
    const joined = await t.http
      .put(`/appointments/${first}/episode`)
      .set(as(c.scrantonClerk))
      .send({ episodeId: episode })
      .expect(200);
    expect(joined.body).toMatchObject({ episodeId: episode, status: 'checked_in' });
    const { body: history } = await t.http
      .get(`/appointments/${first}/history`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(history.at(-1)).toMatchObject({
      action: 'change_episode',
      details: { fromEpisodeId: null, toEpisodeId: episode },
    });
    const next = await book({
      patientId: patient.id,
      localStart: `${nextWeekday(3)}T09:00`,
      episodeId: episode,
    }).expect(201);
    expect(next.body.episodeId).toBe(episode);
    const out = await t.http
      .put(`/appointments/${next.body.id}/episode`)
      .set(as(c.scrantonClerk))
      .send({ episodeId: null })
      .expect(200);
    expect(out.body.episodeId).toBeNull();
  });

  it('refuses another patient’s episode, and a body without episodeId', async () => {
    const patient = await createPatient(t.db, c.scranton.id, { firstName: 'Ben' });
    const theirs = await openEpisode(c.maria.id);
    const visit = await bookIn(patient.id, 24 * 60);
    const refused = await t.http
      .put(`/appointments/${visit}/episode`)
      .set(as(c.scrantonClerk))
      .send({ episodeId: theirs })
      .expect(404);
    expect(refused.body.errors).toEqual([
      { field: 'episodeId', reason: 'no such episode for this patient' },
    ]);
    const missing = await t.http
      .put(`/appointments/${visit}/episode`)
      .set(as(c.scrantonClerk))
      .send({})
      .expect(400);
    expect(missing.body.errors[0].field).toBe('episodeId');
    const { rows } = await t.db.query('SELECT episode_id FROM appointments WHERE id = $1', [visit]);
    expect(rows[0].episode_id).toBeNull();
  });

  it('opens check-in 60 minutes before the start and closes it at the end', async () => {
    const patient = await createPatient(t.db, c.scranton.id, { firstName: 'Cleo' });
    const daysAhead = await bookIn(patient.id, 6 * 24 * 60);
    const early = await t.http
      .post(`/appointments/${daysAhead}/check-in`)
      .set(as(c.scrantonClerk))
      .expect(409);
    expect(early.body).toMatchObject({
      code: 'appointment.check_in_too_early',
      detail: expect.stringMatching(
        /^Check-in opens 60 minutes before the start, at \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(America\/New_York\)$/,
      ),
    });
    const soon = await bookIn(patient.id, 90);
    await t.http.post(`/appointments/${soon}/check-in`).set(as(c.scrantonClerk)).expect(409);
    const ended = await bookIn(patient.id, -120);
    const late = await t.http
      .post(`/appointments/${ended}/check-in`)
      .set(as(c.scrantonClerk))
      .expect(409);
    expect(late.body.code).toBe('appointment.check_in_too_late');
    const started = await bookIn(patient.id, -20);
    await t.http.post(`/appointments/${started}/check-in`).set(as(c.scrantonClerk)).expect(200);
  });

  it('takes the window from CHECK_IN_OPENS_MINUTES_BEFORE', async () => {
    const wide = await startTestApp({ env: { CHECK_IN_OPENS_MINUTES_BEFORE: '180' } });
    try {
      const w = await frontDeskClinic(wide);
      const { body } = await wide.http
        .post('/appointments')
        .set(as(w.scrantonClerk))
        .send({
          patientId: w.maria.id,
          appointmentTypeId: w.followUp,
          locationId: w.scranton.id,
          therapistId: w.dana.id,
          localStart: `${nextWeekday(5, 40)}T09:00`,
        })
        .expect(201);
      const start = DateTime.now().plus({ minutes: 150 }).startOf('minute').toJSDate();
      await wide.db.query(
        `UPDATE appointments SET starts_at = $2, ends_at = $2::timestamptz + interval '45 min',
                busy_from = $2, busy_until = $2::timestamptz + interval '45 min' WHERE id = $1`,
        [body.id, start],
      );
      await wide.http
        .post(`/appointments/${body.id}/check-in`)
        .set(as(w.scrantonClerk))
        .expect(200);
    } finally {
      await wide.close();
    }
  });
});
