import { Client } from 'pg';
import { SERVICE_ROLE } from '../../migrations/1796400000002-service-role';
import { createLocation, createPatient, createStaff, createTherapist } from '../factories';
import { nextWeekday } from '../scheduling/calendar-dates';
import { queueBackendsForTests, startTestApp, type TestApp } from '../support/test-app';

/** A login role for the tests, a member of the service's group role as a deployment's is. */
const LOGIN = 'pt_practice_test_service';

function asLogin(url: string): string {
  const parsed = new URL(url);
  parsed.username = LOGIN;
  parsed.password = '';
  return parsed.toString();
}

async function onAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The service runs as a role that owns nothing and may only add to and read the audit trail. */
describe.each(queueBackendsForTests())('the service’s database role (%s queue)', (backend) => {
  let t: TestApp;
  let service: Client;

  beforeAll(async () => {
    await onAdmin(`DO $$ BEGIN
      CREATE ROLE ${LOGIN} LOGIN IN ROLE ${SERVICE_ROLE};
    EXCEPTION WHEN duplicate_object THEN NULL;
    END $$`);
    t = await startTestApp({ queueBackend: backend, databaseUrlFor: asLogin });
    service = new Client({ connectionString: t.config.database.url });
    await service.connect();
  });
  afterAll(async () => {
    await service.end();
    await t.close();
  });

  it('serves as that role: a booking, its audit and outbox rows, a read', async () => {
    const [{ current_user: user }] = (await service.query('SELECT current_user')).rows;
    expect(user).toBe(LOGIN);
    const admin = await createStaff(t.http, t.db, 'admin');
    const location = await createLocation(t.db);
    await t.http
      .put(`/locations/${location.id}/hours`)
      .set('Authorization', admin.authorization)
      .send({
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
      })
      .expect(200);
    const therapist = await createTherapist(t.http, t.db, admin, location);
    const patient = await createPatient(t.db, location.id);
    const type = await t.http
      .post('/appointment-types')
      .set('Authorization', admin.authorization)
      .send({
        code: 'follow_up',
        name: 'Follow-up',
        durationMinutes: 45,
        allowedCredentials: ['PT'],
      })
      .expect(201);
    await t.http
      .post('/appointments')
      .set('Authorization', admin.authorization)
      .send({
        patientId: patient.id,
        appointmentTypeId: type.body.id,
        locationId: location.id,
        therapistId: therapist.id,
        localStart: `${nextWeekday(3)}T09:00`,
      })
      .expect(201);
    await t.http
      .get(`/patients/${patient.id}`)
      .set('Authorization', admin.authorization)
      .expect(200);
    const { rows } = await service.query<{ count: string }>(
      `SELECT count(*) FROM audit_events WHERE entity_id = $1`,
      [patient.id],
    );
    expect(Number(rows[0].count)).toBeGreaterThan(0);
  });

  it.each([
    ['delete audit rows', 'DELETE FROM audit_events', /permission denied/],
    ['change audit rows', `UPDATE audit_events SET action = 'read'`, /permission denied/],
    ['truncate the trail', 'TRUNCATE audit_events', /permission denied/],
    [
      'disable the append-only triggers',
      'ALTER TABLE audit_events DISABLE TRIGGER USER',
      /must be owner/,
    ],
    [
      'switch triggers off for the session',
      'SET session_replication_role = replica',
      /permission denied/,
    ],
    ['drop a table', 'DROP TABLE patients CASCADE', /must be owner/],
    ['record a migration', `DELETE FROM schema_migrations`, /permission denied/],
  ])('may not %s', async (_name, sql, refusal) => {
    await expect(service.query(sql)).rejects.toThrow(refusal);
  });

  it('may add to and read the trail', async () => {
    await service.query(
      `INSERT INTO audit_events (action, entity_type) VALUES ('read', 'role_test')`,
    );
    const { rows } = await service.query(
      `SELECT 1 FROM audit_events WHERE entity_type = 'role_test'`,
    );
    expect(rows).toHaveLength(1);
  });

  it('gets the same rights on a table a later migration creates', async () => {
    await t.db.query(`CREATE TABLE later_feature (id serial PRIMARY KEY, note text)`);
    await service.query(`INSERT INTO later_feature (note) VALUES ('works')`);
    const { rows } = await service.query(`SELECT note FROM later_feature`);
    expect(rows).toEqual([{ note: 'works' }]);
    await expect(service.query('DROP TABLE later_feature')).rejects.toThrow(/must be owner/);
  });
});
