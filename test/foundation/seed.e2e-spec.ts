import { DataSource } from 'typeorm';
import { seedDatabase } from '../../src/seed/seed';
import { startTestApp, type TestApp } from '../support/test-app';

describe('demo data seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { ADMIN_EMAIL: 'owner@pt-practice.test', ADMIN_PASSWORD: 'owner-password-long' },
    });
  });
  afterAll(() => t.close());

  it('adds the clinics, staff and patients once, and nothing on a second run', async () => {
    const dataSource = t.app.get(DataSource);
    expect(await seedDatabase(dataSource, t.config)).toEqual({
      locations: 11,
      users: 8,
      patients: 5,
      appointmentTypes: 7,
      planTemplates: 10,
      visits: expect.any(Number),
    });
    expect(await seedDatabase(dataSource, t.config)).toEqual({
      locations: 0,
      users: 0,
      patients: 0,
      appointmentTypes: 0,
      planTemplates: 0,
      visits: 0,
    });

    const zones = await t.db.query(
      `SELECT time_zone, count(*)::int AS n FROM locations GROUP BY 1 ORDER BY 1`,
    );
    expect(zones.rows).toEqual([
      { time_zone: 'America/Chicago', n: 1 },
      { time_zone: 'America/New_York', n: 10 },
    ]);
    const consent = await t.db.query(`SELECT count(*)::int AS n FROM patients WHERE email_consent`);
    expect(consent.rows[0].n).toBe(4);

    const login = await t.http
      .post('/auth/login')
      .send({ email: 'owner@pt-practice.test', password: 'owner-password-long' })
      .expect(200);
    const locations = await t.http
      .get('/locations?limit=100')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(locations.body.items.map((l: { code: string }) => l.code)).toContain('wilkes-barre');
    const clerk = await t.http
      .post('/auth/login')
      .send({ email: 'frontdesk.scranton@pt-practice.test', password: 'demo-staff-password' })
      .expect(200);
    // The demo is bookable: the Scranton PT has slots for a follow-up next week.
    const types = await t.http
      .get('/appointment-types')
      .set('Authorization', `Bearer ${clerk.body.accessToken}`)
      .expect(200);
    const followUp = (types.body as { id: string; code: string }[]).find(
      (type) => type.code === 'follow_up',
    )!;
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    const slots = await t.http
      .get(`/availability?appointmentTypeId=${followUp.id}&from=${from}&to=${to}`)
      .set('Authorization', `Bearer ${clerk.body.accessToken}`)
      .expect(200);
    expect(slots.body.total).toBeGreaterThan(0);
  });
});
