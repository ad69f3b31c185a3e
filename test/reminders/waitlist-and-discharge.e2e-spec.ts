import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { redisUrlForTests, startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';
import { bookAt, emailClinic, type EmailClinic } from './clinic';

const NY = 'America/New_York';

const notificationsOf = async (db: Pool, patientId: string, kind: string) =>
  (
    await db.query<{ id: string; status: string; send_at: Date; episode_id: string | null }>(
      `SELECT id, status, send_at, episode_id FROM notifications
        WHERE patient_id = $1 AND kind = $2 ORDER BY created_at`,
      [patientId, kind],
    )
  ).rows;

/** The path and query of the first link in the text part that goes to `path`. */
function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s/]+(${path}\\?token=[A-Za-z0-9_.-]+)`).exec(
    mail.parsed.text ?? '',
  );
  if (!match) throw new Error(`no ${path} link in:\n${mail.parsed.text}`);
  return match[1];
}

describe('waitlist offers and discharge check-ins by email', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let clinic: EmailClinic;
  const as = () => ({ Authorization: clinic.admin.authorization });
  const inDays = (days: number, time: string) =>
    `${DateTime.now().setZone(NY).plus({ days }).toISODate()}T${time}`;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    t = await startTestApp({
      queueBackend: redisUrlForTests() ? 'redis' : 'postgres',
      env: { SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', EMAIL_RETRY_BASE_MS: '100' },
    });
    clinic = await emailClinic(t);
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('emails the freed slot to the waiting patient, whose link books it once', async () => {
    const booked = await clinic.patient();
    const waiting = await clinic.patient();
    const slot = inDays(5, '14:00');
    const appointmentId = await bookAt(t, clinic, booked.id, slot);
    const day = slot.slice(0, 10);
    await t.http
      .post('/waitlist')
      .set(as())
      .send({
        patientId: waiting.id,
        appointmentTypeId: clinic.typeId,
        locationIds: [clinic.locationId],
        earliest: day,
        latest: day,
      })
      .expect(201);

    await t.http
      .post(`/appointments/${appointmentId}/cancel`)
      .set(as())
      .send({ reason: 'Travelling' })
      .expect(200);

    const [offer] = await sink.waitFor(waiting.email);
    expect(offer.parsed.subject).toMatch(/opened up/);
    const localTime = DateTime.fromISO(slot, { zone: NY }).toFormat('h:mm a ZZZZ');
    expect(offer.parsed.text).toContain(localTime);
    expect(offer.parsed.text).toContain('570-555-0142');
    const accept = linkIn(offer, '/email/waitlist-offers/accept');

    // Opening the link books nothing; the button does.
    const page = await t.http.get(accept).expect(200);
    expect(page.text).toContain('<form method="post">');
    const before = await t.db.query('SELECT 1 FROM appointments WHERE patient_id = $1', [
      waiting.id,
    ]);
    expect(before.rowCount).toBe(0);

    const done = await t.http.post(accept).type('form').send('').expect(200);
    expect(done.text).toContain('You are booked');
    expect(done.text).toContain(localTime);
    const { rows } = await t.db.query<{ starts_at: Date; status: string }>(
      'SELECT starts_at, status FROM appointments WHERE patient_id = $1',
      [waiting.id],
    );
    expect(rows).toEqual([
      { starts_at: DateTime.fromISO(slot, { zone: NY }).toJSDate(), status: 'booked' },
    ]);
    const confirmations = await sink.waitFor(waiting.email, 2);
    expect(confirmations[1].parsed.subject).toMatch(/^Your appointment/);

    const again = await t.http.post(accept).expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    const forged = await t.http.post(`${accept.slice(0, -3)}abc`).expect(400);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);
  });

  it('plans a check-in email 30 days after discharge, at 10:00 local', async () => {
    const patient = await clinic.patient();
    const opened = await t.http
      .post(`/patients/${patient.id}/episodes`)
      .set(as())
      .send({
        locationId: clinic.locationId,
        condition: 'Low back pain',
        bodyRegion: 'lower_back',
        openedOn: DateTime.now().setZone(NY).minus({ days: 40 }).toISODate(),
      })
      .expect(201);
    const closedOn = DateTime.now().setZone(NY).minus({ days: 1 }).toISODate()!;

    await t.http
      .post(`/episodes/${opened.body.id}/close`)
      .set(as())
      .send({ closedOn, reason: 'Goals met' })
      .expect(200);

    const [checkIn] = await eventually(
      () => notificationsOf(t.db, patient.id, 'discharge_check_in'),
      (rows) => rows.length === 1,
    );
    expect(checkIn.episode_id).toBe(opened.body.id);
    expect(checkIn.status).toBe('pending');
    expect(DateTime.fromJSDate(checkIn.send_at, { zone: NY }).toISO()).toBe(
      DateTime.fromISO(closedOn, { zone: NY }).plus({ days: 30 }).set({ hour: 10 }).toISO(),
    );
  });
});
