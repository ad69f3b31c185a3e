import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { OutboxRelay, notificationJobId } from '../../src/reminders/outbox-relay';
import { SmtpSink } from '../support/smtp-sink';
import { queueBackendsForTests, startTestApp, type TestApp } from '../support/test-app';
import { eventually } from '../support/eventually';
import { bookAt, emailClinic, zoneWhereItIs } from './clinic';

interface Row {
  id: string;
  status: string;
  version: number;
  relayed_version: number;
  send_at: Date;
  last_error: string | null;
}

describe.each(queueBackendsForTests())(
  'emails whose job went missing or came due at night (%s queue)',
  (backend) => {
    let sink: SmtpSink;
    let t: TestApp;
    let queue: Queue;
    let relay: OutboxRelay;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      t = await startTestApp({
        queueBackend: backend,
        env: { SMTP_URL: sink.url, OUTBOX_POLL_MS: '50', EMAIL_RETRY_BASE_MS: '100' },
      });
      queue = t.app.get<Queue>(getQueueToken('notifications'));
      relay = t.app.get(OutboxRelay);
    });
    afterAll(async () => {
      await t.close();
      await sink.close();
    });

    /** A clinic in the zone, a patient, and a visit some days ahead at noon there. */
    async function reminderIn(zone: string, daysAhead: number) {
      const clinic = await emailClinic(t, { timeZone: zone });
      const patient = await clinic.patient();
      const localStart = DateTime.now()
        .setZone(zone)
        .plus({ days: daysAhead })
        .set({ hour: 12, minute: 0 })
        .toFormat("yyyy-MM-dd'T'HH:mm");
      const appointmentId = await bookAt(t, clinic, patient.id, localStart);
      return { patient, reminder: () => row(appointmentId, 'appointment_reminder') };
    }

    async function row(appointmentId: string, kind: string): Promise<Row> {
      const { rows } = await t.db.query<Row>(
        `SELECT id, status, version, relayed_version, send_at, last_error FROM notifications
        WHERE appointment_id = $1 AND kind = $2`,
        [appointmentId, kind],
      );
      return rows[0];
    }

    it('queues again an overdue email whose job was lost, and it goes once', async () => {
      const { patient, reminder } = await reminderIn(zoneWhereItIs(10, 19), 3);
      const relayed = await eventually(reminder, (current) => current.relayed_version === 1);
      // Redis lost the job (a flush, a failover, a job removed by hand), and its time has passed.
      await queue.remove(notificationJobId(relayed.id, 1));
      await t.db.query(
        `UPDATE notifications SET send_at = now() - interval '15 minutes' WHERE id = $1`,
        [relayed.id],
      );

      // (The relay also reconciles by itself once a minute; whichever run finds the row, one does.)
      await relay.reconcile();

      const sent = await eventually(reminder, (current) => current.status === 'sent');
      expect(sent.version).toBe(2);
      const mails = await sink.waitFor(patient.email, 2);
      // Confirmation and reminder go side by side here: their order is not given.
      expect(mails.map((mail) => mail.parsed.subject).sort()).toEqual([
        expect.stringMatching(/^Reminder/),
        expect.stringMatching(/^Your appointment/),
      ]);
      expect(await relay.reconcile()).toBe(0);
    });

    it('hands a row left sending by a lost job after its data ended to an admin as unconfirmed, never resending it', async () => {
      const { reminder } = await reminderIn(zoneWhereItIs(10, 19), 4);
      const relayed = await eventually(reminder, (current) => current.relayed_version === 1);
      await queue.remove(notificationJobId(relayed.id, 1));
      await t.db.query(
        `UPDATE notifications SET status = 'sending', claimed_at = now() - interval '15 minutes',
              data_ended_at = now() - interval '15 minutes',
              send_at = now() - interval '15 minutes' WHERE id = $1`,
        [relayed.id],
      );

      await relay.reconcile();

      const handed = await reminder();
      expect(handed.status).toBe('unconfirmed');
      expect(handed.last_error).toMatch(/not resent/);
    });

    it('queues again a row left sending by a lost job before its data ended, and it goes once', async () => {
      const { patient, reminder } = await reminderIn(zoneWhereItIs(10, 19), 5);
      const relayed = await eventually(reminder, (current) => current.relayed_version === 1);
      await queue.remove(notificationJobId(relayed.id, 1));
      await t.db.query(
        `UPDATE notifications SET status = 'sending', claimed_at = now() - interval '15 minutes',
              send_at = now() - interval '15 minutes' WHERE id = $1`,
        [relayed.id],
      );

      await relay.reconcile();

      const sent = await eventually(reminder, (current) => current.status === 'sent');
      expect(sent.version).toBe(2);
      const mails = await sink.waitFor(patient.email, 2);
      expect(mails.filter((mail) => mail.parsed.subject?.startsWith('Reminder'))).toHaveLength(1);
    });

    it('holds an email that comes due in quiet hours until 08:00 local', async () => {
      const zone = zoneWhereItIs(0, 5);
      const { patient, reminder } = await reminderIn(zone, 3);
      const relayed = await eventually(reminder, (current) => current.relayed_version === 1);
      // As if the queue had been down until now: the reminder is due in the middle of the night.
      await t.db.query(
        `UPDATE notifications SET send_at = now(), version = version + 1 WHERE id = $1`,
        [relayed.id],
      );

      const held = await eventually(
        reminder,
        (current) => current.version === 3 && current.relayed_version === 3,
      );
      expect(held.status).toBe('pending');
      const morning = DateTime.now()
        .setZone(zone)
        .set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
      expect(held.send_at.toISOString()).toBe(morning.toUTC().toISO());
      expect(sink.to(patient.email).map((mail) => mail.parsed.subject)).toEqual([
        expect.stringMatching(/^Your appointment/),
      ]);
    });
  },
);
