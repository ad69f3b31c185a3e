import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, redisUrlForTests, type TestApp } from '../support/test-app';
import { CompiledService, type ServiceProcess } from '../support/worker-process';
import { eventually, sleep } from '../support/eventually';
import { bookAt, emailClinic, type EmailClinic } from './clinic';

const ZONE = 'America/New_York';

/** A local start three days from now at 10:00, comfortably bookable at the 24/7 test clinic. */
function inThreeDays(hour = 10): string {
  return DateTime.now()
    .setZone(ZONE)
    .plus({ days: 3 })
    .set({ hour, minute: 0 })
    .toFormat("yyyy-MM-dd'T'HH:mm");
}

async function confirmationOf(db: Pool, appointmentId: string) {
  const { rows } = await db.query<{ status: string; attempts: number; relayed_version: number }>(
    `SELECT status, attempts, relayed_version FROM notifications
      WHERE appointment_id = $1 AND kind = 'appointment_confirmation'`,
    [appointmentId],
  );
  return rows[0];
}

const redisUrl = redisUrlForTests();
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('email when Redis goes away (Redis backend)', () => {
  let sink: SmtpSink;
  let proxy: TcpProxy;
  let t: TestApp;
  let clinic: EmailClinic;

  beforeAll(async () => {
    sink = await SmtpSink.start();
    proxy = await TcpProxy.start(redisUrl!);
    t = await startTestApp({
      queueBackend: 'redis',
      env: {
        REDIS_URL: proxy.urlFor(redisUrl!),
        SMTP_URL: sink.url,
        OUTBOX_POLL_MS: '100',
        EMAIL_RETRY_BASE_MS: '100',
      },
    });
    clinic = await emailClinic(t);
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
    await sink.close();
  });

  it('books while Redis is down and sends the confirmation once Redis is back', async () => {
    const patient = await clinic.patient();
    await proxy.cut();

    const appointmentId = await bookAt(t, clinic, patient.id, inThreeDays());

    // The booking and its email are safe in PostgreSQL; nothing could reach the queue.
    await sleep(1500);
    expect(await confirmationOf(t.db, appointmentId)).toMatchObject({
      status: 'pending',
      relayed_version: 0,
    });
    expect(sink.to(patient.email)).toHaveLength(0);

    await proxy.restore();
    await sink.waitFor(patient.email, 1, 40_000);
    await eventually(
      () => confirmationOf(t.db, appointmentId),
      (row) => row.status === 'sent',
    );
    await sleep(1500);
    expect(sink.to(patient.email)).toHaveLength(1);
  }, 90_000);
});

describe('a worker killed during the SMTP hand-off', () => {
  const backend = redisUrl ? 'redis' : 'postgres';
  let sink: SmtpSink;
  let service: CompiledService;
  let t: TestApp;
  let clinic: EmailClinic;
  const workers: ServiceProcess[] = [];

  const workerEnv = () => ({
    NODE_ENV: 'test',
    APP_ROLE: 'worker',
    LOG_LEVEL: 'silent',
    DATABASE_URL: t.config.database.url!,
    QUEUE_BACKEND: backend,
    ...(backend === 'redis' ? { REDIS_URL: redisUrl! } : {}),
    QUEUE_PREFIX: t.config.queue.prefix,
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: '100',
    EMAIL_RETRY_BASE_MS: '100',
    // A dead worker's job is handed on once its lock lapses: one second here.
    JOB_LOCK_MS: '1000',
    MIGRATIONS_RUN_ON_START: 'false',
    SEED_ON_START: 'false',
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    service = await CompiledService.build();
    // The API only: the workers are separate processes this test can kill.
    t = await startTestApp({
      queueBackend: backend,
      env: { APP_ROLE: 'api', SMTP_URL: sink.url },
    });
    clinic = await emailClinic(t);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await t.close();
    await sink.close();
    await service.remove();
  });

  it('does not send the email a second time, and marks it unconfirmed for an admin', async () => {
    const patient = await clinic.patient();
    const first = await service.start(workerEnv());
    workers.push(first);
    // The server has the whole message; the worker dies before it hears "250" and before it can
    // record that the email went.
    sink.beforeReply = async (mail) => {
      if (mail.parsed.messageId && sink.to(patient.email).length === 0) await first.kill();
    };

    const appointmentId = await bookAt(t, clinic, patient.id, inThreeDays());
    await sink.waitFor(patient.email, 1, 30_000);
    expect(await confirmationOf(t.db, appointmentId)).toMatchObject({ status: 'sending' });

    const second = await service.start(workerEnv());
    workers.push(second);
    await eventually(
      () => confirmationOf(t.db, appointmentId),
      (row) => row.status === 'unconfirmed',
      30_000,
    );
    await sleep(2000);
    expect(sink.to(patient.email)).toHaveLength(1);
  }, 120_000);

  it('after a graceful stop mid-queue, the next worker sends what is left exactly once', async () => {
    sink.beforeReply = undefined;
    const patient = await clinic.patient();
    const worker = await service.start(workerEnv());
    workers.push(worker);
    const appointmentId = await bookAt(t, clinic, patient.id, inThreeDays(11));
    await worker.stop();

    const next = await service.start(workerEnv());
    workers.push(next);
    await sink.waitFor(patient.email, 1, 30_000);
    await eventually(
      () => confirmationOf(t.db, appointmentId),
      (row) => row.status === 'sent',
    );
    await sleep(1500);
    expect(sink.to(patient.email)).toHaveLength(1);
  }, 120_000);
});
