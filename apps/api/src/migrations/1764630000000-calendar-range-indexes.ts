import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The calendar's long events and series by when they end. Indexed by start,
 * a range read every long event and every series a user ever started before
 * the range's end, then dropped those that had ended before it: a user's
 * week fetched 215 heap rows of past trips to keep none, most of its time,
 * and more each year. By (who, end, start), the index range is what ends
 * after the range's start, and the start is checked in the index itself.
 * A series without an end is `infinity` there (the query says the same).
 */
export class CalendarRangeIndexes1764630000000 implements MigrationInterface {
  name = 'CalendarRangeIndexes1764630000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_assignee_long_idx`);
    await db.query(`DROP INDEX events_team_long_idx`);
    await db.query(`DROP INDEX events_assignee_series_idx`);
    await db.query(`DROP INDEX events_team_series_idx`);
    const long = `recurrence IS NULL AND end_at - start_at > interval '24 hours'`;
    await db.query(`CREATE INDEX events_assignee_long_idx ON events (assigned_to_id, end_at, start_at) WHERE ${long}`);
    await db.query(`CREATE INDEX events_team_long_idx ON events (team_id, end_at, start_at) WHERE ${long} AND team_id IS NOT NULL`);
    const seriesEnd = `(coalesce(series_end_at, 'infinity'::timestamptz))`;
    await db.query(`CREATE INDEX events_assignee_series_idx ON events (assigned_to_id, ${seriesEnd}, start_at) WHERE recurrence IS NOT NULL`);
    await db.query(`CREATE INDEX events_team_series_idx ON events (team_id, ${seriesEnd}, start_at) WHERE recurrence IS NOT NULL AND team_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of ['events_assignee_long_idx', 'events_team_long_idx', 'events_assignee_series_idx', 'events_team_series_idx']) {
      await db.query(`DROP INDEX ${name}`);
    }
    await db.query(
      `CREATE INDEX events_assignee_long_idx ON events (assigned_to_id, start_at) WHERE recurrence IS NULL AND end_at - start_at > interval '24 hours'`,
    );
    await db.query(
      `CREATE INDEX events_team_long_idx ON events (team_id, start_at) WHERE recurrence IS NULL AND team_id IS NOT NULL AND end_at - start_at > interval '24 hours'`,
    );
    await db.query(`CREATE INDEX events_assignee_series_idx ON events (assigned_to_id, start_at) WHERE recurrence IS NOT NULL`);
    await db.query(`CREATE INDEX events_team_series_idx ON events (team_id, start_at) WHERE recurrence IS NOT NULL AND team_id IS NOT NULL`);
  }
}
