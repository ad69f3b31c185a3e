import {
  createLocation,
  createPatient,
  createStaff,
  createTherapist,
  type StaffUser,
} from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** Nothing a response or a log line carries lets patient data or a credential outlive its use. */
describe('leaks', () => {
  let t: TestApp;
  let admin: StaffUser;
  let therapist: StaffUser;
  let patient: { id: string };
  /** What the process wrote to its standard output, where pino writes its lines under Jest. */
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
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
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
