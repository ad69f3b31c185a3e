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
import { slot } from './booking-load';
import { quantile, report } from './figures';

const EMAILS = 48;

interface Row {
  patient_id: string;
  status: string;
  attempts: number;
  message_id: string | null;
  window_ms: number | null;
}

/**
 * Workers SIGKILLed again and again while 48 confirmations go out, at chosen points (at RCPT TO,
 * during DATA, after the end of data before the server's reply) and at random moments: no email
 * is lost without a trace, none is sent twice, and a row is left `unconfirmed` (for an admin)
 * only when the kill fell between committing its end of data and its `sent` row. Measures that
 * window on every email sent.
 */
describe.each(queueBackendsForTests())('workers SIGKILLed mid-send (%s queue)', (backend) => {
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
    ...(backend === 'redis' ? { REDIS_URL: redisUrlForTests()! } : {}),
    QUEUE_PREFIX: t.config.queue.prefix,
    SMTP_URL: sink.url,
    OUTBOX_POLL_MS: '100',
    EMAIL_RETRY_BASE_MS: '200',
    EMAIL_CONCURRENCY: '4',
    JOB_LOCK_MS: '1000',
    MIGRATIONS_RUN_ON_START: 'false',
    SEED_ON_START: 'false',
  });

  beforeAll(async () => {
    sink = await SmtpSink.start();
    service = await CompiledService.build();
    t = await startTestApp({ queueBackend: backend, env: { APP_ROLE: 'api', SMTP_URL: sink.url } });
    clinic = await emailClinic(t);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill()));
    await t.close();
    await sink.close();
    await service.remove();
  });

  it('loses no email and sends none twice; unconfirmed only inside the stated window', async () => {
    const patients = await Promise.all(Array.from({ length: EMAILS }, () => clinic.patient()));
    const [atRecipient, duringData, beforeReply] = patients;
    let current: ServiceProcess | undefined;
    const kills: string[] = [];
    const kill = (point: string) => {
      kills.push(point);
      current?.killNow();
    };
    sink.onRecipient = (address) => {
      if (address === atRecipient.email && !kills.includes('rcpt')) kill('rcpt');
    };
    sink.onDataStart = (firstBytes) => {
      if (firstBytes.includes(duringData.email) && !kills.includes('data')) kill('data');
    };
    sink.beforeReply = (mail) => {
      const to = mail.parsed.to;
      const addresses = [to].flat().flatMap((entry) => entry?.value.map((v) => v.address) ?? []);
      if (addresses.includes(beforeReply.email) && !kills.includes('reply')) kill('reply');
    };

    for (const [index, patient] of patients.entries()) {
      await bookAt(t, clinic, patient.id, slot(index));
    }
    // Workers come and go: each is killed after a random few hundred milliseconds of work, five
    // times; then a worker is kept running (started again whenever a chosen point kills it).
    for (let round = 0; round < 5; round++) {
      current = await service.start(workerEnv());
      workers.push(current);
      await sleep(200 + Math.floor(Math.random() * 600));
      kill('random');
    }
    let finished = false;
    const supervisor = (async () => {
      while (!finished) {
        if (!current || current.ended) {
          current = await service.start(workerEnv());
          workers.push(current);
        }
        await sleep(200);
      }
    })();

    const rowsNow = async () =>
      (
        await t.db.query<Row>(
          `SELECT patient_id, status, attempts, message_id,
                  extract(epoch FROM sent_at - data_ended_at) * 1000 AS window_ms
             FROM notifications WHERE kind = 'appointment_confirmation' AND patient_id = ANY($1)`,
          [patients.map((p) => p.id)],
        )
      ).rows;
    const rows = await eventually(
      rowsNow,
      (all) =>
        all.length === EMAILS &&
        all.every((r) => r.status === 'sent' || r.status === 'unconfirmed'),
      180_000,
    );
    finished = true;
    await supervisor;
    await sleep(2000);

    const byPatient = new Map(patients.map((p) => [p.id, sink.to(p.email)]));
    const lost = rows.filter(
      (r) => r.status === 'sent' && byPatient.get(r.patient_id)!.length === 0,
    );
    const twice = rows.filter((r) => byPatient.get(r.patient_id)!.length > 1);
    const unconfirmed = rows.filter((r) => r.status === 'unconfirmed');
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    // An unconfirmed row is one whose worker died after its end of data: the server may have it
    // (the kill fell after the mark went) or not (it fell between the commit and the mark).
    const unconfirmedDelivered = unconfirmed.filter(
      (r) => byPatient.get(r.patient_id)!.length === 1,
    );
    // Each email that arrived carries its row's Message-ID, the one every attempt used.
    for (const row of rows) {
      for (const mail of byPatient.get(row.patient_id)!) {
        expect(mail.parsed.messageId).toBe(row.message_id);
      }
    }
    const windows = rows.map((r) => Number(r.window_ms)).filter((ms) => Number.isFinite(ms));
    report(`worker SIGKILLs mid-send (${backend} queue)`, {
      emails: EMAILS,
      kills: kills.length,
      killPoints: kills,
      resentAfterKill: rows.filter((r) => r.attempts > 1).length,
      unconfirmed: unconfirmed.length,
      unconfirmedDelivered: unconfirmedDelivered.length,
      lost: lost.length,
      duplicates: twice.length,
      unfinishedMessagesSeenByServer: sink.unfinished.length,
      windowMsP50: quantile(windows, 0.5),
      windowMsP99: quantile(windows, 0.99),
      windowMsMax: quantile(windows, 1),
    });
  }, 300_000);
});
