import { DateTime } from 'luxon';
import {
  createLocation,
  createPatient,
  createStaff,
  type LocationRow,
  type StaffUser,
} from '../factories';
import { parseCalendar } from '../reminders/calendar-parts';
import { startTestApp, type TestApp } from '../support/test-app';
import { nextWeekday } from './calendar-dates';

describe('iCalendar feed and waitlist', () => {
  let t: TestApp;
  let admin: StaffUser;
  let clinic: LocationRow;
  let therapist: StaffUser;
  let clerk: StaffUser;
  let followUp: string;
  const as = (user: StaffUser) => ({ Authorization: user.authorization });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.http, t.db, 'admin');
    clinic = await createLocation(t.db, { name: 'Kingston', timeZone: 'America/New_York' });
    await t.db.query(
      `UPDATE locations SET address_line1 = '12 Wyoming Ave', city = 'Kingston' WHERE id = $1`,
      [clinic.id],
    );
    await t.http
      .put(`/locations/${clinic.id}/hours`)
      .set(as(admin))
      .send({
        windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '17:00' })),
      })
      .expect(200);
    followUp = (
      await t.http
        .post('/appointment-types')
        .set(as(admin))
        .send({
          code: 'follow_up',
          name: 'Follow-up',
          durationMinutes: 45,
          allowedCredentials: ['PT'],
        })
        .expect(201)
    ).body.id;
    therapist = await createStaff(t.http, t.db, 'therapist', [clinic.id]);
    await t.http
      .put(`/therapists/${therapist.id}/profile`)
      .set(as(admin))
      .send({ credential: 'PT', licenceStates: ['PA'] })
      .expect(200);
    await t.http
      .put(`/therapists/${therapist.id}/hours`)
      .set(as(admin))
      .send({
        windows: [1, 2, 3, 4, 5].map((weekday) => ({
          locationId: clinic.id,
          weekday,
          starts: '08:00',
          ends: '17:00',
        })),
      })
      .expect(200);
    clerk = await createStaff(t.http, t.db, 'front_desk', [clinic.id]);
  });
  afterAll(() => t.close());

  /** A response body exactly as the server sent it. */
  const rawBody = async (path: string): Promise<Buffer> =>
    (
      await t.http
        .get(path)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  const book = async (patientId: string, localStart: string) =>
    (
      await t.http
        .post('/appointments')
        .set(as(clerk))
        .send({
          patientId,
          appointmentTypeId: followUp,
          locationId: clinic.id,
          therapistId: therapist.id,
          localStart,
        })
        .expect(201)
    ).body as { id: string; startsAt: string };

  it('serves a revocable feed that calendar apps can read, with the minimum of patient data', async () => {
    const monday = nextWeekday(1);
    const patient = await createPatient(t.db, clinic.id, {
      firstName: 'Joseph',
      lastName: 'Mazur',
    });
    const visit = await book(patient.id, `${monday}T09:00`);
    const cancelled = await book(patient.id, `${monday}T11:00`);
    await t.http
      .post(`/appointments/${cancelled.id}/cancel`)
      .set(as(clerk))
      .send({ reason: 'Sick' })
      .expect(200);

    await t.http.post(`/therapists/${therapist.id}/calendar-feed`).set(as(clerk)).expect(403);
    const { body } = await t.http
      .post(`/therapists/${therapist.id}/calendar-feed`)
      .set(as(therapist))
      .expect(201);
    const feed = await t.http
      .get(body.path)
      .expect(200)
      .expect('content-type', /text\/calendar/);
    const ics = feed.text;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // The bytes as served: the last content line ends in CRLF too (RFC 5545 3.1).
    const raw = await rawBody(body.path);
    expect(raw.subarray(-15).toString('latin1')).toBe('END:VCALENDAR\r\n');
    expect(raw.toString('utf8')).toBe(ics);
    expect(ics).toContain('VERSION:2.0');
    expect(ics).toContain(`UID:${visit.id}@pt-practice`);
    const start = DateTime.fromISO(visit.startsAt).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
    expect(ics).toContain(`DTSTART:${start}`);
    expect(ics).toContain('SUMMARY:Follow-up: J. M.');
    expect(ics).toContain('LOCATION:Kingston\\, 12 Wyoming Ave\\, Kingston\\, PA');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).not.toContain('Mazur');
    // Every content line ends in CRLF and stays within 75 octets (RFC 5545 3.1).
    expect(ics).not.toMatch(/[^\r]\n/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // Read as a calendar app reads it: the clinic organizes every visit (PUBLISH requires an
    // ORGANIZER), at the address its emails come from; calling a visit off is a new revision.
    const calendar = parseCalendar(ics);
    expect(calendar.method).toBe('PUBLISH');
    const organizerAddress = /<([^>]+)>/.exec(t.config.email.from)![1];
    expect(calendar.events.map((event) => [event.uid, event.sequence, event.status])).toEqual([
      [`${visit.id}@pt-practice`, 0, 'TENTATIVE'],
      [`${cancelled.id}@pt-practice`, 1, 'CANCELLED'],
    ]);
    for (const event of calendar.events) {
      expect(event.organizer).toEqual({
        cn: 'Kingston',
        address: `mailto:${organizerAddress.toLowerCase()}`,
      });
    }
    // Calendar apps poll: an unchanged feed is answered 304 Not Modified, without a body.
    expect(feed.headers.etag).toEqual(expect.any(String));
    const unchanged = await t.http.get(body.path).set('If-None-Match', feed.headers.etag);
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBeFalsy();

    await t.http.delete(`/therapists/${therapist.id}/calendar-feed`).set(as(therapist)).expect(204);
    await t.http.get(body.path).expect(404);
    await t.http.get('/calendar-feeds/short.ics').expect(400);
  });

  it('offers a freed slot to the first waiting patient it fits, who can take it', async () => {
    const tuesday = nextWeekday(2);
    const booked = await createPatient(t.db, clinic.id);
    const visit = await book(booked.id, `${tuesday}T10:00`);
    const morningOnly = await createPatient(t.db, clinic.id);
    const anyTime = await createPatient(t.db, clinic.id);
    const later = await createPatient(t.db, clinic.id);
    const wish = {
      appointmentTypeId: followUp,
      locationIds: [clinic.id],
      earliest: tuesday,
      latest: tuesday,
    };
    await t.http
      .post('/waitlist')
      .set(as(clerk))
      .send({ ...wish, patientId: morningOnly.id, dayStarts: '07:00', dayEnds: '09:30' })
      .expect(201);
    const first = await t.http
      .post('/waitlist')
      .set(as(clerk))
      .send({ ...wish, patientId: anyTime.id })
      .expect(201);
    const second = await t.http
      .post('/waitlist')
      .set(as(clerk))
      .send({ ...wish, patientId: later.id })
      .expect(201);

    await t.http
      .post(`/appointments/${visit.id}/cancel`)
      .set(as(clerk))
      .send({ reason: 'Work' })
      .expect(200);
    const offered = await t.http.get('/waitlist?status=offered').set(as(clerk)).expect(200);
    expect(offered.body.items).toHaveLength(1);
    expect(offered.body.items[0]).toMatchObject({
      id: first.body.id,
      offeredStartsAt: visit.startsAt,
      offeredTherapistId: therapist.id,
    });

    const accepted = await t.http
      .post(`/waitlist/${first.body.id}/accept`)
      .set(as(clerk))
      .expect(201);
    expect(accepted.body).toMatchObject({
      patientId: anyTime.id,
      startsAt: visit.startsAt,
      status: 'booked',
    });
    await t.http.post(`/waitlist/${first.body.id}/accept`).set(as(clerk)).expect(409);
    const waiting = await t.http.get('/waitlist?status=waiting').set(as(clerk)).expect(200);
    expect(waiting.body.items.map((e: { id: string }) => e.id)).toContain(second.body.id);
  });
});
