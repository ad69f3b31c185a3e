/**
 * Scheduling's figures (issues 14, 21, 24): availability of one type at all 11 locations over 14
 * days with 1,000,000 visits of history (target p95 < 25 ms) against GET /health/live; the
 * reports (bench/report-figures.ts); booking under load (bench/booking.bench.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { Client, Pool } from 'pg';
import { createHttpApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/config/app-config';
import { startBareFastify } from './bare-fastify';
import { benchBooking } from './booking.bench';
import { benchReports } from './report-figures';
import { latencies, machineNow, percentile, ratio, type Figure } from './results-table';
import { LOCATIONS, PASSWORD, seededDatabase, THERAPISTS } from './scheduling-seed';

const AVAILABILITY_RUNS = 100;
const WARM_UP = 5;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, value];
}

export async function benchScheduling(quick: boolean): Promise<{
  figures: Figure[];
  notes: string[];
}> {
  const appointments = Number(process.env.BENCH_APPOINTMENTS ?? (quick ? 20_000 : 1_000_000));
  const bookings = Number(process.env.BENCH_BOOKINGS ?? (quick ? 400 : 2000));
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const database = `ptp_bench_${process.pid}`;
  const figures: Figure[] = [];
  const notes: string[] = [];
  const reportLines: string[] = [];
  let pool: Pool | undefined;
  try {
    const seeded = await seededDatabase(admin, serverUrl, database, appointments);
    pool = new Pool({ connectionString: seeded.url, max: 4 });
    // The final DROP DATABASE ... WITH (FORCE) ends any connection still open; that is expected.
    pool.on('error', () => undefined);
    const {
      rows: [{ count }],
    } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM appointments`);
    const size = `${count} visits`;
    notes.push(
      `scheduling data: ${count} visits, ${LOCATIONS} locations, ${THERAPISTS} therapists; ${seeded.how}`,
    );

    // The API alone, as behind a load balancer: the queue workers (relaying and sending the
    // bookings' emails) run in processes of their own and are not what is measured here.
    const jwtSecret = randomUUID() + randomUUID();
    const config = loadConfig({
      NODE_ENV: 'test',
      APP_ROLE: 'api',
      LOG_LEVEL: 'silent',
      DATABASE_URL: seeded.url,
      QUEUE_BACKEND: 'postgres',
      JWT_SECRET: jwtSecret,
      MIGRATIONS_RUN_ON_START: 'false',
      SEED_ON_START: 'false',
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    });
    const app = await createHttpApp(config, seeded.url);
    await app.listen(0, '127.0.0.1');
    const floor = await startBareFastify(jwtSecret);
    try {
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const login = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@bench.test', password: PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };

      // Availability: one type, all locations, 14 days, one request at a time.
      const {
        rows: [type],
      } = await pool.query<{ id: string }>(
        `SELECT id FROM appointment_types WHERE code = 'follow_up'`,
      );
      const from = DateTime.now().plus({ days: 1 }).toISODate();
      const to = DateTime.now().plus({ days: 14 }).toISODate();
      const availabilityUrl = `${base}/availability?appointmentTypeId=${type.id}&from=${from}&to=${to}`;
      let slots = 0;
      const durations: number[] = [];
      for (let i = 0; i < WARM_UP + AVAILABILITY_RUNS; i++) {
        const [ms, body] = await timed(
          async () =>
            (await (await fetch(availabilityUrl, { headers })).json()) as { total: number },
        );
        slots = body.total;
        if (i >= WARM_UP) durations.push(ms);
      }
      const health: number[] = [];
      for (let i = 0; i < WARM_UP + AVAILABILITY_RUNS; i++) {
        const [ms] = await timed(async () => (await fetch(`${base}/health/live`)).text());
        if (i >= WARM_UP) health.push(ms);
      }
      figures.push({
        figure: `availability, all ${LOCATIONS} locations x 14 days (${slots} slots), p50 / p95 / p99 (target p95 < 25 ms)`,
        value: latencies(durations),
        baseline: `${latencies(health)} (GET /health/live)`,
        ratio: ratio(percentile(durations, 95), percentile(health, 95)),
        size,
        machine: machineNow(),
      });

      await benchReports({
        base,
        headers,
        pool,
        oneClinic: (await pool.query<{ id: string }>(`SELECT id FROM locations ORDER BY code`))
          .rows[0].id,
        say: (line) => reportLines.push(line),
      });
      figures.push(
        ...(
          await benchBooking({
            app,
            base,
            floorBase: floor.base,
            token: accessToken,
            pool,
            bookings,
          })
        ).map((figure) => ({ ...figure, size: `${figure.size}, ${size}` })),
      );
    } finally {
      await floor.close();
      await app.close();
    }
  } finally {
    await pool?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
  // The reports' own lines (bench/report-figures.ts, kept by issue 21) go under the table.
  return { figures, notes: [...notes, ...reportLines.map((line) => `reports: ${line}`)] };
}
