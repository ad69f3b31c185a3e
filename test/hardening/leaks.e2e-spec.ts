import { createRequire } from 'node:module';
import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

// The module object itself, which sonic-boom calls (an ES import would be a copy of it).
const fs = createRequire(__filename)('node:fs') as typeof import('node:fs');

/** Nothing a response or a log line carries lets patient data or a credential outlive its use. */
describe('leaks', () => {
  let t: TestApp;
  let admin: StaffUser;
  let therapist: StaffUser;
  let patient: { id: string };
  /** What the process wrote to its standard output, where pino writes its lines. */
  let written: string[];

  beforeAll(async () => {
    t = await startTestApp({ env: { LOG_LEVEL: 'info' } });
    admin = await createStaff(t.http, t.db, 'admin');
    const location = await createLocation(t.db);
    therapist = await createTherapist(t.http, t.db, admin, location);
    patient = await createPatient(t.db, location.id, { lastName: 'Mazur' });
  });
  afterAll(() => t.close());

  beforeEach(() => {
    written = [];
    // Under Jest pino writes to process.stdout when Jest has wrapped it, else straight to file
    // descriptor 1 (sonic-boom, fs.write): both are caught, and kept out of the test's output.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const write = fs.write;
    jest.spyOn(fs, 'write').mockImplementation((fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd !== 1) return (write as (...args: unknown[]) => void)(fd, data, ...rest);
      written.push(String(data));
      const done = rest.find((arg) => typeof arg === 'function') as
        ((error: null, bytes: number) => void) | undefined;
      const bytes = Buffer.byteLength(data as string);
      if (done) setImmediate(() => done(null, bytes));
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('marks patient data, and every other API answer, Cache-Control: no-store', async () => {
    for (const url of [
      `/patients/${patient.id}`,
      '/patients',
      `/patients/${patient.id}/appointments`,
      '/auth/me',
    ]) {
      const response = await t.http.get(url).set('Authorization', admin.authorization).expect(200);
      expect([url, response.headers['cache-control']]).toEqual([url, 'no-store']);
    }
    const refused = await t.http.get(`/patients/${patient.id}`).expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('writes a calendar feed’s path, which is its credential, to the request log redacted', async () => {
    const issued = await t.http
      .post(`/therapists/${therapist.id}/calendar-feed`)
      .set('Authorization', therapist.authorization)
      .expect(201);
    const path: string = issued.body.path;
    const secret = path
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    await t.http.get(path).expect(200);
    await t.http.get(path.toUpperCase().replace('.ICS', '.ics')).expect(404);
    await t.http.get(path.replace('calendar-feeds', 'calendar%2Dfeeds')).expect(200);
    const log = written.join('');
    expect(log).toContain('/calendar-feeds/[redacted]');
    expect(log).not.toContain(secret);
    expect(log.toLowerCase()).not.toContain(secret.toLowerCase());
  });
});
