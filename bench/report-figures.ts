/**
 * The reports' part of `npm run bench` (issue 21): every figure for one quarter across all
 * locations (target p95 < 100 ms) and for one clinic (< 30 ms), over HTTP as a client asks for
 * them; a year of visits as CSV with the server's peak RSS growth (target < 50 MB); and
 * EXPLAIN (ANALYZE, BUFFERS) of the heaviest figure's statement, written to a file.
 *
 * Run alone against a database the bench seeded and kept (seeding a million visits takes
 * longer than measuring them), migrated to the current schema:
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> node dist-bench/bench/report-figures.js
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
import { createHttpApp } from '../src/bootstrap/create-app';
import { loadConfig } from '../src/config/app-config';
import { migrateDatabase } from '../src/database/migrate';
import { FIGURES } from '../src/reporting/figures/figures';
import { reportStatement } from '../src/reporting/report-query';
import { dayAfter } from '../src/reporting/rules/report-range';

const RUNS = 30;
const WARM_UP = 3;
export const EXPLAIN_FILE = 'bench/reports-explain.txt';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The last whole calendar quarter before the seeded history ends (a week ago). */
export function lastQuarter(now: DateTime): { from: string; to: string } {
  const start = now.minus({ days: 7 }).startOf('quarter').minus({ quarters: 1 });
  return { from: start.toISODate()!, to: start.endOf('quarter').toISODate()! };
}

export async function benchReports(options: {
  base: string;
  headers: Record<string, string>;
  pool: Pool;
  oneClinic: string;
  say: (line: string) => void;
}): Promise<void> {
  const { base, headers, pool, oneClinic, say } = options;
  const quarter = lastQuarter(DateTime.utc());
  const { rows: counted } = await pool.query<{ all: number; one: number }>(
    `SELECT count(*)::int AS all, count(*) FILTER (WHERE location_id = $3)::int AS one
       FROM appointments WHERE starts_at >= $1::date AND starts_at < $2::date + 1`,
    [quarter.from, quarter.to, oneClinic],
  );
  const results: { figure: string; scope: string; p50: number; p95: number }[] = [];
  for (const figure of FIGURES) {
    for (const [scope, filter] of [
      ['all locations', ''],
      ['one clinic', `&locationId=${oneClinic}`],
    ] as const) {
      const url = `${base}/reports/${figure.key}?from=${quarter.from}&to=${quarter.to}&period=week&by=location${filter}`;
      const times: number[] = [];
      for (let run = 0; run < WARM_UP + RUNS; run++) {
        const ms = await timedGet(url, headers);
        if (run >= WARM_UP) times.push(ms);
      }
      results.push({
        figure: figure.key,
        scope,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
      });
    }
  }
  const line = (scope: string, target: number) =>
    results
      .filter((result) => result.scope === scope)
      .map((r) => `${r.figure} p50 ${r.p50.toFixed(1)} / p95 ${r.p95.toFixed(1)} ms`)
      .join(', ') + ` (target p95 < ${target} ms)`;
  say(
    `reports, quarter ${quarter.from} to ${quarter.to} by week and clinic over HTTP, ${RUNS} runs each: ` +
      `all locations (${counted[0].all} visits): ${line('all locations', 100)}; ` +
      `one clinic (${counted[0].one} visits): ${line('one clinic', 30)}`,
  );

  // The heaviest figure's statement, as the service runs it, explained.
  const heaviest = results
    .filter((result) => result.scope === 'all locations')
    .sort((a, b) => b.p95 - a.p95)[0];
  const figure = FIGURES.find((candidate) => candidate.key === heaviest.figure)!;
  const { sql, parameters } = reportStatement(figure, {
    from: quarter.from,
    toExclusive: dayAfter(quarter.to),
    locationIds: null,
    therapistIds: null,
    payers: null,
    period: 'week',
    by: 'location',
  });
  const client = await pool.connect();
  let plan: { 'QUERY PLAN': string }[];
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL jit = off'); // as the service runs it
    ({ rows: plan } = await client.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
      parameters,
    ));
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  writeFileSync(
    EXPLAIN_FILE,
    `-- ${heaviest.figure}, ${quarter.from} to ${quarter.to}, all locations, by week and clinic\n` +
      plan.map((row) => row['QUERY PLAN']).join('\n') +
      '\n',
  );
  const execution = plan
    .map((row) => row['QUERY PLAN'])
    .find((row) => row.startsWith('Execution Time'));
  say(
    `heaviest report statement (${heaviest.figure}, all locations): ${execution}; plan in ${EXPLAIN_FILE}`,
  );

  // A year of visits as CSV, streamed: the server's (this process's) RSS sampled throughout.
  const yearFrom = DateTime.fromISO(quarter.to).minus({ years: 1 }).plus({ days: 1 }).toISODate()!;
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = process.hrtime.bigint();
  const response = await fetch(
    `${base}/reports/visits/appointments.csv?from=${yearFrom}&to=${quarter.to}`,
    { headers },
  );
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  say(
    `CSV of a year of visits (${yearFrom} to ${quarter.to}, all locations): ${lines - 1} rows, ` +
      `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s; peak RSS growth of the process ` +
      `(server and client) ${((peak - before) / 1e6).toFixed(1)} MB (target < 50 MB)`,
  );
}

/** The figures alone, on a kept database: its first clinic (by code) is the one clinic. */
async function main(url: string): Promise<void> {
  process.env.TZ = 'UTC';
  await migrateDatabase(url, 'postgres');
  const pool = new Pool({ connectionString: url, max: 4 });
  const config = loadConfig({
    NODE_ENV: 'test',
    APP_ROLE: 'api',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url,
    QUEUE_BACKEND: 'postgres',
    JWT_SECRET: randomUUID() + randomUUID(),
    MIGRATIONS_RUN_ON_START: 'false',
    SEED_ON_START: 'false',
  });
  const app = await createHttpApp(config, url);
  try {
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password-long' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM locations ORDER BY code LIMIT 1`,
    );
    await benchReports({
      base,
      headers: { authorization: `Bearer ${accessToken}` },
      pool,
      oneClinic: rows[0].id,
      say: (line) => console.log(`- ${line}`),
    });
  } finally {
    await app.close();
    await pool.end();
  }
}

if (require.main === module && process.env.BENCH_DATABASE_URL) {
  void main(process.env.BENCH_DATABASE_URL);
}
