/**
 * Booking under load (8 clients at once): POST /appointments over HTTP against the same rows
 * written in raw SQL through the application's own pool (BEGIN, five inserts, COMMIT) and by the
 * application's one-statement write alone; an authenticated GET /locations/{id} of the
 * application and a bare Fastify route checking the same token (the framework floor). The ways
 * run in turns, a share each per round, in an order that rotates, so the machine's drift over
 * minutes falls on all of them alike.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { INestApplication } from '@nestjs/common';
import { insertTogether } from '../src/database/insert-together';
import { latencies, machineNow, percentile, ratio, type Figure } from './results-table';

const execFileAsync = promisify(execFile);
const CONCURRENCY = 8;
const ROUNDS = 4;

interface Measured {
  ok: number;
  ms: number;
  cpuMs: number;
  latencies: number[];
}

interface Job {
  therapistId: string;
  locationId: string;
  startsAt: Date;
  patientId: string;
}

export interface BookingContext {
  app: INestApplication;
  base: string;
  floorBase: string;
  token: string;
  pool: Pool;
  bookings: number;
}

function cpuMsSince(before: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Runs the jobs CONCURRENCY at a time in this process, timing each. */
async function inProcess(items: Job[], book: (item: Job) => Promise<boolean>): Promise<Measured> {
  let next = 0;
  let ok = 0;
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const start = process.hrtime.bigint();
        if (await book(item)) ok++;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return {
    ok,
    ms: Number(process.hrtime.bigint() - started) / 1e6,
    cpuMs: cpuMsSince(cpuBefore),
    latencies: times,
  };
}

/** Runs the requests through the HTTP load generator in a process of its own. */
async function overHttp(
  base: string,
  token: string,
  requests: { path: string; body?: Record<string, string> }[],
): Promise<Measured> {
  const jobsFile = join(tmpdir(), `ptp-bench-jobs-${process.pid}.json`);
  writeFileSync(jobsFile, JSON.stringify(requests));
  const cpuBefore = process.cpuUsage();
  // Asynchronous: the server answering these requests runs on this process's event loop.
  const { stdout } = await execFileAsync(
    process.execPath,
    [join(__dirname, 'http-client.js'), base, token, jobsFile, String(CONCURRENCY)],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const measured = JSON.parse(stdout) as { ok: number; ms: number; latencies: number[] };
  return { ...measured, cpuMs: cpuMsSince(cpuBefore) };
}

export async function benchBooking(context: BookingContext): Promise<Figure[]> {
  const { app, base, floorBase, token, pool, bookings } = context;
  const {
    rows: [type],
  } = await pool.query<{ id: string }>(`SELECT id FROM appointment_types WHERE code = 'follow_up'`);
  const { rows: targets } = await pool.query<{
    therapist_id: string;
    location_id: string;
    time_zone: string;
  }>(
    `SELECT ul.user_id AS therapist_id, ul.location_id, l.time_zone
       FROM user_locations ul JOIN locations l ON l.id = ul.location_id
       JOIN users u ON u.id = ul.user_id AND u.role = 'therapist' ORDER BY u.email`,
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
  await pool.query(
    `INSERT INTO patients (id, first_name, last_name, date_of_birth, home_location_id)
     SELECT gen_random_uuid(), 'B', 'Booker' || lpad(g::text, 6, '0'), DATE '1980-01-01',
            (SELECT id FROM locations ORDER BY code LIMIT 1)
       FROM generate_series(1, $1) g`,
    [bookings * 3],
  );
  const { rows: patients } = await pool.query<{ id: string }>(
    `SELECT id FROM patients WHERE last_name LIKE 'Booker%' ORDER BY last_name`,
  );
  // Distinct (therapist, slot) and (patient, slot) for every booking: no conflicts, pure throughput.
  const jobs = (firstDay: number, firstPatient: number): Job[] =>
    Array.from({ length: bookings }, (_, i) => {
      const target = targets[i % targets.length];
      const slot = Math.floor(i / targets.length);
      const minutesFromOpen = (slot % 12) * 45;
      const day = workingDay(firstDay + Math.floor(slot / 12)).toISODate();
      const local = DateTime.fromISO(day, { zone: target.time_zone }).set({
        hour: 8 + Math.floor(minutesFromOpen / 60),
        minute: minutesFromOpen % 60,
      });
      return {
        therapistId: target.therapist_id,
        locationId: target.location_id,
        startsAt: local.toUTC().toJSDate(),
        patientId: patients[firstPatient + i].id,
      };
    });
  const {
    rows: [creator],
  } = await pool.query<{ id: string }>(`SELECT id FROM users WHERE email = 'admin@bench.test'`);
  const rowsOf = (job: Job) => {
    const id = randomUUID();
    const ends = new Date(job.startsAt.getTime() + 45 * 60_000);
    return { id, ends };
  };

  const appPool = (app.get(DataSource).driver as PostgresDriver).master as Pool;
  const errors = new Set<string>();
  const bookInRawSql = async (job: Job) => {
    const client = await appPool.connect();
    const { id, ends } = rowsOf(job);
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, status, starts_at, ends_at,
                                   busy_from, busy_until, session_key, created_by)
         VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, $6, $7, $1, $8)`,
        [
          id,
          type.id,
          job.locationId,
          job.therapistId,
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
      errors.add((error as Error).message);
      return false;
    } finally {
      client.release();
    }
  };
  // A stricter baseline: the same rows as the one prepared statement the application writes
  // them with (data-modifying CTEs, atomic without BEGIN and COMMIT).
  const bookInOneStatement = async (job: Job) => {
    const { id, ends } = rowsOf(job);
    try {
      await insertTogether(app.get(DataSource).manager, [
        {
          table: 'appointments',
          rows: [
            {
              id,
              appointment_type_id: type.id,
              location_id: job.locationId,
              therapist_id: job.therapistId,
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
      errors.add((error as Error).message);
      return false;
    }
  };
  const ways = [
    { name: 'raw', items: jobs(0, 0), measure: (items: Job[]) => inProcess(items, bookInRawSql) },
    {
      name: 'oneStatement',
      items: jobs(80, 2 * bookings),
      measure: (items: Job[]) => inProcess(items, bookInOneStatement),
    },
    {
      name: 'http',
      items: jobs(40, bookings),
      measure: (items: Job[]) =>
        overHttp(
          base,
          token,
          items.map((job) => ({
            path: '/appointments',
            body: {
              patientId: job.patientId,
              appointmentTypeId: type.id,
              locationId: job.locationId,
              therapistId: job.therapistId,
              startsAt: job.startsAt.toISOString(),
            },
          })),
        ),
    },
    {
      name: 'get',
      items: jobs(40, bookings),
      measure: (items: Job[]) =>
        overHttp(
          base,
          token,
          items.map((job) => ({ path: `/locations/${job.locationId}` })),
        ),
    },
    {
      name: 'floor',
      items: jobs(40, bookings),
      measure: (items: Job[]) =>
        overHttp(
          floorBase,
          token,
          items.map(() => ({ path: '/ping' })),
        ),
    },
  ] as const;
  const totals = new Map<string, Measured>(
    ways.map((way) => [way.name, { ok: 0, ms: 0, cpuMs: 0, latencies: [] }]),
  );
  const share = Math.ceil(bookings / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < ways.length; turn++) {
      const way = ways[(round + turn) % ways.length];
      const measured = await way.measure(way.items.slice(round * share, (round + 1) * share));
      const total = totals.get(way.name)!;
      total.ok += measured.ok;
      total.ms += measured.ms;
      total.cpuMs += measured.cpuMs;
      total.latencies.push(...measured.latencies);
    }
  }
  if (errors.size > 0) throw new Error(`raw SQL errors: ${[...errors].join('; ')}`);
  const t = (name: string) => totals.get(name)!;
  const perSecond = (name: string) => (t(name).ok / t(name).ms) * 1000;
  const size = `${bookings} each, ${CONCURRENCY} clients`;
  const machine = machineNow();
  const cpu = (name: string) => `${(t(name).cpuMs / t(name).ok).toFixed(2)} ms CPU each`;
  for (const name of ['http', 'get', 'floor']) {
    if (t(name).ok !== bookings) throw new Error(`${name}: ${t(name).ok} of ${bookings} ok`);
  }
  return [
    {
      figure: `booking over HTTP, POST /appointments (per s; server ${cpu('http')})`,
      value: perSecond('http').toFixed(0),
      baseline: `${perSecond('raw').toFixed(0)} (raw SQL, 5 statements in a transaction, app pool)`,
      ratio: ratio(perSecond('http'), perSecond('raw')),
      size,
      machine,
    },
    {
      figure: 'booking over HTTP, latency p50 / p95 / p99 (target p99 < 25 ms)',
      value: latencies(t('http').latencies),
      baseline: `${latencies(t('raw').latencies)} (raw SQL)`,
      ratio: ratio(percentile(t('http').latencies, 99), percentile(t('raw').latencies, 99)),
      size,
      machine,
    },
    {
      figure: "booking, the application's one-statement write alone (per s)",
      value: perSecond('oneStatement').toFixed(0),
      baseline: `${perSecond('raw').toFixed(0)} (raw SQL)`,
      ratio: ratio(perSecond('oneStatement'), perSecond('raw')),
      size,
      machine,
    },
    {
      figure: `authenticated GET /locations/{id} (per s; server ${cpu('get')}), p50 / p95 / p99 ${latencies(t('get').latencies)}`,
      value: perSecond('get').toFixed(0),
      baseline: `${perSecond('floor').toFixed(0)} (bare Fastify + JWT check, p50 / p95 / p99 ${latencies(t('floor').latencies)})`,
      ratio: ratio(perSecond('get'), perSecond('floor')),
      size,
      machine,
    },
    {
      figure: 'booking over HTTP against the framework floor (per s)',
      value: perSecond('http').toFixed(0),
      baseline: `${perSecond('floor').toFixed(0)} (bare Fastify + JWT check)`,
      ratio: ratio(perSecond('http'), perSecond('floor')),
      size,
      machine,
    },
  ];
}
