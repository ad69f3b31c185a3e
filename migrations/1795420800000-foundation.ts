import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: locations, users and their location assignments, patients (the minimum the
 * access rules need), the append-only audit trail and audit exports.
 */
export class Foundation1795420800000 implements MigrationInterface {
  name = 'Foundation1795420800000';

  async up(db: QueryRunner): Promise<void> {
    // btree_gist backs the exclusion constraints that make double booking impossible.
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await db.query(`
      CREATE TABLE locations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CONSTRAINT locations_code_key UNIQUE
          CONSTRAINT locations_code_format CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL CONSTRAINT locations_name_not_blank CHECK (btrim(name) <> ''),
        address_line1 text,
        address_line2 text,
        city text,
        state text CONSTRAINT locations_state_format CHECK (state ~ '^[A-Z]{2}$'),
        postal_code text,
        country text NOT NULL DEFAULT 'US' CONSTRAINT locations_country_format CHECK (country ~ '^[A-Z]{2}$'),
        time_zone text NOT NULL,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CONSTRAINT users_email_format CHECK (email ~ '^[^@\\s]+@[^@\\s]+$'),
        full_name text NOT NULL CONSTRAINT users_full_name_not_blank CHECK (btrim(full_name) <> ''),
        password_hash text NOT NULL,
        role text NOT NULL CONSTRAINT users_role_valid CHECK (role IN ('admin', 'front_desk', 'therapist')),
        active boolean NOT NULL DEFAULT true,
        failed_login_count integer NOT NULL DEFAULT 0 CONSTRAINT users_failed_login_count_non_negative CHECK (failed_login_count >= 0),
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await db.query(`
      CREATE TABLE user_locations (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE RESTRICT,
        PRIMARY KEY (user_id, location_id)
      )`);
    await db.query(`CREATE INDEX user_locations_location_id_idx ON user_locations (location_id)`);

    await db.query(`
      CREATE TABLE patients (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL CONSTRAINT patients_first_name_not_blank CHECK (btrim(first_name) <> ''),
        last_name text NOT NULL CONSTRAINT patients_last_name_not_blank CHECK (btrim(last_name) <> ''),
        date_of_birth date NOT NULL CONSTRAINT patients_date_of_birth_plausible CHECK (date_of_birth >= DATE '1900-01-01'),
        email text,
        phone text,
        home_location_id uuid NOT NULL REFERENCES locations (id) ON DELETE RESTRICT,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX patients_home_location_id_idx ON patients (home_location_id)`);
    await db.query(
      `CREATE INDEX patients_name_idx ON patients (lower(last_name), lower(first_name), date_of_birth)`,
    );

    await db.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_role text,
        action text NOT NULL CONSTRAINT audit_events_action_valid
          CHECK (action IN ('create', 'read', 'update', 'delete', 'login', 'login_failed', 'export')),
        entity_type text NOT NULL,
        entity_id text,
        request_id text,
        client_ip inet,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await db.query(
      `CREATE INDEX audit_events_occurred_at_idx ON audit_events (occurred_at DESC, id DESC)`,
    );
    await db.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id)`);
    await db.query(
      `CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at DESC)`,
    );
    // HIPAA 45 CFR 164.312(b): the trail must not be altered, whoever holds the connection.
    await db.query(`
      CREATE FUNCTION audit_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change()`);
    await db.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change()`);

    await db.query(`
      CREATE TABLE audit_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
        status text NOT NULL DEFAULT 'queued'
          CONSTRAINT audit_exports_status_valid CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        filters jsonb NOT NULL DEFAULT '{}'::jsonb,
        row_count integer CONSTRAINT audit_exports_row_count_non_negative CHECK (row_count >= 0),
        csv text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        CONSTRAINT audit_exports_completed_has_csv CHECK (status <> 'completed' OR (csv IS NOT NULL AND row_count IS NOT NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_exports`);
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_reject_change()`);
    await db.query(`DROP TABLE patients`);
    await db.query(`DROP TABLE user_locations`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE locations`);
  }
}
