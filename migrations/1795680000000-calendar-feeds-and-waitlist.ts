import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-only iCalendar feeds per therapist (revocable tokens) and the waitlist. */
export class CalendarFeedsAndWaitlist1795680000000 implements MigrationInterface {
  name = 'CalendarFeedsAndWaitlist1795680000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        therapist_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- Only a hash: a leaked database does not leak working feed URLs.
        token_hash text NOT NULL CONSTRAINT calendar_feeds_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(
      `CREATE UNIQUE INDEX calendar_feeds_one_active ON calendar_feeds (therapist_id) WHERE revoked_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE waitlist_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        patient_id uuid NOT NULL REFERENCES patients (id),
        appointment_type_id uuid NOT NULL REFERENCES appointment_types (id),
        location_ids uuid[] NOT NULL CONSTRAINT waitlist_locations_not_empty CHECK (cardinality(location_ids) > 0),
        therapist_id uuid REFERENCES users (id),
        earliest date NOT NULL,
        latest date NOT NULL,
        -- Wall-clock hours of the day the patient can come, in the location's zone.
        day_starts time NOT NULL DEFAULT '00:00',
        day_ends time NOT NULL DEFAULT '23:59',
        status text NOT NULL DEFAULT 'waiting'
          CONSTRAINT waitlist_status_valid CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn', 'expired')),
        offered_starts_at timestamptz,
        offered_therapist_id uuid REFERENCES users (id),
        offered_location_id uuid REFERENCES locations (id),
        offer_expires_at timestamptz,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT waitlist_window_valid CHECK (latest >= earliest AND day_ends > day_starts),
        -- An offer names its slot; a booked entry keeps the offer it took.
        CONSTRAINT waitlist_offer_complete CHECK (
          status NOT IN ('offered', 'booked') OR
          (offered_starts_at IS NOT NULL AND offered_therapist_id IS NOT NULL
            AND offered_location_id IS NOT NULL AND offer_expires_at IS NOT NULL)
        )
      )`);
    await db.query(
      `CREATE INDEX waitlist_waiting_idx ON waitlist_entries (appointment_type_id, created_at) WHERE status = 'waiting'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE waitlist_entries`);
    await db.query(`DROP TABLE calendar_feeds`);
  }
}
