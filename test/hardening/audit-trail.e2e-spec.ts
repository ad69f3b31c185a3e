import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { nextWeekday, plusDays } from '../scheduling/calendar-dates';
import { startTestApp, type TestApp } from '../support/test-app';

interface AuditRow {
  action: string;
  entity_type: string;
  entity_id: string | null;
  request_id: string;
  actor_user_id: string;
  details: Record<string, unknown>;
}

/** Every read of patient data, and every refused attempt on it, leaves a row (HIPAA 164.312(b)). */
describe('the audit trail', () => {
  let t: TestApp;
  let admin: StaffUser;
  let scranton: LocationRow;
  let clerk: StaffUser;
  let pt: StaffUser;
  let patient: { id: string };
  let otherPatient: { id: string };
  let appointmentId: string;
  let typeId: string;
  const as = (user: StaffUser) => ({ Authorization: user.authorization });

  /** The rows written for the request that answered with this X-Request-Id. */
  const rowsOf = async (requestId: string): Promise<AuditRow[]> =>
    (
      await t.db.query<AuditRow>(
        `SELECT action, entity_type, entity_id, request_id, actor_user_id, details
           FROM audit_events WHERE request_id = $1 ORDER BY id`,
        [requestId],
      )
    ).rows;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    scranton = await createLocation(t.db);
    const plano = await createLocation(t.db, { state: 'TX', timeZone: 'America/Chicago' });
    await t.http
      .put(`/locations/${scranton.id}/hours`)
      .set(as(admin))
      .send({
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
      })
      .expect(200);
    clerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    pt = await createTherapist(t.http, t.db, admin, scranton);
    patient = await createPatient(t.db, scranton.id);
    otherPatient = await createPatient(t.db, plano.id);
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
    typeId = type.body.id;
    const booked = await t.http
      .post('/appointments')
      .set(as(clerk))
      .send({
        patientId: patient.id,
        appointmentTypeId: typeId,
        locationId: scranton.id,
        therapistId: pt.id,
        localStart: `${nextWeekday(2)}T10:00`,
      })
      .expect(201);
    appointmentId = booked.body.id;
  });
  afterAll(() => t.close());

  it('records a schedule read with the patients it showed', async () => {
    const response = await t.http
      .get(`/schedule?locationId=${scranton.id}&date=${nextWeekday(2)}`)
      .set(as(clerk))
      .expect(200);
    expect(response.body).toHaveLength(1);
    expect(await rowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'read',
        entity_type: 'schedule',
        entity_id: scranton.id,
        actor_user_id: clerk.id,
        details: expect.objectContaining({ patientIds: [patient.id] }),
      }),
    ]);
  });

  it('records a waitlist read with the patients it showed', async () => {
    const monday = nextWeekday(1);
    await t.http
      .post('/waitlist')
      .set(as(clerk))
      .send({
        patientId: patient.id,
        appointmentTypeId: typeId,
        locationIds: [scranton.id],
        earliest: monday,
        latest: plusDays(monday, 4),
      })
      .expect(201);
    const response = await t.http.get('/waitlist').set(as(clerk)).expect(200);
    expect(await rowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'read',
        entity_type: 'waitlist',
        details: { patientIds: [patient.id] },
      }),
    ]);
  });

  it('records an appointment history read', async () => {
    const response = await t.http
      .get(`/appointments/${appointmentId}/history`)
      .set(as(clerk))
      .expect(200);
    expect(await rowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'read',
        entity_type: 'appointment_history',
        entity_id: appointmentId,
        details: { patientIds: [patient.id] },
      }),
    ]);
  });

  it('records refused attempts: another clinic’s patient (404) and an admin-only action (403)', async () => {
    const hidden = await t.http.get(`/patients/${otherPatient.id}`).set(as(clerk)).expect(404);
    expect(await rowsOf(hidden.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'access_refused',
        entity_type: 'patients',
        entity_id: otherPatient.id,
        actor_user_id: clerk.id,
        details: expect.objectContaining({ method: 'GET', status: 404, code: 'patient.not_found' }),
      }),
    ]);
    const forbidden = await t.http
      .post('/appointment-types')
      .set(as(clerk))
      .send({ code: 'x', name: 'X', durationMinutes: 30, allowedCredentials: ['PT'] })
      .expect(403);
    expect(await rowsOf(forbidden.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        action: 'access_refused',
        details: expect.objectContaining({ method: 'POST', status: 403 }),
      }),
    ]);
  });

  it('files rows under our request id and keeps the caller’s beside it', async () => {
    const response = await t.http
      .get(`/patients/${patient.id}`)
      .set(as(clerk))
      .set('X-Request-Id', 'their-trace-1')
      .expect(200);
    const ours = response.headers['x-request-id'];
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rowsOf('their-trace-1')).toEqual([]);
    expect(await rowsOf(ours)).toEqual([
      expect.objectContaining({
        action: 'read',
        entity_type: 'patient',
        details: expect.objectContaining({ callerRequestId: 'their-trace-1' }),
      }),
    ]);
  });
});
