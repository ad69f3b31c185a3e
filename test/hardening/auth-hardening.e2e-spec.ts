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
