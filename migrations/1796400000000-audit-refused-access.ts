import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new audit action, `access_refused`: an attempt on a record the caller may not see or change
 * (answered 404 or 403), as HIPAA 164.312(b) asks a trail to record. The list of actions is
 * read from the constraint as it stands, so actions other migrations added before this one stay.
 */
export class AuditRefusedAccess1796400000000 implements MigrationInterface {
  name = 'AuditRefusedAccess1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_valid,
      ADD CONSTRAINT audit_events_action_valid
        CHECK (action IN (${await this.actionsExcept(db)}, 'access_refused'))`);
  }

  /**
   * The list without the new action. The trail is append-only, so its rows of the action stay:
   * the constraint holds for rows written from now on (NOT VALID).
   */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_valid,
      ADD CONSTRAINT audit_events_action_valid
        CHECK (action IN (${await this.actionsExcept(db)})) NOT VALID`);
  }

  /** The quoted actions the constraint allows now, less access_refused. */
  private async actionsExcept(db: QueryRunner): Promise<string> {
    const [row] = (await db.query(`
      SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conname = 'audit_events_action_valid' AND conrelid = 'audit_events'::regclass`)) as {
      definition: string;
    }[];
    const actions = [...row.definition.matchAll(/'([a-z_]+)'/g)]
      .map((match) => match[1])
      .filter((action) => action !== 'access_refused');
    return actions.map((action) => `'${action}'`).join(', ');
  }
}
