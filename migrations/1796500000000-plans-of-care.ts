import { MigrationInterface, QueryRunner } from 'typeorm';

/** One ICD-10-CM code's format (direct-access/rules/identifiers ICD10_CM), unanchored. */
const ICD10 = `'[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?'`;
const PLAN_STATUSES = `'draft', 'active', 'on_hold', 'completed', 'discontinued'`;

/**
 * Plans of care: treatment-plan templates (versioned; a published version is frozen by a
 * trigger), plans for an episode made from a template version and tailored, their revisions
 * (a signed revision is frozen; an amendment is a new revision with who, when and why), their
 * status changes (append-only), and each clinic's choice to refuse or warn on a treatment visit
 * outside its plan.
 */
export class PlansOfCare1796500000000 implements MigrationInterface {
  name = 'PlansOfCare1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plan_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CONSTRAINT plan_templates_scope_known CHECK (scope IN ('clinic', 'personal')),
        owner_id uuid REFERENCES users (id),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plan_templates_personal_has_owner CHECK ((scope = 'personal') = (owner_id IS NOT NULL))
      )`);
    await db.query(`
      CREATE TABLE plan_template_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES plan_templates (id),
        version integer NOT NULL CONSTRAINT plan_template_versions_version_positive CHECK (version >= 1),
        status text NOT NULL DEFAULT 'draft' CONSTRAINT plan_template_versions_status_known CHECK (status IN ('draft', 'published')),
        name text NOT NULL CONSTRAINT plan_template_versions_name_not_blank CHECK (btrim(name) <> ''),
        content jsonb NOT NULL CONSTRAINT plan_template_versions_content_object CHECK (jsonb_typeof(content) = 'object'),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid REFERENCES users (id),
        published_at timestamptz,
        CONSTRAINT plan_template_versions_version_unique UNIQUE (template_id, version),
        CONSTRAINT plan_template_versions_published_has_publisher
          CHECK ((status = 'published') = (published_by IS NOT NULL AND published_at IS NOT NULL))
      )`);
    // One draft at a time: editing a published template makes the next version.
    await db.query(`
      CREATE UNIQUE INDEX plan_template_versions_one_draft ON plan_template_versions (template_id)
        WHERE status = 'draft'`);
    await db.query(`
      CREATE FUNCTION plan_template_versions_keep_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'a published template version cannot be changed; edit to make the next version'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER plan_template_versions_published_immutable BEFORE UPDATE OR DELETE ON plan_template_versions
      FOR EACH ROW EXECUTE FUNCTION plan_template_versions_keep_published()`);

    await db.query(`
      CREATE TABLE plans_of_care (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id uuid NOT NULL REFERENCES episodes_of_care (id),
        template_version_id uuid NOT NULL REFERENCES plan_template_versions (id),
        status text NOT NULL DEFAULT 'draft' CONSTRAINT plans_of_care_status_known CHECK (status IN (${PLAN_STATUSES})),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX plans_of_care_episode_idx ON plans_of_care (episode_id)`);
    // A plan keeps the version it came from, and only a published version is one to come from.
    await db.query(`
      CREATE FUNCTION plans_of_care_from_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.template_version_id IS DISTINCT FROM OLD.template_version_id THEN
          RAISE EXCEPTION 'a plan keeps the template version it came from' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM plan_template_versions
                        WHERE id = NEW.template_version_id AND status = 'published') THEN
          RAISE EXCEPTION 'a plan is made from a published template version'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'plans_of_care_template_published';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER plans_of_care_template_published BEFORE INSERT OR UPDATE ON plans_of_care
      FOR EACH ROW EXECUTE FUNCTION plans_of_care_from_published()`);

    await db.query(`
      CREATE TABLE plan_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans_of_care (id),
        revision integer NOT NULL CONSTRAINT plan_revisions_revision_positive CHECK (revision >= 1),
        content jsonb NOT NULL CONSTRAINT plan_revisions_content_object CHECK (jsonb_typeof(content) = 'object'),
        start_date date NOT NULL,
        end_date date NOT NULL,
        visits_authorised integer CONSTRAINT plan_revisions_visits_positive CHECK (visits_authorised > 0),
        diagnosis_codes text[] NOT NULL
          CONSTRAINT plan_revisions_diagnoses_present CHECK (cardinality(diagnosis_codes) >= 1)
          CONSTRAINT plan_revisions_diagnoses_icd10 CHECK (
            array_to_string(diagnosis_codes, ',') ~ ('^' || ${ICD10} || '(,' || ${ICD10} || ')*$')),
        reason text,
        requires_signature boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        signed_by uuid REFERENCES users (id),
        signed_at timestamptz,
        acknowledgements jsonb NOT NULL DEFAULT '[]'
          CONSTRAINT plan_revisions_acknowledgements_array CHECK (jsonb_typeof(acknowledgements) = 'array'),
        CONSTRAINT plan_revisions_revision_unique UNIQUE (plan_id, revision),
        CONSTRAINT plan_revisions_dates_ordered CHECK (end_date >= start_date),
        CONSTRAINT plan_revisions_amendment_has_reason CHECK ((revision = 1) = (reason IS NULL)),
        CONSTRAINT plan_revisions_signed_has_signer CHECK ((signed_by IS NULL) = (signed_at IS NULL))
      )`);
    // A signed revision is the record: never changed. An amendment is in force from its writing;
    // one that needs a signature (a long-term goal changed) may only be signed, nothing else.
    await db.query(`
      CREATE FUNCTION plan_revisions_keep_signed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.signed_at IS NOT NULL OR TG_OP = 'DELETE' AND OLD.revision > 1 THEN
          RAISE EXCEPTION 'a signed plan revision or an amendment cannot be changed; amend the plan'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.revision > 1 AND
           (NEW.content, NEW.start_date, NEW.end_date, NEW.visits_authorised, NEW.diagnosis_codes, NEW.reason,
            NEW.created_by, NEW.created_at)
           IS DISTINCT FROM
           (OLD.content, OLD.start_date, OLD.end_date, OLD.visits_authorised, OLD.diagnosis_codes, OLD.reason,
            OLD.created_by, OLD.created_at) THEN
          RAISE EXCEPTION 'an amendment is only signed, never edited' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER plan_revisions_signed_immutable BEFORE UPDATE OR DELETE ON plan_revisions
      FOR EACH ROW EXECUTE FUNCTION plan_revisions_keep_signed()`);

    await db.query(`
      CREATE TABLE plan_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans_of_care (id),
        from_status text NOT NULL CONSTRAINT plan_status_changes_from_known CHECK (from_status IN (${PLAN_STATUSES})),
        to_status text NOT NULL CONSTRAINT plan_status_changes_to_known CHECK (to_status IN (${PLAN_STATUSES})),
        reason text,
        changed_by uuid NOT NULL REFERENCES users (id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX plan_status_changes_plan_idx ON plan_status_changes (plan_id, changed_at)`,
    );
    await db.query(`
      CREATE TRIGGER plan_status_changes_append_only BEFORE UPDATE OR DELETE ON plan_status_changes
      FOR EACH ROW EXECUTE FUNCTION clinical_records_reject_change()`);

    // Whether a treatment visit outside the plan is refused or booked with a warning, per clinic.
    await db.query(`
      CREATE TABLE plan_coverage_settings (
        location_id uuid PRIMARY KEY REFERENCES locations (id),
        enforcement text NOT NULL CONSTRAINT plan_coverage_settings_enforcement_known CHECK (enforcement IN ('refuse', 'warn')),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plan_coverage_settings`);
    await db.query(`DROP TABLE plan_status_changes`);
    await db.query(`DROP TABLE plan_revisions`);
    await db.query(`DROP FUNCTION plan_revisions_keep_signed()`);
    await db.query(`DROP TABLE plans_of_care`);
    await db.query(`DROP FUNCTION plans_of_care_from_published()`);
    await db.query(`DROP TABLE plan_template_versions`);
    await db.query(`DROP FUNCTION plan_template_versions_keep_published()`);
    await db.query(`DROP TABLE plan_templates`);
  }
}
