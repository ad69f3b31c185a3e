import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every audit row about a patient names the patient, so an admin can read one patient's trail
 * (HIPAA's accounting of disclosures, 45 CFR 164.528). A caller may give the patient itself (a
 * row written in the same statement as the record it is about must); otherwise the database
 * finds it from the record the row names, so no call site, present or future, can leave it out.
 * Rows written before this migration are left as they are: the trail is append-only.
 */
export class AuditPatient1796100000002 implements MigrationInterface {
  name = 'AuditPatient1796100000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events ADD COLUMN patient_id uuid REFERENCES patients (id)`);
    await db.query(`
      CREATE INDEX audit_events_patient_idx ON audit_events (patient_id, occurred_at DESC, id DESC)
        WHERE patient_id IS NOT NULL`);
    await db.query(`
      CREATE FUNCTION audit_events_patient_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        record_id uuid;
      BEGIN
        IF NEW.patient_id IS NOT NULL OR NEW.entity_id IS NULL
           OR NEW.entity_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
          RETURN NEW;
        END IF;
        record_id := NEW.entity_id::uuid;
        NEW.patient_id := CASE NEW.entity_type
          WHEN 'patient' THEN (SELECT id FROM patients WHERE id = record_id)
          WHEN 'patient_appointments' THEN (SELECT id FROM patients WHERE id = record_id)
          WHEN 'patient_timeline' THEN (SELECT id FROM patients WHERE id = record_id)
          WHEN 'appointment' THEN (SELECT patient_id FROM appointments WHERE id = record_id)
          WHEN 'episode' THEN (SELECT patient_id FROM episodes_of_care WHERE id = record_id)
          WHEN 'assessment' THEN (
            SELECT e.patient_id FROM assessments a JOIN episodes_of_care e ON e.id = a.episode_id
             WHERE a.id = record_id)
          WHEN 'red_flag_decision' THEN (
            SELECT e.patient_id FROM assessments a JOIN episodes_of_care e ON e.id = a.episode_id
             WHERE a.id = record_id)
          WHEN 'waitlist_entry' THEN (SELECT patient_id FROM waitlist_entries WHERE id = record_id)
          WHEN 'notification' THEN (SELECT patient_id FROM notifications WHERE id = record_id)
        END;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_patient_of_record BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_patient_of_record()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_events_patient_of_record ON audit_events`);
    await db.query(`DROP FUNCTION audit_events_patient_of_record()`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN patient_id`);
  }
}
