/**
 * The scheduling bench's data: 11 locations, 150 therapists, their patients and three years of
 * visits. Seeding 1,000,000 visits takes about two minutes (a third of it building the two GiST
 * exclusion indexes), so a seeded database is kept as a template per seed version and size, and
 * each run clones it (CREATE DATABASE ... TEMPLATE, a file copy) and applies the migrations added
 * since.
 * Bump SEED_VERSION when the seed changes; `BENCH_RESEED=1` rebuilds the template.
 */
import * as argon2 from 'argon2';
import { Client, Pool } from 'pg';
import { migrateDatabase } from '../src/database/migrate';

const SEED_VERSION = 4;
export const LOCATIONS = 11;
export const THERAPISTS = 150;
export const PASSWORD = 'bench-password-long';

export interface SeededDatabase {
  url: string;
  /** How the data came: seeded now (with the time) or cloned from the template (with the time). */
  how: string;
}

async function seed(pool: Pool, appointments: number): Promise<void> {
  const zones = ['America/New_York', 'America/Chicago'];
  for (let i = 0; i < LOCATIONS; i++) {
    await pool.query(
      `INSERT INTO locations (code, name, state, time_zone) VALUES ($1, $2, 'PA', $3)`,
      [`bench-${i}`, `Bench ${i}`, zones[i === LOCATIONS - 1 ? 1 : 0]],
    );
  }
  await pool.query(
    `INSERT INTO location_hours (location_id, weekday, opens, closes)
     SELECT id, d, '08:00', '18:00' FROM locations CROSS JOIN generate_series(1, 6) d`,
  );
  const hash = await argon2.hash(PASSWORD);
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
  await pool.query(
    `INSERT INTO appointment_types (code, name, duration_minutes, allowed_credentials) VALUES ('follow_up', 'Follow-up', 45, '{PT}')`,
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
  const perTherapist = Math.ceil(appointments / THERAPISTS);
  const spacingMinutes = Math.max(60, Math.floor((3 * 365 * 24 * 60) / perTherapist));
  // Inserted oldest first, in time order, as a live clinic's table fills: the heap's order is what
  // the exclusion indexes are built from, and an order random in both therapist and time made
  // their GiST pages overlap so much that checking 1,000,000 rows took over 20 minutes.
  const slices = 10;
  const perSlice = Math.ceil(perTherapist / slices);
  for (let last = perTherapist; last >= 1; last -= perSlice) {
    await pool.query(
      `WITH t AS (SELECT u.id, ul.location_id, row_number() OVER (ORDER BY u.email) - 1 AS n
                    FROM users u JOIN user_locations ul ON ul.user_id = u.id WHERE u.role = 'therapist'),
            p AS (SELECT id, row_number() OVER (ORDER BY last_name) - 1 AS n FROM patients),
            creator AS (SELECT id FROM users WHERE email = 'admin@bench.test'),
            v AS (SELECT t.location_id, t.id AS therapist_id, p.id AS patient_id, g,
                         now() - interval '7 days' - g * make_interval(mins => $3) AS starts_at
                    FROM t CROSS JOIN generate_series(greatest(1, $1::int - $2::int + 1), $1::int) g
                    JOIN p ON p.n = t.n * 100 + g % 100)
       INSERT INTO appointments (id, appointment_type_id, location_id, therapist_id, patient_id, status,
                                 starts_at, ends_at, busy_from, busy_until, session_key, created_by,
                                 cancel_reason, late_cancellation, cancelled_at)
       SELECT gen_random_uuid(), (SELECT id FROM appointment_types WHERE code = 'follow_up'),
              v.location_id, v.therapist_id, v.patient_id,
              CASE v.g % 20 WHEN 0 THEN 'no_show' WHEN 1 THEN 'cancelled' ELSE 'completed' END,
              v.starts_at, v.starts_at + interval '45 minutes',
              v.starts_at, v.starts_at + interval '45 minutes',
              gen_random_uuid(), (SELECT id FROM creator),
              CASE WHEN v.g % 20 = 1 THEN 'patient_request' END,
              CASE WHEN v.g % 20 = 1 THEN v.g % 40 = 1 END,
              CASE WHEN v.g % 20 = 1 THEN v.starts_at - interval '1 day' END
         FROM v
        ORDER BY v.starts_at, v.therapist_id`,
      [last, perSlice, spacingMinutes],
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
}

/** A database of its own for this run, with `appointments` visits, cloned when possible. */
export async function seededDatabase(
  admin: Client,
  serverUrl: string,
  name: string,
  appointments: number,
): Promise<SeededDatabase> {
  const withDb = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const template = `ptp_bench_tpl_v${SEED_VERSION}_${appointments}`;
  const { rowCount } = await admin.query(
    `SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate`,
    [template],
  );
  let how = '';
  if (!rowCount || process.env.BENCH_RESEED) {
    const started = Date.now();
    if (rowCount) await admin.query(`ALTER DATABASE ${template} IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${template}`);
    await migrateDatabase(withDb(template), 'postgres');
    const pool = new Pool({ connectionString: withDb(template), max: 1 });
    try {
      await seed(pool, appointments);
    } finally {
      await pool.end();
    }
    // Marked a template only once complete: an interrupted seed is never cloned.
    await admin.query(`ALTER DATABASE ${template} IS_TEMPLATE true`);
    how = `seeded in ${((Date.now() - started) / 1000).toFixed(0)} s, then `;
  }
  const started = Date.now();
  // A file copy: much faster than WAL-logging every block of a large database.
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  const url = withDb(name);
  const applied = await migrateDatabase(url, 'postgres');
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    if (applied.length > 0) await pool.query('ANALYZE');
  } finally {
    await pool.end();
  }
  how += `cloned from template ${template} in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (applied.length > 0) how += ` (with ${applied.length} newer migration(s) applied)`;
  return { url, how };
}
