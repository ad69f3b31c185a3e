import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocation, createStaff, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

const PROBLEM = /application\/problem\+json/;

/** Hostile input answers a 4xx problem naming what is wrong, never a 500 or a half-written row. */
describe('hostile input', () => {
  let t: TestApp;
  let admin: StaffUser;
  let locationId: string;
  const as = () => ({ Authorization: admin.authorization });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    locationId = (await createLocation(t.db)).id;
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    Number((await t.db.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

  it('refuses NUL in a body field with 400 naming the field, and writes nothing', async () => {
    const before = await count('patients');
    const response = await t.http
      .post('/patients')
      .set(as())
      .send({
        firstName: 'Ann\u0000',
        lastName: 'Lee',
        dateOfBirth: '1980-05-05',
        homeLocationId: locationId,
        address: { line1: '1 Main\u0000 St', city: 'Scranton', state: 'PA', postalCode: '18503' },
      })
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(response.body.code).toBe('request.validation_failed');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'firstName',
      'address.line1',
    ]);
    expect(await count('patients')).toBe(before);
  });

  it('refuses NUL in names of locations, users and appointment types', async () => {
    const attempts = [
      t.http.post('/locations').set(as()).send({
        code: 'nul-clinic',
        name: 'Clinic\u0000',
        timeZone: 'America/New_York',
        state: 'PA',
      }),
      t.http.post('/users').set(as()).send({
        email: 'nul@pt-practice.test',
        fullName: 'Nul\u0000 Person',
        password: 'a-long-enough-password',
        role: 'front_desk',
      }),
      t.http
        .post('/appointment-types')
        .set(as())
        .send({
          code: 'nul_type',
          name: 'Type\u0000',
          durationMinutes: 30,
          allowedCredentials: ['PT'],
        }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect([response.status, response.body.code]).toEqual([400, 'request.validation_failed']);
      expect(response.body.errors[0].reason).toContain('NUL');
    }
  });

  it('refuses NUL in a query field, patient search and audit filters alike', async () => {
    for (const url of ['/patients?name=a%00b', `/audit-events?entityType=pa%00tient`]) {
      const response = await t.http.get(url).set(as());
      expect([url, response.status, response.body.code]).toEqual([
        url,
        400,
        'request.validation_failed',
      ]);
      expect(response.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('answers a path parameter over the length limit with 414 problem+json', async () => {
    const response = await t.http
      .get(`/patients/${'a'.repeat(200)}`)
      .set(as())
      .expect(414)
      .expect('content-type', PROBLEM);
    expect(response.body).toMatchObject({
      status: 414,
      code: 'request.uri_too_long',
      requestId: expect.any(String),
    });
  });

  it('answers headers over the limit with 431 problem+json', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;
    const response = await new Promise<{ status: number; type: string; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          { port, path: '/patients', headers: { 'X-Big': 'a'.repeat(20_000) } },
          (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode!, type: res.headers['content-type']!, body }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(response.status).toBe(431);
    expect(response.type).toMatch(PROBLEM);
    expect(JSON.parse(response.body)).toMatchObject({
      status: 431,
      code: 'request.headers_too_large',
      requestId: expect.any(String),
    });
  });
});
