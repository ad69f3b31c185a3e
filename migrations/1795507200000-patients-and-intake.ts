import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Patients in full (demographics, payer, consent, soft archive), episodes of care, intake
 * assessments with their instruments and red-flag screen, amendments of signed assessments, and
 * clinicians' decisions on red flags. Signed records are immutable in the database itself.
 */
export class PatientsAndIntake1795507200000 implements MigrationInterface {
  name = 'PatientsAndIntake1795507200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE patients
        ADD COLUMN sex text CONSTRAINT patients_sex_valid CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        ADD COLUMN address_line1 text,
        ADD COLUMN address_line2 text,
        ADD COLUMN city text,
        ADD COLUMN state text CONSTRAINT patients_state_format CHECK (state ~ '^[A-Z]{2}$'),
        ADD COLUMN postal_code text,
        ADD COLUMN payer text CONSTRAINT patients_payer_valid
          CHECK (payer IN ('medicare', 'medicaid', 'commercial', 'self_pay', 'workers_compensation', 'auto_pip')),
        ADD COLUMN referral_source text CONSTRAINT patients_referral_source_valid
          CHECK (referral_source IN ('self', 'physician', 'other_provider', 'employer', 'insurer', 'attorney', 'friend_or_family', 'advertising', 'other')),
        ADD COLUMN preferred_contact text NOT NULL DEFAULT 'phone'
          CONSTRAINT patients_preferred_contact_valid CHECK (preferred_contact IN ('phone', 'sms', 'email', 'mail')),
        ADD COLUMN email_consent boolean NOT NULL DEFAULT false,
        ADD COLUMN email_consent_at timestamptz,
        ADD COLUMN phone_digits text GENERATED ALWAYS AS (regexp_replace(phone, '[^0-9]', '', 'g')) STORED,
        ADD CONSTRAINT patients_email_consent_needs_email CHECK (NOT email_consent OR email IS NOT NULL)`);
    await db.query(
      `CREATE INDEX patients_phone_digits_idx ON patients (phone_digits text_pattern_ops)`,
    );
    await db.query(`CREATE INDEX patients_date_of_birth_idx ON patients (date_of_birth)`);
    await db.query(`
      CREATE FUNCTION patients_reject_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'patients are archived, never deleted' USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER patients_no_delete BEFORE DELETE ON patients
      FOR EACH ROW EXECUTE FUNCTION patients_reject_delete()`);

    await db.query(`
      CREATE TABLE episodes_of_care (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_id uuid NOT NULL REFERENCES patients (id) ON DELETE RESTRICT,
        location_id uuid NOT NULL REFERENCES locations (id) ON DELETE RESTRICT,
        condition text NOT NULL CONSTRAINT episodes_condition_not_blank CHECK (btrim(condition) <> ''),
        body_region text NOT NULL CONSTRAINT episodes_body_region_valid
          CHECK (body_region IN ('neck', 'upper_back', 'mid_back', 'lower_back', 'shoulder', 'elbow', 'wrist_hand', 'hip', 'knee', 'ankle_foot', 'other')),
        status text NOT NULL DEFAULT 'open' CONSTRAINT episodes_status_valid CHECK (status IN ('open', 'closed')),
        opened_on date NOT NULL,
        closed_on date,
        discharge_reason text,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT episodes_closed_has_date CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
        CONSTRAINT episodes_closed_after_opened CHECK (closed_on IS NULL OR closed_on >= opened_on)
      )`);
    await db.query(
      `CREATE INDEX episodes_patient_idx ON episodes_of_care (patient_id, opened_on DESC)`,
    );
    await db.query(
      `CREATE UNIQUE INDEX episodes_one_open_per_region ON episodes_of_care (patient_id, body_region) WHERE status = 'open'`,
    );

    await db.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id uuid NOT NULL REFERENCES episodes_of_care (id) ON DELETE RESTRICT,
        kind text NOT NULL CONSTRAINT assessments_kind_valid CHECK (kind IN ('initial_evaluation', 're_evaluation', 'discharge')),
        status text NOT NULL DEFAULT 'draft' CONSTRAINT assessments_status_valid CHECK (status IN ('draft', 'signed')),
        assessed_on date NOT NULL,
        content jsonb NOT NULL,
        instruments jsonb NOT NULL DEFAULT '[]'::jsonb,
        red_flag_screen jsonb NOT NULL,
        screen_disposition text NOT NULL CONSTRAINT assessments_screen_disposition_valid
          CHECK (screen_disposition IN ('proceed', 'clinician_review', 'emergency')),
        created_by uuid NOT NULL REFERENCES users (id),
        signed_by uuid REFERENCES users (id),
        signed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assessments_signed_has_signer CHECK ((status = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL))
      )`);
    await db.query(
      `CREATE INDEX assessments_episode_idx ON assessments (episode_id, assessed_on, created_at)`,
    );
    await db.query(`
      CREATE FUNCTION assessments_keep_signed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'signed' THEN
          RAISE EXCEPTION 'a signed assessment cannot be changed; add an amendment'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER assessments_signed_immutable BEFORE UPDATE OR DELETE ON assessments
      FOR EACH ROW EXECUTE FUNCTION assessments_keep_signed()`);

    await db.query(`
      CREATE TABLE assessment_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE RESTRICT,
        amended_by uuid NOT NULL REFERENCES users (id),
        amended_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        reason text NOT NULL CONSTRAINT amendments_reason_not_blank CHECK (btrim(reason) <> ''),
        changes jsonb NOT NULL,
        content jsonb NOT NULL,
        instruments jsonb NOT NULL,
        red_flag_screen jsonb NOT NULL,
        screen_disposition text NOT NULL CONSTRAINT amendments_screen_disposition_valid
          CHECK (screen_disposition IN ('proceed', 'clinician_review', 'emergency'))
      )`);
    await db.query(
      `CREATE INDEX amendments_assessment_idx ON assessment_amendments (assessment_id, amended_at)`,
    );

    await db.query(`
      CREATE TABLE red_flag_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE RESTRICT,
        decision text NOT NULL CONSTRAINT red_flag_decisions_decision_valid CHECK (decision IN ('proceed', 'refer_to_physician')),
        reason text NOT NULL CONSTRAINT red_flag_decisions_reason_not_blank CHECK (btrim(reason) <> ''),
        decided_by uuid NOT NULL REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await db.query(
      `CREATE INDEX red_flag_decisions_assessment_idx ON red_flag_decisions (assessment_id, decided_at)`,
    );

    // Amendments and decisions are records of what happened: append-only, like the audit trail.
    await db.query(`
      CREATE FUNCTION clinical_records_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['assessment_amendments', 'red_flag_decisions']) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION clinical_records_reject_change()`);
    }
    // Only a signed assessment is amended; drafts are simply edited.
    await db.query(`
      CREATE FUNCTION amendments_need_signed_assessment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM assessments WHERE id = NEW.assessment_id AND status = 'signed') THEN
          RAISE EXCEPTION 'only a signed assessment can be amended'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'amendments_need_signed_assessment';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER amendments_signed_only BEFORE INSERT ON assessment_amendments
      FOR EACH ROW EXECUTE FUNCTION amendments_need_signed_assessment()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE red_flag_decisions`);
    await db.query(`DROP TABLE assessment_amendments`);
    await db.query(`DROP FUNCTION amendments_need_signed_assessment()`);
    await db.query(`DROP FUNCTION clinical_records_reject_change()`);
    await db.query(`DROP TABLE assessments`);
    await db.query(`DROP FUNCTION assessments_keep_signed()`);
    await db.query(`DROP TABLE episodes_of_care`);
    await db.query(`DROP INDEX patients_date_of_birth_idx`);
    await db.query(`DROP TRIGGER patients_no_delete ON patients`);
    await db.query(`DROP FUNCTION patients_reject_delete()`);
    await db.query(`
      ALTER TABLE patients
        DROP CONSTRAINT patients_email_consent_needs_email,
        DROP COLUMN phone_digits, DROP COLUMN email_consent_at, DROP COLUMN email_consent,
        DROP COLUMN preferred_contact, DROP COLUMN referral_source, DROP COLUMN payer,
        DROP COLUMN postal_code, DROP COLUMN state, DROP COLUMN city, DROP COLUMN address_line2,
        DROP COLUMN address_line1, DROP COLUMN sex`);
  }
}
