import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rooms and resources are retired, not deleted: past visits keep pointing at the room they used.
 * A retired room takes no new bookings, frees its name for a new one, and cannot be retired while
 * it holds visits still ahead (the database checks, so no booking can slip in between).
 */
export class RetiredResources1796100000000 implements MigrationInterface {
  name = 'RetiredResources1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE resources ADD COLUMN retired_at timestamptz`);
    await db.query(`ALTER TABLE resources DROP CONSTRAINT resources_name_key`);
    await db.query(
      `CREATE UNIQUE INDEX resources_name_key ON resources (location_id, name) WHERE retired_at IS NULL`,
    );
    await db.query(`
      CREATE FUNCTION resources_retire_when_free() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.retired_at IS NOT NULL AND OLD.retired_at IS NULL AND EXISTS (
             SELECT 1 FROM appointments
              WHERE resource_id = NEW.id AND ends_at > now()
                AND status IN ('booked', 'confirmed', 'checked_in')) THEN
          RAISE EXCEPTION 'resource % holds visits still ahead', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'resources_retired_with_no_visits_ahead';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER resources_retire_when_free BEFORE UPDATE OF retired_at ON resources
        FOR EACH ROW EXECUTE FUNCTION resources_retire_when_free()`);
  }

  /** Retired rooms come back as rooms; a name a retired and a current room share stops it. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER resources_retire_when_free ON resources`);
    await db.query(`DROP FUNCTION resources_retire_when_free()`);
    await db.query(`DROP INDEX resources_name_key`);
    await db.query(`ALTER TABLE resources DROP COLUMN retired_at`);
    await db.query(
      `ALTER TABLE resources ADD CONSTRAINT resources_name_key UNIQUE (location_id, name)`,
    );
  }
}
