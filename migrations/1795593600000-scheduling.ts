import { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIVE = `status IN ('booked', 'confirmed', 'checked_in', 'completed')`;

/**
 * Scheduling: opening hours, closures, rooms and resources, appointment types, therapist
 * profiles, working hours and time off, appointments with their history, and series. Double
 * booking of a therapist or a patient is impossible in the database (exclusion constraints).
 */
export class Scheduling1795593600000 implements MigrationInterface {
  name = 'Scheduling1795593600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE location_hours (
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CONSTRAINT location_hours_weekday_valid CHECK (weekday BETWEEN 1 AND 7),
        opens time NOT NULL,
        closes time NOT NULL,
        PRIMARY KEY (location_id, weekday, opens),
        CONSTRAINT location_hours_closes_after_opens CHECK (closes > opens)
      )`);
    await db.query(`
      CREATE TABLE location_closures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text NOT NULL CONSTRAINT location_closures_reason_not_blank CHECK (btrim(reason) <> ''),
        CONSTRAINT location_closures_ends_after_starts CHECK (ends_on >= starts_on)
      )`);
    await db.query(
      `CREATE INDEX location_closures_location_idx ON location_closures (location_id, starts_on)`,
    );
    await db.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE RESTRICT,
        name text NOT NULL CONSTRAINT resources_name_not_blank CHECK (btrim(name) <> ''),
        kind text NOT NULL CONSTRAINT resources_kind_format CHECK (kind ~ '^[a-z_]+$'),
        capacity integer NOT NULL CONSTRAINT resources_capacity_positive CHECK (capacity > 0),
        CONSTRAINT resources_name_key UNIQUE (location_id, name)
      )`);
    await db.query(`
      CREATE TABLE appointment_types (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT appointment_types_code_key UNIQUE
          CONSTRAINT appointment_types_code_format CHECK (code ~ '^[a-z0-9_]+$'),
        name text NOT NULL CONSTRAINT appointment_types_name_not_blank CHECK (btrim(name) <> ''),
        duration_minutes integer NOT NULL CONSTRAINT appointment_types_duration_valid CHECK (duration_minutes BETWEEN 5 AND 480),
        buffer_before_minutes integer NOT NULL DEFAULT 0 CONSTRAINT appointment_types_buffer_before_valid CHECK (buffer_before_minutes BETWEEN 0 AND 240),
        buffer_after_minutes integer NOT NULL DEFAULT 0 CONSTRAINT appointment_types_buffer_after_valid CHECK (buffer_after_minutes BETWEEN 0 AND 240),
        resource_kind text,
        group_capacity integer NOT NULL DEFAULT 1 CONSTRAINT appointment_types_group_capacity_positive CHECK (group_capacity >= 1),
        allowed_credentials text[] NOT NULL CONSTRAINT appointment_types_credentials_valid
          CHECK (cardinality(allowed_credentials) > 0 AND allowed_credentials <@ ARRAY['PT', 'PTA']),
        treatment boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true
      )`);
    await db.query(`
      CREATE TABLE therapist_profiles (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        credential text NOT NULL CONSTRAINT therapist_profiles_credential_valid CHECK (credential IN ('PT', 'PTA')),
        licence_states text[] NOT NULL DEFAULT '{}',
        direct_access_certified boolean NOT NULL DEFAULT false,
        direct_access_certified_on date,
        doctoral_degree boolean NOT NULL DEFAULT false,
        years_licensed integer CONSTRAINT therapist_profiles_years_non_negative CHECK (years_licensed >= 0)
      )`);
    await db.query(`
      CREATE TABLE therapist_hours (
        therapist_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE CASCADE,
        weekday smallint NOT NULL CONSTRAINT therapist_hours_weekday_valid CHECK (weekday BETWEEN 1 AND 7),
        starts time NOT NULL,
        ends time NOT NULL,
        PRIMARY KEY (therapist_id, weekday, starts),
        CONSTRAINT therapist_hours_ends_after_starts CHECK (ends > starts)
      )`);
    await db.query(`CREATE INDEX therapist_hours_location_idx ON therapist_hours (location_id)`);
    await db.query(`
      CREATE TABLE therapist_time_off (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        therapist_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text,
        CONSTRAINT therapist_time_off_ends_after_starts CHECK (ends_at > starts_at)
      )`);
    await db.query(
      `CREATE INDEX therapist_time_off_idx ON therapist_time_off (therapist_id, starts_at)`,
    );
    await db.query(`
      CREATE TABLE appointment_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rrule text NOT NULL,
        local_start text NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE appointments (
        id uuid PRIMARY KEY,
        appointment_type_id uuid NOT NULL REFERENCES appointment_types (id),
        location_id uuid NOT NULL REFERENCES locations (id),
        therapist_id uuid NOT NULL REFERENCES users (id),
        patient_id uuid NOT NULL REFERENCES patients (id),
        resource_id uuid REFERENCES resources (id),
        episode_id uuid REFERENCES episodes_of_care (id),
        series_id uuid REFERENCES appointment_series (id),
        status text NOT NULL DEFAULT 'booked' CONSTRAINT appointments_status_valid
          CHECK (status IN ('booked', 'confirmed', 'checked_in', 'completed', 'cancelled', 'no_show')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        busy_from timestamptz NOT NULL,
        busy_until timestamptz NOT NULL,
        session_key uuid NOT NULL,
        cancel_reason text,
        late_cancellation boolean,
        cancelled_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT appointments_ends_after_starts CHECK (ends_at > starts_at),
        CONSTRAINT appointments_busy_covers_visit CHECK (busy_from <= starts_at AND busy_until >= ends_at),
        CONSTRAINT appointments_cancellation_recorded
          CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL AND late_cancellation IS NOT NULL)),
        -- A therapist is in one session at a time, buffers included; a group session is one session.
        CONSTRAINT appointments_therapist_no_overlap EXCLUDE USING gist (
          therapist_id WITH =, session_key WITH <>, tstzrange(busy_from, busy_until) WITH &&
        ) WHERE (${ACTIVE}),
        -- A patient is in one place at a time.
        CONSTRAINT appointments_patient_no_overlap EXCLUDE USING gist (
          patient_id WITH =, tstzrange(starts_at, ends_at) WITH &&
        ) WHERE (${ACTIVE})
      )`);
    await db.query(
      `CREATE INDEX appointments_location_starts_idx ON appointments (location_id, starts_at)`,
    );
    await db.query(
      `CREATE INDEX appointments_patient_starts_idx ON appointments (patient_id, starts_at)`,
    );
    await db.query(
      `CREATE INDEX appointments_therapist_starts_idx ON appointments (therapist_id, starts_at)`,
    );
    await db.query(
      `CREATE INDEX appointments_series_idx ON appointments (series_id) WHERE series_id IS NOT NULL`,
    );
    await db.query(
      `CREATE INDEX appointments_resource_busy_idx ON appointments USING gist (resource_id, tstzrange(starts_at, ends_at)) WHERE resource_id IS NOT NULL AND ${ACTIVE}`,
    );
    await db.query(`
      CREATE TABLE appointment_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        appointment_id uuid NOT NULL REFERENCES appointments (id),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid NOT NULL REFERENCES users (id),
        action text NOT NULL CONSTRAINT appointment_events_action_valid
          CHECK (action IN ('book', 'confirm', 'check_in', 'complete', 'cancel', 'no_show', 'reschedule')),
        from_status text,
        to_status text NOT NULL,
        from_starts_at timestamptz,
        to_starts_at timestamptz NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(
      `CREATE INDEX appointment_events_appointment_idx ON appointment_events (appointment_id, id)`,
    );
    await db.query(`
      CREATE TRIGGER appointment_events_append_only BEFORE UPDATE OR DELETE ON appointment_events
      FOR EACH ROW EXECUTE FUNCTION clinical_records_reject_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'appointment_events',
      'appointments',
      'appointment_series',
      'therapist_time_off',
      'therapist_hours',
      'therapist_profiles',
      'appointment_types',
      'resources',
      'location_closures',
      'location_hours',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
