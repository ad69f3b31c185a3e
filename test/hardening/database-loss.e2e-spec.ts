import { createLocation, createPatient, createStaff, type StaffUser } from '../factories';
import { eventually } from '../support/eventually';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp } from '../support/test-app';

const PROBLEM = /application\/problem\+json/;

/** With PostgreSQL out of reach, clients get 503 problem+json with Retry-After, then recovery. */
describe('the database out of reach', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let admin: StaffUser;
  let patient: { id: string };

  beforeAll(async () => {
    proxy = await TcpProxy.start(process.env.TEST_PG_ADMIN_URL!);
    t = await startTestApp({
      databaseUrlFor: (url) => proxy.urlFor(url),
      env: { DATABASE_CONNECT_TIMEOUT_MS: '1000', DATABASE_QUERY_TIMEOUT_MS: '2000' },
    });
    admin = await createStaff(t.http, t.db, 'admin');
    const location = await createLocation(t.db);
    patient = await createPatient(t.db, location.id);
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  const read = () =>
    t.http.get(`/patients/${patient.id}`).set('Authorization', admin.authorization);

  const expectUnavailable = (response: Awaited<ReturnType<typeof read>>) => {
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body).toMatchObject({ status: 503, code: 'database.unavailable' });
  };

  it('answers 503 with Retry-After while the server refuses connections, and recovers', async () => {
    await read().expect(200);
    await proxy.cut();
    for (let i = 0; i < 3; i++) expectUnavailable(await read());
    const health = await t.http.get('/health/ready');
    expect(health.status).toBe(503);
    await proxy.restore();
    await eventually(read, (response) => response.status === 200);
  });

  it('answers 503 within the query timeout when the connection hangs, and recovers', async () => {
    await read().expect(200);
    proxy.hang();
    const started = Date.now();
    const responses = await Promise.all([read(), read(), read()]);
    const elapsed = Date.now() - started;
    for (const response of responses) expectUnavailable(response);
    expect(elapsed).toBeLessThan(6_000);
    await proxy.restore();
    await eventually(read, (response) => response.status === 200);
  });

  it('answers 503 when connections die mid-query, and the process lives on', async () => {
    await read().expect(200);
    proxy.hang();
    const inFlight = Promise.all([read(), read(), read()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The sockets of the queries under way close: each client emits 'error' as well as failing
    // its query, which nobody heard before and which ended the process.
    await proxy.cut();
    for (const response of await inFlight) expectUnavailable(response);
    await proxy.restore();
    await eventually(read, (response) => response.status === 200);
  });
});
