import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher.service';
import type { AppConfig } from '../config/app-config';
import {
  DEMO_APPOINTMENT_TYPES,
  DEMO_LOCATIONS,
  DEMO_PATIENTS,
  DEMO_POOLS,
  DEMO_STAFF,
  DEMO_STAFF_PASSWORD,
  DEMO_THERAPIST_HOURS,
} from './demo-data';
import { seedDemoHistory } from './demo-history';
import { seedPlanTemplates } from './demo-plan-templates';

export interface SeedSummary {
  locations: number;
  users: number;
  patients: number;
  appointmentTypes: number;
  planTemplates: number;
  visits: number;
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
    const summary: SeedSummary = {
      locations: 0,
      users: 0,
      patients: 0,
      appointmentTypes: 0,
      planTemplates: 0,
      visits: 0,
    };
    for (const location of DEMO_LOCATIONS) {
      const inserted = await manager.query<{ inserted: boolean }[]>(
        // A clinic seeded before it had a street address gets one; one an admin set stays.
        `INSERT INTO locations (code, name, city, state, postal_code, time_zone, phone, address_line1)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (code) DO UPDATE SET address_line1 = EXCLUDED.address_line1
          WHERE locations.address_line1 IS NULL
         RETURNING (xmax = 0) AS inserted`,
        [
          location.code,
          location.name,
          location.city,
          location.state,
          location.postalCode,
          location.timeZone,
          location.phone,
          location.addressLine1,
        ],
      );
      summary.locations += inserted.filter((row) => row.inserted).length;
    }
    for (const type of DEMO_APPOINTMENT_TYPES) {
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO appointment_types (code, name, duration_minutes, buffer_after_minutes, resource_kind,
                                        group_capacity, allowed_credentials, treatment, purpose)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          type.code,
          type.name,
          type.durationMinutes,
          type.bufferAfterMinutes,
          type.resourceKind,
          type.groupCapacity,
          [...type.credentials],
          type.treatment,
          type.purpose,
        ],
      );
      summary.appointmentTypes += inserted.length;
    }
    // Opening hours only for locations that have none, so an admin's changes stay.
    await manager.query(
      `INSERT INTO location_hours (location_id, weekday, opens, closes)
       SELECT l.id, d, '08:00', '18:00' FROM locations l CROSS JOIN generate_series(1, 5) d
        WHERE l.code = ANY($1) AND NOT EXISTS (SELECT 1 FROM location_hours h WHERE h.location_id = l.id)`,
      [DEMO_LOCATIONS.map((location) => location.code)],
    );
    await manager.query(
      `INSERT INTO resources (location_id, name, kind, capacity)
       SELECT l.id, 'Aquatic pool', 'pool', 4 FROM locations l
        WHERE l.code = ANY($1)
          -- Not again once there, nor after an admin retired it.
          AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.location_id = l.id AND r.name = 'Aquatic pool')`,
      [DEMO_POOLS],
    );
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
    for (const [email, therapist] of Object.entries(DEMO_THERAPIST_HOURS)) {
      const [user] = await manager.query<{ id: string }[]>(
        `SELECT id FROM users WHERE lower(email) = lower($1)`,
        [email],
      );
      if (!user) continue;
      await manager.query(
        `INSERT INTO therapist_profiles (user_id, credential, licence_states, direct_access_certified)
         VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING`,
        [user.id, therapist.credential, ['PA'], therapist.credential === 'PT'],
      );
      const [{ count }] = await manager.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM therapist_hours WHERE therapist_id = $1`,
        [user.id],
      );
      if (count > 0) continue;
      for (const window of therapist.windows) {
        await manager.query(
          `INSERT INTO therapist_hours (therapist_id, location_id, weekday, starts, ends)
           SELECT $1, id, d, $3, $4 FROM locations CROSS JOIN unnest($5::int[]) d WHERE code = $2`,
          [user.id, window.location, window.starts, window.ends, window.weekdays],
        );
      }
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
    summary.planTemplates = await seedPlanTemplates(manager);
    summary.visits = await seedDemoHistory(manager, new Date());
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
