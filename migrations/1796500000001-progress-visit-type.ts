import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The progress visit: the treatment visit that completes each 10th treatment day of a Medicare
 * patient's plan, when the physical therapist (not an assistant) writes the progress report
 * (Medicare Benefit Policy Manual, Ch. 15 § 220.3; direct-access/rules/medicare). "Book this
 * plan" books it in the plan's series in place of a follow-up.
 */
export class ProgressVisitType1796500000001 implements MigrationInterface {
  name = 'ProgressVisitType1796500000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      INSERT INTO appointment_types (code, name, duration_minutes, allowed_credentials, treatment)
      VALUES ('progress_visit', 'Progress visit (Medicare progress report)', 45, ARRAY['PT'], true)
      ON CONFLICT (code) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM appointment_types t WHERE t.code = 'progress_visit'
         AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.appointment_type_id = t.id)`);
  }
}
