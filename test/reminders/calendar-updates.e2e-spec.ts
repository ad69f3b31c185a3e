import { DateTime } from 'luxon';
import { nextWeekday, plusDays } from '../scheduling/calendar-dates';
import { eventually, sleep } from '../support/eventually';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { redisUrlForTests, startTestApp, type TestApp } from '../support/test-app';
import { calendarPartsOf, parseCalendar, type CalendarEvent } from './calendar-parts';
import { bookAt, emailClinic, zoneWhereItIs, type EmailClinic } from './clinic';

/**
 * The calendar entry a patient adds from their confirmation, kept true by the emails that
 * follow: a move republishes it, a cancellation removes it. Each email is received over SMTP
 * and its calendar object read with ical.js, as a calendar app would.
 *
 * The clinic is in a zone where it is day now: a cancellation, unlike a confirmation, waits for
 * 08:00 when it comes in quiet hours.
 */
const ZONE = zoneWhereItIs(9, 19);
const FROM_ADDRESS = 'front@scranton.example';
const CLINIC = 'Scranton Spine & Sport';

function localAt(daysAhead: number, time: string): string {
  return `${plusDays(DateTime.now().setZone(ZONE).toISODate()!, daysAhead)}T${time}`;
}

/**
 * The one calendar object an email carries, checked as iMIP wants it on the wire: every part
 * holding it is `text/calendar` with the method of its METHOD, none `application/ics`, and its
 * bytes end in CRLF after END:VCALENDAR (RFC 5545 3.1).
 */
function calendarOf(mail: ReceivedMail, method: 'PUBLISH' | 'CANCEL') {
  const parts = calendarPartsOf(mail);
  // The alternative calendar apps act on, and the same object as a file to open.
  expect(parts.map((part) => [part.mediaType, part.method, part.disposition])).toEqual([
    ['text/calendar', method, undefined],
    ['text/calendar', method, 'attachment'],
  ]);
  expect(parts[1].filename).toBe('appointment.ics');
  expect(mail.raw).toContain(`Content-Type: text/calendar; charset=utf-8; method=${method}`);
  expect(mail.raw).not.toMatch(/application\/ics/i);
  for (const part of parts) {
    expect(part.bytes.subarray(-15).toString('latin1')).toBe('END:VCALENDAR\r\n');
    expect(part.bytes.equals(parts[0].bytes)).toBe(true);
  }
  const calendar = parseCalendar(parts[0].bytes.toString('utf8'));
  expect(calendar.method).toBe(method);
  for (const event of calendar.events) {
    expect(event.organizer).toEqual({ cn: CLINIC, address: `mailto:${FROM_ADDRESS}` });
  }
  return calendar;
}

describe('calendar entries in patient emails (iTIP over iMIP)', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let clinic: EmailClinic;
  const as = () => ({ Authorization: clinic.admin.authorization });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      queueBackend: redisUrlForTests() ? 'redis' : 'postgres',
      env: {
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '50',
        EMAIL_RETRY_BASE_MS: '100',
        MAIL_FROM: `"Front desk" <${FROM_ADDRESS}>`,
      },
    });
    clinic = await emailClinic(t, { name: CLINIC, timeZone: ZONE });
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const notificationsOf = async (appointmentId: string) =>
    (
      await t.db.query<{ kind: string; status: string; last_error: string | null }>(
        `SELECT kind, status, last_error FROM notifications WHERE appointment_id = $1
          ORDER BY created_at, dedupe_key`,
        [appointmentId],
      )
    ).rows;

  it('booked, moved, cancelled: one entry, same UID, SEQUENCE 0 < 1 < 2, then CANCELLED', async () => {
    const patient = await clinic.patient();
    const id = await bookAt(t, clinic, patient.id, localAt(10, '09:00'));
    const uid = `${id}@pt-practice`;

    const [confirmation] = await sink.waitFor(patient.email, 1);
    const booked = calendarOf(confirmation, 'PUBLISH');
    expect(booked.events).toHaveLength(1);

    const moved = await t.http
      .post(`/appointments/${id}/reschedule`)
      .set(as())
      .send({ localStart: localAt(11, '10:30') })
      .expect(200);
    const update = (await sink.waitFor(patient.email, 2))[1];
    expect(update.parsed.subject).toMatch(/^Your appointment/);
    const republished = calendarOf(update, 'PUBLISH');

    await t.http
      .post(`/appointments/${id}/cancel`)
      .set(as())
      .send({ reason: 'Feeling better' })
      .expect(200);
    const cancellation = (await sink.waitFor(patient.email, 3))[2];
    expect(cancellation.parsed.subject).toMatch(/^Cancelled: your appointment at/);
    expect(cancellation.parsed.text).toContain(
      DateTime.fromISO(moved.body.startsAt as string)
        .setZone(ZONE)
        .toFormat("cccc, LLLL d, yyyy 'at' h:mm a"),
    );
    const cancelled = calendarOf(cancellation, 'CANCEL');

    const events = [booked, republished, cancelled].map(({ events: [event] }) => event);
    expect(events.map((event) => event.uid)).toEqual([uid, uid, uid]);
    expect(events.map((event) => event.sequence)).toEqual([0, 1, 2]);
    expect(events.map((event) => event.status)).toEqual([null, null, 'CANCELLED']);
    expect(events[1].start).toBe(new Date(moved.body.startsAt as string).toISOString());
    expect(events[2].start).toBe(events[1].start);
    // PUBLISH names no attendee; CANCEL names the patient it cancels the event for.
    expect(events.map((event) => event.attendees)).toEqual([[], [], [`mailto:${patient.email}`]]);

    await eventually(
      () => notificationsOf(id),
      (rows) =>
        rows.some((row) => row.kind === 'appointment_cancellation' && row.status === 'sent'),
    );
    await sleep(500);
    expect(sink.to(patient.email)).toHaveLength(3);
  });

  it('a series cancelled from its second visit on: one cancellation per visit, each its own UID', async () => {
    const patient = await clinic.patient();
    const monday = nextWeekday(1, 7, ZONE);
    const { body } = await t.http
      .post('/appointment-series')
      .set(as())
      .send({
        patientId: patient.id,
        appointmentTypeId: clinic.typeId,
        locationId: clinic.locationId,
        therapistId: clinic.therapist.id,
        localStart: `${monday}T09:00`,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=3',
        onConflict: 'book_none',
      })
      .expect(201);
    const visits = (body.occurrences as { appointmentId: string }[]).map(
      (occurrence) => occurrence.appointmentId,
    );
    expect(visits).toHaveLength(3);

    const [confirmation] = await sink.waitFor(patient.email, 1);
    const published = calendarOf(confirmation, 'PUBLISH');
    expect(published.events.map((event) => [event.uid, event.sequence])).toEqual(
      visits.map((visit) => [`${visit}@pt-practice`, 0]),
    );

    const cancelled = await t.http
      .post(`/appointments/${visits[1]}/cancel-following`)
      .set(as())
      .send({ reason: 'Moving away' })
      .expect(200);
    expect((cancelled.body as { id: string }[]).map((visit) => visit.id)).toEqual(visits.slice(1));

    const cancellations = (await sink.waitFor(patient.email, 3)).slice(1);
    const events: CalendarEvent[] = cancellations.map((mail) => {
      const { events: inMail } = calendarOf(mail, 'CANCEL');
      expect(inMail).toHaveLength(1);
      return inMail[0];
    });
    expect(events.map((event) => event.uid).sort()).toEqual(
      visits
        .slice(1)
        .map((visit) => `${visit}@pt-practice`)
        .sort(),
    );
    for (const event of events) {
      expect(event).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    }
    // Each says which visit it is about.
    expect(new Set(cancellations.map((mail) => mail.parsed.subject)).size).toBe(2);

    await sleep(500);
    expect(sink.to(patient.email)).toHaveLength(3);
    expect((await notificationsOf(visits[0])).map((row) => row.kind)).not.toContain(
      'appointment_cancellation',
    );
  });

  it('a late cancellation asks to rebook, and that same email removes the entry', async () => {
    const patient = await clinic.patient();
    // Some hours ahead: under 24 h, so late; booked at any hour, the clinic is open around the
    // clock.
    const start = DateTime.now().setZone(ZONE).plus({ hours: 5 }).startOf('hour');
    const id = await bookAt(t, clinic, patient.id, start.toFormat("yyyy-MM-dd'T'HH:mm"));
    await sink.waitFor(patient.email, 1);

    const response = await t.http
      .post(`/appointments/${id}/cancel`)
      .set(as())
      .send({ reason: 'Car trouble' })
      .expect(200);
    expect(response.body.lateCancellation).toBe(true);

    const rebook = (await sink.waitFor(patient.email, 2))[1];
    expect(rebook.parsed.subject).toMatch(/find a new time/);
    const {
      events: [event],
    } = calendarOf(rebook, 'CANCEL');
    expect(event).toMatchObject({ uid: `${id}@pt-practice`, sequence: 1, status: 'CANCELLED' });
    await sleep(500);
    expect(sink.to(patient.email)).toHaveLength(2);
    expect((await notificationsOf(id)).map((row) => row.kind)).not.toContain(
      'appointment_cancellation',
    );
  });

  it('sends no cancellation to a patient who withdrew consent, and records why', async () => {
    const patient = await clinic.patient();
    const id = await bookAt(t, clinic, patient.id, localAt(12, '09:00'));
    await sink.waitFor(patient.email, 1);
    await t.db.query('UPDATE patients SET email_consent = false WHERE id = $1', [patient.id]);

    await t.http
      .post(`/appointments/${id}/cancel`)
      .set(as())
      .send({ reason: 'Feeling better' })
      .expect(200);

    const rows = await eventually(
      () => notificationsOf(id),
      (found) =>
        found.some((row) => row.kind === 'appointment_cancellation' && row.status === 'skipped'),
    );
    expect(rows.find((row) => row.kind === 'appointment_cancellation')?.last_error).toMatch(
      /consent/,
    );
    expect(sink.to(patient.email)).toHaveLength(1);
  });
});
