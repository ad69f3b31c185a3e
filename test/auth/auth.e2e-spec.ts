import { JwtService } from '@nestjs/jwt';
import { ACTOR_LISTENER_APPLICATION } from '../../src/auth/actor-cache';
import { createLocation, createStaff, type StaffUser } from '../factories';
import { eventually } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';

describe('login, lockout and roles', () => {
  let t: TestApp;
  let admin: StaffUser;

  beforeAll(async () => {
    t = await startTestApp({
      env: { LOGIN_MAX_FAILED_ATTEMPTS: '3', LOGIN_LOCKOUT_MINUTES: '10' },
    });
    admin = await createStaff(t.http, t.db, 'admin');
  });
  afterAll(() => t.close());

  it('issues a bearer token that /auth/me accepts', async () => {
    const login = await t.http
      .post('/auth/login')
      .send({ email: admin.email.toUpperCase(), password: admin.password })
      .expect(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    const me = await t.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({
      id: admin.id,
      email: admin.email,
      role: 'admin',
      active: true,
    });
  });

  it('refuses requests without a token or with a forged one', async () => {
    const missing = await t.http.get('/patients').expect(401);
    expect(missing.body.code).toBe('auth.token_missing');
    const forged = await t.http
      .get('/patients')
      .set('Authorization', `Bearer ${admin.token}x`)
      .expect(401);
    expect(forged.body.code).toBe('auth.token_invalid');
  });

  it('stops accepting a token the moment it expires, though it was accepted before', async () => {
    const shortLived = await t.app
      .get(JwtService)
      .signAsync({ sub: admin.id, role: 'admin' }, { expiresIn: 2 });
    await t.http.get('/auth/me').set('Authorization', `Bearer ${shortLived}`).expect(200);
    await t.http.get('/auth/me').set('Authorization', `Bearer ${shortLived}`).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await t.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${shortLived}`)
      .expect(401);
    expect(expired.body.code).toBe('auth.token_invalid');
  });

  it('gives the same answer for an unknown email and a wrong password, and audits both', async () => {
    const unknown = await t.http
      .post('/auth/login')
      .send({ email: 'nobody@pt-practice.test', password: 'whatever' })
      .expect(401);
    const wrong = await t.http
      .post('/auth/login')
      .send({ email: admin.email, password: 'wrong password' })
      .expect(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    const { rows } = await t.db.query(
      `SELECT entity_id, details->>'reason' AS reason FROM audit_events WHERE action = 'login_failed' ORDER BY id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { entity_id: null, reason: 'unknown_email' },
        { entity_id: admin.id, reason: 'wrong_password' },
      ]),
    );
    // A good login resets the count of failures in a row.
    await t.http
      .post('/auth/login')
      .send({ email: admin.email, password: admin.password })
      .expect(200);
  });

  it('locks an account after repeated failures, even for the right password, until the lock ends', async () => {
    const clerk = await createStaff(t.http, t.db, 'front_desk');
    for (let attempt = 1; attempt <= 3; attempt++) {
      await t.http
        .post('/auth/login')
        .send({ email: clerk.email, password: `wrong-${attempt}` })
        .expect(401);
    }
    const locked = await t.http
      .post('/auth/login')
      .send({ email: clerk.email, password: clerk.password })
      .expect(423);
    expect(locked.body.code).toBe('auth.account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(9 * 60);
    const { rows } = await t.db.query(
      `SELECT locked_until > now() + interval '9 minutes' AS locked FROM users WHERE id = $1`,
      [clerk.id],
    );
    expect(rows[0].locked).toBe(true);

    await t.db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [
      clerk.id,
    ]);
    await t.http
      .post('/auth/login')
      .send({ email: clerk.email, password: clerk.password })
      .expect(200);
  });

  it('lets only admins manage users', async () => {
    const location = await createLocation(t.db);
    const clerk = await createStaff(t.http, t.db, 'front_desk', [location.id]);
    const body = {
      email: 'new.pt@pt-practice.test',
      fullName: 'New PT',
      password: 'a long password',
      role: 'therapist',
      locationIds: [location.id],
    };
    const forbidden = await t.http
      .post('/users')
      .set('Authorization', clerk.authorization)
      .send(body)
      .expect(403);
    expect(forbidden.body.code).toBe('auth.role_forbidden');
    const created = await t.http
      .post('/users')
      .set('Authorization', admin.authorization)
      .send(body)
      .expect(201);
    expect(created.body).toMatchObject({
      email: body.email,
      role: 'therapist',
      locationIds: [location.id],
    });
    const duplicate = await t.http
      .post('/users')
      .set('Authorization', admin.authorization)
      .send({ ...body, email: 'NEW.PT@pt-practice.test' })
      .expect(409);
    expect(duplicate.body.errors).toEqual([
      { field: 'email', reason: 'A user with this email already exists' },
    ]);
    await t.http
      .post('/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
  });

  it('cuts off a disabled account at once, token or not', async () => {
    const therapist = await createStaff(t.http, t.db, 'therapist');
    // A request first, so that the instance knows the account as active.
    await t.http.get('/auth/me').set('Authorization', therapist.authorization).expect(200);
    await t.http
      .patch(`/users/${therapist.id}`)
      .set('Authorization', admin.authorization)
      .send({ active: false })
      .expect(200);
    await t.http.get('/auth/me').set('Authorization', therapist.authorization).expect(401);
    await t.http
      .post('/auth/login')
      .send({ email: therapist.email, password: therapist.password })
      .expect(401);
  });

  /** Disables the account behind the API's back, as another instance or an operator would. */
  async function disableInSqlAndWaitForRefusal(user: StaffUser) {
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    await eventually(
      async () => (await t.http.get('/auth/me').set('Authorization', user.authorization)).status,
      (status) => status === 401,
      5_000,
    );
  }

  it('follows a change made outside the API, by another instance or in SQL', async () => {
    const therapist = await createStaff(t.http, t.db, 'therapist');
    await t.http.get('/users').set('Authorization', therapist.authorization).expect(403);
    await t.db.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [therapist.id]);
    await eventually(
      async () => (await t.http.get('/users').set('Authorization', therapist.authorization)).status,
      (status) => status === 200,
      5_000,
    );
    await disableInSqlAndWaitForRefusal(therapist);
  });

  it('announces every change to who a user is or where they work, at commit', async () => {
    const listener = await t.db.connect();
    const heard: string[] = [];
    listener.on('notification', (notice) => heard.push(notice.payload ?? ''));
    try {
      await listener.query('LISTEN actor_changed');
      const clerk = await createStaff(t.http, t.db, 'front_desk');
      const location = await createLocation(t.db);
      await t.db.query('INSERT INTO user_locations (user_id, location_id) VALUES ($1, $2)', [
        clerk.id,
        location.id,
      ]);
      await t.db.query('DELETE FROM user_locations WHERE user_id = $1', [clerk.id]);
      await t.db.query(`UPDATE users SET full_name = 'Renamed' WHERE id = $1`, [clerk.id]);
      await t.db.query(`UPDATE users SET role = 'therapist' WHERE id = $1`, [clerk.id]);
      await t.db.query('TRUNCATE user_locations');
      await eventually(
        () => Promise.resolve(heard.filter((payload) => payload !== '').length),
        (count) => count >= 4,
        5_000,
      );
      // A rename changes nothing a request relies on: no notice for it. A TRUNCATE concerns all.
      // (Empty payloads are the API's own heartbeats.)
      expect(heard.filter((payload) => payload !== '')).toEqual([
        clerk.id,
        clerk.id,
        clerk.id,
        '*',
      ]);
    } finally {
      await listener.query('UNLISTEN actor_changed');
      listener.release();
    }
  });

  it('listens again after losing its connection, and misses no change meanwhile', async () => {
    const listeners = async () =>
      (
        await t.db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = $1`,
          [ACTOR_LISTENER_APPLICATION],
        )
      ).rows.map((row) => row.pid);
    const [lost] = await listeners();
    expect(lost).toEqual(expect.any(Number));
    const therapist = await createStaff(t.http, t.db, 'therapist');
    await t.http.get('/auth/me').set('Authorization', therapist.authorization).expect(200);
    await t.db.query('SELECT pg_terminate_backend($1)', [lost]);
    await disableInSqlAndWaitForRefusal(therapist);
    await eventually(listeners, (pids) => pids.length === 1 && pids[0] !== lost, 10_000);
    await t.db.query(`UPDATE users SET active = true WHERE id = $1`, [therapist.id]);
    await t.http.get('/auth/me').set('Authorization', therapist.authorization).expect(200);
    await disableInSqlAndWaitForRefusal(therapist);
  });
});
