import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What objectives and dashboards count by:
 * - `opportunities.closed_at`: when the deal was won or lost (null while it
 *   is open). A won deal counts in the period it was won; Axelor counts it by
 *   creation date, a quirk we do not keep. Deals closed before this column
 *   existed take the time of their last stage change on the timeline, else
 *   their last update.
 * - `crm_settings.time_zone`: the organisation's calendar (default
 *   Europe/Paris): a period "March" is March in that zone, so a deal won at
 *   23:30 local time on 31 March counts in March.
 */
export class WonDatesAndTimeZone1764810000000 implements MigrationInterface {
  name = 'WonDatesAndTimeZone1764810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE opportunities ADD COLUMN closed_at timestamptz`);
    await db.query(`
      UPDATE opportunities o SET closed_at = coalesce(
        (SELECT max(h.occurred_at) FROM history_entries h
          WHERE h.subject_type = 'opportunity' AND h.subject_id = o.id AND h.kind = 'stage_changed'),
        o.updated_at)
      WHERE o.stage IN ('closed_won', 'closed_lost')`);
    await db.query(
      `ALTER TABLE opportunities ADD CONSTRAINT opportunities_closed_at_check CHECK ((closed_at IS NOT NULL) = (stage IN ('closed_won', 'closed_lost')))`,
    );
    // objectives and the won/lost reports: deals of one salesperson closed in a range
    await db.query(`CREATE INDEX opportunities_closed_idx ON opportunities (assigned_to_id, closed_at) WHERE closed_at IS NOT NULL`);
    await db.query(`ALTER TABLE crm_settings ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Paris'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE crm_settings DROP COLUMN time_zone`);
    await db.query(`DROP INDEX opportunities_closed_idx`);
    await db.query(`ALTER TABLE opportunities DROP COLUMN closed_at`);
  }
}
