import { MigrationInterface, QueryRunner } from 'typeorm';
import { DIRECT_ACCESS_RULES_1796000000000 as SHIPPED_RULES } from './data/direct-access-rules-1796000000000';

/** The professions a referral, signature or clearance may name (direct-access/rules PROFESSIONS). */
const PROFESSION_LIST = [
  'physician',
  'osteopathic_physician',
  'physician_assistant',
  'nurse_practitioner',
  'clinical_nurse_specialist',
  'chiropractor',
  'dentist',
  'podiatrist',
  'optometrist',
]
  .map((p) => `'${p}'`)
  .join(', ');
const ICD10_CM = `'^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$'`;

/** Tables a record of what happened: append-only, like assessments' amendments. */
const DOCUMENTS = [
  'referrals',
  'plan_signatures',
  'physician_notifications',
  'patient_disclosures',
  'physician_clearances',
  'progress_reports',
  'direct_access_evaluations',
];

/**
 * Direct access: the rules as versioned data (the shipped versions loaded here), the documents an
 * episode's eligibility turns on (referrals, plan signatures, physician notifications, signed
 * disclosures, physician clearances of red flags, progress reports), evaluations as they were
 * answered, and what therapists' qualifications the statutes ask about.
 */
export class DirectAccess1796000000000 implements MigrationInterface {
  name = 'DirectAccess1796000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE direct_access_rule_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        jurisdiction text NOT NULL
          CONSTRAINT direct_access_rule_versions_jurisdiction_format CHECK (jurisdiction ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'),
        version integer NOT NULL CONSTRAINT direct_access_rule_versions_version_positive CHECK (version >= 1),
        effective_from date NOT NULL,
        source text NOT NULL CONSTRAINT direct_access_rule_versions_source_not_blank CHECK (btrim(source) <> ''),
        parameters jsonb NOT NULL
          CONSTRAINT direct_access_rule_versions_parameters_object CHECK (jsonb_typeof(parameters) = 'object'),
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT direct_access_rule_versions_version_unique UNIQUE (jurisdiction, version),
        CONSTRAINT direct_access_rule_versions_effective_unique UNIQUE (jurisdiction, effective_from)
      )`);
    const withVersions = SHIPPED_RULES.map((rule, index) => ({
      ...rule,
      version:
        SHIPPED_RULES.slice(0, index).filter((r) => r.jurisdiction === rule.jurisdiction).length +
        1,
    }));
    for (const rule of withVersions) {
      await db.query(
        `INSERT INTO direct_access_rule_versions (jurisdiction, version, effective_from, source, parameters)
         VALUES ($1, $2, $3, $4, $5)`,
        [
          rule.jurisdiction,
          rule.version,
          rule.effectiveFrom,
          rule.source,
          JSON.stringify(rule.parameters),
        ],
      );
    }

    const document = (name: string, columns: string) => `
      CREATE TABLE ${name} (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id uuid NOT NULL REFERENCES episodes_of_care (id),
        ${columns},
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`;
    const provider = (table: string, nameColumn: string) => `
        ${nameColumn} text NOT NULL CONSTRAINT ${table}_name_not_blank CHECK (btrim(${nameColumn}) <> ''),
        profession text NOT NULL CONSTRAINT ${table}_profession_known CHECK (profession IN (${PROFESSION_LIST})),
        npi text CONSTRAINT ${table}_npi_format CHECK (npi ~ '^[0-9]{10}$')`;
    await db.query(
      document(
        'referrals',
        `${provider('referrals', 'provider_name')},
        referred_on date NOT NULL,
        diagnosis_code text CONSTRAINT referrals_diagnosis_icd10 CHECK (diagnosis_code ~ ${ICD10_CM}),
        visits_authorised integer CONSTRAINT referrals_visits_positive CHECK (visits_authorised > 0),
        expires_on date,
        CONSTRAINT referrals_expire_after_referred CHECK (expires_on >= referred_on)`,
      ),
    );
    await db.query(
      document(
        'plan_signatures',
        `${provider('plan_signatures', 'signer_name')},
        kind text NOT NULL CONSTRAINT plan_signatures_kind_known CHECK (kind IN ('certification', 'recertification', 'approval')),
        signed_on date NOT NULL,
        period_end date,
        document_reference text,
        CONSTRAINT plan_signatures_period_after_signature CHECK (period_end >= signed_on)`,
      ),
    );
    await db.query(
      document(
        'physician_notifications',
        `kind text NOT NULL CONSTRAINT physician_notifications_kind_known CHECK (kind IN ('direct_access_notice', 'plan_of_care')),
        sent_on date NOT NULL,
        recipient text NOT NULL CONSTRAINT physician_notifications_recipient_not_blank CHECK (btrim(recipient) <> ''),
        method text NOT NULL CONSTRAINT physician_notifications_method_known CHECK (method IN ('fax', 'mail', 'email', 'portal', 'phone', 'in_person'))`,
      ),
    );
    await db.query(
      document(
        'patient_disclosures',
        `form text NOT NULL CONSTRAINT patient_disclosures_form_not_blank CHECK (btrim(form) <> ''),
        signed_on date NOT NULL`,
      ),
    );
    await db.query(
      document(
        'physician_clearances',
        `${provider('physician_clearances', 'cleared_by_name')},
        cleared_at timestamptz NOT NULL,
        document_reference text NOT NULL CONSTRAINT physician_clearances_document_not_blank CHECK (btrim(document_reference) <> '')`,
      ),
    );
    await db.query(
      document(
        'progress_reports',
        `reported_on date NOT NULL,
        therapist_id uuid NOT NULL REFERENCES users (id)`,
      ),
    );
    await db.query(`
      CREATE TABLE direct_access_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id uuid REFERENCES episodes_of_care (id),
        location_id uuid REFERENCES locations (id),
        rule_version_id uuid REFERENCES direct_access_rule_versions (id),
        as_of date NOT NULL,
        status text NOT NULL CONSTRAINT direct_access_evaluations_status_known
          CHECK (status IN ('eligible', 'eligible_until', 'referral_required', 'not_eligible', 'unknown')),
        facts jsonb NOT NULL,
        result jsonb NOT NULL,
        recorded_by uuid NOT NULL REFERENCES users (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const table of DOCUMENTS) {
      await db.query(`CREATE INDEX ${table}_episode_idx ON ${table} (episode_id)`);
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION clinical_records_reject_change()`);
    }
    await db.query(`
      CREATE TRIGGER direct_access_rule_versions_append_only BEFORE UPDATE OR DELETE ON direct_access_rule_versions
      FOR EACH ROW EXECUTE FUNCTION clinical_records_reject_change()`);

    await db.query(`
      ALTER TABLE therapist_profiles
        ADD COLUMN direct_access_certificates text[] NOT NULL DEFAULT '{}'
          CONSTRAINT therapist_profiles_certificates_format
          CHECK (array_to_string(direct_access_certificates, ',') ~ '^([A-Z]{2}(-[A-Z0-9]{1,3})?(,|$))*$'),
        ADD COLUMN residency_or_fellowship boolean NOT NULL DEFAULT false,
        ADD COLUMN full_time_practice_years numeric(4, 1)
          CONSTRAINT therapist_profiles_practice_years_non_negative CHECK (full_time_practice_years >= 0),
        ADD COLUMN differential_diagnosis_ce_hours integer
          CONSTRAINT therapist_profiles_ce_hours_non_negative CHECK (differential_diagnosis_ce_hours >= 0),
        ADD COLUMN liability_insured boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE therapist_profiles
        DROP COLUMN direct_access_certificates, DROP COLUMN residency_or_fellowship,
        DROP COLUMN full_time_practice_years, DROP COLUMN differential_diagnosis_ce_hours,
        DROP COLUMN liability_insured`);
    await db.query(`DROP TABLE direct_access_evaluations`);
    for (const table of DOCUMENTS.filter((t) => t !== 'direct_access_evaluations')) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP TABLE direct_access_rule_versions`);
  }
}
