import { nextWeekday } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';
import { as, type FrontDeskClinic, frontDeskClinic } from './clinic';

describe('screens show names, not ids', () => {
  let t: TestApp;
  let c: FrontDeskClinic;

  beforeAll(async () => {
    t = await startTestApp();
    c = await frontDeskClinic(t);
  });
  afterAll(() => t.close());

  it('a slot names its therapist, clinic and type, and a booking from it names the patient', async () => {
    const day = nextWeekday(3);
    const { body: slots } = await t.http
      .get(`/availability?appointmentTypeId=${c.followUp}&from=${day}&to=${day}&limit=1`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(slots.items[0]).toMatchObject({
      therapistId: c.dana.id,
      therapistName: 'Dana Whitfield',
      locationName: 'Scranton Downtown',
      appointmentTypeId: c.followUp,
      appointmentTypeName: 'Follow-up visit',
      durationMinutes: 45,
      localStart: `${day}T07:00`,
    });
    const { body: booked } = await t.http
      .post('/appointments')
      .set(as(c.scrantonClerk))
      .send({
        patientId: c.maria.id,
        appointmentTypeId: c.followUp,
        locationId: slots.items[0].locationId,
        therapistId: slots.items[0].therapistId,
        startsAt: slots.items[0].startsAt,
      })
      .expect(201);
    expect(booked).toMatchObject({
      patientName: 'Maria Lopez',
      therapistName: 'Dana Whitfield',
      locationName: 'Scranton Downtown',
      appointmentTypeName: 'Follow-up visit',
      durationMinutes: 45,
    });
    const { body: one } = await t.http
      .get(`/appointments/${booked.id}`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(one.patientName).toBe('Maria Lopez');
    const { body: theirs } = await t.http
      .get(`/patients/${c.maria.id}/appointments`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(theirs[0]).toMatchObject({ id: booked.id, therapistName: 'Dana Whitfield' });
  });

  it('the schedule names every visit, and hides the name of a patient of another clinic', async () => {
    const day = nextWeekday(4);
    const visit = (patientId: string, localStart: string) =>
      t.http
        .post('/appointments')
        .set(as(c.admin))
        .send({
          patientId,
          appointmentTypeId: c.followUp,
          locationId: c.scranton.id,
          therapistId: c.dana.id,
          localStart,
        })
        .expect(201);
    await visit(c.maria.id, `${day}T09:00`);
    await visit(c.jonas.id, `${day}T10:00`);
    const { body } = await t.http
      .get(`/schedule?locationId=${c.scranton.id}&date=${day}`)
      .set(as(c.scrantonClerk))
      .expect(200);
    expect(
      body.map((entry: Record<string, unknown>) => [
        entry.localStart,
        entry.patientName,
        entry.therapistName,
        entry.appointmentTypeName,
        entry.locationName,
      ]),
    ).toEqual([
      [`${day}T09:00`, 'Maria Lopez', 'Dana Whitfield', 'Follow-up visit', 'Scranton Downtown'],
      [`${day}T10:00`, null, 'Dana Whitfield', 'Follow-up visit', 'Scranton Downtown'],
    ]);
    const { body: asAdmin } = await t.http
      .get(`/schedule?locationId=${c.scranton.id}&date=${day}`)
      .set(as(c.admin))
      .expect(200);
    expect(asAdmin[1].patientName).toBe('Jonas Berg');
  });

  describe('the therapist directory', () => {
    it('shows a clerk the therapists of their clinics, with credential and clinics by name', async () => {
      const { body } = await t.http.get('/therapists').set(as(c.scrantonClerk)).expect(200);
      expect(body).toMatchObject({ total: 1, limit: 25, offset: 0 });
      expect(body.items).toEqual([
        {
          id: c.dana.id,
          name: 'Dana Whitfield',
          active: true,
          credential: 'PT',
          licenceStates: ['PA'],
          directAccessCertified: false,
          locations: [{ id: c.scranton.id, name: 'Scranton Downtown' }],
        },
      ]);
    });

    it('shows an admin every therapist, filtered by clinic and by whether active', async () => {
      const all = await t.http.get('/therapists?limit=100').set(as(c.admin)).expect(200);
      const names = all.body.items.map((entry: { name: string }) => entry.name);
      expect(names).toEqual(expect.arrayContaining(['Dana Whitfield', 'Omar Reyes']));
      const plano = await t.http
        .get(`/therapists?locationId=${c.plano.id}`)
        .set(as(c.admin))
        .expect(200);
      expect(plano.body.items).toEqual([
        expect.objectContaining({ name: 'Omar Reyes', credential: 'PTA' }),
      ]);
      await t.db.query('UPDATE users SET active = false WHERE id = $1', [c.omar.id]);
      const inactive = await t.http
        .get(`/therapists?active=false`)
        .set(as(c.planoClerk))
        .expect(200);
      expect(inactive.body.items.map((entry: { id: string }) => entry.id)).toEqual([c.omar.id]);
      const active = await t.http.get(`/therapists?active=true`).set(as(c.planoClerk)).expect(200);
      expect(active.body.total).toBe(0);
    });

    it('refuses a filter that is not true or false, naming it', async () => {
      const { body } = await t.http.get('/therapists?active=maybe').set(as(c.admin)).expect(400);
      expect(body.errors).toEqual([
        expect.objectContaining({
          field: 'active',
          reason: expect.stringContaining('true or false'),
        }),
      ]);
    });
  });
});
