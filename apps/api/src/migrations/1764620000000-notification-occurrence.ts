import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which occurrence an event reminder is about. `record_id` names the event
 * (for a series, the series row), so a reminder of the 3rd meeting of a
 * weekly series could not say which meeting it meant; the bell opens that
 * one. Null for the notifications made before, and for any not about an
 * event: the SPA then opens the record itself.
 */
export class NotificationOccurrence1764620000000 implements MigrationInterface {
  name = 'NotificationOccurrence1764620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications ADD COLUMN occurrence_start_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notifications DROP COLUMN IF EXISTS occurrence_start_at`);
  }
}
