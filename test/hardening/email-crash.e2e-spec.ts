import { DateTime } from 'luxon';
import { bookAt, emailClinic, type EmailClinic } from '../reminders/clinic';
import { eventually, sleep } from '../support/eventually';
import { SmtpSink } from '../support/smtp-sink';
import {
  queueBackendsForTests,
  redisUrlForTests,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { CompiledService, type ServiceProcess } from '../support/worker-process';

const ZONE = 'America/New_York';

interface Confirmation {
  status: string;
  attempts: number;
  message_id: string;
}

/**
 * A worker SIGKILLed before the SMTP server had the whole message loses no email: the next
 * worker sends it, with the same Message-ID, and it arrives once.
 */
describe.each(queueBackendsForTests())(
  'a worker killed before the end of data (%s queue)',
  (backend) => {
    let sink: SmtpSink;
    let service: CompiledService;
    let t: TestApp;
    let clinic: EmailClinic;
    const workers: ServiceProcess[] = [];
    let hour = 8;

    const workerEnv = () => ({
      NODE_ENV: 'test',
      APP_ROLE: 'worker',
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.config.database.url!,
      QUEUE_BACKEND: backend,
      ...(backend === 'redis' ? { REDIS_URL: redisUrlForTests()! } : {}),
      QUEUE_PREFIX: t.config.queue.prefix,
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: '100',
      EMAIL_RETRY_BASE_MS: '100',
      // A dead worker's job is handed on once its lock lapses: one second here.
      JOB_LOCK_MS: '1000',
      MIGRATIONS_RUN_ON_START: 'false',
      SEED_ON_START: 'false',
    });

    const startWorker = async () => {
      const worker = await service.start(workerEnv());
      workers.push(worker);
      return worker;
    };

    const confirmationOf = async (appointmentId: string): Promise<Confirmation> =>
      (
        await t.db.query<Confirmation>(
          `SELECT status, attempts, message_id FROM notifications
          WHERE appointment_id = $1 AND kind = 'appointment_confirmation'`,
          [appointmentId],
        )
      ).rows[0];

    const book = async (patientId: string) =>
      bookAt(
        t,
        clinic,
        patientId,
        DateTime.now()
          .setZone(ZONE)
          .plus({ days: 3 })
          .set({ hour: hour++, minute: 0 })
          .toFormat("yyyy-MM-dd'T'HH:mm"),
      );

    beforeAll(async () => {
      sink = await SmtpSink.start();
      service = await CompiledService.build();
      t = await startTestApp({
        queueBackend: backend,
        env: { APP_ROLE: 'api', SMTP_URL: sink.url },
      });
      clinic = await emailClinic(t);
    }, 60_000);
    afterEach(async () => {
      sink.onRecipient = undefined;
      sink.onDataStart = undefined;
      await Promise.all(workers.splice(0).map((worker) => worker.kill()));
    });
    afterAll(async () => {
      await t.close();
      await sink.close();
      await service.remove();
    });

    it('killed before DATA (at RCPT TO): sent again by the next worker, once', async () => {
      const patient = await clinic.patient();
      const first = await startWorker();
      sink.onRecipient = async (address) => {
        if (address === patient.email) await first.kill();
      };
      const appointmentId = await book(patient.id);
      await eventually(
        () => confirmationOf(appointmentId),
        (row) => row.attempts === 1,
      );
      await sleep(300);
      expect(sink.to(patient.email)).toHaveLength(0);

      sink.onRecipient = undefined;
      await startWorker();
      await sink.waitFor(patient.email, 1, 30_000);
      const row = await eventually(
        () => confirmationOf(appointmentId),
        (current) => current.status === 'sent',
        30_000,
      );
      expect(row.attempts).toBe(2);
      await sleep(1500);
      expect(sink.to(patient.email)).toHaveLength(1);
    }, 90_000);

    it('killed during DATA, before its end: sent again with the same Message-ID, once', async () => {
      const patient = await clinic.patient();
      const first = await startWorker();
      let partialMessageId: string | undefined;
      sink.onDataStart = (firstBytes) => {
        if (!firstBytes.includes(patient.email) || partialMessageId) return;
        partialMessageId = /^Message-ID:\s*(<[^>]+>)/im.exec(firstBytes)?.[1];
        first.killNow();
      };
      const appointmentId = await book(patient.id);
      await eventually(
        () => Promise.resolve(partialMessageId),
        (id) => id !== undefined,
      );
      await startWorker();
      await sink.waitFor(patient.email, 1, 30_000);
      const row = await eventually(
        () => confirmationOf(appointmentId),
        (current) => current.status === 'sent' || current.status === 'unconfirmed',
        30_000,
      );
      await sleep(1500);
      const received = sink.to(patient.email);
      expect(received).toHaveLength(1);
      expect(received[0].parsed.messageId).toBe(partialMessageId);
      expect(row.message_id).toBe(partialMessageId);
      // The kill lands before the end-of-data mark unless the mark was already on the wire.
      if (row.status === 'sent') expect(sink.unfinished.length).toBeGreaterThan(0);
    }, 90_000);
  },
);
