import { MigrationInterface, QueryRunner } from 'typeorm';

/** scheduling/rules/appointment-purpose APPOINTMENT_PURPOSES. */
const PURPOSES = `'first_contact', 'initial_evaluation', 're_evaluation', 'progress', 'discharge', 'treatment', 'class', 'other'`;

/**
 * What each appointment type is for (a first contact, an initial evaluation, a treatment...), so
 * that the reports count conversions by what a type is, not by its name. The types the demo seed
 * and the progress-visit migration create get their purpose from their code once, here; every
 * other type starts as a treatment visit (as `treatment` defaults to true) until an admin says
 * otherwise.
 */
export class AppointmentTypePurpose1796910000000 implements MigrationInterface {
  name = 'AppointmentTypePurpose1796910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE appointment_types
        ADD COLUMN purpose text NOT NULL DEFAULT 'treatment'
          CONSTRAINT appointment_types_purpose_known CHECK (purpose IN (${PURPOSES}))`);
    await db.query(`
      UPDATE appointment_types SET purpose = CASE code
        WHEN 'free_pain_assessment' THEN 'first_contact'
        WHEN 'initial_evaluation' THEN 'initial_evaluation'
        WHEN 're_evaluation' THEN 're_evaluation'
        WHEN 'progress_visit' THEN 'progress'
        WHEN 'back_care_workshop' THEN 'class'
        ELSE purpose END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE appointment_types DROP COLUMN purpose`);
  }
}
