/**
 * Reminder delivery (issue 24): the whole pipeline (outbox row, relay, claim, send over SMTP, mark
 * sent) against its floor, a BullMQ worker on Redis that sends the same email through the same
 * pooled nodemailer transport to the same SMTP sink, with no database, at the same concurrency.
 * The pipeline runs on Redis at a tenth of the backlog and at the full backlog (is it flat?), and
 * on the PostgreSQL queue backend at the full backlog (against Redis). Every email is a booking
 * confirmation with its calendar part, the floor's message shape.
 *
 * Uses DATABASE_URL's server (else 127.0.0.1:5432) on databases of its own that it drops, and
 * Redis at REDIS_URL (else 127.0.0.1:6379); without Redis the floor and the Redis leg are left out.
 */
import { Queue, Worker } from 'bullmq';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { createWorkerContext } from '../src/bootstrap/create-app';
import { loadConfig, type AppConfig, type QueueBackendName } from '../src/config/app-config';
import { migrateDatabase } from '../src/database/migrate';
import { configureQueueBackend } from '../src/queue/queue-connection';
import { composeEmail } from '../src/reminders/email-composer';
import { Mailer } from '../src/reminders/mailer';
import { redisAnswers } from '../test/support/services';
import { zoneWhereItIs } from '../test/support/zones';
import { machineNow, ratio, type Figure } from './results-table';

const CONCURRENCY = 10;
const THERAPISTS = 100;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const withDb = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

interface Sink {
  child: ChildProcess;
  port: number;
}

function startSink(): Promise<Sink> {
  const child = fork(join(__dirname, 'smtp-sink.js'));
  return new Promise((resolve) =>
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port })),
  );
}

function sinkCount(sink: Sink): Promise<{ messages: number; distinct: number }> {
  return new Promise((resolve) => {
    sink.child.once('message', (message: { messages: number; distinct: number }) =>
      resolve(message),
    );
    sink.child.send('count');
  });
}

async function untilSinkHas(sink: Sink, messages: number): Promise<void> {
  while ((await sinkCount(sink)).messages < messages) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function workerConfig(url: string, backend: QueueBackendName, smtpPort: number): AppConfig {
  return loadConfig({
    NODE_ENV: 'production',
    APP_ROLE: 'worker',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    QUEUE_BACKEND: backend,
    ...(backend === 'redis' ? { REDIS_URL: redisUrl } : {}),
    QUEUE_PREFIX: `ptp-bench-${process.pid}`,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    EMAIL_LINK_SECRET: 'bench-link-secret-bench-link-secret',
    PUBLIC_BASE_URL: 'https://pt.bench.example',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    EMAIL_CONCURRENCY: String(CONCURRENCY),
    OUTBOX_POLL_MS: '100',
  });
}

/** N patients with email consent, each with a visit tomorrow. */
async function seed(pool: Pool, count: number): Promise<void> {
  const {
    rows: [location],
  } = await pool.query<{ id: string }>(
    `INSERT INTO locations (code, name, state, time_zone, phone, address_line1, city, postal_code)
     VALUES ('bench', 'Bench Clinic', 'PA', $1, '570-555-0100', '1 Main St', 'Scranton', '18503')
     RETURNING id`,
    // Emails due in quiet hours wait for the morning: the clinic is where it is day now.
    [zoneWhereItIs(9, 19)],
  );
  const {
    rows: [type],
  } = await pool.query<{ id: string }>(
    `INSERT INTO appointment_types (code, name, duration_minutes, buffer_before_minutes, buffer_after_minutes,
       group_capacity, allowed_credentials, treatment, active)
     VALUES ('follow_up', 'Follow-up', 15, 0, 0, 1, '{PT}', true, true) RETURNING id`,
  );
  await pool.query(
    `INSERT INTO users (email, full_name, password_hash, role)
     SELECT 'pt' || g || '@bench.test', 'PT ' || g, 'x', 'therapist' FROM generate_series(1, $1) g`,
    [THERAPISTS],
  );
  await pool.query(
    `INSERT INTO patients (first_name, last_name, date_of_birth, home_location_id, email, email_consent, email_consent_at)
     SELECT 'Pat', 'Bench' || g, '1970-01-01', $1, 'pat' || g || '@patients.bench', true, now()
       FROM generate_series(1, $2) g`,
    [location.id, count],
  );
  // Every therapist sees patients back to back, 15 minutes each, from tomorrow on.
  await pool.query(
    `WITH p AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM patients),
          t AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE role = 'therapist'),
          slots AS (
            SELECT p.id AS patient_id, t.id AS therapist_id,
                   date_trunc('day', now()) + interval '1 day' + (p.n / $2) * interval '15 minutes' AS starts_at
              FROM p JOIN t ON t.n = p.n % $2)
     INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, status,
                               starts_at, ends_at, busy_from, busy_until, session_key, created_by)
     SELECT gen_random_uuid(), $1, $3, therapist_id, patient_id, 'booked', starts_at, starts_at + interval '15 minutes',
            starts_at, starts_at + interval '15 minutes', gen_random_uuid(), therapist_id
       FROM slots`,
    [type.id, THERAPISTS, location.id],
  );
  await pool.query('VACUUM ANALYZE');
}

/** Every visit's confirmation, due now, written to the outbox in one transaction. */
async function writeOutbox(pool: Pool): Promise<void> {
  await pool.query(
    `INSERT INTO notifications (kind, dedupe_key, patient_id, appointment_id, send_at)
     SELECT 'appointment_confirmation', 'appointment_confirmation:' || id || ':r0', patient_id, id, now()
       FROM appointments`,
  );
}

/**
 * The floor: a BullMQ worker on Redis sending the confirmation, composed once, through the
 * application's pooled nodemailer transport (Mailer: the same MIME parts and pool size), each job
 * to its own address with its own Message-ID; jobs added in bulk while the worker runs.
 */
async function floor(count: number, sink: Sink): Promise<number> {
  const config = workerConfig('postgres://unused/unused', 'redis', sink.port);
  const connection = configureQueueBackend(
    { backend: 'redis', redisUrl, prefix: 'ptp-bench-floor' },
    '',
  );
  const mailer = new Mailer(config);
  const startsAt = new Date(Date.now() + 86_400_000);
  const email = composeEmail(
    {
      notificationId: '00000000-0000-4000-8000-000000000000',
      version: 1,
      kind: 'appointment_confirmation',
      patientId: '00000000-0000-4000-8000-000000000001',
      firstName: 'Pat',
      email: 'pat@patients.bench',
      clinicName: 'Bench Clinic',
      clinicAddress: ['1 Main St', 'Scranton, PA 18503'],
      clinicPhone: '570-555-0100',
      timeZone: 'America/New_York',
      appointmentId: '00000000-0000-4000-8000-000000000002',
      waitlistEntryId: null,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      moves: 0,
      seriesVisits: [],
      offerExpiresAt: null,
      therapistName: null,
      therapistCredential: null,
      programmeIssuedAt: null,
      exercises: null,
    },
    { from: config.email.from, unsubscribeUrl: 'https://pt.bench.example/unsubscribe/x' },
  );
  const name = `floor-${process.pid}`;
  const queue = new Queue(name, { connection, prefix: 'ptp-bench-floor' });
  const before = (await sinkCount(sink)).messages;
  const started = Date.now();
  const worker = new Worker<{ n: number }>(
    name,
    (job) =>
      mailer.send({
        ...email,
        to: `pat${job.data.n}@patients.bench`,
        messageId: `<floor-${process.pid}-${job.data.n}@bench>`,
      }),
    { connection, prefix: 'ptp-bench-floor', concurrency: CONCURRENCY },
  );
  for (let i = 0; i < count; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, count - i) }, (_, k) => ({
        name: 'send',
        data: { n: i + k },
        opts: { jobId: `floor-${i + k}`, removeOnComplete: true },
      })),
    );
  }
  await untilSinkHas(sink, before + count);
  const perSecond = count / ((Date.now() - started) / 1000);
  await worker.close();
  mailer.onApplicationShutdown();
  await queue.obliterate({ force: true });
  await queue.close();
  return perSecond;
}

interface PipelineRun {
  perSecond: number;
  transactionsPerEmail: number;
  mostJobs: number;
}

/** Seeds `count` due confirmations in a fresh copy of the migrated template, then delivers them. */
async function pipeline(
  admin: Client,
  template: string,
  backend: QueueBackendName,
  count: number,
  sink: Sink,
): Promise<PipelineRun> {
  const database = `ptp_bench_reminders_${process.pid}_${backend}_${count}`;
  await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
  const url = withDb(database);
  const pool = new Pool({ connectionString: url, max: 2 });
  // The final DROP DATABASE ... WITH (FORCE) ends any connection still open; that is expected.
  pool.on('error', () => undefined);
  try {
    await seed(pool, count);
    const config = workerConfig(url, backend, sink.port);
    const stats = async () =>
      (
        await pool.query<{ commits: string }>(
          `SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()`,
        )
      ).rows[0].commits;
    // The workers are up (relay polling, queue worker waiting) before the outbox fills, as in
    // production: the time runs from the rows' commit to the last one recorded as sent.
    const workers = await createWorkerContext(config, url);
    const commitsBefore = Number(await stats());
    const before = (await sinkCount(sink)).messages;
    const started = Date.now();
    await writeOutbox(pool);
    const queue = new Queue('notifications', {
      connection: configureQueueBackend(config.queue, url),
      prefix: config.queue.prefix,
    });
    let mostJobs = 0;
    for (let polls = 0; ; polls++) {
      if (polls % 20 === 0) {
        const counts = await queue.getJobCounts(
          'waiting',
          'delayed',
          'active',
          'completed',
          'failed',
          'prioritized',
        );
        const jobs = Object.values(counts).reduce((sum, n) => sum + n, 0);
        // One job per notification at most (the relay commits its bookkeeping after adding
        // jobs, so the bound is the notifications, not the ones already marked relayed).
        if (jobs > count) throw new Error(`${jobs} jobs in the queue for ${count} notifications`);
        mostJobs = Math.max(mostJobs, jobs);
      }
      if ((await sinkCount(sink)).messages >= before + count) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Delivered means recorded as sent: wait for the last rows' marks.
    for (;;) {
      const {
        rows: [{ sent }],
      } = await pool.query<{ sent: number }>(
        `SELECT count(*)::int AS sent FROM notifications WHERE status = 'sent'`,
      );
      if (sent === count) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const perSecond = count / ((Date.now() - started) / 1000);
    const commits = Number(await stats()) - commitsBefore;
    await workers.close();
    const received = await sinkCount(sink);
    await queue.obliterate({ force: true });
    await queue.close();
    if (received.messages - before !== count) {
      throw new Error(`the sink got ${received.messages - before} messages for ${count}`);
    }
    return { perSecond, transactionsPerEmail: commits / count, mostJobs };
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

export async function benchReminders(quick: boolean): Promise<{
  figures: Figure[];
  notes: string[];
}> {
  const big = Number(process.env.BENCH_REMINDERS ?? (quick ? 5_000 : 100_000));
  const small = big / 10;
  const figures: Figure[] = [];
  const notes: string[] = [];
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const template = `ptp_bench_reminders_${process.pid}_tpl`;
  await admin.query(`CREATE DATABASE ${template}`);
  const sink = await startSink();
  try {
    await migrateDatabase(withDb(template), 'postgres');
    const hasRedis = await redisAnswers(redisUrl);
    const floorRate = hasRedis ? await floor(big, sink) : undefined;
    console.log(`reminders floor: ${floorRate?.toFixed(0)} emails/s`);
    const legs: { backend: QueueBackendName; count: number }[] = [
      ...(hasRedis
        ? [
            { backend: 'redis' as const, count: small },
            { backend: 'redis' as const, count: big },
          ]
        : []),
      { backend: 'postgres', count: big },
    ];
    const runs = new Map<string, PipelineRun>();
    for (const leg of legs) {
      const run = await pipeline(admin, template, leg.backend, leg.count, sink);
      runs.set(`${leg.backend}:${leg.count}`, run);
      console.log(`reminders on ${leg.backend}, ${leg.count}: ${JSON.stringify(run)}`);
      const baseline =
        leg.backend === 'redis' ? floorRate : (runs.get(`redis:${big}`)?.perSecond ?? floorRate);
      figures.push({
        figure: `reminders pipeline, ${leg.backend} queue (emails/s; ${run.transactionsPerEmail.toFixed(1)} transactions per email)`,
        value: run.perSecond.toFixed(0),
        baseline:
          baseline === undefined
            ? 'none (no Redis)'
            : leg.backend === 'redis'
              ? `${baseline.toFixed(0)} (BullMQ + nodemailer floor)`
              : `${baseline.toFixed(0)} (pipeline on Redis)`,
        ratio: baseline === undefined ? '' : ratio(run.perSecond, baseline),
        size: `${leg.count} due`,
        machine: machineNow(),
      });
      if (run.mostJobs > leg.count) throw new Error('more jobs than notifications');
    }
    if (floorRate !== undefined) {
      figures.unshift({
        figure: 'reminders floor: BullMQ on Redis + pooled nodemailer, no database (emails/s)',
        value: floorRate.toFixed(0),
        baseline: '',
        ratio: '',
        size: `${big} jobs`,
        machine: machineNow(),
      });
      const flat = runs.get(`redis:${big}`)!.perSecond / runs.get(`redis:${small}`)!.perSecond;
      notes.push(
        `reminders: rate at ${big} / rate at ${small} on Redis ${flat.toFixed(2)} (target >= 0.8); ` +
          `at ${big} the pipeline is ${ratio(runs.get(`redis:${big}`)!.perSecond, floorRate)} of the floor (target >= 0.5), ` +
          `the PostgreSQL backend ${ratio(runs.get(`postgres:${big}`)!.perSecond, runs.get(`redis:${big}`)!.perSecond)} of Redis (target >= 0.5); ` +
          `${CONCURRENCY} concurrent; every message counted by the sink, one job per notification at most`,
      );
    }
    return { figures, notes };
  } finally {
    sink.child.send('stop');
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  }
}
