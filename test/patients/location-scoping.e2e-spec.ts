import {
  createLocation,
  createPatient,
  createStaff,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('location scoping and the audit trail', () => {
  let t: TestApp;
  let scranton: LocationRow;
  let plano: LocationRow;
  let admin: StaffUser;
  let scrantonClerk: StaffUser;
  let scrantonPatient: { id: string };
  let planoPatient: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    scranton = await createLocation(t.db, { name: 'Scranton' });
    plano = await createLocation(t.db, { name: 'Plano', state: 'TX', timeZone: 'America/Chicago' });
    admin = await createStaff(t.http, t.db, 'admin');
    scrantonClerk = await createStaff(t.http, t.db, 'front_desk', [scranton.id]);
    scrantonPatient = await createPatient(t.db, scranton.id, { lastName: 'Mazur' });
    planoPatient = await createPatient(t.db, plano.id, { lastName: 'Tran' });
  });
  afterAll(() => t.close());

  it('shows a clerk the patients of their clinic', async () => {
    const response = await t.http
      .get(`/patients/${scrantonPatient.id}`)
      .set('Authorization', scrantonClerk.authorization)
      .expect(200);
    expect(response.body).toMatchObject({ id: scrantonPatient.id, homeLocationId: scranton.id });
  });

  it('answers 404, not the record, for a patient of another clinic', async () => {
    const response = await t.http
      .get(`/patients/${planoPatient.id}`)
      .set('Authorization', scrantonClerk.authorization)
      .expect(404);
    expect(response.body).toMatchObject({ code: 'patient.not_found', status: 404 });
    expect(JSON.stringify(response.body)).not.toContain('Tran');
    await t.http
      .patch(`/patients/${planoPatient.id}`)
      .set('Authorization', scrantonClerk.authorization)
      .send({ phone: '555-0100' })
      .expect(404);
  });

  it('lists and searches only within the clerk’s clinics', async () => {
    const clerkList = await t.http
      .get('/patients')
      .set('Authorization', scrantonClerk.authorization)
      .expect(200);
    expect(clerkList.body.items.map((p: { id: string }) => p.id)).toEqual([scrantonPatient.id]);
    const search = await t.http
      .get('/patients?name=tr')
      .set('Authorization', scrantonClerk.authorization)
      .expect(200);
    expect(search.body.total).toBe(0);
    const adminList = await t.http
      .get('/patients')
      .set('Authorization', admin.authorization)
      .expect(200);
    expect(adminList.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([scrantonPatient.id, planoPatient.id]),
    );
  });

  it('does not let a clerk register a patient at, or read, another clinic', async () => {
    const body = {
      firstName: 'Ann',
      lastName: 'Other',
      dateOfBirth: '1980-01-01',
      homeLocationId: plano.id,
    };
    await t.http
      .post('/patients')
      .set('Authorization', scrantonClerk.authorization)
      .send(body)
      .expect(404);
    await t.http
      .get(`/locations/${plano.id}`)
      .set('Authorization', scrantonClerk.authorization)
      .expect(404);
    const locations = await t.http
      .get('/locations')
      .set('Authorization', scrantonClerk.authorization)
      .expect(200);
    expect(locations.body.items.map((l: { id: string }) => l.id)).toEqual([scranton.id]);
  });

  it('audits creates, updates and every read of patient data with who and which request', async () => {
    const created = await t.http
      .post('/patients')
      .set('Authorization', scrantonClerk.authorization)
      .set('X-Request-Id', 'req-create-1')
      .send({
        firstName: 'Joe',
        lastName: 'Audit',
        dateOfBirth: '1961-03-14',
        homeLocationId: scranton.id,
      })
      .expect(201);
    const id = created.body.id;
    await t.http
      .patch(`/patients/${id}`)
      .set('Authorization', scrantonClerk.authorization)
      .send({ phone: '+1 570-555-0199' })
      .expect(200);
    const read = await t.http
      .get(`/patients/${id}`)
      .set('Authorization', scrantonClerk.authorization)
      .set('X-Request-Id', 'req-read-1')
      .expect(200);

    const { rows } = await t.db.query(
      `SELECT action, actor_user_id, actor_role, request_id, details FROM audit_events
        WHERE entity_type = 'patient' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'create',
        actor_user_id: scrantonClerk.id,
        actor_role: 'front_desk',
        request_id: created.headers['x-request-id'],
        details: expect.objectContaining({ callerRequestId: 'req-create-1' }),
      }),
      expect.objectContaining({ action: 'update', details: { fields: ['phone'] } }),
      expect.objectContaining({
        action: 'read',
        request_id: read.headers['x-request-id'],
        details: { callerRequestId: 'req-read-1' },
      }),
    ]);
    expect(JSON.stringify(rows)).not.toContain('555-0199');

    const trail = await t.http
      .get(`/audit-events?entityType=patient&entityId=${id}`)
      .set('Authorization', admin.authorization)
      .expect(200);
    expect(trail.body.items.map((event: { action: string }) => event.action)).toEqual([
      'read',
      'update',
      'create',
    ]);
    await t.http.get('/audit-events').set('Authorization', scrantonClerk.authorization).expect(403);
  });

  it('accepts an empty change as no change', async () => {
    const response = await t.http
      .patch(`/patients/${scrantonPatient.id}`)
      .set('Authorization', scrantonClerk.authorization)
      .send({})
      .expect(200);
    expect(response.body).toMatchObject({ id: scrantonPatient.id, lastName: 'Mazur' });
  });

  it('keeps the audit trail append-only in the database itself', async () => {
    await expect(t.db.query(`UPDATE audit_events SET action = 'read'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });
});
