import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import type { AppConfig } from '../config/app-config';
import { DEMO_LOCATIONS, DEMO_PATIENTS, DEMO_STAFF, DEMO_STAFF_PASSWORD } from './demo-data';

export interface SeedSummary {
  locations: number;
  users: number;
  patients: number;
}

/**
 * Idempotent: rows are matched on natural keys (location code, email, name and date of birth),
 * so a second run adds nothing and never overwrites what users changed. Demo staff and patients,
 * whose passwords are public, are only added outside production.
 */
export async function seedDatabase(
  dataSource: DataSource,
  config: AppConfig,
): Promise<SeedSummary> {
  const hasher = new PasswordHasher();
  const withDemo = config.env !== 'production';
  return dataSource.transaction(async (manager) => {
    const summary: SeedSummary = { locations: 0, users: 0, patients: 0 };
    for (const location of DEMO_LOCATIONS) {
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO locations (code, name, city, state, postal_code, time_zone, phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          location.code,
          location.name,
          location.city,
          location.state,
          location.postalCode,
          location.timeZone,
          location.phone,
        ],
      );
      summary.locations += inserted.length;
    }
    const addUser = async (
      email: string,
      fullName: string,
      role: string,
      password: string,
      locationCodes: string[],
    ) => {
      // Hashing is deliberately slow: skip it for users that are already there.
      const existing = await manager.query<unknown[]>(
        `SELECT 1 FROM users WHERE lower(email) = lower($1)`,
        [email],
      );
      if (existing.length > 0) return;
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO users (email, full_name, password_hash, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
        [email, fullName, await hasher.hash(password), role],
      );
      if (inserted.length === 0) return;
      summary.users += 1;
      await manager.query(
        `INSERT INTO user_locations (user_id, location_id) SELECT $1, id FROM locations WHERE code = ANY($2)`,
        [inserted[0].id, locationCodes],
      );
    };
    if (config.seedAdmin) {
      await addUser(
        config.seedAdmin.email,
        'Practice Administrator',
        'admin',
        config.seedAdmin.password,
        [],
      );
    }
    if (!withDemo) return summary;
    for (const staff of DEMO_STAFF) {
      await addUser(staff.email, staff.fullName, staff.role, DEMO_STAFF_PASSWORD, staff.locations);
    }
    for (const patient of DEMO_PATIENTS) {
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO patients (first_name, last_name, date_of_birth, email, phone, sex, state, payer,
                               email_consent, email_consent_at, home_location_id)
         SELECT $1, $2, $3, $4::text, $5, $7, $8, $9, $4::text IS NOT NULL,
                CASE WHEN $4::text IS NOT NULL THEN now() END, id
           FROM locations WHERE code = $6
          AND NOT EXISTS (SELECT 1 FROM patients WHERE lower(first_name) = lower($1)
                            AND lower(last_name) = lower($2) AND date_of_birth = $3)
         RETURNING id`,
        [
          patient.firstName,
          patient.lastName,
          patient.dateOfBirth,
          patient.email,
          patient.phone,
          patient.location,
          patient.sex,
          patient.state,
          patient.payer,
        ],
      );
      summary.patients += inserted.length;
    }
    return summary;
  });
}

/** Whether the database has never been seeded (no location at all). */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM locations`,
  );
  return count === 0;
}
