import { randomUUID } from 'node:crypto';
import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { nextWeekday } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';

/** A caller of one clinic learns nothing of another clinic's records, not even that they exist. */
describe('access across clinics', () => {
  let t: TestApp;
  let admin: StaffUser;
  let scranton: LocationRow;
  let plano: LocationRow;
  let scrantonClerk: StaffUser;
  let scrantonPt: StaffUser;
  let planoPt: StaffUser;
  let patient: { id: string };
  let followUp: string;
  const as = (user: StaffUser) => ({ Authorization: user.authorization });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    scranton = await createLocation(t.db, { name: 'Scranton' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    for (const location of [scranton, plano]) {
      await t.http
        .put(`/locations/${location.id}/hours`)
        .set(as(admin))
        .send({
          windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
        })
        .expect(200);
    }
    await t.http
      .post(`/locations/${plano.id}/resources`)
      .set(as(admin))
      .send({ name: 'Plano pool', kind: 'pool', capacity: 4 })
      .expect(201);
    scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    scrantonPt = await createTherapist(t.http, t.db, admin, scranton);
    planoPt = await createTherapist(t.http, t.db, admin, plano);
    patient = await createPatient(t.db, scranton.id);
    const type = await t.http
      .post('/appointment-types')
      .set(as(admin))
      .send({
        code: 'follow_up',
        name: 'Follow-up',
        durationMinutes: 45,
        allowedCredentials: ['PT'],
      })
      .expect(201);
    followUp = type.body.id;
  });
  afterAll(() => t.close());

  it('does not list another clinic’s rooms to a clerk or a therapist', async () => {
    for (const user of [scrantonClerk, scrantonPt]) {
      const response = await t.http.get(`/locations/${plano.id}/resources`).set(as(user));
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('location.not_found');
      expect(JSON.stringify(response.body)).not.toContain('Plano pool');
    }
    const own = await t.http.get(`/locations/${plano.id}/resources`).set(as(admin)).expect(200);
    expect(own.body.map((r: { name: string }) => r.name)).toEqual(['Plano pool']);
    const unknown = await t.http
      .get(`/locations/${randomUUID()}/resources`)
      .set(as(scrantonClerk))
      .expect(404);
    expect(unknown.body.code).toBe('location.not_found');
  });

  it('answers a booking or a move with another clinic’s therapist as with an unknown one', async () => {
    const thursday = nextWeekday(4);
    const base = {
      patientId: patient.id,
      appointmentTypeId: followUp,
      locationId: scranton.id,
      localStart: `${thursday}T10:00`,
    };
    const elsewhere = await t.http
      .post('/appointments')
      .set(as(scrantonClerk))
      .send({ ...base, therapistId: planoPt.id });
    const unknown = await t.http
      .post('/appointments')
      .set(as(scrantonClerk))
      .send({ ...base, therapistId: randomUUID() });
    expect(elsewhere.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(elsewhere.body.code).toBe(unknown.body.code);
    expect(elsewhere.body.detail.replace(planoPt.id, 'ID')).toBe(
      unknown.body.detail.replace(/[0-9a-f-]{36}/, 'ID'),
    );
    expect(elsewhere.body.errors).toEqual(unknown.body.errors);

    const booked = await t.http
      .post('/appointments')
      .set(as(scrantonClerk))
      .send({ ...base, therapistId: scrantonPt.id })
      .expect(201);
    const moveElsewhere = await t.http
      .post(`/appointments/${booked.body.id}/reschedule`)
      .set(as(scrantonClerk))
      .send({ localStart: `${thursday}T11:00`, therapistId: planoPt.id });
    const moveUnknown = await t.http
      .post(`/appointments/${booked.body.id}/reschedule`)
      .set(as(scrantonClerk))
      .send({ localStart: `${thursday}T11:00`, therapistId: randomUUID() });
    expect(moveElsewhere.status).toBe(404);
    expect(moveUnknown.status).toBe(404);
    expect(moveElsewhere.body.code).toBe(moveUnknown.body.code);
  });

  it('still tells an admin, who sees every clinic, that the therapist works elsewhere', async () => {
    const response = await t.http
      .post('/appointments')
      .set(as(admin))
      .send({
        patientId: patient.id,
        appointmentTypeId: followUp,
        locationId: scranton.id,
        therapistId: planoPt.id,
        localStart: `${nextWeekday(4)}T13:00`,
      })
      .expect(422);
    expect(response.body.code).toBe('appointment.therapist_not_at_location');
  });

  it('answers a schedule of an unknown location as one of another clinic: 404', async () => {
    const date = nextWeekday(1);
    const unknownIds = [
      randomUUID(),
      randomUUID().toUpperCase(),
      '00000000-0000-0000-0000-000000000000',
    ];
    for (const user of [scrantonClerk, admin]) {
      for (const id of unknownIds) {
        for (const view of ['day', 'week']) {
          const unknown = await t.http
            .get(
              `/schedule?locationId=${id}&date=${date}&view=${view}&therapistId=${scrantonPt.id}`,
            )
            .set(as(user));
          expect([id, unknown.status, unknown.body.code]).toEqual([id, 404, 'location.not_found']);
        }
      }
    }
    const other = await t.http
      .get(`/schedule?locationId=${plano.id}&date=${date}`)
      .set(as(scrantonClerk))
      .expect(404);
    expect(other.body.code).toBe('location.not_found');
  });
});
