/**
 * Reminders benchmark (issue: enqueue and deliver 100,000 reminders to a local SMTP sink; report
 * emails per second and the ratio against raw BullMQ add-and-process of empty jobs in the same
 * run; the queue must never hold more than one job per notification).
 *
 *   npm run bench:reminders                      100,000 reminders
 *   BENCH_REMINDERS=10000 npm run bench:reminders a quicker run
 *
 * Uses DATABASE_URL's server (else 127.0.0.1:5432) on a database of its own that it drops, and
 * Redis at REDIS_URL (else 127.0.0.1:6379) when it answers, else the PostgreSQL queue backend.
 */
import 'reflect-metadata';
import { Queue, Worker } from 'bullmq';
import { fork, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { createWorkerContext } from '../src/bootstrap/create-app';
import { loadConfig, type QueueBackendName } from '../src/config/app-config';
import { migrateDatabase } from '../src/database/migrate';
import { configureQueueBackend } from '../src/queue/queue-connection';
import { redisAnswers } from '../test/support/services';
import { zoneWhereItIs } from '../test/support/zones';

process.env.TZ = 'UTC';
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 100_000);
const CONCURRENCY = 10;
const THERAPISTS = 100;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const database = `ptp_bench_reminders_${process.pid}`;
const withDb = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

function startSink(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'smtp-sink.js'));
  return new Promise((resolve) =>
    child.once('message', (message: { port: number }) => resolve({ child, port: message.port })),
  );
}

function sinkCount(child: ChildProcess): Promise<{ messages: number; distinct: number }> {
  return new Promise((resolve) => {
    child.once('message', (message: { messages: number; distinct: number }) => resolve(message));
    child.send('count');
  });
}

/** N patients with email consent, each with one appointment tomorrow, and a due reminder each. */
async function seed(pool: Pool): Promise<void> {
  const {
    rows: [location],
  } = await pool.query<{ id: string }>(
    `INSERT INTO locations (code, name, state, time_zone, phone, address_line1, city, postal_code)
     VALUES ('bench', 'Bench Clinic', 'PA', $1, '570-555-0100', '1 Main St', 'Scranton', '18503')
     RETURNING id`,
    // Reminders due in quiet hours wait for the morning: the clinic is where it is day now.
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
    [location.id, REMINDERS],
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
  await pool.query(
    `INSERT INTO notifications (kind, dedupe_key, patient_id, appointment_id, send_at)
     SELECT 'appointment_reminder', 'appointment_reminder:' || id || ':r0:24h', patient_id, id, now()
       FROM appointments`,
  );
}

/** Raw BullMQ: add N empty jobs in batches and process them with a no-op, same concurrency. */
async function rawBullmq(backend: QueueBackendName, url: string): Promise<number> {
  const connection = configureQueueBackend(
    { backend, redisUrl: backend === 'redis' ? redisUrl : undefined, prefix: 'ptp-bench-raw' },
    url,
  );
  const name = `raw-${process.pid}`;
  const queue = new Queue(name, { connection, prefix: 'ptp-bench-raw' });
  let done = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = Date.now();
  const worker = new Worker(
    name,
    () => {
      done += 1;
      if (done === REMINDERS) finish();
      return Promise.resolve();
    },
    { connection, prefix: 'ptp-bench-raw', concurrency: CONCURRENCY },
  );
  for (let i = 0; i < REMINDERS; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, REMINDERS - i) }, (_, k) => ({
        name: 'empty',
        data: {},
        opts: { jobId: `raw-${i + k}`, removeOnComplete: true },
      })),
    );
  }
  await finished;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return REMINDERS / seconds;
}

async function main() {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDb(database);
  const backend: QueueBackendName = (await redisAnswers(redisUrl)) ? 'redis' : 'postgres';
  const pool = new Pool({ connectionString: url, max: 4 });
  const sink = await startSink();
  try {
    await migrateDatabase(url, backend);
    const seeded = Date.now();
    await seed(pool);
    say(
      `seeded ${REMINDERS} patients, appointments and due reminders in ${((Date.now() - seeded) / 1000).toFixed(1)} s; queues on ${backend}`,
    );

    const rawPerSecond = await rawBullmq(backend, url);

    const config = loadConfig({
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
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      EMAIL_CONCURRENCY: String(CONCURRENCY),
      OUTBOX_POLL_MS: '100',
    });
    const started = Date.now();
    const workers = await createWorkerContext(config, url);
    const queue = new Queue('notifications', {
      connection: configureQueueBackend(config.queue, url),
      prefix: config.queue.prefix,
    });
    let mostJobs = 0;
    for (;;) {
      const [
        counts,
        {
          rows: [state],
        },
      ] = await Promise.all([
        queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'),
        pool.query<{ sent: number }>(
          `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM notifications`,
        ),
      ]);
      const jobs = Object.values(counts).reduce((sum, count) => sum + count, 0);
      // One job per notification at most (the relay commits its bookkeeping after adding jobs,
      // so the bound is the notifications, not the ones already marked relayed).
      if (jobs > REMINDERS)
        throw new Error(`${jobs} jobs in the queue for ${REMINDERS} notifications`);
      mostJobs = Math.max(mostJobs, jobs);
      if (state.sent === REMINDERS) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (Date.now() - started) / 1000;
    const perSecond = REMINDERS / seconds;
    const received = await sinkCount(sink.child);
    await workers.close();
    await queue.obliterate({ force: true });
    await queue.close();
    if (received.messages !== REMINDERS || received.distinct !== REMINDERS) {
      throw new Error(
        `the sink got ${received.messages} messages, ${received.distinct} distinct, for ${REMINDERS}`,
      );
    }
    say(
      `reminders: ${REMINDERS} enqueued and delivered over SMTP in ${seconds.toFixed(1)} s, ${perSecond.toFixed(0)} emails/s; ` +
        `raw BullMQ add-and-process of empty jobs ${rawPerSecond.toFixed(0)} jobs/s; ratio ${(perSecond / rawPerSecond).toFixed(3)}; ` +
        `${CONCURRENCY} concurrent; sink got ${received.messages} messages, ${received.distinct} distinct Message-IDs; ` +
        `at most ${mostJobs} jobs in the queue at once for ${REMINDERS} notifications`,
    );
  } finally {
    sink.child.send('stop');
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    appendFileSync(
      'bench/RESULTS.md',
      `\n## ${new Date().toISOString()} reminders (${process.platform}, ${process.version}, ${REMINDERS} reminders)\n${lines.map((l) => `- ${l}`).join('\n')}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
