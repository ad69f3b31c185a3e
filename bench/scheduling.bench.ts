/**
 * Scheduling benchmark (issue: availability p95 < 50 ms over 1,000,000 historical appointments;
 * booking through HTTP at least half as fast as the same statements in raw SQL).
 *
 *   npm run bench            full size: 1,000,000 appointments, 11 locations, 150 therapists
 *   BENCH_APPOINTMENTS=50000 npm run bench    a quicker run
 *
 * Uses DATABASE_URL's server, else 127.0.0.1:5432, on a database of its own that it drops.
 * Figures are reported as ratios against baselines measured in the same run.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { Client, Pool } from 'pg';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createHttpApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/config/app-config';
import { insertTogether } from '../src/database/insert-together';
import { migrateDatabase } from '../src/database/migrate';
import { benchReports } from './report-figures';

process.env.TZ = 'UTC';
const execFileAsync = promisify(execFile);
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 1_000_000);
const LOCATIONS = 11;
const THERAPISTS = 150;
const AVAILABILITY_RUNS = 60;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 2000);
const CONCURRENCY = 8;
const ROUNDS = 4;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `ptp_bench_${process.pid}`;
const withDb = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

/** Bookings done, the time they took, and the CPU this process and the HTTP client used. */
interface Measured {
  ok: number;
  ms: number;
  cpuMs: number;
  clientCpuMs: number;
}

function summary(measured: Measured) {
  return {
    ok: measured.ok,
    perSecond: (measured.ok / measured.ms) * 1000,
    cpuMsEach: measured.cpuMs / measured.ok,
    clientCpuMsEach: measured.clientCpuMs / measured.ok,
  };
}

/** CPU this process (the server, or the raw SQL client) used since `before`, in ms. */
function cpuMsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

async function seed(pool: Pool) {
  const zones = ['America/New_York', 'America/Chicago'];
  const locations: string[] = [];
  for (let i = 0; i < LOCATIONS; i++) {
    const { rows } = await pool.query(
      `INSERT INTO locations (code, name, state, time_zone) VALUES ($1, $2, 'PA', $3) RETURNING id`,
      [`bench-${i}`, `Bench ${i}`, zones[i === LOCATIONS - 1 ? 1 : 0]],
    );
    locations.push(rows[0].id);
  }
  await pool.query(
    `INSERT INTO location_hours (location_id, weekday, opens, closes)
     SELECT id, d, '08:00', '18:00' FROM locations CROSS JOIN generate_series(1, 6) d`,
  );
  const hash = await argon2.hash('bench-password-long');
  await pool.query(
    `INSERT INTO users (email, full_name, password_hash, role)
     SELECT 'pt' || g || '@bench.test', 'PT ' || g, $1, 'therapist' FROM generate_series(1, $2) g`,
    [hash, THERAPISTS],
  );
  await pool.query(
    `INSERT INTO users (email, full_name, password_hash, role) VALUES ('admin@bench.test', 'Admin', $1, 'admin')`,
    [hash],
  );
  // Each therapist works at one location, Monday to Saturday, 08:00-17:00.
  await pool.query(
    `WITH t AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM users WHERE role = 'therapist'),
          l AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM locations)
     INSERT INTO user_locations (user_id, location_id) SELECT t.id, l.id FROM t JOIN l ON l.n = t.n % ${LOCATIONS}`,
  );
  await pool.query(
    `INSERT INTO therapist_profiles (user_id, credential, licence_states) SELECT id, 'PT', '{PA}' FROM users WHERE role = 'therapist'`,
  );
  await pool.query(
    `INSERT INTO therapist_hours (therapist_id, location_id, weekday, starts, ends)
     SELECT ul.user_id, ul.location_id, d, '08:00', '17:00' FROM user_locations ul CROSS JOIN generate_series(1, 6) d`,
  );
  const {
    rows: [type],
  } = await pool.query(
    `INSERT INTO appointment_types (code, name, duration_minutes, allowed_credentials) VALUES ('follow_up', 'Follow-up', 45, '{PT}') RETURNING id`,
  );
  // 100 patients per therapist, each seen only by that therapist, so no patient ever overlaps.
  await pool.query(
    `INSERT INTO patients (first_name, last_name, date_of_birth, home_location_id)
     SELECT 'P', 'Bench' || g, DATE '1970-01-01' + (g % 9000), (SELECT id FROM locations ORDER BY code LIMIT 1)
       FROM generate_series(1, ${THERAPISTS * 100}) g`,
  );
  // A bulk load builds the exclusion indexes once afterwards, as any large import would.
  const { rows: constraints } = await pool.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE conrelid = 'appointments'::regclass AND contype = 'x'`,
  );
  for (const constraint of constraints) {
    await pool.query(`ALTER TABLE appointments DROP CONSTRAINT ${constraint.name}`);
  }
  // History: visits going back three years from a week ago, per therapist, evenly spaced (at
  // least an hour apart); one in twenty missed and one in twenty cancelled (half of those late),
  // the rest completed.
  const perTherapist = Math.ceil(APPOINTMENTS / THERAPISTS);
  const spacingMinutes = Math.max(60, Math.floor((3 * 365 * 24 * 60) / perTherapist));
  const batch = 20;
  for (let first = 0; first < THERAPISTS; first += batch) {
    await pool.query(
      `WITH t AS (SELECT u.id, ul.location_id, row_number() OVER (ORDER BY u.email) - 1 AS n
                    FROM users u JOIN user_locations ul ON ul.user_id = u.id WHERE u.role = 'therapist'),
            p AS (SELECT id, row_number() OVER (ORDER BY last_name) - 1 AS n FROM patients),
            creator AS (SELECT id FROM users WHERE email = 'admin@bench.test'),
            v AS (SELECT t.location_id, t.id AS therapist_id, p.id AS patient_id, g,
                         now() - interval '7 days' - g * make_interval(mins => $5) AS starts_at
                    FROM t CROSS JOIN generate_series(1, $2) g
                    JOIN p ON p.n = t.n * 100 + g % 100
                   WHERE t.n >= $3 AND t.n < $4)
       INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, status,
                                 starts_at, ends_at, busy_from, busy_until, session_key, created_by,
                                 cancel_reason, late_cancellation, cancelled_at)
       SELECT gen_random_uuid(), $1, v.location_id, v.therapist_id, v.patient_id,
              CASE v.g % 20 WHEN 0 THEN 'no_show' WHEN 1 THEN 'cancelled' ELSE 'completed' END,
              v.starts_at, v.starts_at + interval '45 minutes',
              v.starts_at, v.starts_at + interval '45 minutes',
              gen_random_uuid(), (SELECT id FROM creator),
              CASE WHEN v.g % 20 = 1 THEN 'patient_request' END,
              CASE WHEN v.g % 20 = 1 THEN v.g % 40 = 1 END,
              CASE WHEN v.g % 20 = 1 THEN v.starts_at - interval '1 day' END
         FROM v`,
      [type.id, perTherapist, first, first + batch, spacingMinutes],
    );
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  for (const constraint of constraints) {
    await pool.query(
      `ALTER TABLE appointments ADD CONSTRAINT ${constraint.name} ${constraint.definition}`,
    );
  }
  // As autovacuum leaves a table that stopped changing: statistics, and the visibility map that
  // lets the reports' covering index answer without the heap.
  await pool.query('VACUUM ANALYZE');
  return { typeId: type.id as string, locations };
}

async function main() {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDb(database);
  const pool = new Pool({ connectionString: url, max: CONCURRENCY + 2 });
  // The final DROP DATABASE ... WITH (FORCE) ends any connection still open; that is expected.
  pool.on('error', () => undefined);
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  try {
    await migrateDatabase(url, 'postgres');
    const [seedMs, { typeId, locations }] = await timed(() => seed(pool));
    const {
      rows: [{ count }],
    } = await pool.query(`SELECT count(*)::int AS count FROM appointments`);
    say(
      `seeded ${count} appointments, ${LOCATIONS} locations, ${THERAPISTS} therapists in ${(seedMs / 1000).toFixed(1)} s`,
    );

    // The API alone, as behind a load balancer: the queue workers (relaying and sending the
    // bookings' emails) run in processes of their own and are not what is measured here.
    const config = loadConfig({
      NODE_ENV: 'test',
      APP_ROLE: 'api',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      QUEUE_BACKEND: 'postgres',
      JWT_SECRET: randomUUID() + randomUUID(),
      MIGRATIONS_RUN_ON_START: 'false',
      SEED_ON_START: 'false',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    });
    const app = await createHttpApp(config, url);
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password-long' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

    // Availability: one type, all locations, 14 days.
    const from = DateTime.now().plus({ days: 1 }).toISODate();
    const to = DateTime.now().plus({ days: 14 }).toISODate();
    const availabilityUrl = `${base}/availability?appointmentTypeId=${typeId}&from=${from}&to=${to}`;
    let slots = 0;
    const durations: number[] = [];
    for (let i = 0; i < AVAILABILITY_RUNS; i++) {
      const [ms, body] = await timed(
        async () =>
          (await (await fetch(availabilityUrl, { headers: auth })).json()) as { total: number },
      );
      slots = body.total;
      if (i >= 5) durations.push(ms);
    }
    const [healthMs] = await timed(async () => {
      for (let i = 0; i < 50; i++) await (await fetch(`${base}/health/live`)).text();
    });
    say(
      `availability (14 days, all locations, ${slots} slots): p50 ${percentile(durations, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(durations, 95).toFixed(1)} ms (target < 50 ms); baseline GET /health/live ${(healthMs / 50).toFixed(2)} ms`,
    );

    await benchReports({
      base,
      headers: { authorization: auth.authorization },
      pool,
      oneClinic: locations[0],
      say,
    });

    // Booking throughput: HTTP against the same statements in raw SQL through a pool.
    const { rows: targets } = await pool.query(
      `SELECT ul.user_id AS therapist_id, ul.location_id, p.id AS patient_id, l.time_zone
         FROM user_locations ul JOIN locations l ON l.id = ul.location_id
         JOIN users u ON u.id = ul.user_id AND u.role = 'therapist'
         JOIN LATERAL (SELECT id FROM patients ORDER BY random() LIMIT 1) p ON true`,
    );
    // The n-th Monday-to-Saturday day from a month ahead.
    const workingDay = (n: number) => {
      let day = DateTime.now().plus({ days: 30 }).startOf('day');
      for (let seen = day.weekday === 7 ? -1 : 0; seen < n || day.weekday === 7;) {
        day = day.plus({ days: 1 });
        if (day.weekday !== 7) seen++;
      }
      return day;
    };
    // Distinct (therapist, slot) and (patient, slot) for every booking: no conflicts, pure throughput.
    const jobs = (firstDay: number) =>
      Array.from({ length: BOOKINGS }, (_, i) => {
        const target = targets[i % targets.length];
        const slot = Math.floor(i / targets.length);
        const minutesFromOpen = (slot % 12) * 45;
        const day = workingDay(firstDay + Math.floor(slot / 12)).toISODate();
        const local = DateTime.fromISO(day, { zone: target.time_zone }).set({
          hour: 8 + Math.floor(minutesFromOpen / 60),
          minute: minutesFromOpen % 60,
        });
        return {
          therapist_id: target.therapist_id as string,
          location_id: target.location_id as string,
          startsAt: local.toUTC().toJSDate(),
          patientId: '',
        };
      });

    const patientsNeeded = BOOKINGS * 3;
    await pool.query(
      `INSERT INTO patients (id, first_name, last_name, date_of_birth, home_location_id)
       SELECT gen_random_uuid(), 'B', 'Booker' || g, DATE '1980-01-01', (SELECT id FROM locations ORDER BY code LIMIT 1)
         FROM generate_series(1, $1) g`,
      [patientsNeeded],
    );
    const { rows: freshPatients } = await pool.query(
      `SELECT id FROM patients WHERE last_name LIKE 'Booker%' ORDER BY last_name`,
    );
    const {
      rows: [creator],
    } = await pool.query(`SELECT id FROM users WHERE email = 'admin@bench.test'`);

    type Job = ReturnType<typeof jobs>[number];
    async function run(items: Job[], book: (item: Job) => Promise<boolean>): Promise<Measured> {
      let next = 0;
      let ok = 0;
      const cpuBefore = process.cpuUsage();
      const [ms] = await timed(() =>
        Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < items.length) {
              const item = items[next++];
              if (await book(item)) ok++;
            }
          }),
        ),
      );
      return { ok, ms, cpuMs: cpuMsSince(cpuBefore), clientCpuMs: 0 };
    }

    const sqlJobs = jobs(0).map((job, i) => ({ ...job, patientId: freshPatients[i].id as string }));
    const oneStatementJobs = jobs(80).map((job, i) => ({
      ...job,
      patientId: freshPatients[2 * BOOKINGS + i].id as string,
    }));
    const httpJobs = jobs(40).map((job, i) => ({
      ...job,
      patientId: freshPatients[BOOKINGS + i].id as string,
    }));

    // The same pool the application's requests use.
    const appPool = (app.get(DataSource).driver as PostgresDriver).master as Pool;
    const rawErrors = new Set<string>();
    const bookInRawSql = async (job: Job) => {
      const client = await appPool.connect();
      try {
        const id = randomUUID();
        const ends = new Date(job.startsAt.getTime() + 45 * 60_000);
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, status, starts_at, ends_at,
                                     busy_from, busy_until, session_key, created_by)
           VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, $6, $7, $1, $8)`,
          [
            id,
            typeId,
            job.location_id,
            job.therapist_id,
            job.patientId,
            job.startsAt,
            ends,
            creator.id,
          ],
        );
        await client.query(
          `INSERT INTO appointment_events (appointment_id, actor_user_id, action, to_status, to_starts_at) VALUES ($1, $2, 'book', 'booked', $3)`,
          [id, creator.id, job.startsAt],
        );
        await client.query(
          `INSERT INTO audit_events (actor_user_id, actor_role, action, entity_type, entity_id) VALUES ($1, 'admin', 'create', 'appointment', $2)`,
          [creator.id, id],
        );
        // The outbox rows a booking writes: its confirmation and its 24 h reminder.
        await client.query(
          `INSERT INTO notifications (kind, dedupe_key, send_at, patient_id, appointment_id)
           VALUES ('appointment_confirmation', 'appointment_confirmation:' || $1 || ':r0', now(), $2, $1::uuid),
                  ('appointment_reminder', 'appointment_reminder:' || $1 || ':r0:24h', $3::timestamptz - interval '1 day', $2, $1::uuid)`,
          [id, job.patientId, job.startsAt],
        );
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        rawErrors.add((error as Error).message);
        return false;
      } finally {
        client.release();
      }
    };
    // A stricter baseline: the same rows as the one prepared statement the application writes
    // them with (data-modifying CTEs, atomic without BEGIN and COMMIT).
    const bookInOneStatement = async (job: Job) => {
      const id = randomUUID();
      const ends = new Date(job.startsAt.getTime() + 45 * 60_000);
      try {
        await insertTogether(app.get(DataSource).manager, [
          {
            table: 'appointments',
            rows: [
              {
                id,
                appointment_type_id: typeId,
                location_id: job.location_id,
                therapist_id: job.therapist_id,
                patient_id: job.patientId,
                status: 'booked',
                starts_at: job.startsAt,
                ends_at: ends,
                busy_from: job.startsAt,
                busy_until: ends,
                session_key: id,
                created_by: creator.id,
              },
            ],
          },
          {
            table: 'appointment_events',
            rows: [
              {
                appointment_id: id,
                actor_user_id: creator.id,
                action: 'book',
                to_status: 'booked',
                to_starts_at: job.startsAt,
              },
            ],
          },
          {
            table: 'audit_events',
            rows: [
              {
                actor_user_id: creator.id,
                actor_role: 'admin',
                action: 'create',
                entity_type: 'appointment',
                entity_id: id,
              },
            ],
          },
          {
            table: 'notifications',
            rows: [
              {
                kind: 'appointment_confirmation',
                dedupe_key: `appointment_confirmation:${id}:r0`,
                send_at: new Date(),
                patient_id: job.patientId,
                appointment_id: id,
              },
              {
                kind: 'appointment_reminder',
                dedupe_key: `appointment_reminder:${id}:r0:24h`,
                send_at: new Date(job.startsAt.getTime() - 86_400_000),
                patient_id: job.patientId,
                appointment_id: id,
              },
            ],
          },
        ]);
        return true;
      } catch (error) {
        rawErrors.add((error as Error).message);
        return false;
      }
    };
    /** Runs the jobs through the HTTP load generator in a process of its own. */
    async function overHttp(
      requests: { path: string; body?: Record<string, string> }[],
    ): Promise<Measured> {
      const jobsFile = join(tmpdir(), `ptp-bench-jobs-${process.pid}.json`);
      writeFileSync(jobsFile, JSON.stringify(requests));
      const cpuBefore = process.cpuUsage();
      // Asynchronous: the server answering these requests runs on this process's event loop.
      const { stdout } = await execFileAsync(process.execPath, [
        join(__dirname, 'http-client.js'),
        base,
        accessToken,
        jobsFile,
        String(CONCURRENCY),
      ]);
      const measured = JSON.parse(stdout) as {
        ok: number;
        ms: number;
        clientCpuMsPerRequest: number;
      };
      return {
        ok: measured.ok,
        ms: measured.ms,
        cpuMs: cpuMsSince(cpuBefore),
        clientCpuMs: measured.clientCpuMsPerRequest * measured.ok,
      };
    }
    const bookOverHttp = (items: Job[]) =>
      overHttp(
        items.map((job) => ({
          path: '/appointments',
          body: {
            patientId: job.patientId,
            appointmentTypeId: typeId,
            locationId: job.location_id,
            therapistId: job.therapist_id,
            startsAt: job.startsAt.toISOString(),
          },
        })),
      );
    // What any authenticated request costs here (token check, user reload, one lookup): the
    // ceiling booking through HTTP can approach on this machine.
    const getOverHttp = (items: Job[]) =>
      overHttp(items.map((job) => ({ path: `/locations/${job.location_id}` })));

    // The machine's speed drifts over minutes, so the ways are measured in turns, a share of the
    // bookings each per round, in an order that rotates, and each is totalled over the rounds.
    const ways = [
      { name: 'raw', items: sqlJobs, measure: (items: Job[]) => run(items, bookInRawSql) },
      {
        name: 'oneStatement',
        items: oneStatementJobs,
        measure: (items: Job[]) => run(items, bookInOneStatement),
      },
      { name: 'http', items: httpJobs, measure: bookOverHttp },
      { name: 'get', items: httpJobs, measure: getOverHttp },
    ] as const;
    const totals = new Map<string, Measured>(
      ways.map((way) => [way.name, { ok: 0, ms: 0, cpuMs: 0, clientCpuMs: 0 }]),
    );
    const share = Math.ceil(BOOKINGS / ROUNDS);
    const roundRatios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const perSecond = new Map<string, number>();
      for (let turn = 0; turn < ways.length; turn++) {
        const way = ways[(round + turn) % ways.length];
        const measured = await way.measure(way.items.slice(round * share, (round + 1) * share));
        perSecond.set(way.name, measured.ok / measured.ms);
        const total = totals.get(way.name)!;
        for (const key of ['ok', 'ms', 'cpuMs', 'clientCpuMs'] as const)
          total[key] += measured[key];
      }
      roundRatios.push(perSecond.get('http')! / perSecond.get('raw')!);
    }
    const [raw, oneStatement, http, floor] = ways.map((way) => summary(totals.get(way.name)!));
    if (rawErrors.size > 0) say(`raw SQL errors: ${[...rawErrors].join('; ')}`);
    say(
      `booking: raw SQL ${raw.perSecond.toFixed(0)}/s (${raw.ok} ok), HTTP ${http.perSecond.toFixed(0)}/s (${http.ok} ok), ` +
        `the application's one-statement write alone ${oneStatement.perSecond.toFixed(0)}/s (${oneStatement.ok} ok, HTTP/that ${(http.perSecond / oneStatement.perSecond).toFixed(2)}), ` +
        `ratio HTTP/SQL ${(http.perSecond / raw.perSecond).toFixed(2)} (target >= 0.5; by round ${roundRatios.map((ratio) => ratio.toFixed(2)).join(', ')}), ${CONCURRENCY} concurrent, ` +
        `${ROUNDS} rounds in turns, raw SQL through the application's pool, HTTP client (autocannon) in its own process using ${http.clientCpuMsEach.toFixed(2)} ms CPU per request; ` +
        `CPU of the Node process per booking: HTTP server ${http.cpuMsEach.toFixed(2)} ms, raw SQL client ${raw.cpuMsEach.toFixed(2)} ms; ` +
        `an authenticated GET /locations/{id} runs at ${floor.perSecond.toFixed(0)}/s using ${floor.cpuMsEach.toFixed(2)} ms of server CPU each (GET/SQL ${(floor.perSecond / raw.perSecond).toFixed(2)}, booking/GET ${(http.perSecond / floor.perSecond).toFixed(2)})`,
    );
    await app.close();
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    const file = 'bench/RESULTS.md';
    if (!existsSync(file))
      writeFileSync(
        file,
        '# Benchmark results\n\nAppended by `npm run bench`; each block is one run on the machine named.\n',
      );
    appendFileSync(
      file,
      `\n## ${new Date().toISOString()} (${process.platform}, ${process.version}, ${APPOINTMENTS} appointments)\n${lines.map((l) => `- ${l}`).join('\n')}\n`,
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
