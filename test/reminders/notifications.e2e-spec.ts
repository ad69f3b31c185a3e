import { getQueueToken } from '@nestjs/bullmq';
import type { Job, Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { randomBytes } from 'node:crypto';
import { notificationJobId } from '../../src/reminders/outbox-relay';
import { createStaff } from '../factories';
import { plusDays } from '../scheduling/calendar-dates';
import { SmtpSink, type ReceivedMail } from '../support/smtp-sink';
import { redisUrlForTests, startTestApp, type TestApp } from '../support/test-app';
import { eventually, sleep } from '../support/eventually';
import { calendarPartsOf } from './calendar-parts';
import { emailClinic, zoneWhereItIs, type EmailClinic } from './clinic';

/**
 * The clinic's zone: one where it is day now, since tests make emails due now by promoting their
 * delayed jobs, and an email due in quiet hours waits for the morning (recovery.e2e-spec.ts).
 */
const ZONE = zoneWhereItIs(9, 19);
const PROBLEM = /application\/problem\+json/;

interface NotificationRow {
  id: string;
  kind: string;
  dedupe_key: string;
  status: string;
  version: number;
  relayed_version: number;
  attempts: number;
  last_error: string | null;
  send_at: Date;
  message_id: string | null;
  created_at: Date;
}

interface Booked {
  id: string;
  startsAt: string;
}

const EASTERN = 'America/New_York';

/** Today's date in the zone plus some days, at a local wall-clock time. */
function localAt(daysAhead: number, time: string, zone = ZONE): string {
  return `${plusDays(DateTime.now().setZone(zone).toISODate()!, daysAhead)}T${time}`;
}

/**
 * How the email says a moment ('... at 9:00 AM EST'); in Eastern time written out independently
 * of the source.
 */
function spoken(instant: string, zone = ZONE): string {
  const local = DateTime.fromISO(instant, { setZone: true }).setZone(zone);
  const abbreviation =
    zone === EASTERN ? (local.offset === -300 ? 'EST' : 'EDT') : local.toFormat('ZZZZ');
  return `${local.toFormat("cccc, LLLL d, yyyy 'at' h:mm a")} ${abbreviation}`;
}

/** When `at` is in New York's quiet hours (21:00-08:00), the 08:00 that ends them; else null. */
function quietHoursEnd(at: Date): Date | null {
  const local = DateTime.fromJSDate(at, { zone: ZONE });
  if (local.hour >= 8 && local.hour < 21) return null;
  const day = local.hour < 8 ? local : local.plus({ days: 1 });
  return day.set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** One header of the raw message, unfolded. */
function headerOf(mail: ReceivedMail, name: string): string | undefined {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  const line = head.split(/\r?\n/).find((entry) => entry.toLowerCase().startsWith(prefix));
  return line?.slice(prefix.length).trim();
}

/** The path and query of the email's one-click unsubscribe link. */
function unsubscribePath(mail: ReceivedMail): string {
  const header = headerOf(mail, 'List-Unsubscribe') ?? '';
  const url = new URL(/^<(.+)>$/.exec(header)![1]);
  return `${url.pathname}${url.search}`;
}

describe('patient emails: outbox, queue and SMTP', () => {
  let t: TestApp;
  let sink: SmtpSink;
  let queue: Queue;
  let clinic: EmailClinic;
  let eastern: EmailClinic;
  const admin = () => ({ Authorization: clinic.admin.authorization });
  /** A POST as the clinic's admin, or as someone else. */
  const post = (path: string, body: object = {}, as = admin()) =>
    t.http.post(path).set(as).send(body);

  beforeAll(async () => {
    const backend = redisUrlForTests() ? 'redis' : 'postgres';
    sink = await SmtpSink.start();
    t = await startTestApp({
      queueBackend: backend,
      env: {
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '50',
        EMAIL_RETRY_BASE_MS: '100',
        EMAIL_MAX_ATTEMPTS: '3',
      },
    });
    queue = t.app.get<Queue>(getQueueToken('notifications'));
    clinic = await emailClinic(t, { timeZone: ZONE });
    eastern = await emailClinic(t, { timeZone: EASTERN });
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  async function book(
    patientId: string,
    start: { localStart: string; episodeId?: string } | { startsAt: string },
    where: EmailClinic = clinic,
    typeId: string = where.typeId,
  ): Promise<Booked> {
    const as = { Authorization: where.admin.authorization };
    const response = await post(
      '/appointments',
      {
        patientId,
        appointmentTypeId: typeId,
        locationId: where.locationId,
        therapistId: where.therapist.id,
        ...start,
      },
      as,
    ).expect(201);
    return response.body as Booked;
  }

  async function rowsOf(appointmentId: string): Promise<NotificationRow[]> {
    const sql =
      'SELECT * FROM notifications WHERE appointment_id = $1 ORDER BY created_at, dedupe_key';
    return (await t.db.query<NotificationRow>(sql, [appointmentId])).rows;
  }

  const rowById = async (id: string) =>
    (await t.db.query<NotificationRow>('SELECT * FROM notifications WHERE id = $1', [id])).rows[0];

  /** The appointment's notification of a kind once it satisfies the predicate. */
  async function rowWhen(
    appointmentId: string,
    kind: string,
    accept: (row: NotificationRow) => boolean,
    timeoutMs?: number,
  ): Promise<NotificationRow> {
    const found = await eventually(
      async () => (await rowsOf(appointmentId)).filter((row) => row.kind === kind).at(-1),
      (row) => row !== undefined && accept(row),
      timeoutMs,
    );
    return found!;
  }

  const rowIn = (appointmentId: string, kind: string, status: string) =>
    rowWhen(appointmentId, kind, (row) => row.status === status);

  /** The queue's job for the row's current version, once the relay has brought it there. */
  async function relayedJob(notificationId: string): Promise<Job> {
    const row = await eventually(
      () => rowById(notificationId),
      (current) => current.relayed_version === current.version,
    );
    const job = await queue.getJob(notificationJobId(row.id, row.version));
    if (!job) throw new Error(`no job for notification ${row.id} v${row.version}`);
    return job;
  }

  /** Emails to an address whose subject matches, once there are `count` of them. */
  const mailsTo = (email: string, subject: RegExp, count = 1) =>
    eventually(
      () =>
        Promise.resolve(sink.to(email).filter((mail) => subject.test(mail.parsed.subject ?? ''))),
      (mails) => mails.length >= count,
    );

  async function expectDelayedUntil(job: Job, sendAt: Date): Promise<void> {
    expect(await job.getState()).toBe('delayed');
    expect(Math.abs(job.opts.delay! - (sendAt.getTime() - Date.now()))).toBeLessThan(5_000);
  }

  /**
   * A rebooking email goes at once, or at 08:00 when the change happened in quiet hours: then the
   * job is promoted, as the clock would do.
   */
  async function expectRebookEmail(appointment: Booked, kind: string, to: string, subject: RegExp) {
    const row = await rowWhen(appointment.id, kind, () => true);
    const morning = quietHoursEnd(row.created_at);
    if (morning) {
      expect(row.status).toBe('pending');
      expect(row.send_at.toISOString()).toBe(morning.toISOString());
      await (await relayedJob(row.id)).promote();
    } else {
      expect(Math.abs(row.send_at.getTime() - row.created_at.getTime())).toBeLessThan(5_000);
    }
    const [mail] = await mailsTo(to, subject);
    expect(mail.parsed.text).toContain(spoken(appointment.startsAt));
    await rowIn(appointment.id, kind, 'sent');
    return mail;
  }

  describe('booking confirmation', () => {
    it('arrives once, in Eastern time for a Scranton clinic, with the clinic, a calendar file and unsubscribe headers', async () => {
      const patient = await eastern.patient();
      const episode = await post(`/patients/${patient.id}/episodes`, {
        locationId: eastern.locationId,
        condition: 'Lumbar disc herniation',
        bodyRegion: 'lower_back',
        openedOn: DateTime.now().setZone(EASTERN).toISODate(),
      }).expect(201);
      const localStart = localAt(10, '09:00', EASTERN);
      const appointment = await book(
        patient.id,
        { localStart, episodeId: episode.body.id },
        eastern,
      );

      const row = await rowIn(appointment.id, 'appointment_confirmation', 'sent');
      const [mail] = await sink.waitFor(patient.email, 1);
      await sleep(500);
      expect(sink.to(patient.email)).toHaveLength(1);

      const { parsed, raw } = mail;
      const when = spoken(appointment.startsAt, EASTERN);
      expect(parsed.subject).toContain('Scranton Spine & Sport');
      expect(parsed.subject).toContain(
        DateTime.fromISO(localStart, { zone: EASTERN }).toFormat('ccc LLL d'),
      );
      for (const part of [parsed.text, parsed.html]) {
        expect(part).toEqual(expect.any(String));
        expect(part).toContain(when);
        expect(part).toContain('120 Wyoming Ave');
        expect(part).toContain('Scranton, PA 18503');
        expect(part).toContain('570-555-0142');
        expect(part).not.toMatch(/follow-up|herniation|lumbar|lower back/i);
      }
      expect(parsed.subject).not.toMatch(/follow-up|herniation/i);

      const calendar =
        parsed.attachments
          .find((part) => part.contentType.startsWith('text/calendar'))
          ?.content.toString('utf8') ?? raw;
      const utcStart = DateTime.fromISO(appointment.startsAt).toUTC();
      expect(calendar).toContain('BEGIN:VCALENDAR');
      expect(calendar).toContain('METHOD:PUBLISH');
      expect(calendar).toContain(`DTSTART:${utcStart.toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
      expect(calendar).toContain(`UID:${appointment.id}@`);
      expect(calendar).not.toMatch(/follow-up|herniation|lumbar/i);

      expect(headerOf(mail, 'List-Unsubscribe')).toMatch(
        /^<https?:\/\/.+\/email\/unsubscribe\?token=.+>$/,
      );
      expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(parsed.messageId).toBeTruthy();
      expect(parsed.messageId).toBe(row.message_id);
    });
  });

  describe('24 h reminder', () => {
    it('waits in the queue until the same wall-clock time the day before, then goes', async () => {
      const patient = await clinic.patient();
      const appointment = await book(patient.id, { localStart: localAt(11, '09:00') });

      const reminder = await rowIn(appointment.id, 'appointment_reminder', 'pending');
      const dayBefore = DateTime.fromISO(appointment.startsAt).setZone(ZONE).minus({ days: 1 });
      expect(DateTime.fromJSDate(reminder.send_at, { zone: ZONE }).toISO()).toBe(dayBefore.toISO());
      const job = await relayedJob(reminder.id);
      expect(job.id).toBe(notificationJobId(reminder.id, 1));
      await expectDelayedUntil(job, reminder.send_at);
      await rowIn(appointment.id, 'appointment_confirmation', 'sent');

      await job.promote();
      const [mail] = await mailsTo(patient.email, /^Reminder/);
      expect(mail.parsed.text).toContain(spoken(appointment.startsAt));
      expect(mail.parsed.subject).toContain(
        DateTime.fromISO(appointment.startsAt).setZone(ZONE).toFormat('h:mm a'),
      );
      await rowIn(appointment.id, 'appointment_reminder', 'sent');
      expect(sink.to(patient.email)).toHaveLength(2);
    });

    it('follows a rescheduled visit: old reminder and its job withdrawn, a new one queued for the new time, a new confirmation', async () => {
      const patient = await clinic.patient();
      const appointment = await book(patient.id, { localStart: localAt(12, '10:00') });
      const first = await rowIn(appointment.id, 'appointment_reminder', 'pending');
      await relayedJob(first.id);
      await sink.waitFor(patient.email, 1);

      const moved = await post(`/appointments/${appointment.id}/reschedule`, {
        localStart: localAt(13, '11:00'),
      }).expect(200);
      const newStart = moved.body.startsAt as string;

      const withdrawn = await eventually(
        () => rowById(first.id),
        (row) => row.status === 'cancelled' && row.relayed_version === row.version,
      );
      expect(await queue.getJob(notificationJobId(first.id, 1))).toBeUndefined();
      expect(await queue.getJob(notificationJobId(first.id, withdrawn.version))).toBeUndefined();
      const reminder = await rowWhen(
        appointment.id,
        'appointment_reminder',
        (row) => row.id !== first.id && row.status === 'pending',
      );
      expect(DateTime.fromJSDate(reminder.send_at, { zone: ZONE }).toISO()).toBe(
        DateTime.fromISO(newStart).setZone(ZONE).minus({ days: 1 }).toISO(),
      );
      const job = await relayedJob(reminder.id);
      await expectDelayedUntil(job, reminder.send_at);

      const confirmations = await mailsTo(patient.email, /^Your appointment/, 2);
      expect(confirmations[1].parsed.text).toContain(spoken(newStart));
      const [calendar] = calendarPartsOf(confirmations[1]);
      expect(calendar.bytes.toString('utf8')).toContain('SEQUENCE:1');
    });

    it('after its reminder went out, a moved visit gets a reminder for the new time too', async () => {
      const patient = await clinic.patient();
      const appointment = await book(patient.id, { localStart: localAt(30, '09:00') });
      const first = await rowIn(appointment.id, 'appointment_reminder', 'pending');
      await (await relayedJob(first.id)).promote();
      await rowIn(appointment.id, 'appointment_reminder', 'sent');

      const moved = await post(`/appointments/${appointment.id}/reschedule`, {
        localStart: localAt(32, '09:00'),
      }).expect(200);

      const next = await rowWhen(
        appointment.id,
        'appointment_reminder',
        (row) => row.id !== first.id && row.status === 'pending',
      );
      expect(DateTime.fromJSDate(next.send_at, { zone: ZONE }).toISO()).toBe(
        DateTime.fromISO(moved.body.startsAt as string)
          .setZone(ZONE)
          .minus({ days: 1 })
          .toISO(),
      );
      await expectDelayedUntil(await relayedJob(next.id), next.send_at);
      expect((await rowById(first.id)).status).toBe('sent');
    });

    it('confirming the visit sends no second confirmation and keeps the reminder', async () => {
      const patient = await clinic.patient();
      const appointment = await book(patient.id, { localStart: localAt(31, '09:00') });
      const reminder = await rowIn(appointment.id, 'appointment_reminder', 'pending');
      await rowIn(appointment.id, 'appointment_confirmation', 'sent');

      await post(`/appointments/${appointment.id}/confirm`, {}).expect(200);

      await sleep(1_000);
      expect(await rowById(reminder.id)).toMatchObject({ status: 'pending', version: 1 });
      expect(sink.to(patient.email)).toHaveLength(1);
    });
  });

  describe('cancellation', () => {
    it('withdraws the pending reminder and its job, and sends only the cancellation', async () => {
      const patient = await clinic.patient();
      const appointment = await book(patient.id, { localStart: localAt(14, '10:00') });
      const reminder = await rowIn(appointment.id, 'appointment_reminder', 'pending');
      await relayedJob(reminder.id);
      await rowIn(appointment.id, 'appointment_confirmation', 'sent');

      const cancelled = await post(`/appointments/${appointment.id}/cancel`, {
        reason: 'Feeling better',
      }).expect(200);
      expect(cancelled.body.lateCancellation).toBe(false);

      const withdrawn = await rowWhen(
        appointment.id,
        'appointment_reminder',
        (row) => row.status === 'cancelled' && row.relayed_version === row.version,
      );
      expect(await queue.getJob(notificationJobId(withdrawn.id, 1))).toBeUndefined();
      expect(
        await queue.getJob(notificationJobId(withdrawn.id, withdrawn.version)),
      ).toBeUndefined();
      const [, cancellation] = await sink.waitFor(patient.email, 2);
      expect(cancellation.parsed.subject).toMatch(/^Cancelled: your appointment/);
      expect(cancellation.parsed.text).toContain(spoken(appointment.startsAt));
      await rowIn(appointment.id, 'appointment_cancellation', 'sent');
      await sleep(1_000);
      expect(sink.to(patient.email)).toHaveLength(2);
      expect((await rowsOf(appointment.id)).map((row) => row.kind).sort()).toEqual([
        'appointment_cancellation',
        'appointment_confirmation',
        'appointment_reminder',
      ]);
    });

    it('under 24 h ahead, asks the patient to rebook (at 08:00 when cancelled in quiet hours)', async () => {
      const patient = await clinic.patient();
      // A daytime start (08:00-19:00) 4 to 16 hours from now: late, yet safely in the future.
      let start = DateTime.now()
        .setZone(ZONE)
        .plus({ hours: 3 })
        .startOf('hour')
        .plus({ hours: 1 });
      while (start.hour < 8 || start.hour > 19) start = start.plus({ hours: 1 });
      const appointment = await book(patient.id, {
        localStart: start.toFormat("yyyy-MM-dd'T'HH:mm"),
      });
      await rowIn(appointment.id, 'appointment_confirmation', 'sent');

      const cancelled = await post(`/appointments/${appointment.id}/cancel`, {
        reason: 'Car trouble',
      }).expect(200);
      expect(cancelled.body.lateCancellation).toBe(true);

      await expectRebookEmail(appointment, 'late_cancel_rebook', patient.email, /find a new time/);
    });
  });

  describe('consent', () => {
    it('sends nothing to a patient without email consent and records why', async () => {
      const patient = await clinic.patient({ consent: false });
      const appointment = await book(patient.id, { localStart: localAt(15, '09:00') });

      const confirmation = await rowIn(appointment.id, 'appointment_confirmation', 'skipped');
      expect(confirmation.last_error).toMatch(/consent/);
      const reminder = await rowIn(appointment.id, 'appointment_reminder', 'pending');
      await (await relayedJob(reminder.id)).promote();
      const skipped = await rowIn(appointment.id, 'appointment_reminder', 'skipped');
      expect(skipped.last_error).toMatch(/consent/);
      expect(skipped.attempts).toBe(0);

      await sleep(1_500);
      expect(sink.to(patient.email)).toHaveLength(0);
    });

    it('unsubscribes with one click from the List-Unsubscribe link, never on a GET', async () => {
      const patient = await clinic.patient();
      await book(patient.id, { localStart: localAt(16, '09:00') });
      const [mail] = await sink.waitFor(patient.email, 1);
      const link = unsubscribePath(mail);
      const consent = async () =>
        (await t.db.query('SELECT email_consent FROM patients WHERE id = $1', [patient.id])).rows[0]
          .email_consent as boolean;

      const page = await t.http
        .get(link)
        .expect(200)
        .expect('content-type', /text\/html/);
      expect(page.text).toContain('<form method="post">');
      expect(await consent()).toBe(true);

      await t.http
        .post(link)
        .type('form')
        .send('List-Unsubscribe=One-Click')
        .expect(200)
        .expect('content-type', /text\/html/);
      expect(await consent()).toBe(false);

      const later = await book(patient.id, { localStart: localAt(17, '09:00') });
      const skipped = await rowIn(later.id, 'appointment_confirmation', 'skipped');
      expect(skipped.last_error).toMatch(/consent/);
      await sleep(1_000);
      expect(sink.to(patient.email)).toHaveLength(1);

      const tampered = `${link.slice(0, -2)}${link.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const bad of ['/email/unsubscribe?token=nonsense', tampered, '/email/unsubscribe']) {
        for (const method of ['get', 'post'] as const) {
          const response = await t.http[method](bad).expect(400).expect('content-type', PROBLEM);
          expect(response.body.errors[0].field).toBe('token');
        }
      }
    });
  });

  describe('SMTP failures', () => {
    it('retries a 421 and delivers exactly once', async () => {
      const patient = await clinic.patient();
      sink.refuseNext(421, 'Try again later');
      const appointment = await book(patient.id, { localStart: localAt(18, '09:00') });

      const sent = await rowIn(appointment.id, 'appointment_confirmation', 'sent');
      expect(sent.attempts).toBe(2);
      expect(sent.last_error).toBeNull();
      await sink.waitFor(patient.email, 1);
      await sleep(1_000);
      expect(sink.to(patient.email)).toHaveLength(1);
    });

    it('gives up after EMAIL_MAX_ATTEMPTS transient refusals', async () => {
      const patient = await clinic.patient();
      for (let attempt = 0; attempt < 3; attempt++) sink.refuseNext(421, 'Try again later');
      const appointment = await book(patient.id, { localStart: localAt(20, '09:00') });

      const failed = await rowIn(appointment.id, 'appointment_confirmation', 'failed');
      expect(failed.attempts).toBe(3);
      expect(failed.last_error).toContain('421');
      await sleep(1_000);
      expect((await rowById(failed.id)).attempts).toBe(3);
      expect(sink.to(patient.email)).toHaveLength(0);
    });

    it('fails a 550 at once; an admin sees it and retries it; others may not', async () => {
      const patient = await clinic.patient();
      sink.refuseNext(550, 'Mailbox unavailable');
      const appointment = await book(patient.id, { localStart: localAt(19, '09:00') });

      const failed = await rowIn(appointment.id, 'appointment_confirmation', 'failed');
      expect(failed.attempts).toBe(1);
      expect(failed.last_error).toContain('550');
      await sleep(1_500);
      expect((await rowById(failed.id)).attempts).toBe(1);
      expect(sink.to(patient.email)).toHaveLength(0);

      const list = await t.http
        .get('/notifications')
        .query({ status: 'failed', patientId: patient.id, limit: 10, offset: 0 })
        .set(admin())
        .expect(200);
      expect(list.body).toMatchObject({ total: 1, limit: 10, offset: 0 });
      expect(list.body.items[0]).toMatchObject({
        id: failed.id,
        kind: 'appointment_confirmation',
        status: 'failed',
        attempts: 1,
        lastError: expect.stringContaining('550'),
      });
      const summary = await t.http.get('/notifications/summary').set(admin()).expect(200);
      expect(summary.body.byStatus.failed).toBeGreaterThanOrEqual(1);
      expect(summary.body).toHaveProperty('awaitingRelay');
      expect(summary.body).toHaveProperty('queue');
      const one = await t.http.get(`/notifications/${failed.id}`).set(admin()).expect(200);
      expect(one.body.status).toBe('failed');

      const retried = await post(`/notifications/${failed.id}/retry`).expect(200);
      expect(retried.body).toMatchObject({ id: failed.id, status: 'pending' });
      await sink.waitFor(patient.email, 1);
      const sent = await rowIn(appointment.id, 'appointment_confirmation', 'sent');
      expect(sent.attempts).toBe(1);
      await sleep(500);
      expect(sink.to(patient.email)).toHaveLength(1);

      const again = await post(`/notifications/${failed.id}/retry`)
        .expect(409)
        .expect('content-type', PROBLEM);
      expect(again.body.code).toBe('notification.not_retryable');

      const frontDesk = await createStaff(t.http, t.db, 'front_desk', [clinic.locationId]);
      for (const user of [frontDesk, clinic.therapist]) {
        const as = { Authorization: user.authorization };
        await t.http.get('/notifications').set(as).expect(403);
        await t.http.get('/notifications/summary').set(as).expect(403);
        await t.http.get(`/notifications/${failed.id}`).set(as).expect(403);
        await post(`/notifications/${failed.id}/retry`, {}, as).expect(403);
      }
    });
  });

  describe('timing per location and appointment type', () => {
    let other: EmailClinic;
    beforeAll(async () => {
      other = await emailClinic(t, { name: 'Dunmore Physical Therapy', timeZone: ZONE });
    });

    it('plans a second reminder and refuses one that is not sooner than the first', async () => {
      const asAdmin = { Authorization: other.admin.authorization };
      const patched = await t.http
        .patch(`/locations/${other.locationId}`)
        .set(asAdmin)
        .send({ secondReminderHoursBefore: 2 })
        .expect(200);
      expect(patched.body).toMatchObject({ reminderHoursBefore: 24, secondReminderHoursBefore: 2 });

      const patient = await other.patient();
      const appointment = await book(patient.id, { localStart: localAt(10, '13:00') }, other);
      await rowIn(appointment.id, 'appointment_confirmation', 'sent');
      const start = DateTime.fromISO(appointment.startsAt).setZone(ZONE);
      const reminders = (await rowsOf(appointment.id))
        .filter((row) => row.kind === 'appointment_reminder')
        .map((row) => [row.dedupe_key.split(':').at(-1), row.send_at.toISOString()]);
      expect(Object.fromEntries(reminders)).toEqual({
        '24h': start.minus({ days: 1 }).toJSDate().toISOString(),
        '2h': start.minus({ hours: 2 }).toJSDate().toISOString(),
      });

      const refused = await t.http
        .patch(`/locations/${other.locationId}`)
        .set(asAdmin)
        .send({ secondReminderHoursBefore: 30 })
        .expect((response) => expect([400, 422]).toContain(response.status))
        .expect('content-type', PROBLEM);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(
        'secondReminderHoursBefore',
      );
    });

    it('sends a follow-up two days after a completed visit, at 10:00 local', async () => {
      const asAdmin = { Authorization: other.admin.authorization };
      const type = await post(
        '/appointment-types',
        {
          code: `eval_${randomBytes(3).toString('hex')}`,
          name: 'Re-evaluation',
          durationMinutes: 30,
          allowedCredentials: ['PT'],
          followUpDays: 2,
        },
        asAdmin,
      ).expect(201);
      const patient = await other.patient();
      const appointment = await book(
        patient.id,
        { localStart: localAt(11, '09:00') },
        other,
        type.body.id as string,
      );
      await rowIn(appointment.id, 'appointment_confirmation', 'sent');
      // The day of the visit comes: check-in opens only shortly before the start.
      await t.db.query(
        `UPDATE appointments SET starts_at = now() + interval '20 min', ends_at = now() + interval '50 min',
                busy_from = now() + interval '20 min', busy_until = now() + interval '50 min'
          WHERE id = $1`,
        [appointment.id],
      );

      await post(`/appointments/${appointment.id}/check-in`, {}, asAdmin).expect(200);
      await rowWhen(appointment.id, 'appointment_reminder', (row) => row.status === 'cancelled');
      await post(`/appointments/${appointment.id}/complete`, {}, asAdmin).expect(200);

      const followUp = await rowIn(appointment.id, 'follow_up', 'pending');
      const expected = DateTime.fromJSDate(followUp.created_at, { zone: ZONE })
        .startOf('day')
        .plus({ days: 2 })
        .set({ hour: 10 });
      expect(followUp.send_at.toISOString()).toBe(expected.toJSDate().toISOString());
      await expectDelayedUntil(await relayedJob(followUp.id), followUp.send_at);
    });
  });

  describe('no-show', () => {
    it('asks the patient to rebook once the visit has started (at 08:00 when in quiet hours)', async () => {
      const type = await post('/appointment-types', {
        code: `quick_${randomBytes(3).toString('hex')}`,
        name: 'Quick check',
        durationMinutes: 5,
        allowedCredentials: ['PT'],
      }).expect(201);
      // The clinic closes at 23:59: a visit cannot straddle local midnight.
      const local = DateTime.now().setZone(ZONE);
      if (local.hour === 23 && local.minute >= 53)
        await sleep(local.endOf('day').diffNow().toMillis() + 2_000);
      const startsAt = new Date(Math.ceil((Date.now() + 3_000) / 1_000) * 1_000).toISOString();
      const patient = await clinic.patient();
      const appointment = await book(patient.id, { startsAt }, clinic, type.body.id as string);

      await sleep(Math.max(0, Date.parse(startsAt) - Date.now()) + 200);
      await post(`/appointments/${appointment.id}/no-show`).expect(200);

      const mail = await expectRebookEmail(appointment, 'no_show_rebook', patient.email, /missed/);
      expect(mail.parsed.subject).toBe('We missed you today');
    }, 600_000);
  });
});
