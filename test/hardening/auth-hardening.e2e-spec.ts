import { JwtService } from '@nestjs/jwt';
import { createStaff, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('tokens', () => {
  let t: TestApp;
  let admin: StaffUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
  });
  afterAll(() => t.close());

  it('refuses a correctly signed token that never expires', async () => {
    const jwt = t.app.get(JwtService);
    const forever = await jwt.signAsync({ sub: admin.id, role: 'admin' });
    expect(jwt.decode<{ exp?: number }>(forever).exp).toBeUndefined();
    const response = await t.http
      .get('/auth/me')
      .set('Authorization', `Bearer ${forever}`)
      .expect(401);
    expect(response.body.code).toBe('auth.token_invalid');
    const expiring = await jwt.signAsync({ sub: admin.id, role: 'admin' }, { expiresIn: 60 });
    await t.http.get('/auth/me').set('Authorization', `Bearer ${expiring}`).expect(200);
  });
});

describe('client addresses behind proxies', () => {
  const attempt = (t: TestApp, forwardedFor: string) =>
    t.http
      .post('/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email: 'nobody@pt-practice.test', password: 'not-the-password' });

  const auditedAddresses = async (t: TestApp): Promise<string[]> =>
    (
      await t.db.query<{ client_ip: string }>(
        `SELECT host(client_ip) AS client_ip FROM audit_events WHERE action = 'login_failed'`,
      )
    ).rows.map((row) => row.client_ip);

  it('trusts no proxy by default: a forged X-Forwarded-For neither resets the login limit nor reaches the audit trail', async () => {
    const t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) statuses.push((await attempt(t, `10.0.0.${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const addresses = await auditedAddresses(t);
      expect(addresses.length).toBe(3);
      expect(addresses.every((address) => address === '127.0.0.1' || address === '::1')).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('believes the proxies TRUST_PROXY names', async () => {
    const t = await startTestApp({
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: 'loopback' },
    });
    try {
      for (let i = 1; i <= 4; i++) expect((await attempt(t, `203.0.113.${i}`)).status).toBe(401);
      expect((await auditedAddresses(t)).sort()).toEqual([
        '203.0.113.1',
        '203.0.113.2',
        '203.0.113.3',
        '203.0.113.4',
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('the queue dashboard’s Basic sign-in', () => {
  it('is rate limited per address: 429 with Retry-After once the limit is spent', async () => {
    const t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const admin = await createStaff(t.http, t.db, 'admin');
      const basic = (password: string) =>
        `Basic ${Buffer.from(`${admin.email}:${password}`).toString('base64')}`;
      const responses = [];
      for (let i = 0; i < 5; i++) {
        responses.push(await t.http.get('/admin/queues').set('Authorization', basic(`guess-${i}`)));
      }
      expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 429, 429]);
      const refused = responses[4];
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The right password waits its turn too, and a bearer token is not a password guess.
      await t.http.get('/admin/queues').set('Authorization', basic(admin.password)).expect(429);
      await t.http.get('/admin/queues').set('Authorization', admin.authorization).expect(200);
    } finally {
      await t.close();
    }
  });
});
