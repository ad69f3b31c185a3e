import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every instance of the API keeps its users' roles and locations in memory (ActorCache); these
 * triggers tell all of them, at commit, which user changed, whoever changed it.
 */
export class ActorChangeNotices1795852800000 implements MigrationInterface {
  name = 'ActorChangeNotices1795852800000';

  async up(db: QueryRunner): Promise<void> {
    // The column holding the user id is the trigger's argument: users.id, user_locations.user_id.
    await db.query(`
      CREATE FUNCTION notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM pg_notify('actor_changed', to_jsonb(OLD) ->> TG_ARGV[0]);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM pg_notify('actor_changed', to_jsonb(NEW) ->> TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER users_actor_changed
        AFTER UPDATE OF role, active OR DELETE ON users
        FOR EACH ROW EXECUTE FUNCTION notify_actor_changed('id')`);
    await db.query(`
      CREATE TRIGGER user_locations_actor_changed
        AFTER INSERT OR UPDATE OR DELETE ON user_locations
        FOR EACH ROW EXECUTE FUNCTION notify_actor_changed('user_id')`);
    // Row triggers do not see a TRUNCATE: it says '*', everyone.
    await db.query(`
      CREATE FUNCTION notify_everyone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('actor_changed', '*');
        RETURN NULL;
      END $$`);
    for (const table of ['users', 'user_locations']) {
      await db.query(`
        CREATE TRIGGER ${table}_truncated_actor_changed AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_everyone_changed()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER user_locations_truncated_actor_changed ON user_locations');
    await db.query('DROP TRIGGER users_truncated_actor_changed ON users');
    await db.query('DROP FUNCTION notify_everyone_changed()');
    await db.query('DROP TRIGGER user_locations_actor_changed ON user_locations');
    await db.query('DROP TRIGGER users_actor_changed ON users');
    await db.query('DROP FUNCTION notify_actor_changed()');
  }
}
