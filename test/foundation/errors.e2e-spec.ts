import { createLocation, createStaff, type StaffUser } from '../factories';
import { startTestApp, type TestApp } from '../support/test-app';

const PROBLEM = /application\/problem\+json/;

describe('problem+json errors for bad input', () => {
  let t: TestApp;
  let admin: StaffUser;
  let locationId: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT: '2kb' } });
    admin = await createStaff(t.http, t.db, 'admin');
    locationId = (await createLocation(t.db)).id;
  });
  afterAll(() => t.close());

  const patientCount = async () =>
    Number((await t.db.query('SELECT count(*) FROM patients')).rows[0].count);

  it('names an unknown field and a field of the wrong type, and writes nothing', async () => {
    const before = await patientCount();
    const response = await t.http
      .post('/patients')
      .set('Authorization', admin.authorization)
      .send({
        firstName: 'Ann',
        lastName: 42,
        dateOfBirth: '1980-05-05',
        homeLocationId: locationId,
        ssn: '123',
      })
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(response.body).toMatchObject({
      type: `${t.config.email.publicBaseUrl}/problems/request.validation_failed`,
      title: 'Validation failed',
      status: 400,
      code: 'request.validation_failed',
      instance: '/patients',
      requestId: expect.any(String),
    });
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['ssn', 'lastName']));
    expect(response.body.errors).toContainEqual({ field: 'ssn', reason: 'ssn should not exist' });
    expect(await patientCount()).toBe(before);
  });

  it('rejects an impossible calendar date', async () => {
    const response = await t.http
      .post('/patients')
      .set('Authorization', admin.authorization)
      .send({
        firstName: 'Ann',
        lastName: 'Lee',
        dateOfBirth: '2023-02-30',
        homeLocationId: locationId,
      })
      .expect(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'dateOfBirth' }));
  });

  it('answers malformed JSON with a 400 naming the body', async () => {
    const response = await t.http
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", ')
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(response.body).toMatchObject({
      code: 'request.malformed_json',
      errors: [{ field: 'body', reason: 'The request body is not valid JSON' }],
      requestId: expect.any(String),
    });
    expect(response.body.requestId).not.toBe('');
  });

  it('reads an empty JSON body as no body, and refuses a body it cannot read with 415', async () => {
    const empty = await t.http
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('')
      .expect(400)
      .expect('content-type', PROBLEM);
    expect(empty.body.code).toBe('request.validation_failed');
    expect(empty.body.errors).toContainEqual(expect.objectContaining({ field: 'email' }));
    const xml = await t.http
      .post('/auth/login')
      .set('Content-Type', 'application/xml')
      .send('<login><email>a@b.c</email></login>')
      .expect(415)
      .expect('content-type', PROBLEM);
    expect(xml.body.code).toBe('request.unsupported_media_type');
    await t.http
      .post('/auth/login')
      .set('Content-Type', 'text/plain')
      .send('admin@example.com')
      .expect(415);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await t.http
      .post('/auth/login')
      .send({ email: 'a@b.c', password: 'x'.repeat(5000) })
      .expect(413)
      .expect('content-type', PROBLEM);
    expect(response.body.code).toBe('request.body_too_large');
  });

  it('answers an unknown route with a 404 problem', async () => {
    const response = await t.http.get('/no/such/route').expect(404).expect('content-type', PROBLEM);
    expect(response.body).toMatchObject({
      code: 'request.not_found',
      detail: 'No route GET /no/such/route',
    });
  });

  it('answers a malformed id in the path with a 400 naming it', async () => {
    const response = await t.http
      .get('/patients/not-a-uuid')
      .set('Authorization', admin.authorization)
      .expect(400);
    expect(response.body).toMatchObject({
      code: 'request.invalid_id',
      errors: [{ field: 'id', reason: 'id must be a UUID' }],
    });
  });

  it('maps a unique violation to 409 naming the field', async () => {
    const body = { code: 'duplicate-test', name: 'Dup', state: 'PA', timeZone: 'America/New_York' };
    const created = await t.http
      .post('/locations')
      .set('Authorization', admin.authorization)
      .send(body)
      .expect(201);
    // What the database filled in is in the answer too, as the document promises.
    expect(created.body).toMatchObject({
      reminderHoursBefore: 24,
      secondReminderHoursBefore: null,
    });
    const response = await t.http
      .post('/locations')
      .set('Authorization', admin.authorization)
      .send(body)
      .expect(409);
    expect(response.body).toMatchObject({
      code: 'database.unique_violation',
      detail: 'A location with this code already exists',
      errors: [{ field: 'code', reason: 'A location with this code already exists' }],
    });
  });

  it('rejects a time zone that is not an IANA zone', async () => {
    const response = await t.http
      .post('/locations')
      .set('Authorization', admin.authorization)
      .send({ code: 'bad-zone', name: 'Bad', timeZone: 'EST' })
      .expect(400);
    expect(response.body.errors).toContainEqual({
      field: 'timeZone',
      reason: 'timeZone must be an IANA time zone such as America/New_York',
    });
  });

  it('pages every list the same way and refuses a page size over the maximum', async () => {
    const page = await t.http
      .get('/locations?limit=1&offset=0')
      .set('Authorization', admin.authorization)
      .expect(200);
    expect(page.body).toEqual({
      items: [expect.any(Object)],
      total: expect.any(Number),
      limit: 1,
      offset: 0,
    });
    const tooMany = await t.http
      .get('/locations?limit=1000')
      .set('Authorization', admin.authorization)
      .expect(400);
    expect(tooMany.body.errors).toContainEqual(expect.objectContaining({ field: 'limit' }));
  });
});
