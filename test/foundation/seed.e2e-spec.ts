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
    });
    expect(await seedDatabase(dataSource, t.config)).toEqual({
      locations: 0,
      users: 0,
      patients: 0,
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
    await t.http
      .post('/auth/login')
      .send({ email: 'frontdesk.scranton@pt-practice.test', password: 'demo-staff-password' })
      .expect(200);
  });
});
