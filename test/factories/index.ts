import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import type TestAgent from 'supertest/lib/agent';
import type { Role } from '../../src/kernel/role';

const unique = () => randomBytes(4).toString('hex');

export interface LocationRow {
  id: string;
  code: string;
  timeZone: string;
  state: string;
}

export async function createLocation(
  db: Pool,
  overrides: Partial<{ code: string; name: string; state: string; timeZone: string }> = {},
): Promise<LocationRow> {
  const code = overrides.code ?? `clinic-${unique()}`;
  const timeZone = overrides.timeZone ?? 'America/New_York';
  const state = overrides.state ?? 'PA';
  const { rows } = await db.query(
    `INSERT INTO locations (code, name, state, time_zone) VALUES ($1, $2, $3, $4) RETURNING id`,
    [code, overrides.name ?? `Clinic ${code}`, state, timeZone],
  );
  return { id: rows[0].id, code, timeZone, state };
}

export interface StaffUser {
  id: string;
  email: string;
  password: string;
  token: string;
  authorization: string;
}

/** A user inserted directly, then signed in through the API as a person would. */
export async function createStaff(
  http: TestAgent,
  db: Pool,
  role: Role | `${Role}`,
  locationIds: string[] = [],
  fullName = `Test ${role}`,
): Promise<StaffUser> {
  const email = `${role}.${unique()}@pt-practice.test`;
  const password = `password-${unique()}-long`;
  const { rows } = await db.query(
    `INSERT INTO users (email, full_name, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id`,
    [email, fullName, await argon2.hash(password), role],
  );
  const id: string = rows[0].id;
  if (locationIds.length > 0) {
    await db.query(
      `INSERT INTO user_locations (user_id, location_id) SELECT $1, unnest($2::uuid[])`,
      [id, locationIds],
    );
  }
  const response = await http.post('/auth/login').send({ email, password }).expect(200);
  const token: string = response.body.accessToken;
  return { id, email, password, token, authorization: `Bearer ${token}` };
}

export async function createPatient(
  db: Pool,
  homeLocationId: string,
  overrides: Partial<{ firstName: string; lastName: string; dateOfBirth: string }> = {},
): Promise<{ id: string }> {
  const { rows } = await db.query(
    `INSERT INTO patients (first_name, last_name, date_of_birth, home_location_id) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      overrides.firstName ?? 'Pat',
      overrides.lastName ?? `Test${unique()}`,
      overrides.dateOfBirth ?? '1970-01-01',
      homeLocationId,
    ],
  );
  return { id: rows[0].id };
}

/**
 * A therapist assigned to one clinic, with a profile (licensed in the clinic's state unless told
 * otherwise) and the same working window on each of the given ISO weekdays, set up as an admin
 * does it: through the API.
 */
export async function createTherapist(
  http: TestAgent,
  db: Pool,
  admin: StaffUser,
  location: LocationRow,
  {
    weekdays = [1, 2, 3, 4, 5],
    starts = '08:00',
    ends = '17:00',
    credential = 'PT',
    licenceStates = [location.state],
    directAccessCertificates = licenceStates.map((state) => `US-${state}`),
    fullName,
  }: {
    weekdays?: number[];
    starts?: string;
    ends?: string;
    credential?: 'PT' | 'PTA';
    licenceStates?: string[];
    /** Direct-access certificates; by default where licensed, as the seeded PA group's PTs hold. */
    directAccessCertificates?: string[];
    fullName?: string;
  } = {},
): Promise<StaffUser> {
  const therapist = await createStaff(http, db, 'therapist', [location.id], fullName);
  const as = { Authorization: admin.authorization };
  await http
    .put(`/therapists/${therapist.id}/profile`)
    .set(as)
    .send({ credential, licenceStates, directAccessCertificates })
    .expect(200);
  await http
    .put(`/therapists/${therapist.id}/hours`)
    .set(as)
    .send({
      windows: weekdays.map((weekday) => ({ locationId: location.id, weekday, starts, ends })),
    })
    .expect(200);
  return therapist;
}
