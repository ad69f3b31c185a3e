import { MigrationInterface, QueryRunner } from 'typeorm';

/** The payers a patient may have (patients PAYERS). */
const PAYER_LIST = `'medicare', 'medicaid', 'commercial', 'self_pay', 'workers_compensation', 'auto_pip'`;
const NPI = `'^[0-9]{10}$'`;
/** Codes a visit may record (billing/rules/cpt-codes). */
const CODE = `'^([0-9]{5}|[A-Z][0-9]{4})$'`;

/**
 * Billing: the clinic's billing identity per location (place of service, billing NPI), rendering
 * therapists' NPIs, each payer's unit rule, fee schedules per location and payer (charges per
 * unit of a code, effective from a date), and the record of each completed visit: the services
 * with their one-on-one minutes and units, who delivered them, and a note, amended with history.
 */
export class Billing1796600000000 implements MigrationInterface {
  name = 'Billing1796600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE billing_payer_settings (
        payer text PRIMARY KEY CONSTRAINT billing_payer_settings_payer_known CHECK (payer IN (${PAYER_LIST})),
        unit_rule text NOT NULL CONSTRAINT billing_payer_settings_unit_rule_known CHECK (unit_rule IN ('eight_minute', 'midpoint')),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT billing_payer_settings_medicare_eight_minute CHECK (payer <> 'medicare' OR unit_rule = 'eight_minute')
      )`);
    await db.query(`
      CREATE TABLE billing_locations (
        location_id uuid PRIMARY KEY REFERENCES locations (id),
        place_of_service text NOT NULL CONSTRAINT billing_locations_place_of_service_known CHECK (place_of_service IN ('11', '12', '22')),
        billing_npi text CONSTRAINT billing_locations_npi_format CHECK (billing_npi ~ ${NPI}),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE billing_provider_npis (
        user_id uuid PRIMARY KEY REFERENCES users (id),
        npi text NOT NULL CONSTRAINT billing_provider_npis_npi_format CHECK (npi ~ ${NPI}),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE fee_schedule_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        location_id uuid NOT NULL REFERENCES locations (id),
        payer text NOT NULL CONSTRAINT fee_schedule_entries_payer_known CHECK (payer IN (${PAYER_LIST})),
        code text NOT NULL CONSTRAINT fee_schedule_entries_code_format CHECK (code ~ ${CODE}),
        effective_from date NOT NULL,
        charge_cents integer NOT NULL CONSTRAINT fee_schedule_entries_charge_not_negative CHECK (charge_cents >= 0),
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fee_schedule_entries_one_per_day UNIQUE (location_id, payer, code, effective_from)
      )`);
    await db.query(`
      CREATE TABLE visit_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        appointment_id uuid NOT NULL CONSTRAINT visit_records_one_per_visit UNIQUE REFERENCES appointments (id),
        patient_id uuid NOT NULL REFERENCES patients (id),
        location_id uuid NOT NULL REFERENCES locations (id),
        episode_id uuid REFERENCES episodes_of_care (id),
        starts_at timestamptz NOT NULL,
        service_date date NOT NULL,
        payer text CONSTRAINT visit_records_payer_known CHECK (payer IN (${PAYER_LIST})),
        unit_rule text NOT NULL CONSTRAINT visit_records_unit_rule_known CHECK (unit_rule IN ('eight_minute', 'midpoint')),
        rule_version text NOT NULL,
        delivered_by uuid NOT NULL REFERENCES users (id),
        delivered_by_credential text NOT NULL CONSTRAINT visit_records_credential_known CHECK (delivered_by_credential IN ('PT', 'PTA')),
        note text NOT NULL CONSTRAINT visit_records_note_length CHECK (btrim(note) <> '' AND char_length(note) <= 2000),
        revision integer NOT NULL DEFAULT 1,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        amended_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX visit_records_patient_date_idx ON visit_records (patient_id, service_date)`,
    );
    await db.query(`CREATE INDEX visit_records_episode_idx ON visit_records (episode_id)`);
    await db.query(`
      CREATE TABLE visit_record_lines (
        visit_record_id uuid NOT NULL REFERENCES visit_records (id) ON DELETE CASCADE,
        position integer NOT NULL,
        cpt text NOT NULL CONSTRAINT visit_record_lines_cpt_format CHECK (cpt ~ ${CODE}),
        billed_code text NOT NULL CONSTRAINT visit_record_lines_billed_code_format CHECK (billed_code ~ ${CODE}),
        minutes integer CONSTRAINT visit_record_lines_minutes_range CHECK (minutes BETWEEN 0 AND 480),
        units integer NOT NULL CONSTRAINT visit_record_lines_units_not_negative CHECK (units >= 0),
        outcome text NOT NULL CONSTRAINT visit_record_lines_outcome_known
          CHECK (outcome IN ('billed', 'not_enough_minutes', 'medicare_bundled', 'once_per_encounter')),
        PRIMARY KEY (visit_record_id, position)
      )`);
    await db.query(`
      CREATE TABLE visit_record_amendments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_record_id uuid NOT NULL REFERENCES visit_records (id),
        revision integer NOT NULL,
        previous jsonb NOT NULL,
        reason text NOT NULL CONSTRAINT visit_record_amendments_reason_length CHECK (btrim(reason) <> '' AND char_length(reason) <= 500),
        amended_by uuid NOT NULL REFERENCES users (id),
        amended_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT visit_record_amendments_one_per_revision UNIQUE (visit_record_id, revision)
      )`);
    await db.query(`
      CREATE TRIGGER visit_record_amendments_append_only BEFORE UPDATE OR DELETE ON visit_record_amendments
      FOR EACH ROW EXECUTE FUNCTION clinical_records_reject_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'visit_record_amendments',
      'visit_record_lines',
      'visit_records',
      'fee_schedule_entries',
      'billing_provider_npis',
      'billing_locations',
      'billing_payer_settings',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
