import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStaff, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the BullMQ dashboard at /admin/queues', () => {
  let t: TestApp;
  let admin: StaffUser;
  let clerk: StaffUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    clerk = await createStaff(t.http, t.db, 'front_desk');
  });
  afterAll(() => t.close());

  const basic = (email: string, password: string) =>
    `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

  it('asks a browser to sign in', async () => {
    const response = await t.http.get('/admin/queues').expect(401);

    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="PT Practice queues"/);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('opens for an admin signing in with email and password', async () => {
    const response = await t.http
      .get('/admin/queues')
      .set('Authorization', basic(admin.email, admin.password))
      .expect(200);

    expect(response.text).toContain('PT Practice queues');
  });

  it('lists the service’s queues to an admin with a bearer token', async () => {
    const response = await t.http
      .get('/admin/queues/api/queues')
      .query({ activeQueue: 'notifications' })
      .set('Authorization', admin.authorization)
      .expect(200);

    const names = (response.body.queues as { name: string }[]).map((queue) => queue.name).sort();
    expect(names).toEqual(['audit-exports', 'notifications', 'staff-digests']);
  });

  it('cannot be reached without signing in by an encoded path or an absolute-form target', async () => {
    await t.http.get('/admin/%71ueues/api/queues').expect(401);
    await t.http.get('/%61dmin/queues').expect(401);
    await t.http.get('/ADMIN/Queues/api/queues').expect(401);
    await t.http.put('/admin/q%75eues/api/queues/notifications/pause').expect(401);
    // Listened on here, so closed here: the application's close does not know of it.
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const status = await new Promise<number | undefined>((resolve, reject) =>
        httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: `http://127.0.0.1:${port}/admin/queues/api/queues`,
            agent: false,
          },
          (response) => {
            response.resume();
            resolve(response.statusCode);
          },
        )
          .on('error', reject)
          .end(),
      );
      expect(status).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a wrong password and other roles', async () => {
    await t.http
      .get('/admin/queues')
      .set('Authorization', basic(admin.email, 'not-the-password'))
      .expect(401);
    await t.http
      .get('/admin/queues')
      .set('Authorization', basic(clerk.email, clerk.password))
      .expect(403);
    await t.http
      .get('/admin/queues/api/queues')
      .set('Authorization', clerk.authorization)
      .expect(403);
  });
});
